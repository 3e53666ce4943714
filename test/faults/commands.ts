/** Starting a server that should refuse, and running the repair command, as an operator would. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../helpers/ports.ts';
import { spawnServer } from '../helpers/processes.ts';

const REPAIR = fileURLToPath(new URL('../../server/repair.ts', import.meta.url));

/** Starts a server process that must refuse to start; resolves with everything it printed. */
export async function refusedStart(env: Record<string, string>): Promise<string> {
  const port = await freePort();
  const child = spawnServer(port, { LOTSE_LOG_LEVEL: 'info', ...env }, 'pipe');
  let out = '';
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    out += String(d);
  });
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(null);
    }, 20_000);
    child.once('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  if (code === null) throw new Error(`the server started although it should have refused: ${out}`);
  if (code === 0) throw new Error(`the server exited with 0: ${out}`);
  return out;
}

export function repair(dataDir: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', REPAIR, '--data', dataDir], { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}
