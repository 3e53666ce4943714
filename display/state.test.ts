import { describe, expect, it, vi } from 'vitest';
import type { Announcement, AnnouncerLike } from './announcer.ts';
import { CALLED_CAP, RECENT_CAP } from './calls.ts';
import { createScreen, HIGHLIGHT_MS, JOIN_RETRY_MS, OFFLINE_AFTER_MS, PENDING_CAP, SILENT_AFTER_MS } from './state.ts';
import { call, FakeSocket, fakeTimersInEachTest, office, snapshot } from './test-fixtures.ts';

class FakeAnnouncer implements AnnouncerLike {
  readonly items: Announcement[] = [];
  resets = 0;
  announce(item: Announcement): boolean {
    this.items.push(item);
    return true;
  }
  reset(): void {
    this.resets++;
  }
  get seqs(): number[] {
    return this.items.map((i) => i.seq);
  }
}

function setup(options: Parameters<typeof createScreen>[0] = {}) {
  const screen = createScreen(options);
  const socket = new FakeSocket();
  const announcer = new FakeAnnouncer();
  const stop = screen.start(socket.asScreenSocket(), announcer);
  return { screen, socket, announcer, stop };
}

/** A screen that has connected and joined an office with an empty queue. */
function joined(options: Parameters<typeof createScreen>[0] = {}) {
  const s = setup(options);
  s.socket.connect();
  s.socket.answerJoin({ office: office(), queue: snapshot(0) });
  return s;
}

fakeTimersInEachTest();

describe('first join', () => {
  it('given a screen that starts, then it shows the recent calls and announces none of them', () => {
    const { screen, socket, announcer } = setup();
    socket.connect();
    expect(socket.joins[0]?.req).toEqual({});
    const c1 = call(1, 'W-001');
    const c2 = call(2, 'W-002', 'desk-2');
    socket.answerJoin({ office: office(), queue: snapshot(2, [c2, c1]), recent: [c2, c1] });
    expect(screen.recent.value.map((c) => c.seq)).toEqual([2, 1]);
    expect(screen.called.value.map((c) => c.number)).toEqual(['W-002', 'W-001']);
    expect(announcer.items).toEqual([]);
    expect(screen.connected.value).toBe(true);
  });

  it('given live calls before the first answer, then only the ones after the snapshot are announced', () => {
    const { socket, announcer } = setup();
    socket.connect();
    socket.fire('call:announced', call(2, 'W-002'));
    socket.fire('call:announced', call(3, 'W-003'));
    socket.answerJoin({ office: office(), queue: snapshot(2), recent: [call(2, 'W-002')] });
    expect(announcer.seqs).toEqual([3]);
  });
});

describe('live calls', () => {
  it('given three calls in quick succession, then three announcements in order, with the wording', () => {
    const { screen, socket, announcer } = joined();
    socket.fire('call:announced', call(1, 'W-001', 'desk-1'));
    socket.fire('call:announced', call(2, 'W-017', 'desk-2'));
    socket.fire('call:announced', call(3, 'B-003', 'desk-3'));
    expect(announcer.seqs).toEqual([1, 2, 3]);
    expect(announcer.items[1]).toMatchObject({
      text: 'Nummer W siebzehn, bitte zu Platz 2.',
      language: 'de',
      recall: false,
    });
    expect(screen.called.value.map((c) => c.number)).toEqual(['B-003', 'W-017', 'W-001']);
    expect(screen.highlighted.value).toBe('B-003@desk-3');
  });

  it('given a recall, then it is announced again', () => {
    const { socket, announcer } = joined();
    socket.fire('call:announced', call(1, 'W-001'));
    socket.fire('call:announced', call(2, 'W-001', 'desk-1', true));
    expect(announcer.items.map((i) => [i.seq, i.recall])).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it('given the same call twice, then it is announced once', () => {
    const { socket, announcer } = joined();
    socket.fire('call:announced', call(1, 'W-001'));
    socket.fire('call:announced', call(1, 'W-001'));
    expect(announcer.seqs).toEqual([1]);
  });

  it('given a gap in the sequence, then the screen joins again and catches up in order', () => {
    const { socket, announcer } = joined();
    socket.fire('call:announced', call(1, 'W-001'));
    socket.fire('call:announced', call(3, 'W-003', 'desk-2'));
    expect(announcer.seqs).toEqual([1]);
    expect(socket.joins[0]?.req).toEqual({ afterSeq: 1 });
    const c2 = call(2, 'W-002', 'desk-3');
    const c3 = call(3, 'W-003', 'desk-2');
    socket.answerJoin({ office: office(), queue: snapshot(3, [c3, c2]), missed: [c2, c3] });
    expect(announcer.seqs).toEqual([1, 2, 3]);
  });

  it('given the highlight time passes, then nothing is highlighted and no timer is left', () => {
    const { screen, socket } = joined();
    socket.fire('call:announced', call(1, 'W-001'));
    expect(screen.highlighted.value).toBe('W-001@desk-1');
    vi.advanceTimersByTime(HIGHLIGHT_MS);
    expect(screen.highlighted.value).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('given a language setting, then the speech uses it', () => {
    const s = joined({ language: () => 'en' });
    s.socket.fire('call:announced', call(1, 'W-017', 'desk-2'));
    expect(s.announcer.items[0]).toMatchObject({ text: 'Number W 17, please go to Platz 2.', language: 'en' });
  });
});

describe('reconnect', () => {
  it('given two calls while offline, then after reconnecting both are shown and announced once, in order', () => {
    const { screen, socket, announcer } = joined();
    socket.fire('call:announced', call(1, 'W-001'));
    socket.drop();
    expect(screen.offline.value).toBe(false);
    vi.advanceTimersByTime(OFFLINE_AFTER_MS);
    expect(screen.offline.value).toBe(true);

    socket.connect();
    expect(screen.offline.value).toBe(false);
    expect(socket.joins[0]?.req).toEqual({ afterSeq: 1 });
    const c2 = call(2, 'W-002', 'desk-2');
    const c3 = call(3, 'B-001', 'desk-3');
    socket.answerJoin({ office: office(), queue: snapshot(3, [c3, c2]), missed: [c2, c3] });
    expect(announcer.seqs).toEqual([1, 2, 3]);
    expect(screen.recent.value.map((c) => c.seq)).toEqual([3, 2, 1]);
    // The same calls arriving live again (a late duplicate) change nothing.
    socket.fire('call:announced', c2);
    socket.fire('call:announced', c3);
    expect(announcer.seqs).toEqual([1, 2, 3]);
    // Reconnecting once more with nothing new announces nothing.
    socket.drop();
    socket.connect();
    expect(socket.joins[0]?.req).toEqual({ afterSeq: 3 });
    socket.answerJoin({ office: office(), queue: snapshot(3, [c3, c2]), missed: [] });
    expect(announcer.seqs).toEqual([1, 2, 3]);
  });

  it('given a missed call that is over meanwhile, then it is listed but not announced', () => {
    const { screen, socket, announcer } = joined();
    socket.drop();
    socket.connect();
    const c1 = call(1, 'W-001', 'desk-1');
    const c2 = call(2, 'W-002', 'desk-1'); // the next call at the same counter ended W-001
    socket.answerJoin({ office: office(), queue: snapshot(2, [c2]), missed: [c1, c2] });
    expect(announcer.seqs).toEqual([2]);
    expect(screen.recent.value.map((c) => c.seq)).toEqual([2, 1]);
  });

  it('given a missed call and its recall, then the visitor is announced once', () => {
    const { socket, announcer } = joined();
    socket.drop();
    socket.connect();
    const c1 = call(1, 'W-001');
    const r1 = call(2, 'W-001', 'desk-1', true);
    socket.answerJoin({ office: office(), queue: snapshot(2, [r1]), missed: [c1, r1] });
    expect(announcer.seqs).toEqual([2]);
  });

  it('given a server that started over with fresh data, then its state is taken and nothing is announced', () => {
    const { screen, socket, announcer } = setup();
    socket.connect();
    socket.answerJoin({ office: office(), queue: snapshot(40) });
    socket.drop();
    socket.connect();
    socket.answerJoin({
      office: office(),
      queue: snapshot(2),
      missed: [],
      recent: [call(2, 'W-002'), call(1, 'W-001')],
    });
    expect(announcer.items).toEqual([]);
    expect(announcer.resets).toBe(1);
    expect(screen.recent.value.map((c) => c.seq)).toEqual([2, 1]);
    socket.fire('call:announced', call(3, 'W-003'));
    expect(announcer.seqs).toEqual([3]);
  });

  it('given the link drops while a join is under way, then the next connect joins at once and the old answer is ignored', () => {
    const { screen, socket, announcer } = joined();
    socket.drop();
    socket.connect(); // join with afterSeq 0 under way…
    socket.drop(); // …and lost
    socket.connect();
    expect(socket.joins.map((j) => j.req)).toEqual([{ afterSeq: 0 }, { afterSeq: 0 }]);
    const stale = socket.joins.shift() as (typeof socket.joins)[number];
    const c1 = call(1, 'W-001');
    socket.answerJoin({ office: office(), queue: snapshot(1, [c1]), missed: [c1] });
    expect(announcer.seqs).toEqual([1]);
    stale.reply(null, { ok: true, data: { office: office(), queue: snapshot(1, [c1]), missed: [c1], recent: [] } });
    expect(announcer.seqs).toEqual([1]);
    expect(screen.recent.value).toHaveLength(1);
  });

  it('given join answers that fail, then one retry timer at a time', () => {
    const { socket } = setup();
    socket.connect();
    for (let i = 0; i < 5; i++) {
      socket.joins.shift()?.reply(new Error('timeout'));
      expect(vi.getTimerCount()).toBe(1);
      vi.advanceTimersByTime(JOIN_RETRY_MS);
    }
    expect(socket.joins).toHaveLength(1);
  });
});

describe('a screen limited to an area', () => {
  it('given calls at several counters, then only its counters are shown and announced, without extra joins', () => {
    const { screen, socket, announcer } = setup({ scope: { area: '1. Stock' } });
    socket.connect();
    // The first join asks for the whole buffer, to fill the last calls of its counters.
    expect(socket.joins[0]?.req).toEqual({ afterSeq: 0 });
    const old = call(1, 'B-001', 'desk-3');
    socket.answerJoin({
      office: office(),
      queue: snapshot(
        2,
        [call(2, 'W-001', 'desk-1'), old],
        [
          { concernId: 'housing', count: 3, estimatedWaitMinutes: 12 },
          { concernId: 'education', count: 1, estimatedWaitMinutes: 4 },
        ],
      ),
      missed: [old, call(2, 'W-001', 'desk-1')],
      recent: [call(2, 'W-001', 'desk-1')],
    });
    expect(screen.recent.value.map((c) => c.number)).toEqual(['B-001']);
    expect(screen.called.value.map((c) => c.number)).toEqual(['B-001']);
    expect(screen.waiting.value.map((w) => w.concernId)).toEqual(['education']);

    socket.fire('call:announced', call(3, 'W-002', 'desk-2'));
    socket.fire('call:announced', call(4, 'B-002', 'desk-3'));
    expect(announcer.seqs).toEqual([4]);
    expect(socket.joins).toHaveLength(0);
    expect(screen.called.value.map((c) => c.number)).toEqual(['B-002']);
  });
});

describe('memory', () => {
  it('given thousands of calls, then every list stays capped', () => {
    const { screen, socket } = joined();
    for (let seq = 1; seq <= 5000; seq++) {
      socket.fire('call:announced', call(seq, `W-${seq}`, `desk-${seq % 40}`));
    }
    expect(screen.recent.value.length).toBe(RECENT_CAP);
    expect(screen.called.value.length).toBe(CALLED_CAP);
    expect(vi.getTimerCount()).toBe(1); // the highlight
  });

  it('given live calls while a join is under way, then the waiting list is capped', () => {
    const { socket, announcer } = setup();
    socket.connect();
    for (let seq = 1; seq <= 500; seq++) socket.fire('call:announced', call(seq, `W-${seq}`));
    socket.answerJoin({ office: office(), queue: snapshot(0) });
    // Only the newest PENDING_CAP were kept; the gap before them is caught up through a join.
    expect(announcer.seqs).toEqual([]);
    expect(socket.joins[0]?.req).toEqual({ afterSeq: 0 });
    socket.answerJoin({ office: office(), queue: snapshot(500), missed: [] });
    expect(announcer.items.length).toBeLessThanOrEqual(PENDING_CAP);
  });

  it('given stop, then no listener and no timer is left', () => {
    const { socket, stop } = joined();
    socket.fire('call:announced', call(1, 'W-001'));
    socket.drop();
    stop();
    expect(socket.listenerCount()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('heartbeat', () => {
  it('given heartbeats that stop while connected (the server is not fed), then the screen shows it is offline', () => {
    const { screen, socket } = joined();
    socket.fire('screen:heartbeat', { seq: 0 });
    vi.advanceTimersByTime(SILENT_AFTER_MS - 100);
    expect(screen.offline.value).toBe(false);
    vi.advanceTimersByTime(200);
    expect(screen.offline.value).toBe(true);
    expect(screen.connected.value).toBe(true);
    socket.fire('screen:heartbeat', { seq: 0 });
    expect(screen.offline.value).toBe(false);
  });

  it('given a heartbeat with a higher seq after silence, then the screen catches up by seq, in order', () => {
    const { socket, announcer } = joined();
    socket.fire('screen:heartbeat', { seq: 0 });
    vi.advanceTimersByTime(SILENT_AFTER_MS + 100);
    socket.fire('screen:heartbeat', { seq: 3 });
    expect(socket.joins[0]?.req).toEqual({ afterSeq: 0 });
    const [c1, c2, c3] = [call(1, 'W-001'), call(2, 'W-002', 'desk-2'), call(3, 'W-003', 'desk-3')];
    socket.answerJoin({ office: office(), queue: snapshot(3, [c3, c2, c1]), missed: [c3, c1, c2] });
    // Held-back live events arriving late and out of order are not announced again.
    socket.fire('call:announced', c2);
    socket.fire('call:announced', c1);
    expect(announcer.seqs).toEqual([1, 2, 3]);
  });

  it('given a server that sends no heartbeats, then the screen never goes offline by silence', () => {
    const { screen } = joined();
    vi.advanceTimersByTime(10 * SILENT_AFTER_MS);
    expect(screen.offline.value).toBe(false);
  });
});
