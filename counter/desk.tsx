/**
 * The counter screen: the visitor at the counter with the visit's parts and documents and the big
 * buttons, the lists "Geparkt" and "Als Nächstes", and the counter's status. State and requests
 * live in `desk-state.ts` and `desk-actions.ts`; the dialogs in `desk-dialogs.tsx`.
 */
import type { CounterPublic, OfficePublic } from '../core/api.ts';
import type { CounterStatus } from '../core/types.ts';
import { useNow } from '../ui/staff-format.ts';
import type { StaffSession } from '../ui/staff-gate.tsx';
import { NoticeOf, StaffHeader } from '../ui/staff-shell.tsx';
import { StatusActions, TicketActions } from './actions.tsx';
import { CurrentTicket } from './current.tsx';
import { useDeskActions } from './desk-actions.ts';
import { DeskDialogs } from './desk-dialogs.tsx';
import { useDeskState } from './desk-state.ts';
import { NextList, ParkedList } from './queue.tsx';
import { UndoBar } from './undo-bar.tsx';
import { AddConcernButton, DocumentsChecklist, VisitParts } from './visit.tsx';
import { WaitingList } from './waiting.tsx';
import './desk.css';

export interface CounterDeskProps {
  office: OfficePublic;
  counter: CounterPublic;
  session: StaffSession;
  onChangeCounter: () => void;
  onOfficeUpdated: (office: OfficePublic) => void;
  /** Opens reception (giving out tickets) in this app. */
  onReception?: () => void;
  /** Opens the appointments (booking by phone, the day's list). */
  onAppointments?: () => void;
}

const STATUS_LABEL: Record<CounterStatus, string> = { open: 'Geöffnet', paused: 'Pause', closed: 'Geschlossen' };

const KEY_LEGEND: [string, string][] = [
  ['N', 'Aufrufen'],
  ['S', 'Person ist da'],
  ['R', 'Erneut aufrufen'],
  ['X', 'Nicht erschienen'],
  ['C', 'Erledigt (1–9 Ergebnis)'],
  ['K', 'Parken'],
  ['T', 'Weiterleiten'],
  ['A', 'Anliegen +'],
  ['P', 'Pause'],
  ['Z', 'Rückgängig'],
];

export function CounterDesk({
  office,
  counter,
  session,
  onChangeCounter,
  onOfficeUpdated,
  onReception,
  onAppointments,
}: CounterDeskProps) {
  const state = useDeskState(office, counter, session, onOfficeUpdated);
  const actions = useDeskActions(state, office);
  const now = useNow(15000);
  const { view, busy, notice, connected } = state;

  const v = view.value;
  const current = v?.current ?? null;
  const status = v?.status ?? 'closed';
  const outcomeName = (id: string) => office.outcomes.find((o) => o.id === id)?.name ?? id;
  const documents = current ? (office.concerns.find((c) => c.id === current.concernId)?.documents ?? []) : [];
  const rows = {
    concernName: state.concernName,
    timeZone: office.timezone,
    extraMinutes: Math.max(0, Math.floor((now.value - state.viewAt.value) / 60000)),
    locked: busy.value !== null,
    busyTicketId: state.busyTicket.value,
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
        {onReception ? (
          <button type="button" class="staff-btn staff-btn--quiet" data-testid="open-reception" onClick={onReception}>
            Empfang
          </button>
        ) : null}
        {onAppointments ? (
          <button
            type="button"
            class="staff-btn staff-btn--quiet"
            data-testid="open-appointments"
            onClick={onAppointments}
          >
            Termine
          </button>
        ) : null}
        <button
          type="button"
          class="staff-btn staff-btn--quiet"
          data-testid="change-counter"
          onClick={() => actions.leave(onChangeCounter)}
        >
          Platz wechseln
        </button>
      </StaffHeader>
      <NoticeOf notice={notice} />
      {!v ? (
        <main class="staff-main">
          <p class="staff-muted">{connected.value ? 'Platz wird geladen …' : 'Verbindung wird aufgebaut …'}</p>
        </main>
      ) : (
        <main class="desk desk--lists">
          <div class="desk__work">
            <CurrentTicket
              ticket={current}
              status={status}
              now={now.value}
              timeZone={office.timezone}
              concernName={state.concernName}
              action={<AddConcernButton onAdd={() => actions.trigger('addConcern')} locked={busy.value !== null} />}
            >
              {current ? (
                <>
                  <VisitParts ticket={current} concernName={state.concernName} outcomeName={outcomeName} />
                  <DocumentsChecklist key={`${current.id}:${current.concernId}`} documents={documents} />
                </>
              ) : null}
            </CurrentTicket>
            <TicketActions
              current={current}
              busy={busy.value}
              onAction={actions.trigger}
              now={now.value}
              timeZone={office.timezone}
              maxCalls={v.maxCalls}
            />
            <UndoBar undo={v.undo} viewAt={state.viewAt.value} locked={busy.value !== null} onUndo={actions.undo} />
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
            <ParkedList parked={v.parked} onReturn={actions.returnParked} onCall={actions.requestCall} {...rows} />
            <NextList
              next={v.next}
              total={v.waiting.reduce((sum, w) => sum + w.count, 0)}
              onCall={actions.requestCall}
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
              <StatusActions status={status} busy={busy.value} onAction={actions.trigger} />
            </section>
            <WaitingList waiting={v.waiting} concerns={office.concerns} />
          </aside>
        </main>
      )}
      <DeskDialogs office={office} counter={counter} state={state} actions={actions} onLeft={onChangeCounter} />
    </div>
  );
}
