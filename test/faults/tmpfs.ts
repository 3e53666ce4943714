/** A small tmpfs for full-disk faults (needs root), filled to the last byte on demand. */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  dir: string;
  /** Fills the disk with a file until not one byte more fits. */
  fill(): void;
  /** Removes the filler. */
  free(): void;
  unmount(): void;
}

export function mountSmallDisk(size: string): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir]);
  const filler = join(dir, 'filler.bin');
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'a');
      try {
        for (let chunk = 1 << 20; chunk >= 1; chunk >>= 1) {
          const bytes = Buffer.alloc(chunk, 0x2e);
          for (;;) {
            try {
              if (writeSync(fd, bytes) < chunk) break;
            } catch {
              break;
            }
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free() {
      rmSync(filler, { force: true });
    },
    unmount() {
      try {
        execFileSync('umount', [dir]);
      } catch {
        execFileSync('umount', ['-l', dir]);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
