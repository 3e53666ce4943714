import { describe, expect, it } from 'vitest';
import { cell, MONTH, parseCsv, useGeneratedMonth } from './stats-fixture.ts';

describe('a generated month (November 2026)', () => {
  const month = useGeneratedMonth();
  const { get } = month;

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
        await fetch(`${month.server.url}/api/stats?${MONTH}&by=week&format=csv`, {
          headers: { authorization: `Bearer ${month.admin}` },
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
});
