/**
 * Damaged data files: a journal truncated mid-file, a flipped byte, a record with an impossible
 * value, a missing or damaged snapshot. The server refuses to start and names the file, the
 * record and the repair command; the repair keeps every intact record and never hands out a
 * number again. Only a torn last record (never confirmed) is dropped by itself.
 */
import { cpSync, existsSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRecord, type JournalEntry, readJournal } from '../../server/store/journal.ts';
import { type ServerProcess, startServerProcess } from '../helpers/processes.ts';
import { login, removeDir, tempDataDir } from '../helpers/server.ts';
import { refusedStart, repair } from './commands.ts';
import { backupOf, Ledger } from './ledger.ts';

const PASSWORD = 'fault-suite-password';
const template = tempDataDir();
const dirs: string[] = [template];
const ledger = new Ledger();
let server: ServerProcess | undefined;

beforeAll(async () => {
  // A folder as a crash leaves it: 40 tickets and 6 calls in the journal, no clean stop.
  server = await startServerProcess({ LOTSE_DATA: template, LOTSE_ADMIN_PASSWORD: PASSWORD });
  const admin = await login(server.url, 'admin', PASSWORD);
  for (let i = 0; i < 40; i++) await ledger.draw(server.url, admin, i % 2 ? 'housing' : 'documents');
  for (let i = 0; i < 6; i++) await ledger.callNext(server.url, admin);
  await server.stop('SIGKILL');
  server = undefined;
}, 60_000);

afterAll(async () => {
  await server?.stop('SIGKILL');
  for (const d of dirs) removeDir(d);
});

function copy(): string {
  const dir = tempDataDir();
  dirs.push(dir);
  cpSync(template, dir, { recursive: true });
  return dir;
}

const journalOf = (dir: string) => join(dir, 'journal.ndjson');

async function startAndCheck(dir: string, expectAll: boolean) {
  server = await startServerProcess({ LOTSE_DATA: dir, LOTSE_ADMIN_PASSWORD: PASSWORD });
  const admin = await login(server.url, 'admin', PASSWORD);
  const backup = await backupOf(server.url, admin);
  if (expectAll) ledger.verify(backup);
  const present = new Set(backup.liveDay?.tickets.map((t) => t.number));
  const used = [...ledger.tickets.values()].map((t) => t.number);
  // New tickets never get a number that was confirmed before the damage.
  for (let i = 0; i < 5; i++) {
    for (const concernId of ['housing', 'documents']) {
      const fresh = new Ledger();
      expect(await fresh.draw(server.url, admin, concernId)).toBe(201);
      const number = [...fresh.tickets.values()][0]?.number as string;
      expect(used).not.toContain(number);
      expect(present.has(number)).toBe(false);
    }
  }
  await server.stop('SIGTERM');
  server = undefined;
}

describe('damaged data files', () => {
  it('the journal holds records to start with', () => {
    expect(readJournal('j', readFileSync(journalOf(template))).entries.length).toBeGreaterThan(40);
  });

  it('a journal truncated mid-file refuses the start; the repair keeps the rest and no number returns', async () => {
    const dir = copy();
    const size = readFileSync(journalOf(dir)).length;
    truncateSync(journalOf(dir), Math.floor(size / 2));
    const out = await refusedStart({ LOTSE_DATA: dir });
    expect(out).toMatch(/journal\.ndjson/);
    expect(out).toMatch(/confirmed change\(s\) are missing/);
    expect(out).toContain(`npm run repair -- --data ${dir}`);
    const fixed = repair(dir);
    expect(fixed.status, fixed.output).toBe(0);
    expect(fixed.output).toMatch(/confirmed change\(s\) were lost/);
    await startAndCheck(dir, false);
  });

  it('a damaged record before the end refuses the start and names it; the repair keeps every other record', async () => {
    const dir = copy();
    const bytes = readFileSync(journalOf(dir));
    const at = Math.floor(bytes.length / 3);
    const quote = bytes.indexOf(0x22, at);
    bytes[quote + 1] = bytes[quote + 1] === 0x61 ? 0x62 : 0x61;
    writeFileSync(journalOf(dir), bytes);
    const out = await refusedStart({ LOTSE_DATA: dir });
    expect(out).toMatch(/journal\.ndjson is damaged at record \d+ \(byte \d+\): checksum does not match/);
    const kept = readJournal('j', bytes, true);
    expect(kept.damage).toHaveLength(1);
    expect(repair(dir).status).toBe(0);
    await startAndCheck(dir, false);
  });

  it('a record with an impossible value (status 42) is refused even with a fitting checksum', async () => {
    const dir = copy();
    const read = readJournal('j', readFileSync(journalOf(dir)));
    const entries = read.entries.map((e) => structuredClone(e)) as JournalEntry[];
    const victim = entries.find((e, i) => i > 2 && e.delta.kind === 'change' && e.delta.tickets.length > 0);
    if (victim?.delta.kind !== 'change') throw new Error('no ticket record');
    (victim.delta.tickets[0] as { status: unknown }).status = 42;
    writeFileSync(journalOf(dir), Buffer.concat(entries.map(encodeRecord)));
    const out = await refusedStart({ LOTSE_DATA: dir });
    expect(out).toMatch(/impossible value: ticket \S+ has status 42/);
  });

  it('a missing live-day.json refuses the start instead of starting an empty day', async () => {
    const dir = copy();
    // A snapshot holds everything and the journal was emptied: as after a clean stop.
    server = await startServerProcess({ LOTSE_DATA: dir, LOTSE_ADMIN_PASSWORD: PASSWORD });
    await server.stop('SIGTERM');
    server = undefined;
    rmSync(join(dir, 'live-day.json'));
    const out = await refusedStart({ LOTSE_DATA: dir });
    expect(out).toMatch(/live-day\.json is missing/);
    expect(repair(dir).status).toBe(0);
    await startAndCheck(dir, false);
  });

  it('a damaged snapshot refuses the start; the repair continues from the previous one past every used number', async () => {
    const dir = copy();
    server = await startServerProcess({ LOTSE_DATA: dir, LOTSE_ADMIN_PASSWORD: PASSWORD });
    await server.stop('SIGTERM');
    server = undefined;
    expect(existsSync(join(dir, 'live-day.json.prev'))).toBe(true);
    const text = readFileSync(join(dir, 'live-day.json'), 'utf8');
    writeFileSync(join(dir, 'live-day.json'), text.slice(0, Math.floor(text.length * 0.7)));
    const out = await refusedStart({ LOTSE_DATA: dir });
    expect(out).toMatch(/live-day\.json cannot be read .*live-day\.json\.prev/);
    const fixed = repair(dir);
    expect(fixed.status, fixed.output).toBe(0);
    await startAndCheck(dir, false);
  });

  it('a torn last record (never confirmed) is dropped with a log line; everything confirmed is there', async () => {
    const dir = copy();
    const extra = encodeRecord(ledgerlessEntry(readJournal('j', readFileSync(journalOf(dir)))));
    writeFileSync(journalOf(dir), extra.subarray(0, extra.length - 9), { flag: 'a' });
    await startAndCheck(dir, true);
  });
});

/** A record that would follow the last one (its write is cut off in the test, so it was never confirmed). */
function ledgerlessEntry(read: ReturnType<typeof readJournal>): JournalEntry {
  const last = read.entries.at(-1) as JournalEntry;
  return { n: last.n + 1, delta: last.delta };
}
