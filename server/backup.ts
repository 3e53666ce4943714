/**
 * `npm run backup -- [--data DIR] [--out FILE]`: writes a consistent copy of a data folder as one
 * JSON file. For a running server use `GET /api/backup` (admin) instead; this command opens the
 * folder itself and so refuses while a server holds it.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openLowdbStore } from './store/lowdb-store.ts';
import { StoreError } from './store/store.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, out: { type: 'string' } },
  });
  const dataDir = resolve(values.data ?? process.env.LOTSE_DATA ?? './data');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = resolve(values.out ?? `lotse-backup-${stamp}.json`);
  const store = await openLowdbStore(dataDir);
  try {
    const data = await store.exportAll();
    writeFileSync(out, JSON.stringify(data), { mode: 0o600 });
    process.stdout.write(
      `Backup of ${dataDir} written to ${out} (${data.archive.length} archived days, ${data.liveDay?.tickets.length ?? 0} tickets today).\n`,
    );
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof StoreError ? error.message : String(error);
  process.stderr.write(`${message}\nWhile the server runs, download GET /api/backup as admin instead.\n`);
  process.exit(1);
});
