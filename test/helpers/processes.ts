/** Real Lotse server processes (`node --import tsx server/main.ts`) for multi-process tests. */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { freePort } from './ports.ts';

const MAIN = fileURLToPath(new URL('../../server/main.ts', import.meta.url));

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  stderr(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** `npm start` on loopback at `port`, without a printer, logging errors only unless `env` says otherwise. */
export function spawnServer(port: number, env: Record<string, string>, stdout: 'ignore' | 'pipe'): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOTSE_LOG_LEVEL: 'error',
      LOTSE_PRINTER: 'none',
      ...env,
    },
    stdio: ['ignore', stdout, 'pipe'],
  });
}

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawnServer(port, env, 'ignore');
  let err = '';
  child.stderr?.on('data', (d) => {
    err += String(d);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  let up = false;
  while (!up) {
    if (child.exitCode !== null) throw new Error(`server process exited at start: ${err}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server process did not answer within 30 s: ${err}`);
    }
    try {
      up = (await fetch(`${url}/api/health`)).ok;
    } catch {
      /* not up yet */
    }
    if (!up) await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    port,
    child,
    stderr: () => err,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await once(child, 'exit');
    },
  };
}
