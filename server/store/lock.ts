/**
 * One writer per data folder: an exclusive `flock` on the data folder itself, held by a small
 * child process (util-linux `flock` running `cat` on a pipe from this process). The lock is the
 * kernel's: deleting or replacing a file cannot bypass it, and it ends with its holder, so a
 * crashed server leaves no stale lock (when this process dies, the pipe closes, `cat` ends and
 * the kernel releases the lock). A server releases only the lock it took.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { StoreError } from './store.ts';

export interface FolderLock {
  readonly dir: string;
  readonly holder: ChildProcess;
}

const BUSY = 75;

const busy = (dir: string) =>
  new StoreError(`Another Lotse server is using the data folder ${dir}. Only one server may write to it.`);

/** Takes the folder's exclusive lock or throws a `StoreError` at once when another process holds it. */
export async function acquireLock(dir: string): Promise<FolderLock> {
  const holder = spawn(
    'flock',
    ['--exclusive', '--nonblock', '--conflict-exit-code', String(BUSY), dir, 'sh', '-c', 'echo locked; exec cat'],
    { stdio: ['pipe', 'pipe', 'ignore'] },
  );
  const outcome = await new Promise<'locked' | number | Error>((resolve) => {
    let out = '';
    holder.stdout?.on('data', (chunk) => {
      out += String(chunk);
      if (out.includes('locked')) resolve('locked');
    });
    holder.once('error', resolve);
    holder.once('exit', (code) => resolve(code ?? -1));
  });
  if (outcome === 'locked') {
    holder.stdout?.destroy();
    holder.stdin?.on('error', () => undefined);
    // The lock must not keep this process alive; it lives exactly as long as this process.
    (holder.stdin as unknown as { unref?: () => void } | null)?.unref?.();
    holder.unref();
    return { dir, holder };
  }
  if (outcome === BUSY) throw busy(dir);
  if (outcome instanceof Error)
    throw new StoreError(`Cannot lock the data folder ${dir}: the "flock" program is missing (util-linux)`);
  throw new StoreError(`Cannot lock the data folder ${dir}: does it exist and is it readable?`);
}

/** Releases a lock this process took (and only that one). */
export async function releaseLock(lock: FolderLock): Promise<void> {
  const { holder } = lock;
  if (holder.exitCode !== null || holder.signalCode !== null) return;
  const exited = once(holder, 'exit');
  // Keep this process alive until the lock is gone (the holder was unref'd while it held it).
  holder.ref();
  holder.stdin?.end();
  await exited;
}
