// @vitest-environment happy-dom
/**
 * The statistics tab against a stubbed API: concerns requested and served, visits and the share
 * with several concerns, outcomes per period and concern by their configured names (an id no
 * longer configured shows as itself), and old days without visit figures reading visits as issued.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { outcomeIdsOf, outcomeName, quickRanges, visitsOf } from './stats-data.ts';
import { StatsPanel } from './stats.tsx';
import type { OfficePublic } from '../core/api.ts';
import { addDays } from '../core/localtime.ts';
import { officeDay } from '../ui/staff-format.ts';
import { testOffice } from '../ui/staff-test-fixtures.tsx';

const office = testOffice({
  concerns: [
    { id: 'housing', prefix: 'W', name: 'Wohngeld' },
    { id: 'documents', prefix: 'U', name: 'Urkunden' },
  ],
  counters: [{ id: 'desk-1', name: 'Platz 1', concernIds: ['housing', 'documents'] }],
  outcomes: [
    { id: 'done', name: 'Erledigt' },
    { id: 'documents-missing', name: 'Unterlagen fehlen' },
  ],
});

const base = {
  noShow: 0,
  avgWaitMinutes: 5,
  p90WaitMinutes: 8,
  avgServiceMinutes: 6,
  medianWaitMinutes: 5,
  medianServiceMinutes: 6,
  servedWithinTargetShare: 1,
  cancelled: 0,
  transferred: 0,
};

// The tab opens on last week, by day: its Monday (an old day) and Tuesday (with visits).
const monday = (quickRanges(officeDay('Europe/Berlin'))[0] as { from: string }).from;
const tuesday = addDays(monday, 1);

// Tuesday: a visit with two concerns (housing, then documents) and one with housing only.
const tuesdayRows = [
  {
    ...base,
    period: tuesday,
    concernId: 'housing',
    issued: 2,
    served: 2,
    visits: 2,
    multiConcernShare: 0.5,
    outcomes: { done: 1, 'documents-missing': 1 },
  },
  {
    ...base,
    period: tuesday,
    concernId: 'documents',
    issued: 1,
    served: 1,
    visits: 0,
    multiConcernShare: null,
    outcomes: { forwarded: 1 },
  },
];
const tuesdayTotal = {
  ...base,
  period: tuesday,
  concernId: '*',
  issued: 3,
  served: 3,
  visits: 2,
  multiConcernShare: 0.5,
  outcomes: { done: 1, 'documents-missing': 1, forwarded: 1 },
};
// Monday was stored before visits had parts: no visits, no outcomes.
const mondayRow = { ...base, period: monday, concernId: 'housing', issued: 4, served: 4 };
const mondayTotal = { ...mondayRow, concernId: '*' };

function serve() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string) => {
      if (path.startsWith('/api/stats/heatmap'))
        return new Response(JSON.stringify({ from: '', to: '', concernId: null, openDays: [], cells: [] }));
      if (path.startsWith('/api/stats/counters')) return new Response(JSON.stringify({ from: '', to: '', rows: [] }));
      if (path.startsWith('/api/stats'))
        return new Response(
          JSON.stringify({
            from: '2026-11-09',
            to: '2026-11-22',
            by: 'week',
            targetWaitMinutes: 20,
            rows: [mondayRow, ...tuesdayRows],
            totals: [mondayTotal, tuesdayTotal],
            summary: [{ ...tuesdayTotal, period: 'all', issued: 7, served: 7, visits: 6, multiConcernShare: 0.167 }],
          }),
        );
      return new Response('{}', { status: 404 });
    }),
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('statistics of visits and outcomes', () => {
  it('shows concerns, visits, the share with several concerns and outcomes by name', async () => {
    serve();
    render(<StatsPanel office={office} fail={vi.fn()} />);
    await screen.findByTestId('stats-kpis');
    expect(screen.getByTestId('kpi-issued').textContent).toBe('7');
    expect(screen.getByTestId('kpi-visits').textContent).toBe('6');
    expect(screen.getByTestId('kpi-multi').textContent).toBe('16,7\u00a0%');

    // Old week: visits read as issued.
    const old = document.querySelector(`[data-testid="stats-row"][data-period="${monday}"]`);
    expect(old?.querySelector('[data-col="visits"]')?.textContent).toBe('4');
    const housing = document.querySelector(
      `[data-testid="stats-row"][data-period="${tuesday}"][data-concern="housing"]`,
    );
    expect(housing?.querySelector('[data-col="multiConcernShare"]')?.textContent).toBe('50\u00a0%');

    const table = screen.getByTestId('stats-outcome-table');
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(heads).toEqual(['Tag', 'Anliegen', 'Erledigt', 'Unterlagen fehlen', 'forwarded']);
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [
      tr.getAttribute('data-concern'),
      ...[...tr.querySelectorAll('td.num')].map((td) => td.textContent),
    ]);
    // Only rows with outcomes; the old week has none. Concerns by name, the total last.
    expect(rows).toEqual([
      ['documents', '0', '0', '1'],
      ['housing', '1', '1', '0'],
      ['*', '1', '1', '1'],
    ]);
    const bars = [...document.querySelectorAll('[data-testid="chart-outcomes-bar"]')].map((b) => [
      b.getAttribute('data-series'),
      b.getAttribute('data-period'),
      b.getAttribute('data-value'),
    ]);
    expect(bars.filter((b) => b[1] === tuesday)).toEqual([
      ['done', tuesday, '1'],
      ['documents-missing', tuesday, '1'],
      ['forwarded', tuesday, '1'],
    ]);
    expect(bars.filter((b) => b[1] === monday).map((b) => b[2])).toEqual(['0', '0', '0']);
    const visitBars = [...document.querySelectorAll('[data-testid="chart-visitors-bar"][data-series="visits"]')];
    // Seven days, closed days as zero.
    expect(visitBars.map((b) => b.getAttribute('data-value'))).toEqual(['4', '2', '0', '0', '0', '0', '0']);
  });

  it('shows recorded outcomes by id when the office no longer configures any', async () => {
    serve();
    render(<StatsPanel office={{ ...office, outcomes: [] } as OfficePublic} fail={vi.fn()} />);
    const table = await screen.findByTestId('stats-outcome-table');
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(heads).toEqual(['Tag', 'Anliegen', 'documents-missing', 'done', 'forwarded']);
    expect(screen.queryByTestId('stats-outcomes-empty')).toBeNull();
  });

  it('offers every CSV for German spreadsheets, and the international format as a choice', async () => {
    serve();
    render(<StatsPanel office={office} fail={vi.fn()} />);
    await screen.findByTestId('stats-kpis');
    const links = () => [...document.querySelectorAll('a.stats-csv')].map((a) => a.getAttribute('href') ?? '');
    expect(links().length).toBeGreaterThan(3);
    for (const href of links()) expect(href).toMatch(/[?&]format=csv&.*dialect=de$|[?&]dialect=de$/);
    expect((screen.getByTestId('stats-csv-dialect') as HTMLSelectElement).value).toBe('de');
    fireEvent.change(screen.getByTestId('stats-csv-dialect'), { target: { value: 'en' } });
    await vi.waitFor(() => {
      for (const href of links()) expect(href.endsWith('dialect=en')).toBe(true);
    });
    fireEvent.change(screen.getByTestId('stats-csv-dialect'), { target: { value: 'de' } });
  });

  it('reads rows tolerantly', () => {
    expect(visitsOf({ ...mondayRow })).toBe(4);
    expect(visitsOf({ ...tuesdayRows[1], visits: 0 } as never)).toBe(0);
    expect(outcomeIdsOf([tuesdayTotal], [{ id: 'x' }, { id: 'done' }])).toEqual([
      'x',
      'done',
      'documents-missing',
      'forwarded',
    ]);
    expect(outcomeName('gone', [{ id: 'done', name: 'Erledigt' }])).toBe('gone');
  });
});
