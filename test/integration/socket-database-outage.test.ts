/**
 * Clients connecting while the PostgreSQL database is down: the server cannot check their
 * session or paired device, so it refuses the connection with STORAGE_UNAVAILABLE (a code the
 * apps retry on) instead of dying of an unhandled rejection, keeps the connections it has (the
 * session sweep waits for the database), and lets them in once the database is back. A real
 * server process's code in-process, a real PostgreSQL crashed and restarted on loopback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RestartableService, startPostgres } from '../helpers/services.ts';
import { connectClient, http, login, startTestServer, type TestServer } from '../helpers/server.ts';

let pg: RestartableService;
let server: TestServer | undefined;

beforeAll(async () => {
  pg = await startPostgres();
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await pg.stop();
});

/** The refusal of a connection attempt, or 'connected'. */
async function attempt(token: string): Promise<string> {
  try {
    const socket = await connectClient(server!.url, token);
    socket.disconnect();
    return 'connected';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('clients connecting while the database is down', () => {
  it('are refused with STORAGE_UNAVAILABLE, the server and its connections stay up, and they get in once it is back', async () => {
    server = await startTestServer({ databaseUrl: pg.url });
    const token = await login(server.url);
    const staff = await connectClient(server.url, token);
    await expect(new Promise((resolve) => staff.emit('counters:watch', {}, resolve))).resolves.toMatchObject({
      ok: true,
    });

    await pg.crash();
    // A token this process has not seen (the session cache cannot answer): the store must be asked.
    expect(await attempt('a-token-nobody-signed-in-with')).toBe('STORAGE_UNAVAILABLE');
    // The session sweep (every 2 s; the session cache holds 5 s) runs into the outage too.
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    expect((await http(server.url, 'GET', '/api/health/live')).status).toBe(200);
    expect(staff.connected).toBe(true);

    await pg.restart();
    let outcome = '';
    for (let i = 0; i < 50 && outcome !== 'connected'; i++) {
      outcome = await attempt(token);
      if (outcome !== 'connected') await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(outcome).toBe('connected');
    expect(staff.connected).toBe(true);
    staff.disconnect();
  }, 60_000);
});
