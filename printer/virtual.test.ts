/**
 * The virtual printer's folder is bounded: by count and by bytes, oldest printouts removed
 * first, counting those already there when the printer starts.
 */
import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderTicket } from './layout.ts';
import { native58, sampleTicket } from './test-fixtures.ts';
import { VirtualTransport } from './virtual.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lotse-virtual-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const names = async () =>
  [...new Set((await readdir(dir)).map((f) => f.replace(/\.(bin|png)$/, '')))].sort((a, b) => a.localeCompare(b));
const ticket = (number: string) => renderTicket({ ...sampleTicket, number }, native58);

describe('virtual printer folder', () => {
  it('keeps at most maxJobs printouts, removing the oldest (.bin and .png)', async () => {
    const printer = new VirtualTransport({ dir, maxJobs: 3 });
    for (let i = 1; i <= 7; i++) await printer.print(ticket(`W-00${i}`), { id: `t${i}` });
    expect(await names()).toEqual(['t5', 't6', 't7']);
    expect((await readdir(dir)).length).toBe(6);
  });

  it('keeps at most maxBytes, never removing the newest', async () => {
    const probe = new VirtualTransport({ dir: join(dir, 'probe') });
    await probe.print(ticket('W-001'), { id: 'one' });
    const one = (await stat(join(dir, 'probe', 'one.bin'))).size + (await stat(join(dir, 'probe', 'one.png'))).size;
    await rm(join(dir, 'probe'), { recursive: true });

    const printer = new VirtualTransport({ dir, maxBytes: Math.floor(one * 2.5) });
    for (let i = 1; i <= 5; i++) await printer.print(ticket('W-001'), { id: `t${i}` });
    expect(await names()).toEqual(['t4', 't5']);

    const tiny = new VirtualTransport({ dir: join(dir, 'tiny'), maxBytes: 10 });
    await tiny.print(ticket('W-002'), { id: 'only' });
    await tiny.print(ticket('W-003'), { id: 'newest' });
    expect(await readdir(join(dir, 'tiny'))).toEqual(expect.arrayContaining(['newest.bin', 'newest.png']));
    expect(await readdir(join(dir, 'tiny'))).toHaveLength(2);
  });

  it('counts printouts left from before a restart, oldest by time; other files stay', async () => {
    const old = Date.now() / 1000 - 3600;
    for (const [i, name] of ['a', 'b', 'c'].entries()) {
      for (const ext of ['bin', 'png']) {
        await writeFile(join(dir, `${name}.${ext}`), 'x');
        await utimes(join(dir, `${name}.${ext}`), old + i * 60, old + i * 60);
      }
    }
    await writeFile(join(dir, 'notes.txt'), 'kept');
    const printer = new VirtualTransport({ dir, maxJobs: 3 });
    await printer.print(ticket('W-009'), { id: 'new' });
    expect(await names()).toEqual(['b', 'c', 'new', 'notes.txt']);
    // The same ticket printed again replaces its files and counts once.
    await printer.print(ticket('W-009'), { id: 'new' });
    expect(await names()).toEqual(['b', 'c', 'new', 'notes.txt']);
  });
});
