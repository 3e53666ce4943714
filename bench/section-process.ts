/**
 * Each section of `npm run bench` runs in a process of its own: the load generators of one section
 * must not measure the heap the one before left behind (10,000 phone clients, a year of
 * statistics), whose garbage collection then ran on the same two cores as the server under test.
 * A full run and `BENCH_ONLY=<section> npm run bench` thus measure under the same conditions.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Set in a section's own process: where it writes its figures (as JSON) for the run that started it. */
export const SECTION_OUT = process.env.BENCH_SECTION_OUT;

/**
 * Runs section `name` of `script` in a new process (its lines go to this process's output) and
 * returns its figures, or null when it ended without writing them.
 */
export function runSectionProcess<F>(script: string, name: string): F[] | null {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-bench-section-'));
  const out = join(dir, 'figures.json');
  try {
    spawnSync(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, BENCH_ONLY: name, BENCH_SECTION_OUT: out },
      stdio: 'inherit',
    });
    return existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as F[]) : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
