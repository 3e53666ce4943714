/**
 * The admin's live view of the queue: `screen:join` once per connection, then `queue:updated`
 * and `call:announced` keep it current.
 */
import { type Signal, useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { CallView, ConcernPublic, QueueSnapshot } from '../core/api.ts';
import type { LotseSocket } from '../ui/socket.ts';
import { onEveryConnect, request } from '../ui/staff-socket.ts';

export const RECENT_SHOWN = 12;

export interface LiveQueue {
  queue: Signal<QueueSnapshot | null>;
  /** Latest calls and recalls, newest first. */
  recent: Signal<CallView[]>;
  concerns: Signal<ConcernPublic[]>;
}

/** Adds a call to the newest-first list unless it is already there. */
export function addCall(recent: CallView[], call: CallView, cap = RECENT_SHOWN): CallView[] {
  if (recent.some((c) => c.seq === call.seq)) return recent;
  return [call, ...recent].sort((a, b) => b.seq - a.seq).slice(0, cap);
}

export function useLiveQueue(socket: LotseSocket, fail: (code: string) => void): LiveQueue {
  const queue = useSignal<QueueSnapshot | null>(null);
  const recent = useSignal<CallView[]>([]);
  const concerns = useSignal<ConcernPublic[]>([]);
  const failRef = useRef(fail);
  failRef.current = fail;

  useEffect(() => {
    const join = async () => {
      const ack = await request(socket, 'screen:join', {});
      if (!ack.ok) {
        failRef.current(ack.error);
        return;
      }
      queue.value = ack.data.queue;
      concerns.value = ack.data.office.concerns;
      recent.value = ack.data.recent.slice(0, RECENT_SHOWN);
    };
    const onQueue = (next: QueueSnapshot) => {
      queue.value = next;
    };
    const onCall = (call: CallView) => {
      recent.value = addCall(recent.value, call);
    };
    socket.on('queue:updated', onQueue);
    socket.on('call:announced', onCall);
    const stop = onEveryConnect(socket, () => void join());
    return () => {
      stop();
      socket.off('queue:updated', onQueue);
      socket.off('call:announced', onCall);
    };
  }, [socket]);

  return { queue, recent, concerns };
}
