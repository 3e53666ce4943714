/** The counter's questions and choices over the desk: one at a time, chosen by `DeskState.dialog`. */
import type { CounterPublic, OfficePublic } from '../core/api.ts';
import { ConfirmDialog } from '../ui/staff-shell.tsx';
import { AddConcernDialog } from './add-concern.tsx';
import { LeaveDialog } from './leave.tsx';
import { CompleteDialog } from './complete.tsx';
import type { DeskActions } from './desk-actions.ts';
import type { DeskState } from './desk-state.ts';
import { PauseDialog } from './pause.tsx';
import { TransferDialog } from './transfer.tsx';

export interface DeskDialogsProps {
  office: OfficePublic;
  counter: CounterPublic;
  state: DeskState;
  actions: DeskActions;
  /** After leaving this counter ("Platz wechseln"). */
  onLeft: () => void;
}

export function DeskDialogs({ office, counter, state, actions, onLeft }: DeskDialogsProps) {
  const open = state.dialog.value;
  const cancel = () => {
    state.dialog.value = null;
  };
  switch (open?.kind) {
    case undefined:
      return null;
    case 'confirm-call':
      return (
        <ConfirmDialog
          title={`${open.number} ist noch offen`}
          confirmLabel={open.target ? `${open.target.number} aufrufen` : 'Nächste Person aufrufen'}
          onCancel={cancel}
          onConfirm={() => {
            const target = open.target;
            cancel();
            void (target ? actions.callSpecific(target) : actions.callNext());
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
      );
    case 'confirm-close':
      return (
        <ConfirmDialog
          title={`${open.number} ist noch offen`}
          confirmLabel="Trotzdem schließen"
          danger
          onCancel={cancel}
          onConfirm={() => {
            cancel();
            void actions.setStatus('close', 'closed');
          }}
        >
          <p>Die Nummer bleibt Ihrem Platz zugeordnet. Schließen Sie sie am besten vorher ab.</p>
        </ConfirmDialog>
      );
    case 'confirm-no-show':
      return (
        <ConfirmDialog
          title={`${open.number} nicht erschienen?`}
          confirmLabel="Ja, nicht erschienen"
          danger
          onCancel={cancel}
          onConfirm={() => {
            cancel();
            void actions.noShow();
          }}
        >
          <p>
            {open.number} wurde {open.callCount === 1 ? 'einmal' : `${open.callCount}-mal`} aufgerufen. Der Besuch endet
            als „nicht erschienen“.
          </p>
          <p>Ein Versehen? Danach können Sie es einige Sekunden lang mit „Rückgängig“ (Taste Z) zurücknehmen.</p>
        </ConfirmDialog>
      );
    case 'leave':
      return (
        <LeaveDialog
          number={open.number}
          counterName={counter.name}
          onRequeue={() => void actions.leaveWith('requeue', onLeft)}
          onComplete={() => void actions.leaveWith('complete', onLeft)}
          onCancel={cancel}
        />
      );
    case 'pause':
      return (
        <PauseDialog
          onCancel={cancel}
          onPause={(reason) => {
            cancel();
            void actions.setStatus('pause', 'paused', reason);
          }}
        />
      );
    case 'transfer':
      return (
        <TransferDialog
          number={open.ticket.number}
          currentConcernId={open.ticket.concernId}
          concerns={office.concerns}
          counters={office.counters.filter((c) => c.id !== counter.id)}
          outcomes={office.outcomes}
          onPick={(concernId, outcome, toCounterId) => void actions.transferTo(concernId, outcome, toCounterId)}
          onCancel={cancel}
        />
      );
    case 'complete':
      return (
        <CompleteDialog
          ticket={open.ticket}
          outcomes={office.outcomes}
          servedHere={counter.concernIds}
          concernName={state.concernName}
          onComplete={(choice) => void actions.complete(choice)}
          onCancel={cancel}
        />
      );
    case 'add-concern':
      return (
        <AddConcernDialog
          ticket={open.ticket}
          concerns={office.concerns}
          onPick={(concernId) => void actions.addConcern(concernId)}
          onCancel={cancel}
        />
      );
  }
}
