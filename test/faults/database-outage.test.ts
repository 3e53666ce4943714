/**
 * PostgreSQL killed (`pg_ctl -m immediate stop`) under load and started again: both server
 * processes stay up, answer 503 with a code while it is gone, report not ready, reconnect by
 * themselves, and hear each other again (the LISTEN connection comes back and resynchronises).
 * Afterwards every ticket answered 201 is stored, no number twice, no confirmed call undone.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../helpers/processes.ts';
import { http, login, removeDir, tempDataDir } from '../helpers/server.ts';
import { type RestartableService, startPostgres } from '../helpers/services.ts';
import { backupOf, Ledger, waitFor } from './ledger.ts';

const PASSWORD = 'fault-suite-password';
let pg: RestartableService | undefined;
const processes: ServerProcess[] = [];
const dir = tempDataDir();

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop('SIGKILL')));
  await pg?.stop();
  removeDir(dir);
});

/** Draws and calls on every process until `stop` is set. */
async function load(ledger: Ledger, tokens: string[], until: () => boolean): Promise<void> {
  await Promise.all(
    processes.map(async (p, i) => {
      for (let k = 0; k < 2000 && !until(); k++) {
        await ledger.draw(p.url, tokens[i], k % 2 ? 'housing' : 'documents');
        if (k % 4 === 0) await ledger.callNext(p.url, tokens[i] as string, 'desk-1');
      }
    }),
  );
}

describe('a PostgreSQL outage under load', () => {
  it('is survived with 503s; the processes reconnect, resynchronise and lose nothing confirmed', async () => {
    pg = await startPostgres();
    for (const i of [0, 1]) {
      processes.push(
        await startServerProcess({
          LOTSE_DATABASE_URL: pg.url,
          LOTSE_DATA: `${dir}/node-${i}`,
          LOTSE_ADMIN_PASSWORD: PASSWORD,
        }),
      );
    }
    const tokens = await Promise.all(processes.map((p) => login(p.url, 'admin', PASSWORD)));
    const ledger = new Ledger();

    let stopped = false;
    const running = load(ledger, tokens, () => stopped);
    await new Promise((r) => setTimeout(r, 1500));
    const before = ledger.tickets.size;
    await pg.crash();
    await new Promise((r) => setTimeout(r, 2000));
    for (const p of processes) {
      expect(p.child.exitCode, p.stderr()).toBeNull();
      expect((await http(p.url, 'GET', '/api/health')).status).toBe(503);
      const refused = await http(p.url, 'POST', '/api/tickets', { concernId: 'housing' });
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe('STORAGE_UNAVAILABLE');
    }
    await pg.restart();
    for (const p of processes) {
      await waitFor(async () => (await http(p.url, 'GET', '/api/health')).status === 200, 30_000, 'health 200');
    }
    await new Promise((r) => setTimeout(r, 1500));
    stopped = true;
    await running;
    expect(ledger.tickets.size).toBeGreaterThan(before);
    for (const p of processes) expect(p.child.exitCode, p.stderr()).toBeNull();

    // A ticket drawn on one process is known on the other: it hears changes again.
    const [a, b] = processes as [ServerProcess, ServerProcess];
    const fresh = new Ledger();
    expect(await fresh.draw(b.url, tokens[1])).toBe(201);
    const token = [...fresh.tickets.values()][0]?.token as string;
    await waitFor(async () => (await http(a.url, 'GET', `/api/status/${token}`)).status === 200, 15_000, 'resync');
    const queueA = (await http(a.url, 'GET', '/api/queue')).body;
    const queueB = (await http(b.url, 'GET', '/api/queue')).body;
    expect(queueA.seq).toBe(queueB.seq);

    ledger.verify(await backupOf(a.url, tokens[0] as string));
  });
});
