/**
 * `scripts/setup-debian.sh`, which `npm test` and `.ci/run` run first: with everything present it
 * does nothing; as a user other than root it installs nothing and prints the one apt-get line.
 */
import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SCRIPT = new URL('../../scripts/setup-debian.sh', import.meta.url).pathname;
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/**
 * Runs the script as an unprivileged user (`nobody` when the tests run as root). `nobody` runs a
 * copy in the test's own readable folder: the checkout may sit in a folder only root can enter.
 */
function asUser(env: Record<string, string>, folder: string) {
  const vars = Object.entries(env).map(([k, v]) => `${k}=${v}`);
  if (process.getuid?.() !== 0) return run('env', [...vars, 'bash', SCRIPT]);
  const copy = join(folder, 'setup-debian.sh');
  copyFileSync(SCRIPT, copy);
  chmodSync(copy, 0o755);
  return run('runuser', ['-u', 'nobody', '--', 'env', ...vars, 'bash', copy]);
}

describe('scripts/setup-debian.sh', () => {
  it('finds everything npm test needs on this machine and says nothing', async () => {
    const { stdout, stderr } = await run('bash', [SCRIPT, 'test']);
    expect(stdout + stderr).toBe('');
  });

  it('as a normal user stops at once with the apt-get line for just the missing packages', async () => {
    dir = mkdtempSync(join(tmpdir(), 'lotse-setup-'));
    chmodSync(dir, 0o755);
    const list = join(dir, 'packages.txt');
    writeFileSync(
      list,
      [
        '# group  installed when  package',
        'test /nonexistent/lotse/bin lotse-missing-one',
        'test cmd:lotse-no-such-command lotse-missing-two',
        `test ${process.execPath} nodejs`,
        'audio /nonexistent/audio lotse-audio-only',
      ].join('\n'),
    );
    await expect(asUser({ LOTSE_PACKAGES: list }, dir)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        'sudo apt-get install -y --no-install-recommends lotse-missing-one lotse-missing-two\n',
      ),
    });
  });
});
