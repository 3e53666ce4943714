import { describe, expect, it } from 'vitest';
import { csvCell, csvText, rowsToCsv } from './csv-dialect.ts';
import { countersToCsv, toCsv } from './stats-csv.ts';
import type { StatsRow } from './stats.ts';

const row = (patch: Partial<StatsRow>): StatsRow =>
  ({
    period: '2026-W47',
    concernId: 'housing',
    issued: 12,
    served: 10,
    noShow: 1,
    avgWaitMinutes: 7.5,
    p90WaitMinutes: 14.25,
    avgServiceMinutes: null,
    cancelled: 0,
    transferred: 0,
    medianWaitMinutes: 6,
    medianServiceMinutes: null,
    servedWithinTargetShare: 0.9,
    appointments: 0,
    punctualShare: null,
    medianCheckInMinutes: null,
    avgAppointmentWaitMinutes: null,
    visits: 12,
    multiConcernShare: 0,
    outcomes: { done: 9 },
    ...patch,
  }) as StatsRow;

describe('CSV dialects', () => {
  it('German: semicolons, decimal commas, German headers, BOM and CRLF', () => {
    const csv = toCsv([row({})], { housing: 'Wohngeld; Miete' }, ['done'], {
      dialect: 'de',
      outcomeNames: { done: 'Erledigt' },
    });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    const head = (lines[0] as string).split(';');
    expect(head.slice(0, 3)).toEqual(['Zeitraum', 'Anliegen (Kennung)', 'Ausgegeben']);
    expect(head.slice(-2)).toEqual(['Ergebnis: Erledigt', 'Anliegen']);
    const cells = (lines[1] as string).split(';');
    expect(cells[head.indexOf('Wartezeit Mittel (Min.)')]).toBe('7,5');
    expect(cells[head.indexOf('Wartezeit 90 % (Min.)')]).toBe('14,25');
    expect(cells[head.indexOf('Bedienzeit Mittel (Min.)')]).toBe('');
    expect(cells[head.indexOf('Anteil im Wartezeitziel')]).toBe('0,9');
    expect(cells[head.indexOf('Ergebnis: Erledigt')]).toBe('9');
    // A name with the separator is quoted.
    expect(lines[1]?.endsWith(';"Wohngeld; Miete"')).toBe(true);
  });

  it('English (the option): commas, decimal points, field names, LF and no BOM', () => {
    const csv = toCsv([row({})], { housing: 'Wohngeld' }, ['done'], { dialect: 'en' });
    expect(csv.startsWith('period,concernId,issued')).toBe(true);
    expect(csv).not.toContain('\r');
    const [head, line] = csv.split('\n');
    const columns = (head as string).split(',');
    expect(columns.slice(-2)).toEqual(['outcome_done', 'concernName']);
    expect((line as string).split(',')[columns.indexOf('avgWaitMinutes')]).toBe('7.5');
  });

  it('neutralises formulas in both dialects; numbers stay numbers', () => {
    for (const dialect of ['de', 'en'] as const) {
      expect(csvCell('=HYPERLINK("x")', dialect)).toBe(`"'=HYPERLINK(""x"")"`);
      expect(csvCell('+49 461', dialect)).toBe("'+49 461");
      expect(csvCell('-1+1', dialect)).toBe("'-1+1");
      expect(csvCell('@SUM(A1)', dialect)).toBe("'@SUM(A1)");
    }
    expect(csvCell(-1.5, 'de')).toBe('-1,5');
    expect(csvCell(-1.5, 'en')).toBe('-1.5');
    expect(csvCell(Number.NaN, 'de')).toBe('');
  });

  it('quotes commas in German cells too (text with a comma stays one cell)', () => {
    expect(csvCell('Bildung, Teilhabe', 'de')).toBe('"Bildung, Teilhabe"');
    expect(csvText([['a', 'b']], 'de')).toBe('\uFEFFa;b\r\n');
    expect(rowsToCsv([{ n: 0.25 }], [{ key: 'n', de: 'Anteil', value: (r) => r.n }], 'de')).toBe(
      '\uFEFFAnteil\r\n0,25\r\n',
    );
  });

  it('counters with German headers and names', () => {
    const csv = countersToCsv(
      [
        {
          period: 'all',
          counterId: 'desk-2',
          served: 4,
          noShow: 0,
          avgServiceMinutes: 3.5,
          medianServiceMinutes: 3,
          servedShare: 0.5,
        },
      ],
      { 'desk-2': 'Platz 2' },
      'de',
    );
    expect(csv).toBe(
      '\uFEFFZeitraum;Platz (Kennung);Bedient;Nicht erschienen;Bedienzeit Mittel (Min.);Bedienzeit Median (Min.);Anteil bedient;Platz\r\nall;desk-2;4;0;3,5;3;0,5;Platz 2\r\n',
    );
  });
});
