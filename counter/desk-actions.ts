/**
 * What each of the clerk's actions does at the counter (buttons, lists and shortcuts all end
 * here): the requests, the questions asked first, and the sentence said afterwards.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { CounterTicket, OfficePublic, TicketView } from '../core/api.ts';
import type { CounterStatus } from '../core/types.ts';
import { errorText } from '../ui/staff-errors.ts';
import { formatClock } from '../ui/staff-format.ts';
import { request } from '../ui/staff-socket.ts';
import { type DeskState, statusSentence } from './desk-state.ts';
import { useSlipActions, type SlipActions } from './desk-slips.ts';
import { actionForKey, type CounterAction, isTypingTarget } from './keys.ts';
import { nextPart } from './visit.tsx';

export interface CompleteChoice {
  outcome?: string;
  continueHere?: boolean;
}

interface CallActions {
  trigger: (action: CounterAction) => void;
  /** Call next (`target` null) or by number; asks first while a visitor is still at the counter. */
  requestCall: (target: CounterTicket | null) => void;
  callNext: () => Promise<void>;
  callSpecific: (target: CounterTicket) => Promise<void>;
  returnParked: (target: CounterTicket) => void;
  setStatus: (action: CounterAction, status: CounterStatus, reason?: string) => Promise<void>;
  transferTo: (concernId: string, outcome?: string, toCounterId?: string) => Promise<void>;
  complete: (choice: CompleteChoice) => Promise<void>;
  addConcern: (concernId: string) => Promise<void>;
}

export type DeskActions = CallActions & SlipActions;

/** Tickets every action except calling and the counter's status needs. */
const NEEDS_TICKET = new Set<CounterAction>([
  'start',
  'recall',
  'complete',
  'noShow',
  'park',
  'transfer',
  'addConcern',
]);

export function useDeskActions(state: DeskState, office: OfficePublic): DeskActions {
  const { socket, view, dialog, busy, say, run, show, concernName, id } = state;
  const { noShow, undo, leave, leaveWith } = useSlipActions(state);

  const callNext = () =>
    run(
      'callNext',
      () => request(socket, 'counter:callNext', id),
      ({ ticket }) => {
        if (ticket) say('success', `${ticket.number} ist aufgerufen.`);
        else say('info', 'Niemand wartet auf Ihren Platz.');
      },
    );

  const callSpecific = (target: CounterTicket) =>
    run(
      'callSpecific',
      () => request(socket, 'counter:callSpecific', { ...id, ticketId: target.ticketId }),
      ({ ticket }) => say('success', `${ticket.number} ist aufgerufen.`),
      target.ticketId,
    );

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
      ({ ticket }) => say('success', `${ticket.number} ist zurück. Das Gespräch geht an Ihrem Platz weiter.`),
      target.ticketId,
    );
  };

  const setStatus = (action: CounterAction, status: CounterStatus, reason?: string) =>
    run(
      action,
      () => request(socket, 'counter:setStatus', reason ? { ...id, status, reason } : { ...id, status }),
      (next) => {
        show(next);
        say('success', statusSentence(status, reason));
      },
    );

  const transferTo = (concernId: string, outcome?: string, toCounterId?: string) => {
    dialog.value = null;
    const to = toCounterId ? office.counters.find((c) => c.id === toCounterId)?.name : undefined;
    return run(
      'transfer',
      () =>
        request(socket, 'counter:transfer', {
          ...id,
          concernId,
          ...(outcome ? { outcome } : {}),
          ...(toCounterId ? { toCounterId } : {}),
        }),
      ({ ticket }) =>
        say(
          'success',
          to
            ? `${ticket.number} wartet jetzt auf ${to} und wird dort als Nächstes aufgerufen.`
            : `${ticket.number} wartet jetzt für „${concernName(concernId)}“.`,
        ),
    );
  };

  const complete = ({ outcome, continueHere }: CompleteChoice) => {
    dialog.value = null;
    return run(
      'complete',
      () =>
        request(socket, 'counter:complete', {
          ...id,
          ...(outcome ? { outcome } : {}),
          ...(continueHere ? { continueHere: true } : {}),
        }),
      ({ ticket: t }) => {
        const result = outcome ? office.outcomes.find((o) => o.id === outcome)?.name : undefined;
        const done = result ? `„${result}“ ist vermerkt. ` : '';
        if (t.status === 'called') say('success', `${done}Weiter mit ${t.number}: „${concernName(t.concernId)}“.`);
        else if (t.status === 'waiting')
          say('success', `${done}${t.number} wartet jetzt auf „${concernName(t.concernId)}“.`);
        else say('success', `${done}${t.number} ist erledigt.`);
      },
    );
  };

  const addConcern = (concernId: string) => {
    dialog.value = null;
    return run(
      'addConcern',
      () => request(socket, 'counter:addConcern', { ...id, concernId }),
      ({ ticket: t }) => say('success', `„${concernName(concernId)}“ gehört jetzt zum Besuch von ${t.number}.`),
    );
  };

  /** Completing asks for an outcome (or what happens next) when there is something to choose. */
  const askComplete = (ticket: TicketView) => {
    if (office.outcomes.length === 0 && !nextPart(ticket)) void complete({});
    else dialog.value = { kind: 'complete', ticket };
  };

  const trigger = (action: CounterAction) => {
    if (busy.value || dialog.value) return;
    const ticket = view.value?.current ?? null;
    if (NEEDS_TICKET.has(action) && !ticket) {
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
        if (ticket && ticket.callCount >= (view.value?.maxCalls ?? Number.POSITIVE_INFINITY)) {
          say(
            'info',
            `${ticket.number} wurde ${ticket.callCount}-mal aufgerufen, so oft wie vorgesehen. Ist die Person nicht da, wählen Sie „Nicht erschienen“.`,
          );
          return;
        }
        void run(
          'recall',
          () => request(socket, 'counter:recall', id),
          ({ ticket: t }) => {
            const last = t.callCount >= (view.value?.maxCalls ?? Number.POSITIVE_INFINITY);
            say('success', `${t.number} ist erneut aufgerufen (${t.callCount}. Aufruf${last ? ', der letzte' : ''}).`);
          },
        );
        return;
      case 'complete':
        if (ticket) askComplete(ticket);
        return;
      case 'noShow':
        if (ticket) dialog.value = { kind: 'confirm-no-show', number: ticket.number, callCount: ticket.callCount };
        return;
      case 'undo':
        if (view.value?.undo) void undo();
        else say('error', errorText('NOTHING_TO_UNDO'));
        return;
      case 'requeue':
        // Only when leaving the counter (see `leave`).
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
      case 'addConcern':
        if (ticket) dialog.value = { kind: 'add-concern', ticket };
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

  // Keyboard shortcuts; the handler is read through a ref so it always sees the latest state.
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

  return {
    trigger,
    requestCall,
    callNext,
    callSpecific,
    returnParked,
    setStatus,
    transferTo,
    complete,
    addConcern,
    noShow,
    undo,
    leave,
    leaveWith,
  };
}
