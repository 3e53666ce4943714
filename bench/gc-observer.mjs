// Loaded into a server process by `bench/settled-tail.ts` (NODE_OPTIONS=--import): appends each
// garbage collection pause of the main thread (start as epoch ms, duration ms, kind) to the file
// named by LOTSE_BENCH_GC_LOG, in batches, and the rest when the process is stopped.
import { appendFileSync, writeFileSync } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';

const out = process.env.LOTSE_BENCH_GC_LOG;
if (out) {
  writeFileSync(out, '');
  const kinds = {
    [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
    [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact',
    [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental-marking',
    [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak-callbacks',
  };
  let lines = [];
  const flush = () => {
    if (lines.length) appendFileSync(out, `${lines.join('\n')}\n`);
    lines = [];
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      lines.push(
        `${(performance.timeOrigin + e.startTime).toFixed(3)} ${e.duration.toFixed(3)} ${kinds[e.detail?.kind] ?? 'other'}`,
      );
    }
  }).observe({ entryTypes: ['gc'] });
  setInterval(flush, 500).unref();
  process.on('SIGTERM', flush);
}
