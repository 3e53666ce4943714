/**
 * Statistics for managers against a real server: a generated month of office days with known
 * figures (see test/helpers/stats-month.ts), read back as JSON and CSV; and one office day
 * driven through the real API with a fake clock (appointment, transfer, no-show, rollover).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http, login, removeDir, startTestServer, type TestServer, tempDataDir } from '../helpers/server.ts';
import { MONTH_BLOCKS, MONTH_DAYS, monthDayTickets, writeMonth } from '../helpers/stats-month.ts';

/** Parses the server's CSV (no quoted commas in these files except names, which are checked apart). */
function parseCsv(text: string): Record<string, string>[] {
  const [head, ...lines] = text.trimEnd().split('\n');
  const columns = (head ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell])));
}

/** A JSON figure as it appears in the CSV (null: empty cell). */
const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));

describe('a generated month (November 2026)', () => {
  let server: TestServer;
  let admin: string;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = tempDataDir();
    await writeMonth(dataDir);
    // Wednesday 2 December, 11:00 in Berlin.
    server = await startTestServer({ dataDir, clock: () => Date.parse('2026-12-02T10:00:00Z') });
    admin = await login(server.url);
    return async () => {
      await server.stop();
      removeDir(dataDir);
    };
  });

  const get = (path: string) => http(server.url, 'GET', path, undefined, admin);
  const MONTH = 'from=2026-11-01&to=2026-11-30';

  it('the generator holds what its header promises', () => {
    for (const [day, n] of Object.entries(MONTH_DAYS)) expect(monthDayTickets(day)).toHaveLength(n);
    expect(Object.values(MONTH_BLOCKS).reduce((a, b) => a + b, 0) * 10).toBe(810);
  });

  it('counts 150 to 220 concerns per week, with the same waits every week', async () => {
    const r = await get(`/api/stats?${MONTH}&by=week`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ from: '2026-11-01', to: '2026-11-30', by: 'week', targetWaitMinutes: 20 });
    expect(
      r.body.totals.map((t: { period: string; issued: number; served: number }) => [t.period, t.issued, t.served]),
    ).toEqual([
      ['2026-W45', 180, 144],
      ['2026-W46', 210, 168],
      ['2026-W47', 220, 176],
      ['2026-W48', 150, 120],
      ['2026-W49', 50, 40],
    ]);
    for (const t of r.body.totals) {
      expect(t).toMatchObject({
        concernId: '*',
        noShow: t.issued / 10,
        cancelled: t.issued / 10,
        avgWaitMinutes: 10.8,
        medianWaitMinutes: 10,
        p90WaitMinutes: 25,
        servedWithinTargetShare: 0.889,
        avgServiceMinutes: 8,
        medianServiceMinutes: 6,
      });
    }
    // Housing in W45: 2 + 3 + 2 blocks (Mon 60, Tue 70, Thu 50).
    const housing45 = r.body.rows.find(
      (x: { period: string; concernId: string }) => x.period === '2026-W45' && x.concernId === 'housing',
    );
    expect(housing45).toMatchObject({ issued: 70, served: 56, appointments: 14, punctualShare: 0.5 });
    // The contract's fields are all there.
    expect(Object.keys(r.body.rows[0])).toEqual(
      expect.arrayContaining([
        'period',
        'concernId',
        'issued',
        'served',
        'noShow',
        'avgWaitMinutes',
        'p90WaitMinutes',
        'avgServiceMinutes',
      ]),
    );
  });

  it('sums the month, with appointment punctuality and transfers', async () => {
    const r = await get(`/api/stats?${MONTH}&by=month`);
    expect(r.body.totals).toEqual([
      {
        period: '2026-11',
        concernId: '*',
        issued: 810,
        served: 648,
        noShow: 81,
        cancelled: 81,
        transferred: 22,
        avgWaitMinutes: 10.8,
        medianWaitMinutes: 10,
        p90WaitMinutes: 25,
        servedWithinTargetShare: 0.889,
        avgServiceMinutes: 8,
        medianServiceMinutes: 6,
        // 31 housing blocks, two appointments each: half 5 min early, half 3 min late.
        appointments: 62,
        punctualShare: 0.5,
        medianCheckInMinutes: -5,
        avgAppointmentWaitMinutes: 2,
        // One-concern tickets: a visit each; the generated month records no outcomes.
        visits: 810,
        multiConcernShare: 0,
        outcomes: {},
      },
    ]);
    expect(r.body.rows.map((x: { concernId: string; issued: number }) => [x.concernId, x.issued])).toEqual([
      ['documents', 220],
      ['education', 280],
      ['housing', 310],
    ]);
    // The summary of the whole range: the concerns, then every concern together.
    expect(
      r.body.summary.map((x: { period: string; concernId: string; issued: number }) => [
        x.period,
        x.concernId,
        x.issued,
      ]),
    ).toEqual([
      ['2026-11-01/2026-11-30', 'documents', 220],
      ['2026-11-01/2026-11-30', 'education', 280],
      ['2026-11-01/2026-11-30', 'housing', 310],
      ['2026-11-01/2026-11-30', '*', 810],
    ]);
  });

  it('gives each office day and each hour', async () => {
    const days = await get(`/api/stats?${MONTH}&by=day`);
    expect(days.body.totals.map((t: { period: string; issued: number }) => [t.period, t.issued])).toEqual(
      Object.entries(MONTH_DAYS),
    );
    const hours = await get('/api/stats?from=2026-11-16&to=2026-11-16&by=hour');
    // Monday 16 Nov, 80 tickets: 24, 24, 24 and 8.
    expect(hours.body.totals.map((t: { period: string; issued: number }) => [t.period, t.issued])).toEqual([
      ['2026-11-16 09:00', 24],
      ['2026-11-16 10:00', 24],
      ['2026-11-16 11:00', 24],
      ['2026-11-16 12:00', 8],
    ]);
  });

  it('exports the same figures as CSV, each period total after its concerns', async () => {
    const json = await get(`/api/stats?${MONTH}&by=week`);
    const csv = await get(`/api/stats?${MONTH}&by=week&format=csv&dialect=en`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain('lotse-stats-2026-11-01-2026-11-30-week.csv');
    const text = String(csv.body);
    expect(text.split('\n')[0]).toBe(
      'period,concernId,issued,served,noShow,avgWaitMinutes,p90WaitMinutes,avgServiceMinutes,cancelled,transferred,' +
        'medianWaitMinutes,medianServiceMinutes,servedWithinTargetShare,appointments,punctualShare,medianCheckInMinutes,' +
        'avgAppointmentWaitMinutes,visits,multiConcernShare,outcome_done,outcome_documents-missing,' +
        'outcome_forwarded,outcome_appointment-made,concernName',
    );
    const records = parseCsv(text);
    expect(records).toHaveLength(json.body.rows.length + json.body.totals.length);
    const expected = [...json.body.rows, ...json.body.totals];
    for (const row of expected) {
      const line = records.find((r) => r.period === row.period && r.concernId === row.concernId);
      expect(line, `${row.period} ${row.concernId}`).toBeDefined();
      for (const [key, value] of Object.entries(row)) {
        if (key === 'outcomes') continue; // one column per outcome, checked below
        expect(line?.[key], `${row.period} ${row.concernId} ${key}`).toBe(cell(value));
      }
      expect(line?.['outcome_documents-missing']).toBe('0');
    }
    expect(records.filter((r) => r.period === '2026-W47').map((r) => r.concernId)).toEqual([
      'documents',
      'education',
      'housing',
      '*',
    ]);
    expect(records.find((r) => r.concernId === '*')?.concernName).toBe('Alle Anliegen');
    expect(records.find((r) => r.concernId === 'housing')?.concernName).toBe('Wohngeld');
  });

  it('downloads CSV for German spreadsheets by default: ; and decimal commas, German headers, BOM, CRLF', async () => {
    const json = await get(`/api/stats?${MONTH}&by=week`);
    const csv = await get(`/api/stats?${MONTH}&by=week&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(
      await (
        await fetch(`${server.url}/api/stats?${MONTH}&by=week&format=csv`, {
          headers: { authorization: `Bearer ${admin}` },
        })
      ).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = String(csv.body).replace(/^\uFEFF/, '');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const [head = '', ...lines] = text.trimEnd().split('\r\n');
    const columns = head.split(';');
    expect(columns.slice(0, 6)).toEqual([
      'Zeitraum',
      'Anliegen (Kennung)',
      'Ausgegeben',
      'Bedient',
      'Nicht erschienen',
      'Wartezeit Mittel (Min.)',
    ]);
    expect(columns).toContain('Ergebnis: Unterlagen fehlen');
    expect(columns.at(-1)).toBe('Anliegen');
    const total = json.body.totals.find((t: { period: string }) => t.period === '2026-W47');
    const line = lines.find((l) => l.startsWith('2026-W47;*;'))?.split(';') ?? [];
    const wait = line[columns.indexOf('Wartezeit Mittel (Min.)')];
    expect(wait).toBe(String(total.avgWaitMinutes).replace('.', ','));
    expect(String(total.avgWaitMinutes)).toContain('.');
    expect(line[columns.indexOf('Ausgegeben')]).toBe(String(total.issued));

    // The heat map and the counters too; a wrong dialect is refused.
    const heat = String((await get(`/api/stats/heatmap?${MONTH}&format=csv&dialect=de`)).body);
    expect(heat.replace(/^\uFEFF/, '').split('\r\n')[1]).toBe('1;9;93;5;18,6;Montag');
    const counters = String((await get(`/api/stats/counters?${MONTH}&format=csv`)).body);
    expect(counters).toContain('Platz (Kennung);Bedient');
    const bad = await get(`/api/stats?${MONTH}&format=csv&dialect=fr`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('shows arrivals by weekday and hour, averaged over the days the office was open', async () => {
    const r = await get(`/api/stats/heatmap?${MONTH}`);
    expect(r.status).toBe(200);
    // Five Mondays, four Tuesdays, four Thursdays.
    expect(r.body.openDays).toEqual([5, 4, 0, 4, 0, 0, 0]);
    expect(r.body.cells).toHaveLength(13);
    const at = (weekday: number, hour: number) =>
      r.body.cells.find((c: { weekday: number; hour: number }) => c.weekday === weekday && c.hour === hour);
    // Mondays 9:00: 30 % of 60, 70, 80, 50, 50 = 18 + 21 + 24 + 15 + 15 = 93, / 5 = 18.6.
    expect(at(1, 9)).toEqual({ weekday: 1, hour: 9, arrivals: 93, days: 5, avgArrivals: 18.6 });
    // Tuesdays 16:00: 30 % of 70, 80, 80, 60 = 87, / 4 = 21.75 -> 21.8.
    expect(at(2, 16)).toEqual({ weekday: 2, hour: 16, arrivals: 87, days: 4, avgArrivals: 21.8 });
    // Thursdays 12:00: 10 % of 50, 60, 60, 40 = 21, / 4 = 5.25 -> 5.3.
    expect(at(4, 12)).toEqual({ weekday: 4, hour: 12, arrivals: 21, days: 4, avgArrivals: 5.3 });
    expect(r.body.cells.reduce((s: number, c: { arrivals: number }) => s + c.arrivals, 0)).toBe(810);

    const csv = await get(`/api/stats/heatmap?${MONTH}&format=csv&dialect=en`);
    const records = parseCsv(String(csv.body));
    expect(records).toHaveLength(13);
    expect(records[0]).toEqual({
      weekday: '1',
      hour: '9',
      arrivals: '93',
      days: '5',
      avgArrivals: '18.6',
      weekdayName: 'Montag',
    });

    const housing = await get(`/api/stats/heatmap?${MONTH}&concernId=housing`);
    expect(housing.body.cells.reduce((s: number, c: { arrivals: number }) => s + c.arrivals, 0)).toBe(310);
  });

  it('lists visitors per counter, never per person', async () => {
    const r = await get(`/api/stats/counters?${MONTH}`);
    expect(r.status).toBe(200);
    // 648 served: desk-2 (housing) 31 blocks x 8, desk-3 (education) 28 x 8, desk-1 (documents) 22 x 8.
    expect(r.body.rows).toEqual([
      {
        period: '2026-11-01/2026-11-30',
        counterId: 'desk-1',
        served: 176,
        noShow: 22,
        avgServiceMinutes: 8,
        medianServiceMinutes: 6,
        servedShare: 0.272,
      },
      {
        period: '2026-11-01/2026-11-30',
        counterId: 'desk-2',
        served: 248,
        noShow: 31,
        avgServiceMinutes: 8,
        medianServiceMinutes: 6,
        servedShare: 0.383,
      },
      {
        period: '2026-11-01/2026-11-30',
        counterId: 'desk-3',
        served: 224,
        noShow: 28,
        avgServiceMinutes: 8,
        medianServiceMinutes: 6,
        servedShare: 0.346,
      },
    ]);
    const csv = parseCsv(String((await get(`/api/stats/counters?${MONTH}&format=csv&dialect=en`)).body));
    expect(csv.map((c) => [c.counterId, c.served, c.counterName])).toEqual([
      ['desk-1', '176', 'Platz 1'],
      ['desk-2', '248', 'Platz 2'],
      ['desk-3', '224', 'Platz 3'],
    ]);
    const weekly = await get(`/api/stats/counters?${MONTH}&by=week`);
    expect(weekly.body.rows.filter((x: { period: string }) => x.period === '2026-W49')).toHaveLength(3);
    const stored = readFileSync(join(dataDir, 'stats', '2026-11-16.json'), 'utf8');
    expect(stored).toContain('"byCounter"');
    expect(stored).not.toMatch(/W-\d{3}|gen2026/);
  });

  it('takes the target wait from the query', async () => {
    const r = await get(`/api/stats?${MONTH}&by=month&target=6`);
    // Waits 2, 4, 6 of the nine called per block.
    expect(r.body.targetWaitMinutes).toBe(6);
    expect(r.body.totals[0].servedWithinTargetShare).toBe(0.333);
  });

  it('answers bad ranges and values with 400, and strangers with 401', async () => {
    for (const path of [
      '/api/stats?from=2026-11-30&to=2026-11-01',
      '/api/stats?by=year',
      '/api/stats?from=2026-02-30',
      '/api/stats?from=2020-01-01&to=2026-11-30',
      '/api/stats?target=0',
      '/api/stats?format=xlsx',
      '/api/stats/heatmap?to=11/30/2026',
      '/api/stats/counters?by=person',
    ]) {
      const r = await get(path);
      expect(r.status, path).toBe(400);
      expect(r.body.error.code, path).toBe('VALIDATION_FAILED');
    }
    for (const path of ['/api/stats', '/api/stats/heatmap', '/api/stats/counters']) {
      expect((await http(server.url, 'GET', path)).status).toBe(401);
    }
  });

  it('answers an empty range with empty lists', async () => {
    const r = await get('/api/stats?from=2026-10-01&to=2026-10-31&by=day');
    expect(r.body).toMatchObject({ rows: [], totals: [], summary: [] });
    expect((await get('/api/stats/heatmap?from=2026-10-01&to=2026-10-31')).body.cells).toEqual([]);
  });
});

describe('an office day through the real API', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    if (server) removeDir(server.dataDir);
    server = undefined;
  });

  it('folds calls, an appointment, a transfer and a no-show into the figures, live and after the day ends', async () => {
    // Monday 16 November 2026, 09:00 in Berlin.
    let now = Date.parse('2026-11-16T08:00:00Z');
    server = await startTestServer({ clock: () => now });
    const s = server;
    const admin = await login(s.url);
    const at = (hhmm: string) => {
      const [h, m] = hhmm.split(':').map(Number) as [number, number];
      now = Date.parse('2026-11-16T00:00:00Z') + ((h - 1) * 60 + m) * 60_000;
    };
    const post = async (path: string, body?: unknown) => {
      const r = await http(s.url, 'POST', path, body, admin);
      expect(r.status, path).toBeLessThan(300);
      return r.body;
    };

    at('09:00');
    await post('/api/tickets', { concernId: 'housing' });
    await post('/api/appointments', { code: 'TERMIN-1', concernId: 'housing', start: '2026-11-16T09:30:00+01:00' });
    at('09:05');
    await post('/api/tickets', { concernId: 'education' });
    at('09:10');
    await post('/api/counters/desk-2/call-next');
    at('09:16');
    await post('/api/counters/desk-2/complete');
    at('09:20');
    await post('/api/tickets', { concernId: 'housing', appointmentCode: 'TERMIN-1' }); // 10 min early
    at('09:25');
    await post('/api/counters/desk-3/call-next');
    at('09:27');
    expect((await post('/api/counters/desk-2/call-next')).ticket.number).toBe('W-002'); // the appointment
    at('09:28');
    await post('/api/counters/desk-3/no-show');
    at('09:35');
    await post('/api/counters/desk-2/complete');
    at('09:40');
    await post('/api/tickets', { concernId: 'documents' });
    at('09:45');
    await post('/api/counters/desk-1/call-next');
    at('09:47');
    await post('/api/counters/desk-1/transfer', { concernId: 'housing' });
    at('09:50');
    expect((await post('/api/counters/desk-2/call-next')).ticket.number).toBe('U-001');
    at('10:00');
    await post('/api/counters/desk-2/complete');
    at('10:30');
    await post('/api/tickets', { concernId: 'housing' }); // never called

    const day = 'from=2026-11-16&to=2026-11-16';
    const live = await http(s.url, 'GET', `/api/stats?${day}&by=day`, undefined, admin);
    const expectedHousing = {
      issued: 4,
      served: 3,
      noShow: 0,
      transferred: 1,
      // Waits per concern: 10 (walk-in), 7 (appointment, 09:20 -> 09:27), and 3 for the part the
      // transferred visitor waited for housing (due 09:47 when the documents part ended, called
      // 09:50): mean 6.7.
      avgWaitMinutes: 6.7,
      medianWaitMinutes: 7,
      p90WaitMinutes: 10,
      // Services 6, 8, 10 (the transferred visitor from the new call at 09:50).
      avgServiceMinutes: 8,
      medianServiceMinutes: 8,
      servedWithinTargetShare: 1,
      appointments: 1,
      punctualShare: 1,
      medianCheckInMinutes: -10,
      avgAppointmentWaitMinutes: 0,
    };
    expect(live.body.rows.find((r: { concernId: string }) => r.concernId === 'housing')).toMatchObject({
      ...expectedHousing,
      cancelled: 0,
    });
    // The documents part before the transfer counts too: waited 5 (09:40 -> 09:45), served 2.
    expect(live.body.rows.find((r: { concernId: string }) => r.concernId === 'documents')).toMatchObject({
      issued: 1,
      served: 1,
      visits: 1,
      avgWaitMinutes: 5,
      avgServiceMinutes: 2,
    });

    // Midnight: the waiting ticket is cancelled and the day archived.
    now = Date.parse('2026-11-16T23:00:30Z');
    expect(await s.ctx.queue.tick()).toBe(true);
    const manager = await login(s.url); // sessions last 12 hours
    const archived = await http(s.url, 'GET', `/api/stats?${day}&by=day`, undefined, manager);
    expect(archived.body.rows.find((r: { concernId: string }) => r.concernId === 'housing')).toMatchObject({
      ...expectedHousing,
      cancelled: 1,
    });
    expect(archived.body.rows.find((r: { concernId: string }) => r.concernId === 'education')).toMatchObject({
      issued: 1,
      noShow: 1,
      avgWaitMinutes: 20,
      servedWithinTargetShare: 1,
    });
    const counters = await http(s.url, 'GET', `/api/stats/counters?${day}`, undefined, manager);
    expect(
      counters.body.rows.map((r: { counterId: string; served: number; noShow: number }) => [
        r.counterId,
        r.served,
        r.noShow,
      ]),
    ).toEqual([
      // desk-1 served the documents part before sending the visitor on to housing.
      ['desk-1', 1, 0],
      ['desk-2', 3, 0],
      ['desk-3', 0, 1],
    ]);
    const heat = await http(s.url, 'GET', `/api/stats/heatmap?${day}`, undefined, manager);
    expect(heat.body.cells).toEqual([
      { weekday: 1, hour: 9, arrivals: 4, days: 1, avgArrivals: 4 },
      { weekday: 1, hour: 10, arrivals: 1, days: 1, avgArrivals: 1 },
    ]);
  });
});
