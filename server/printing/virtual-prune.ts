/** Housekeeping of the virtual printer's folder. */
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { logger } from '../logger.ts';

const log = logger('printing');
const PRUNE_MAX_FILES = 4000;

/**
 * The virtual printer's folder keeps tickets only for the office's retention period (and at
 * most a few thousand files): they carry phone-page links.
 */
export async function pruneVirtualDir(virtualDir: string, retentionDays: number, now: number): Promise<void> {
  let names: string[];
  try {
    names = (await readdir(virtualDir)).filter((n) => /\.(bin|png)$/.test(n));
  } catch {
    return;
  }
  const maxAge = retentionDays * 86_400_000;
  const files = await Promise.all(
    names.map(async (name) => {
      const path = join(virtualDir, name);
      const mtime = await stat(path).then(
        (s) => s.mtimeMs,
        () => now,
      );
      return { path, mtime };
    }),
  );
  files.sort((a, b) => b.mtime - a.mtime);
  const doomed = files.filter((f, i) => i >= PRUNE_MAX_FILES || now - f.mtime > maxAge);
  for (const file of doomed) await unlink(file.path).catch(() => undefined);
  if (doomed.length > 0) log.info({ files: doomed.length }, 'deleted old virtual printouts');
}
