/** One writer per data folder: a lock file holding the owner's process id. */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StoreError } from './store.ts';

/** Lock files this process holds (a second store in the same process is refused too). */
const heldLocks = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const busy = (dir: string, pid: number) =>
  new StoreError(
    `Another Lotse server (process ${pid}) is using the data folder ${dir}. Only one server may write to it.`,
  );

/** Takes the folder's lock or throws; a lock left by a dead process is taken over. */
export function acquireLock(dir: string): string {
  const path = join(dir, 'lotse.lock');
  if (heldLocks.has(path)) throw busy(dir, process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldLocks.add(path);
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StoreError(`Cannot create the lock file ${path}: is the data folder writable?`);
      }
      let pid = Number.NaN;
      try {
        pid = Number(readFileSync(path, 'utf8'));
      } catch {
        /* vanished in between: try again */
      }
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) throw busy(dir, pid);
      rmSync(path, { force: true });
    }
  }
  throw new StoreError(`Cannot lock the data folder ${dir}`);
}

export function releaseLock(path: string): void {
  heldLocks.delete(path);
  rmSync(path, { force: true });
}
