/**
 * State of one lobby screen and its link to the server.
 *
 * The screen remembers (in memory) the highest call `seq` it has seen. On every (re)connect it
 * joins room `screens` with that `afterSeq`; the server answers with the calls it missed, oldest
 * first. They are shown once each; those whose visitor is still called (the fresh snapshot says
 * so) are announced too; a call that is over meanwhile is only listed, so nobody is sent to a
 * counter that has moved on. A gap in the live sequence makes the screen join again to catch
 * up, so no call is lost and none is announced twice. When the server's sequence is lower than
 * ours, it started over with fresh data: its state is taken as is.
 *
 * A screen limited to an area (see `ScreenScope`) follows every seq, but shows and announces
 * only the calls of its counters.
 *
 * Memory stays flat: every list is capped, at most one timer of each kind exists, and `stop()`
 * removes every listener and timer.
 */
import { computed, signal } from '@preact/signals';
import type { CalledView, CallView, OfficePublic, QueueSnapshot } from '../core/api.ts';
import { SCREEN_HEARTBEAT_MS, type ScreenDeviceSettings } from '../core/events.ts';
import type { ConcernEstimate } from '../core/estimate.ts';
import type { Language } from '../ui/i18n.ts';
import { type LotseSocket, listen } from '../ui/socket.ts';
import { type AnnouncerLike, announcementText } from './announcer.ts';
import {
  applyCall,
  CALLED_CAP,
  callKey,
  filterWaiting,
  inScope,
  mergeRecent,
  RECENT_CAP,
  RECENT_KEEP,
  type ScreenScope,
  shownRecent,
  scopeConcernIds,
  scopeCounterIds,
} from './calls.ts';

export const HIGHLIGHT_MS = 10_000;
export const JOIN_TIMEOUT_MS = 10_000;
export const JOIN_RETRY_MS = 3000;
export const OFFLINE_AFTER_MS = 1500;
/** A screen that has heard heartbeats and then none for this long shows that it is offline. */
export const SILENT_AFTER_MS = 3 * SCREEN_HEARTBEAT_MS;
/** Live calls that arrive while a join is under way wait here (capped). */
export const PENDING_CAP = 50;
/** Current calls kept from the server (one per counter; more than any office has counters). */
const ALL_CALLED_CAP = 100;

/** The part of a socket the screen uses (a fake in unit tests). */
export type ScreenSocket = Pick<LotseSocket, 'on' | 'off' | 'timeout' | 'connected'>;

export interface ScreenOptions {
  /** Which counters the screen shows (read again whenever the signals it reads change). */
  scope?: ScreenScope | (() => ScreenScope);
  /** Language of the speech; default the office's announcement language. */
  language?: () => Language | null;
  /** A second language each call is announced in as well (after the first); default none. */
  secondLanguage?: () => Language | null;
}

export type Screen = ReturnType<typeof createScreen>;

export function createScreen(options: ScreenOptions = {}) {
  const office = signal<OfficePublic | null>(null);
  /** Every current call the server reported, newest first. */
  const allCalled = signal<CalledView[]>([]);
  const allWaiting = signal<ConcernEstimate[]>([]);
  /** Last calls of this screen's counters, newest first, each number once, capped. */
  const allRecent = signal<CallView[]>([]);
  /** Numbers of today's no-shows (from the server's snapshot). */
  const noShows = signal<string[]>([]);
  /** The last calls shown: without no-shows. */
  const recent = computed(() => shownRecent(allRecent.value, noShows.value, RECENT_CAP));
  /** Key (see `callKey`) of the call to highlight while it is new. */
  const highlighted = signal<string | null>(null);
  const connected = signal(false);
  /** True once the link has been down long enough to tell the room. */
  const offline = signal(false);

  /** The settings an admin gave this paired screen (null: not paired, or not known yet). */
  const device = signal<ScreenDeviceSettings | null>(null);
  const scope = () => (typeof options.scope === 'function' ? options.scope() : options.scope);
  const counters = computed(() => scopeCounterIds(office.value, scope()));
  /** Current calls of this screen's counters, newest first. */
  const called = computed(() => allCalled.value.filter((c) => inScope(c, counters.value)).slice(0, CALLED_CAP));
  /** Waiting per concern served by this screen's counters. */
  const waiting = computed(() => filterWaiting(allWaiting.value, scopeConcernIds(office.value, counters.value)));
  const speechLanguage = (): Language => options.language?.() ?? office.value?.announcements?.language ?? 'de';

  let highlightTimer: ReturnType<typeof setTimeout> | undefined;
  const highlight = (call: { number: string; counterId: string }) => {
    highlighted.value = callKey(call);
    clearTimeout(highlightTimer);
    highlightTimer = setTimeout(() => {
      highlightTimer = undefined;
      highlighted.value = null;
    }, HIGHLIGHT_MS);
  };

  const applyQueue = (queue: QueueSnapshot) => {
    allCalled.value = queue.called.slice(0, ALL_CALLED_CAP);
    allWaiting.value = queue.waiting;
    noShows.value = queue.noShows ?? [];
  };

  /** Starts following the server; returns (and `stop` does) the undo. */
  function start(socket: ScreenSocket, announcer: AnnouncerLike): () => void {
    /** Highest call seq seen; undefined before the first join. */
    let lastSeq: number | undefined;
    let joining = false;
    let joinAgain = false;
    /** Increases when the link drops: answers to joins sent before are ignored. */
    let generation = 0;
    let stopped = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let offlineTimer: ReturnType<typeof setTimeout> | undefined;
    /** Runs out when heartbeats stop (armed by the first heartbeat: older servers send none). */
    let silenceTimer: ReturnType<typeof setTimeout> | undefined;
    let silent = false;
    const pending: CallView[] = [];

    const announce = (call: CallView) => {
      const language = speechLanguage();
      const second = options.secondLanguage?.();
      announcer.announce({
        seq: call.seq,
        text: announcementText(office.value, call, language),
        language,
        recall: call.recall,
        call: { number: call.number, counterId: call.counterId },
        ...(second && second !== language
          ? { more: [{ text: announcementText(office.value, call, second), language: second }] }
          : {}),
      });
    };

    /** A call after `lastSeq`: follow its seq; show (and announce) it when it is ours. */
    const take = (call: CallView, how: 'live' | 'missed' | 'missed-over') => {
      lastSeq = call.seq;
      if (!inScope(call, counters.value)) return;
      allRecent.value = mergeRecent([call], allRecent.value, RECENT_KEEP);
      // A missed call may already be over; the fresh snapshot from the join knows best.
      if (how === 'live') allCalled.value = applyCall(allCalled.value, call, ALL_CALLED_CAP);
      if (how === 'missed-over') return;
      highlight(call);
      announce(call);
    };

    const live = (call: CallView) => {
      if (stopped) return;
      if (joining || lastSeq === undefined) {
        pending.push(call);
        if (pending.length > PENDING_CAP) pending.shift();
        return;
      }
      if (call.seq <= lastSeq) return; // seen already
      if (call.seq > lastSeq + 1) {
        // At least one call was lost on the way: catch up in order through a join.
        pending.push(call);
        if (pending.length > PENDING_CAP) pending.shift();
        join();
        return;
      }
      take(call, 'live');
    };

    const join = () => {
      if (stopped) return;
      if (joining) {
        joinAgain = true;
        return;
      }
      if (!socket.connected) return;
      joining = true;
      clearTimeout(retryTimer);
      retryTimer = undefined;
      const sentIn = generation;
      const first = lastSeq === undefined;
      // A screen limited to some counters asks for the whole recent-call buffer on its first join,
      // to fill its "last calls" from it (the server's `recent` has the last ten of all counters).
      const request = first ? (counters.value === null ? {} : { afterSeq: 0 }) : { afterSeq: lastSeq as number };
      socket.timeout(JOIN_TIMEOUT_MS).emit('screen:join', request, (err, answer) => {
        if (stopped || sentIn !== generation) return; // sent over a link that has dropped since
        joining = false;
        if (err || !answer.ok) {
          clearTimeout(retryTimer);
          retryTimer = setTimeout(join, JOIN_RETRY_MS);
          return;
        }
        const data = answer.data;
        device.value = data.screen ?? null;
        office.value = data.office;
        applyQueue(data.queue);
        const newest = Math.max(data.queue.seq, ...data.recent.map((c) => c.seq), ...data.missed.map((c) => c.seq));
        if (first || lastSeq === undefined || data.queue.seq < lastSeq) {
          // First join, or the server's sequence started over (fresh data): take its state as is.
          if (!first) announcer.reset();
          allRecent.value = mergeRecent(
            [...data.recent, ...data.missed].filter((c) => inScope(c, counters.value)),
            [],
            RECENT_KEEP,
          );
          lastSeq = newest;
        } else {
          const stillCalled = new Set(data.queue.called.map(callKey));
          const missed = data.missed.filter((c) => c.seq > (lastSeq as number)).sort((a, b) => a.seq - b.seq);
          // Per visitor only the newest missed call is announced (a call and its recall: once).
          const lastOfVisitor = new Map<string, number>();
          for (const call of missed) lastOfVisitor.set(callKey(call), call.seq);
          for (const call of missed) {
            const current = stillCalled.has(callKey(call)) && lastOfVisitor.get(callKey(call)) === call.seq;
            take(call, current ? 'missed' : 'missed-over');
          }
          lastSeq = Math.max(lastSeq as number, data.queue.seq);
        }
        // Live calls that came in meanwhile, in order.
        const later = pending.splice(0).sort((a, b) => a.seq - b.seq);
        for (const call of later) live(call);
        if (joinAgain) {
          joinAgain = false;
          join();
        }
      });
    };

    const onConnect = () => {
      clearTimeout(offlineTimer);
      offlineTimer = undefined;
      connected.value = true;
      offline.value = false;
      join();
    };
    const down = () => {
      connected.value = false;
      // A join under way is lost with the link; the next connect joins afresh.
      if (joining) {
        joining = false;
        generation++;
      }
      if (offlineTimer === undefined && !offline.value) {
        offlineTimer = setTimeout(() => {
          offlineTimer = undefined;
          offline.value = !connected.value;
        }, OFFLINE_AFTER_MS);
      }
    };
    const onOffice = (next: OfficePublic) => {
      office.value = next;
    };
    const onSettings = (next: ScreenDeviceSettings) => {
      device.value = next;
    };
    const armSilence = () => {
      clearTimeout(silenceTimer);
      silenceTimer = setTimeout(() => {
        silent = true;
        offline.value = true;
      }, SILENT_AFTER_MS);
    };
    /** The server is fed again (or still): leave "offline", and catch up if calls were missed. */
    const onHeartbeat = (beat: { seq: number }) => {
      if (stopped) return;
      armSilence();
      if (silent) {
        silent = false;
        offline.value = !connected.value;
      }
      if (lastSeq !== undefined && beat.seq > lastSeq) join();
    };
    const unlisten = listen(socket, {
      connect: onConnect,
      disconnect: down,
      connect_error: down,
      'call:announced': live,
      'queue:updated': applyQueue,
      'office:updated': onOffice,
      'screen:heartbeat': onHeartbeat,
      'screen:settings': onSettings,
    });
    if (socket.connected) onConnect();

    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      clearTimeout(offlineTimer);
      clearTimeout(silenceTimer);
      clearTimeout(highlightTimer);
      unlisten();
    };
  }

  return { office, called, waiting, recent, highlighted, connected, offline, counters, device, start };
}
