/**
 * `npm run backup -- [--data DIR] [--out FILE]`: writes a consistent copy of a data folder as one
 * JSON file. For a running server use `GET /api/backup` (admin) instead; this command opens the
 * folder itself and so refuses while a server holds it.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileLiveStorage } from './live-storage.ts';
import { loadOfficeConfig } from './office-config.ts';
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
    // The office configuration the server runs with (LOTSE_CONFIG, else the folder's office.json).
    const officePath = process.env.LOTSE_CONFIG ? resolve(process.env.LOTSE_CONFIG) : join(dataDir, 'office.json');
    const office = existsSync(officePath) ? loadOfficeConfig(officePath) : undefined;
    const alertMinutes = await fileLiveStorage(dataDir).loadMinutes();
    writeFileSync(out, JSON.stringify({ ...data, office, alertMinutes }), { mode: 0o600 });
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
