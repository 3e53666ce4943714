/**
 * The city overview: two offices on one PostgreSQL each publish their live figures; an admin
 * named in LOTSE_CITY_VIEWERS sees both offices with their waits and alerts on one page, other
 * admins are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CityOffice } from '../../core/live-view.ts';
import { DEFAULT_PRINTER_DEVICES, type ServerConfig } from '../../server/config.ts';
import { type RunningServer, startLotse } from '../../server/start.ts';
import { demoOffice, http, login, removeDir, tempDataDir } from '../helpers/server.ts';
import { type Service, startPostgres } from '../helpers/services.ts';

const START = Date.parse('2026-12-07T08:00:00Z');
let pg: Service;
let now = START;
const dirs: string[] = [];
let mitte: RunningServer;
let nord: RunningServer;

async function start(id: string, name: string, cityViewers: string[]): Promise<RunningServer> {
  const dataDir = tempDataDir();
  dirs.push(dataDir);
  const config: ServerConfig = {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    officeConfigPath: undefined,
    adminPassword: `${id}-admin-password`,
    printer: 'none',
    publicUrl: undefined,
    databaseUrl: pg.url,
    redisUrl: undefined,
    trustProxy: [],
    printerDevices: DEFAULT_PRINTER_DEVICES,
    cityViewers,
  };
  return startLotse(config, { office: { ...demoOffice(), id, name }, clock: () => now, live: { settleMs: 20 } });
}

beforeAll(async () => {
  pg = await startPostgres();
  mitte = await start('mitte', 'Bürgeramt Mitte', ['admin']);
  nord = await start('nord', 'Sozialamt Nord', []);
}, 120_000);

afterAll(async () => {
  await mitte?.stop();
  await nord?.stop();
  await pg?.stop();
  for (const d of dirs) removeDir(d);
});

describe('city overview on one PostgreSQL', () => {
  it('lists every office with its live figures and alerts for a city viewer', async () => {
    await http(nord.url, 'POST', '/api/tickets', { concernId: 'housing' });
    await http(nord.url, 'POST', '/api/tickets', { concernId: 'housing' });
    await http(mitte.url, 'POST', '/api/tickets', { concernId: 'certificates' });
    now += 25 * 60_000;
    const nordAdmin = await login(nord.url, 'admin', 'nord-admin-password');
    const mitteAdmin = await login(mitte.url, 'admin', 'mitte-admin-password');
    // Each office publishes on its next computation (here: its own live view being read).
    expect((await http(nord.url, 'GET', '/api/live', undefined, nordAdmin)).status).toBe(200);

    const city = await http<{ offices: CityOffice[] }>(mitte.url, 'GET', '/api/city/live', undefined, mitteAdmin);
    expect(city.status).toBe(200);
    expect(city.body.offices.map((o) => [o.officeId, o.officeName, o.waiting, o.longestWaitMinutes, o.level])).toEqual([
      ['mitte', 'Bürgeramt Mitte', 1, 25, 'warning'],
      ['nord', 'Sozialamt Nord', 2, 25, 'warning'],
    ]);
    const nordOffice = city.body.offices.find((o) => o.officeId === 'nord');
    expect(nordOffice?.stale).toBe(false);
    expect(nordOffice?.alerts.map((a) => a.message)).toContain('2 Personen warten länger als 20 Minuten – Wohngeld');

    // Nord's admin is an admin of one office only.
    const refused = await http(nord.url, 'GET', '/api/city/live', undefined, nordAdmin);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect((await http(mitte.url, 'GET', '/api/city/live')).status).toBe(401);
  });

  it('lets exactly one process of an office keep the alert minutes and send webhooks, and another take over', async () => {
    const second = await start('mitte', 'Bürgeramt Mitte', ['admin']);
    try {
      expect(await mitte.ctx.live?.storage.isKeeper()).toBe(true);
      expect(await second.ctx.live?.storage.isKeeper()).toBe(false);
      await mitte.stop();
      await expect.poll(async () => second.ctx.live?.storage.isKeeper()).toBe(true);
    } finally {
      await second.stop();
    }
  });
});
