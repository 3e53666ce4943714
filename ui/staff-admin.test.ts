/** Pure helpers of the admin app: queue rows, recent calls, statistics totals and links, tabs. */
import { describe, expect, it } from 'vitest';
import type { CallView, QueueSnapshot } from '../core/api.ts';
import { addCall } from '../admin/live.ts';
import { waitingRows } from '../admin/queue.tsx';
import { type StatsRow, statsUrl, totals } from '../admin/stats.tsx';
import { ADMIN_TABS, tabFromHash } from '../admin/tabs.tsx';

const call = (seq: number): CallView => ({
  seq,
  number: `W-00${seq}`,
  concernId: 'housing',
  counterId: 'desk-1',
  counterName: 'Platz 1',
  calledAt: '2026-01-15T08:00:00.000Z',
  recall: false,
});

describe('admin helpers', () => {
  it('lists every ticket concern, with zero where nobody waits, and skips online-only ones', () => {
    const queue: QueueSnapshot = {
      called: [],
      waiting: [{ concernId: 'housing', count: 3, estimatedWaitMinutes: 12 }],
      seq: 0,
      day: '2026-01-15',
    };
    const rows = waitingRows(queue, [
      { id: 'housing', prefix: 'W', name: 'Wohngeld' },
      { id: 'education', prefix: 'B', name: 'Bildung' },
      { id: 'online', prefix: 'O', name: 'Online', infoUrl: 'https://example.org' },
    ]);
    expect(rows.map((r) => [r.id, r.count])).toEqual([
      ['housing', 3],
      ['education', 0],
    ]);
  });

  it('adds calls newest first, once, capped', () => {
    let recent: CallView[] = [];
    for (const seq of [1, 2, 3, 2]) recent = addCall(recent, call(seq), 2);
    expect(recent.map((c) => c.seq)).toEqual([3, 2]);
  });

  it('sums statistics and weights averages by visitors served', () => {
    const row = (served: number, avgWaitMinutes: number | null): StatsRow => ({
      period: '2026-01-15',
      concernId: 'housing',
      issued: served + 1,
      served,
      noShow: 1,
      avgWaitMinutes,
      p90WaitMinutes: null,
      avgServiceMinutes: null,
    });
    const sum = totals([row(1, 10), row(3, 2), row(0, null)]);
    expect(sum).toMatchObject({ issued: 7, served: 4, noShow: 3, avgWaitMinutes: 4, avgServiceMinutes: null });
  });

  it('builds the statistics and CSV addresses', () => {
    const q = { from: '2026-01-01', to: '2026-01-31', by: 'week' as const };
    expect(statsUrl(q)).toBe('/api/stats?from=2026-01-01&to=2026-01-31&by=week');
    expect(statsUrl(q, 'csv')).toBe('/api/stats?from=2026-01-01&to=2026-01-31&by=week&format=csv');
  });

  it('finds tabs by address and falls back to the first', () => {
    expect(tabFromHash('#stats').id).toBe('stats');
    expect(tabFromHash('#nothing').id).toBe(ADMIN_TABS[0]?.id);
  });
});
