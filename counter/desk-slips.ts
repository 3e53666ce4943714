/**
 * The counter's ways back from a slip: "Nicht erschienen" (asked first by the desk), "Rückgängig"
 * for the last no-show, completion or transfer, and "Platz wechseln" without leaving a number
 * called at this counter.
 */
import { request } from '../ui/staff-socket.ts';
import type { DeskState } from './desk-state.ts';

export interface SlipActions {
  /** After the question: the called visitor did not come. */
  noShow: () => Promise<void>;
  /** "Rückgängig": the last no-show, completion or transfer of this counter. */
  undo: () => Promise<void>;
  /** "Platz wechseln": asks first while a visitor is called here. */
  leave: (onLeft: () => void) => void;
  /** Leaving: the called visitor goes back to the line (`requeue`) or is finished (`complete`). */
  leaveWith: (how: 'requeue' | 'complete', onLeft: () => void) => Promise<void>;
}

export function useSlipActions(state: DeskState): SlipActions {
  const { socket, view, dialog, busy, say, run, id } = state;

  const noShow = () =>
    run(
      'noShow',
      () => request(socket, 'counter:noShow', id),
      ({ ticket: t }) => say('success', `${t.number} ist als „nicht erschienen“ vermerkt.`),
    );

  const undo = () =>
    run(
      'undo',
      () => request(socket, 'counter:undo', id),
      ({ ticket: t }) =>
        say(
          'success',
          t.status === 'called'
            ? `Rückgängig gemacht: ${t.number} ist wieder bei Ihnen.`
            : `Rückgängig gemacht: ${t.number}.`,
        ),
    );

  const leave = (onLeft: () => void) => {
    if (busy.value || dialog.value) return;
    const ticket = view.value?.current;
    if (ticket) dialog.value = { kind: 'leave', number: ticket.number };
    else onLeft();
  };

  const leaveWith = (how: 'requeue' | 'complete', onLeft: () => void) => {
    dialog.value = null;
    let left = false;
    return run(
      how,
      () => request(socket, how === 'requeue' ? 'counter:requeue' : 'counter:complete', id),
      ({ ticket: t }) => {
        left = true;
        say(
          'success',
          how === 'requeue' ? `${t.number} wartet wieder vorne in der Schlange.` : `${t.number} ist erledigt.`,
        );
      },
    ).then(() => {
      if (left) onLeft();
    });
  };

  return { noShow, undo, leave, leaveWith };
}
