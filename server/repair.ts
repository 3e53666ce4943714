/**
 * `npm run repair -- [--data DIR]`: repairs a data folder the server refused to open because its
 * live day is damaged (see `store/repair.ts`). Refuses while a server holds the folder.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repairDataFolder } from './store/repair.ts';
import { StoreError } from './store/store.ts';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { data: { type: 'string' } }, allowPositionals: true });
  const dataDir = resolve(values.data ?? positionals[0] ?? process.env.LOTSE_DATA ?? './data');
  const report = await repairDataFolder(dataDir);
  const lines = [
    `Repaired ${dataDir} (day ${report.day ?? 'none'}, from ${report.snapshot}).`,
    `Kept ${report.keptRecords} intact journal record(s).`,
    ...report.damagedRecords.map((d) => `Left out damaged record ${d.record} at byte ${d.offset}: ${d.reason}.`),
    ...(report.missingChanges
      ? [`${report.missingChanges} confirmed change(s) were lost and cannot be restored.`]
      : []),
    ...(report.unfitRecords ? [`Left out ${report.unfitRecords} record(s) that did not fit the live day.`] : []),
    `Numbering continues after: ${
      Object.entries(report.lastNumber)
        .map(([c, n]) => `${c} ${n}`)
        .join(', ') || '(nothing issued)'
    }; calls after ${report.callSeq}.`,
    ...report.setAside.map((f) => `Kept the damaged file as ${f}.`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  const message = error instanceof StoreError ? error.message : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
