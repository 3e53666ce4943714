/**
 * The counter's state controller: watches one counter over the socket (`counter:watch`, then
 * live `counter:updated`), runs the clerk's requests one at a time and says what came of them in
 * plain German. The views (`desk.tsx` and the panels it holds) only read its signals and call
 * its functions.
 */
import { type Signal, useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { CounterPublic, CounterTicket, CounterView, OfficePublic, TicketView } from '../core/api.ts';
import type { CounterStatus } from '../core/types.ts';
import { errorText } from '../ui/staff-errors.ts';
import type { StaffSession } from '../ui/staff-gate.tsx';
import type { Notice } from '../ui/staff-shell.tsx';
import type { LotseSocket } from '../ui/socket.ts';
import { onEveryConnect, request, type StaffAck, useStaffSocket } from '../ui/staff-socket.ts';
import type { CounterAction } from './keys.ts';

export type Dialog =
  /** Calling (the next one, or `target` by number) while `number` is still at the counter. */
  | { kind: 'confirm-call'; number: string; started: boolean; target: CounterTicket | null }
  | { kind: 'confirm-close'; number: string }
  /** "Nicht erschienen" is asked first (it can be undone for a few seconds afterwards). */
  | { kind: 'confirm-no-show'; number: string; callCount: number }
  /** "Platz wechseln" while `number` is still called here: back to the line, or finish. */
  | { kind: 'leave'; number: string }
  | { kind: 'pause' }
  | { kind: 'transfer'; ticket: TicketView }
  | { kind: 'complete'; ticket: TicketView }
  | { kind: 'add-concern'; ticket: TicketView };

/** Success and info notices disappear after this time; errors stay until the next action. */
const NOTICE_MS = 8000;

export interface DeskState {
  socket: LotseSocket;
  connected: Signal<boolean>;
  view: Signal<CounterView | null>;
  /** When `view` arrived: its waiting minutes were counted then. */
  viewAt: Signal<number>;
  notice: Signal<Notice | null>;
  busy: Signal<CounterAction | null>;
  /** The listed visitor whose request runs (call by number, return). */
  busyTicket: Signal<string | null>;
  dialog: Signal<Dialog | null>;
  say: (kind: Notice['kind'], text: string) => void;
  /** Runs one request; every button waits until it is answered, then the view is asked for again. */
  run: <T>(
    action: CounterAction,
    send: () => Promise<StaffAck<T>>,
    done: (data: T) => void,
    ticketId?: string | null,
  ) => Promise<void>;
  show: (next: CounterView) => void;
  concernName: (id: string) => string;
  /** `{ counterId }` of this counter, the body of every request. */
  id: { counterId: string };
}

export function useDeskState(
  office: OfficePublic,
  counter: CounterPublic,
  session: StaffSession,
  onOfficeUpdated: (office: OfficePublic) => void,
): DeskState {
  const { socket, connected } = useStaffSocket(session.expire);
  const view = useSignal<CounterView | null>(null);
  const viewAt = useSignal(0);
  const notice = useSignal<Notice | null>(null);
  const busy = useSignal<CounterAction | null>(null);
  const busyTicket = useSignal<string | null>(null);
  const dialog = useSignal<Dialog | null>(null);
  const noticeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const say = (kind: Notice['kind'], text: string) => {
    const next = { kind, text };
    notice.value = next;
    clearTimeout(noticeTimer.current);
    if (kind !== 'error') {
      noticeTimer.current = setTimeout(() => {
        if (notice.value === next) notice.value = null;
      }, NOTICE_MS);
    }
  };
  useEffect(() => () => clearTimeout(noticeTimer.current), []);

  /** Shows a failed answer; a lost session goes back to the sign-in form. */
  const fail = (code: string) => {
    if (code === 'UNAUTHENTICATED') session.expire();
    else say('error', errorText(code));
  };

  const show = (next: CounterView) => {
    view.value = next;
    viewAt.value = Date.now();
  };

  const id = { counterId: counter.id };

  const watch = async () => {
    const ack = await request(socket, 'counter:watch', id);
    if (ack.ok) show(ack.data);
    else fail(ack.error);
  };

  useEffect(() => {
    const onCounter = (next: CounterView) => {
      if (next.counterId === counter.id) show(next);
    };
    socket.on('counter:updated', onCounter);
    socket.on('office:updated', onOfficeUpdated);
    const stop = onEveryConnect(socket, () => void watch());
    return () => {
      stop();
      socket.off('counter:updated', onCounter);
      socket.off('office:updated', onOfficeUpdated);
    };
  }, [socket]);

  const run = async <T>(
    action: CounterAction,
    send: () => Promise<StaffAck<T>>,
    done: (data: T) => void,
    ticketId: string | null = null,
  ) => {
    if (busy.value) return;
    busy.value = action;
    busyTicket.value = ticketId;
    try {
      const ack = await send();
      if (!ack.ok) {
        fail(ack.error);
        return;
      }
      done(ack.data);
      // The server also pushes `counter:updated`; asking once more keeps the view right even if
      // that push is missed.
      await watch();
    } finally {
      busy.value = null;
      busyTicket.value = null;
    }
  };

  const concernName = (cid: string) => office.concerns.find((c) => c.id === cid)?.name ?? cid;

  return { socket, connected, view, viewAt, notice, busy, busyTicket, dialog, say, run, show, concernName, id };
}

/** The German sentence for a counter that changed status. */
export function statusSentence(status: CounterStatus, reason?: string): string {
  if (status === 'open') return 'Ihr Platz ist geöffnet.';
  if (status === 'paused') return `Ihr Platz ist pausiert${reason ? ` (${reason})` : ''}.`;
  return 'Ihr Platz ist geschlossen.';
}
