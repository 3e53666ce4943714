/** The office's counters with the concerns each serves, and their live state. */
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { CounterView, OfficePublic } from '../core/api.ts';
import type { CounterStatus } from '../core/types.ts';
import type { LotseSocket } from '../ui/socket.ts';
import { onEveryConnect, request } from '../ui/staff-socket.ts';
import { TableHead } from './table-head.tsx';

export interface CountersPanelProps {
  socket: LotseSocket;
  office: OfficePublic;
  fail: (code: string) => void;
}

const STATUS_LABEL: Record<CounterStatus, string> = { open: 'Geöffnet', paused: 'Pause', closed: 'Geschlossen' };

export function CountersPanel({ socket, office, fail }: CountersPanelProps) {
  const views = useSignal<Record<string, CounterView>>({});
  const failRef = useRef(fail);
  failRef.current = fail;
  const counterIds = office.counters.map((c) => c.id).join(',');

  useEffect(() => {
    const put = (view: CounterView) => {
      views.value = { ...views.value, [view.counterId]: view };
    };
    // Watching is not signing in: `counters:watch` leaves the admin's session and the audit log alone.
    const watchAll = async () => {
      const ack = await request(socket, 'counters:watch', {});
      if (ack.ok) views.value = Object.fromEntries(ack.data.map((v) => [v.counterId, v]));
      else if (ack.error === 'UNAUTHENTICATED') failRef.current(ack.error);
    };
    socket.on('counter:updated', put);
    const stop = onEveryConnect(socket, () => void watchAll());
    return () => {
      stop();
      socket.off('counter:updated', put);
    };
  }, [socket, counterIds]);

  const concernName = (id: string) => office.concerns.find((c) => c.id === id)?.name ?? id;
  return (
    <section class="panel" aria-labelledby="admin-counters-title">
      <h2 id="admin-counters-title" class="panel__title">
        Plätze <span class="panel__count">{office.counters.length}</span>
      </h2>
      <table class="table">
        <TableHead
          columns={[
            'Platz',
            'Bereich',
            'Anliegen (in dieser Reihenfolge)',
            'Zustand',
            'Aufgerufen',
            { num: 'Wartend' },
          ]}
        />
        <tbody>
          {office.counters.map((counter) => {
            const view = views.value[counter.id];
            const waiting = view?.waiting.reduce((sum, w) => sum + w.count, 0);
            return (
              <tr key={counter.id} data-testid={`admin-counter-${counter.id}`}>
                <th scope="row">{counter.name}</th>
                <td>{counter.area ?? '–'}</td>
                <td>
                  <ul class="chips">
                    {counter.concernIds.map((id) => (
                      <li key={id} class="chip">
                        {concernName(id)}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>{view ? <span class={`status status--${view.status}`}>{STATUS_LABEL[view.status]}</span> : '–'}</td>
                <td class="mono">{view?.current?.number ?? '–'}</td>
                <td class="num">{waiting ?? '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="staff-muted">Plätze und ihre Anliegen stehen in der Konfiguration des Amts.</p>
    </section>
  );
}
