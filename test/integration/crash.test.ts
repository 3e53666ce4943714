/**
 * Crash safety with real processes: a real server is killed with SIGKILL while kiosks draw
 * tickets, 20 times in a row on one data folder. After each restart every ticket that was
 * confirmed (201) is there with its number, and no number is ever handed out twice.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../helpers/processes.ts';
import { login, removeDir, tempDataDir } from '../helpers/server.ts';

const KILLS = 20;
const dataDir = tempDataDir();
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill('SIGKILL');
  removeDir(dataDir);
});

interface Confirmed {
  number: string;
  token: string;
}

/** Draws tickets from `clients` parallel kiosks until `stop()` resolves; returns what was confirmed. */
async function drawUntil(base: string, token: string, clients: number, stop: Promise<void>): Promise<Confirmed[]> {
  const confirmed: Confirmed[] = [];
  let stopped = false;
  void stop.then(() => {
    stopped = true;
  });
  const concerns = ['housing', 'documents', 'certificates'];
  const loops = Array.from({ length: clients }, async (_, k) => {
    for (let i = 0; i < 2000 && !stopped; i++) {
      try {
        const r = await fetch(`${base}/api/tickets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ concernId: concerns[(i + k) % concerns.length] }),
        });
        if (r.status !== 201) continue;
        const body = (await r.json()) as { ticket: { number: string; statusUrl: string } };
        confirmed.push({ number: body.ticket.number, token: body.ticket.statusUrl.slice(3) });
      } catch {
        return; // the server died under us
      }
    }
  });
  await Promise.all(loops);
  return confirmed;
}

describe('a server killed while tickets are drawn', () => {
  it(`loses no confirmed ticket and repeats no number over ${KILLS} kills`, async () => {
    const all: Confirmed[] = [];
    for (let round = 0; round < KILLS; round++) {
      const server = await startServerProcess({ LOTSE_DATA: dataDir, LOTSE_ADMIN_PASSWORD: 'crash-test-password' });
      child = server.child;
      const base = server.url;
      // Drawn by staff (like paired kiosks, not rate-limited): the test draws as fast as it can.
      const token = await login(base, 'admin', 'crash-test-password');

      // Everything confirmed so far is still there, unchanged.
      for (const t of all) {
        const r = await fetch(`${base}/api/status/${t.token}`, { headers: { authorization: `Bearer ${token}` } });
        expect(r.status, `ticket ${t.number} after kill ${round}`).toBe(200);
        expect(((await r.json()) as { ticket: { number: string } }).ticket.number).toBe(t.number);
      }

      const killAfter = 100 + Math.floor(Math.random() * 300);
      const proc = child;
      const killed = new Promise<void>((resolve) => {
        setTimeout(() => {
          proc.kill('SIGKILL');
          resolve();
        }, killAfter);
      });
      const confirmed = await drawUntil(base, token, 4, killed);
      await killed;
      if (proc.exitCode === null && proc.signalCode === null) await once(proc, 'exit');
      all.push(...confirmed);
    }
    expect(all.length).toBeGreaterThan(KILLS);
    const numbers = all.map((t) => t.number);
    expect(new Set(numbers).size).toBe(numbers.length);

    // A last start: all confirmed tickets are there, and the next number is new.
    const server = await startServerProcess({ LOTSE_DATA: dataDir, LOTSE_ADMIN_PASSWORD: 'crash-test-password' });
    child = server.child;
    const base = server.url;
    const token = await login(base, 'admin', 'crash-test-password');
    const auth = { authorization: `Bearer ${token}` };
    for (const t of all) expect((await fetch(`${base}/api/status/${t.token}`, { headers: auth })).status).toBe(200);
    const next = (await (
      await fetch(`${base}/api/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ concernId: 'housing' }),
      })
    ).json()) as { ticket: { number: string } };
    expect(numbers).not.toContain(next.ticket.number);
    child.kill('SIGTERM');
    await once(child, 'exit');
  }, 180_000);
});
