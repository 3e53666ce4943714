/**
 * Several offices in one deployment: one PostgreSQL and one Redis, processes per office. Each
 * office has its own configuration, time zone, numbering, screens and staff.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOfficeConfig } from '../../server/office-config.ts';
import { startServerProcess, type ServerProcess } from '../helpers/processes.ts';
import { http, login, removeDir, tempDataDir } from '../helpers/server.ts';
import { type Service, startPostgres, startRedis } from '../helpers/services.ts';

let pg: Service;
let redis: Service;
let dir: string;
let mitte: ServerProcess;
let nord: ServerProcess;
const sockets: Socket[] = [];

beforeAll(async () => {
  [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
  dir = tempDataDir();
  const base = loadOfficeConfig(undefined);
  const files = {
    mitte: { ...base, id: 'mitte', name: 'Bürgeramt Mitte' },
    nord: { ...base, id: 'nord', name: 'Sozialamt Nord', timezone: 'Europe/Lisbon' },
  };
  const start = (id: 'mitte' | 'nord', password: string) => {
    const config = join(dir, `${id}.json`);
    writeFileSync(config, JSON.stringify(files[id]));
    return startServerProcess({
      LOTSE_DATABASE_URL: pg.url,
      LOTSE_REDIS_URL: redis.url,
      LOTSE_CONFIG: config,
      LOTSE_DATA: join(dir, id),
      LOTSE_ADMIN_PASSWORD: password,
    });
  };
  [mitte, nord] = await Promise.all([start('mitte', 'mitte-admin-password'), start('nord', 'nord-admin-password')]);
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await Promise.all([mitte?.stop('SIGKILL'), nord?.stop('SIGKILL')]);
  await redis?.stop();
  await pg?.stop();
  if (dir) removeDir(dir);
});

describe('a city with two offices on one database', () => {
  it('keeps configuration, time zone, numbering, screens and staff apart', async () => {
    expect((await http(mitte.url, 'GET', '/api/office')).body).toMatchObject({
      id: 'mitte',
      timezone: 'Europe/Berlin',
    });
    expect((await http(nord.url, 'GET', '/api/office')).body).toMatchObject({ id: 'nord', timezone: 'Europe/Lisbon' });

    const a = await http(mitte.url, 'POST', '/api/tickets', { concernId: 'housing' });
    const b = await http(nord.url, 'POST', '/api/tickets', { concernId: 'housing' });
    expect(a.body.ticket.number).toBe('W-001');
    expect(b.body.ticket.number).toBe('W-001');
    expect((await http(nord.url, 'GET', `/api/status/${a.body.ticket.statusUrl.slice(3)}`)).status).toBe(404);

    const nordScreen = io(nord.url, { transports: ['websocket'], forceNew: true, reconnection: false });
    const mitteScreen = io(mitte.url, { transports: ['websocket'], forceNew: true, reconnection: false });
    sockets.push(nordScreen, mitteScreen);
    await nordScreen.emitWithAck('screen:join', {});
    await mitteScreen.emitWithAck('screen:join', {});
    const heardInNord: string[] = [];
    nordScreen.on('call:announced', (c: { number: string }) => heardInNord.push(c.number));
    const heardInMitte = new Promise<{ number: string }>((resolve) => mitteScreen.once('call:announced', resolve));

    const mitteAdmin = await login(mitte.url, 'admin', 'mitte-admin-password');
    await http(mitte.url, 'POST', '/api/counters/desk-2/call-next', undefined, mitteAdmin);
    expect((await heardInMitte).number).toBe('W-001');
    await new Promise((r) => setTimeout(r, 300));
    expect(heardInNord).toEqual([]);

    // Staff of one office are not staff of the other.
    expect((await http(nord.url, 'GET', '/api/me', undefined, mitteAdmin)).status).toBe(401);
    expect(
      (await http(nord.url, 'POST', '/api/login', { username: 'admin', password: 'mitte-admin-password' })).status,
    ).toBe(401);
    await login(nord.url, 'admin', 'nord-admin-password');
  });
});
