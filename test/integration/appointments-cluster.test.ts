/**
 * Booking on several server processes sharing one PostgreSQL: clerks on different processes
 * booking the last places of one slot at once never get more places than the slot has.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, instantOf, localDay } from '../../core/localtime.ts';
import { loadOfficeConfig } from '../../server/office-config.ts';
import { startServerProcess, type ServerProcess } from '../helpers/processes.ts';
import { http, login, removeDir, tempDataDir } from '../helpers/server.ts';
import { type Service, startPostgres } from '../helpers/services.ts';

const PASSWORD = 'cluster-admin-password';
let pg: Service;
let dir: string;
const processes: ServerProcess[] = [];

beforeAll(async () => {
  pg = await startPostgres();
  dir = tempDataDir();
  const office = loadOfficeConfig(undefined);
  // Appointments every day around the clock, so the test does not depend on today's weekday.
  const allDay = [{ from: '00:00', to: '24:00' }];
  office.appointmentHours = {
    weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    closedDays: [],
  };
  office.openingHours.closedDays = [];
  for (const c of office.concerns) if (c.id === 'housing') c.slotCapacity = 3;
  const config = join(dir, 'office.json');
  writeFileSync(config, JSON.stringify(office));
  // One after the other: starting several at once on a busy two-core machine can take too long.
  for (const i of [0, 1, 2]) {
    processes.push(
      await startServerProcess({
        LOTSE_DATABASE_URL: pg.url,
        LOTSE_CONFIG: config,
        LOTSE_DATA: join(dir, `node-${i}`),
        LOTSE_ADMIN_PASSWORD: PASSWORD,
      }),
    );
  }
}, 180_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop('SIGKILL')));
  await pg?.stop();
  if (dir) removeDir(dir);
});

describe('booking on three server processes sharing PostgreSQL', () => {
  it('gives a slot with three places to exactly three of 24 clerks booking at once', async () => {
    const tomorrow = addDays(localDay(Date.now(), 'Europe/Berlin'), 1);
    const start = new Date(instantOf(tomorrow, 12 * 60, 'Europe/Berlin')).toISOString();
    const tokens = await Promise.all(processes.map((p) => login(p.url, 'admin', PASSWORD)));
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        http(processes[i % 3]!.url, 'POST', '/api/appointments', { concernId: 'housing', start }, tokens[i % 3]),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 409 && a.body.error.code === 'SLOT_TAKEN')).toHaveLength(21);
    const codes = answers.filter((a) => a.status === 201).map((a) => a.body.appointment.code as string);
    expect(new Set(codes).size).toBe(3);
    for (const [i, p] of processes.entries()) {
      const day = await http(p.url, 'GET', `/api/appointments?date=${tomorrow}`, undefined, tokens[i]);
      expect(day.body.appointments).toHaveLength(3);
      const slots = await http(
        p.url,
        'GET',
        `/api/appointments/slots?concernId=housing&date=${tomorrow}`,
        undefined,
        tokens[i],
      );
      expect(slots.body.slots.find((s: { start: string }) => s.start === start).free).toBe(0);
    }
  });
});
