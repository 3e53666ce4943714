/**
 * The counter screen: watches one counter over the socket (`counter:watch`, then live
 * `counter:updated`), runs the clerk's actions and shows their outcome in plain German.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { CounterPublic, CounterTicket, CounterView, OfficePublic, TicketView } from '../core/api.ts';
import type { CounterStatus } from '../core/types.ts';
import { errorText } from '../ui/staff-errors.ts';
import { formatClock, useNow } from '../ui/staff-format.ts';
import type { StaffSession } from '../ui/staff-gate.tsx';
import { ConfirmDialog, type Notice, NoticeBanner, StaffHeader } from '../ui/staff-shell.tsx';
import { onEveryConnect, request, type StaffAck } from '../ui/staff-socket.ts';
import { useStaffSocket } from '../ui/staff-socket.ts';
import { StatusActions, TicketActions } from './actions.tsx';
import { CurrentTicket } from './current.tsx';
import { actionForKey, type CounterAction, isTypingTarget } from './keys.ts';
import { PauseDialog } from './pause.tsx';
import { NextList, ParkedList } from './queue.tsx';
import { TransferDialog } from './transfer.tsx';
import { WaitingList } from './waiting.tsx';
import './desk.css';

export interface CounterDeskProps {
  office: OfficePublic;
  counter: CounterPublic;
  session: StaffSession;
  onChangeCounter: () => void;
  onOfficeUpdated: (office: OfficePublic) => void;
}

type Dialog =
  /** Calling (the next one, or `target` by number) while `number` is still at the counter. */
  | { kind: 'confirm-call'; number: string; started: boolean; target: CounterTicket | null }
  | { kind: 'confirm-close'; number: string }
  | { kind: 'pause' }
  | { kind: 'transfer'; ticket: TicketView };

const STATUS_LABEL: Record<CounterStatus, string> = { open: 'Geöffnet', paused: 'Pause', closed: 'Geschlossen' };

const KEY_LEGEND: [string, string][] = [
  ['N', 'Aufrufen'],
  ['S', 'Person ist da'],
  ['R', 'Erneut aufrufen'],
  ['X', 'Nicht erschienen'],
  ['C', 'Erledigt'],
  ['K', 'Parken'],
  ['T', 'Weiterleiten'],
  ['P', 'Pause'],
];

/** Success and info notices disappear after this time; errors stay until the next action. */
const NOTICE_MS = 8000;

export function CounterDesk({ office, counter, session, onChangeCounter, onOfficeUpdated }: CounterDeskProps) {
  const { socket, connected } = useStaffSocket(session.expire);
  const view = useSignal<CounterView | null>(null);
  /** When `view` arrived: its waiting minutes were counted then. */
  const viewAt = useSignal(0);
  const notice = useSignal<Notice | null>(null);
  const busy = useSignal<CounterAction | null>(null);
  /** The listed visitor whose request runs (call by number, return). */
  const busyTicket = useSignal<string | null>(null);
  const dialog = useSignal<Dialog | null>(null);
  const now = useNow(15000);
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

  const concernName = (id: string) => office.concerns.find((c) => c.id === id)?.name ?? id;

  const show = (next: CounterView) => {
    view.value = next;
    viewAt.value = Date.now();
  };

  const watch = async () => {
    const ack = await request(socket, 'counter:watch', { counterId: counter.id });
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

  /** Runs one request; every button waits until it is answered. */
  const run = async <T,>(
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

  const id = { counterId: counter.id };

  const callNext = () =>
    run(
      'callNext',
      () => request(socket, 'counter:callNext', id),
      ({ ticket }) => {
        if (ticket) say('success', `${ticket.number} ist aufgerufen.`);
        else say('info', 'Niemand wartet auf Ihren Platz.');
      },
    );

  /** Calls one listed visitor by number (from "Als Nächstes" or "Geparkt"). */
  const callSpecific = (target: CounterTicket) =>
    run(
      'callSpecific',
      () => request(socket, 'counter:callSpecific', { ...id, ticketId: target.ticketId }),
      ({ ticket }) => say('success', `${ticket.number} ist aufgerufen.`),
      target.ticketId,
    );

  /** Call next (`target` null) or by number; asks first while a visitor is still at the counter. */
  const requestCall = (target: CounterTicket | null) => {
    if (busy.value || dialog.value) return;
    const ticket = view.value?.current ?? null;
    if (ticket) {
      dialog.value = { kind: 'confirm-call', number: ticket.number, started: ticket.servedAt !== undefined, target };
    } else if (target) void callSpecific(target);
    else void callNext();
  };

  const returnParked = (target: CounterTicket) => {
    if (dialog.value) return;
    void run(
      'returnParked',
      () => request(socket, 'counter:returnParked', { ...id, ticketId: target.ticketId }),
      ({ ticket }) => say('success', `${ticket.number} ist zurück und wartet wieder.`),
      target.ticketId,
    );
  };

  const setStatus = (action: CounterAction, status: CounterStatus, reason?: string) =>
    run(
      action,
      () => request(socket, 'counter:setStatus', reason ? { ...id, status, reason } : { ...id, status }),
      (next) => {
        show(next);
        say(
          'success',
          status === 'open'
            ? 'Ihr Platz ist geöffnet.'
            : status === 'paused'
              ? `Ihr Platz ist pausiert${reason ? ` (${reason})` : ''}.`
              : 'Ihr Platz ist geschlossen.',
        );
      },
    );

  const transferTo = (concernId: string) => {
    dialog.value = null;
    return run(
      'transfer',
      () => request(socket, 'counter:transfer', { ...id, concernId }),
      ({ ticket }) => {
        say('success', `${ticket.number} wartet jetzt für „${concernName(concernId)}“.`);
      },
    );
  };

  const current = view.value?.current ?? null;

  const trigger = (action: CounterAction) => {
    if (busy.value || dialog.value) return;
    const ticket = view.value?.current ?? null;
    const needsTicket =
      action === 'start' ||
      action === 'recall' ||
      action === 'complete' ||
      action === 'noShow' ||
      action === 'park' ||
      action === 'transfer';
    if (needsTicket && !ticket) {
      say('error', errorText('NO_CURRENT_TICKET'));
      return;
    }
    switch (action) {
      case 'callNext':
        requestCall(null);
        return;
      case 'start':
        if (ticket?.servedAt) {
          say(
            'info',
            `Das Gespräch mit ${ticket.number} läuft schon seit ${formatClock(ticket.servedAt, office.timezone)} Uhr.`,
          );
          return;
        }
        void run(
          'start',
          () => request(socket, 'counter:start', id),
          ({ ticket: t }) => say('success', `${t.number} ist da. Das Gespräch läuft.`),
        );
        return;
      case 'recall':
        if (ticket?.servedAt) {
          say('info', `${ticket.number} ist schon bei Ihnen. Erneut aufrufen ist nicht nötig.`);
          return;
        }
        void run(
          'recall',
          () => request(socket, 'counter:recall', id),
          ({ ticket: t }) => {
            if (t.status === 'no-show')
              say(
                'info',
                `${t.number} kam nach ${t.callCount} Aufrufen nicht und ist als „nicht erschienen“ vermerkt.`,
              );
            else say('success', `${t.number} ist erneut aufgerufen (${t.callCount}. Aufruf).`);
          },
        );
        return;
      case 'complete':
        void run(
          'complete',
          () => request(socket, 'counter:complete', id),
          ({ ticket: t }) => say('success', `${t.number} ist erledigt.`),
        );
        return;
      case 'noShow':
        void run(
          'noShow',
          () => request(socket, 'counter:noShow', id),
          ({ ticket: t }) => say('success', `${t.number} ist als „nicht erschienen“ vermerkt.`),
        );
        return;
      case 'park':
        void run(
          'park',
          () => request(socket, 'counter:park', id),
          ({ ticket: t }) =>
            say('success', `${t.number} ist geparkt. Kommt die Person zurück: „Ist zurück“ oder „Jetzt aufrufen“.`),
        );
        return;
      case 'transfer':
        if (ticket) dialog.value = { kind: 'transfer', ticket };
        return;
      case 'callSpecific':
      case 'returnParked':
        // Only from the lists: they need a ticket.
        return;
      case 'pause':
        dialog.value = { kind: 'pause' };
        return;
      case 'resume':
        void setStatus('resume', 'open');
        return;
      case 'close':
        if (ticket) dialog.value = { kind: 'confirm-close', number: ticket.number };
        else void setStatus('close', 'closed');
        return;
    }
  };

  // Keyboard shortcuts; the handler is read through a ref so it always sees the latest props.
  const triggerRef = useRef(trigger);
  triggerRef.current = trigger;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target)) return;
      const action = actionForKey(event.key, view.value?.status ?? 'closed');
      if (!action) return;
      event.preventDefault();
      triggerRef.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const v = view.value;
  const status = v?.status ?? 'closed';
  const open = dialog.value;
  const rows = {
    concernName,
    timeZone: office.timezone,
    extraMinutes: Math.max(0, Math.floor((now.value - viewAt.value) / 60000)),
    locked: busy.value !== null,
    busyTicketId: busyTicket.value,
  };

  return (
    <div class="staff-page desk-page">
      <StaffHeader
        title={`Schalter · ${counter.name}`}
        subtitle={[office.name, counter.area].filter(Boolean).join(' · ')}
        connected={connected.value}
        username={session.user.username}
        onSignOut={session.signOut}
      >
        <button type="button" class="staff-btn staff-btn--quiet" data-testid="change-counter" onClick={onChangeCounter}>
          Platz wechseln
        </button>
      </StaffHeader>
      <NoticeBanner
        notice={notice.value}
        onClose={() => {
          notice.value = null;
        }}
      />
      {!v ? (
        <main class="staff-main">
          <p class="staff-muted">{connected.value ? 'Platz wird geladen …' : 'Verbindung wird aufgebaut …'}</p>
        </main>
      ) : (
        <main class="desk desk--lists">
          <div class="desk__work">
            <CurrentTicket ticket={current} status={status} now={now.value} timeZone={office.timezone} />
            <TicketActions
              current={current}
              busy={busy.value}
              onAction={trigger}
              now={now.value}
              timeZone={office.timezone}
            />
            <p class="desk__keys staff-muted" data-testid="key-legend">
              Tasten:
              {KEY_LEGEND.map(([key, label]) => (
                <span key={key}>
                  <kbd class="staff-kbd">{key}</kbd>
                  {label}
                </span>
              ))}
            </p>
          </div>
          <div class="desk__queue">
            <ParkedList parked={v.parked} onReturn={returnParked} onCall={requestCall} {...rows} />
            <NextList
              next={v.next}
              total={v.waiting.reduce((sum, w) => sum + w.count, 0)}
              onCall={requestCall}
              {...rows}
            />
          </div>
          <aside class="desk__side">
            <section class="panel desk__status" aria-labelledby="status-title">
              <h2 id="status-title" class="panel__title">
                Ihr Platz{' '}
                <span class={`status status--${status}`} data-testid="counter-status" data-status={status}>
                  {STATUS_LABEL[status]}
                </span>
              </h2>
              {status === 'paused' && v.pauseReason ? (
                <p class="staff-muted" data-testid="pause-reason">
                  Grund: {v.pauseReason}
                </p>
              ) : null}
              <StatusActions status={status} busy={busy.value} onAction={trigger} />
            </section>
            <WaitingList waiting={v.waiting} concerns={office.concerns} />
          </aside>
        </main>
      )}
      {open?.kind === 'confirm-call' ? (
        <ConfirmDialog
          title={`${open.number} ist noch offen`}
          confirmLabel={open.target ? `${open.target.number} aufrufen` : 'Nächste Person aufrufen'}
          onCancel={() => {
            dialog.value = null;
          }}
          onConfirm={() => {
            const target = open.target;
            dialog.value = null;
            void (target ? callSpecific(target) : callNext());
          }}
        >
          <p>
            Wenn Sie jetzt {open.target ? open.target.number : 'die nächste Person'} aufrufen, wird {open.number} als{' '}
            <strong>erledigt</strong> abgeschlossen.
          </p>
          {open.started ? (
            <p>Holt die Person nur etwas? Dann wählen Sie „Abbrechen“ und danach „Parken“.</p>
          ) : (
            <p>Ist die Person nicht gekommen? Dann wählen Sie „Abbrechen“ und danach „Nicht erschienen“.</p>
          )}
        </ConfirmDialog>
      ) : null}
      {open?.kind === 'confirm-close' ? (
        <ConfirmDialog
          title={`${open.number} ist noch offen`}
          confirmLabel="Trotzdem schließen"
          danger
          onCancel={() => {
            dialog.value = null;
          }}
          onConfirm={() => {
            dialog.value = null;
            void setStatus('close', 'closed');
          }}
        >
          <p>Die Nummer bleibt Ihrem Platz zugeordnet. Schließen Sie sie am besten vorher ab.</p>
        </ConfirmDialog>
      ) : null}
      {open?.kind === 'pause' ? (
        <PauseDialog
          onCancel={() => {
            dialog.value = null;
          }}
          onPause={(reason) => {
            dialog.value = null;
            void setStatus('pause', 'paused', reason);
          }}
        />
      ) : null}
      {open?.kind === 'transfer' ? (
        <TransferDialog
          number={open.ticket.number}
          currentConcernId={open.ticket.concernId}
          concerns={office.concerns}
          onPick={(concernId) => void transferTo(concernId)}
          onCancel={() => {
            dialog.value = null;
          }}
        />
      ) : null}
    </div>
  );
}
