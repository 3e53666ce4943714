/**
 * State of the lobby screen and its link to the server.
 *
 * The screen remembers (in memory) the highest call `seq` it has shown. On every (re)connect
 * it joins room `screens` with that `afterSeq`; the server answers with the calls it missed,
 * oldest first, which are shown and announced once each. A gap in the live sequence makes
 * the screen join again to catch up, so no call is lost and none is announced twice.
 */
import { signal } from '@preact/signals';
import type { CalledView, CallView, OfficePublic, QueueSnapshot } from '../core/api.ts';
import type { ConcernEstimate } from '../core/estimate.ts';
import type { LotseSocket } from '../ui/socket.ts';
import { announcementText, type Announcer } from './announcer.ts';
import { applyCall, CALLED_CAP, callKey, mergeRecent } from './calls.ts';

export const office = signal<OfficePublic | null>(null);
/** Current calls, newest first. */
export const called = signal<CalledView[]>([]);
export const waiting = signal<ConcernEstimate[]>([]);
/** Last calls, newest first, capped. */
export const recent = signal<CallView[]>([]);
/** Key (see `callKey`) of the call to highlight, while it is new. */
export const highlighted = signal<string | null>(null);
export const connected = signal(false);
/** True once the link has been down long enough to tell the room. */
export const offline = signal(false);

const HIGHLIGHT_MS = 10_000;
const JOIN_TIMEOUT_MS = 10_000;
const JOIN_RETRY_MS = 3000;
const OFFLINE_AFTER_MS = 1500;
/** Live calls that arrive while a join is under way wait here (capped). */
const PENDING_CAP = 50;

let highlightTimer: ReturnType<typeof setTimeout> | undefined;

function highlight(call: { number: string; counterId: string }): void {
  highlighted.value = callKey(call);
  clearTimeout(highlightTimer);
  highlightTimer = setTimeout(() => (highlighted.value = null), HIGHLIGHT_MS);
}

function applyQueue(queue: QueueSnapshot): void {
  called.value = queue.called.slice(0, CALLED_CAP);
  waiting.value = queue.waiting;
}

export function startSync(socket: LotseSocket, announcer: Announcer): void {
  /** Highest call seq shown; undefined before the first join. */
  let lastSeq: number | undefined;
  let joining = false;
  let joinAgain = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let offlineTimer: ReturnType<typeof setTimeout> | undefined;
  const pending: CallView[] = [];

  const show = (call: CallView, fromMissed: boolean) => {
    lastSeq = call.seq;
    recent.value = mergeRecent([call], recent.value);
    // A missed call may already be over; the fresh snapshot from the join knows best.
    if (!fromMissed) called.value = applyCall(called.value, call);
    highlight(call);
    announcer.announce(announcementText(office.value, call));
  };

  const live = (call: CallView) => {
    if (joining || lastSeq === undefined) {
      pending.push(call);
      if (pending.length > PENDING_CAP) pending.shift();
      return;
    }
    if (call.seq <= lastSeq) return; // already shown
    if (call.seq > lastSeq + 1) {
      // We lost at least one call on the way: catch up in order through a join.
      pending.push(call);
      join();
      return;
    }
    show(call, false);
  };

  const join = () => {
    if (joining) {
      joinAgain = true;
      return;
    }
    if (!socket.connected) return;
    joining = true;
    clearTimeout(retryTimer);
    const first = lastSeq === undefined;
    socket.timeout(JOIN_TIMEOUT_MS).emit('screen:join', first ? {} : { afterSeq: lastSeq }, (err, answer) => {
      joining = false;
      if (err || !answer.ok) {
        retryTimer = setTimeout(join, JOIN_RETRY_MS);
        return;
      }
      const data = answer.data;
      office.value = data.office;
      applyQueue(data.queue);
      if (first || lastSeq === undefined || data.queue.seq < lastSeq) {
        // First join, or the server's sequence started over (fresh data): take its state as is.
        recent.value = mergeRecent(data.recent, []);
        lastSeq = Math.max(data.queue.seq, ...data.recent.map((c) => c.seq));
      } else {
        recent.value = mergeRecent(data.recent, recent.value);
        let seen = lastSeq;
        for (const call of [...data.missed].sort((a, b) => a.seq - b.seq)) {
          if (call.seq <= seen) continue;
          show(call, true);
          seen = call.seq;
        }
        lastSeq = Math.max(seen, data.queue.seq);
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

  socket.on('connect', () => {
    clearTimeout(offlineTimer);
    offlineTimer = undefined;
    connected.value = true;
    offline.value = false;
    join();
  });
  const down = () => {
    connected.value = false;
    if (offlineTimer === undefined && !offline.value) {
      offlineTimer = setTimeout(() => {
        offlineTimer = undefined;
        offline.value = !connected.value;
      }, OFFLINE_AFTER_MS);
    }
  };
  socket.on('disconnect', down);
  socket.on('connect_error', down);
  socket.on('call:announced', live);
  socket.on('queue:updated', applyQueue);
  socket.on('office:updated', (next) => {
    office.value = next;
  });
}
