/**
 * Live queue: waiting per concern with estimates, visitors called now (each can be released from
 * its counter, see `release-called.tsx`), the latest calls.
 */
import type { ComponentChildren } from 'preact';
import type { CallView, CalledView, ConcernPublic, QueueSnapshot } from '../core/api.ts';
import { formatClock, formatMinutes } from '../ui/staff-format.ts';
import type { LotseSocket } from '../ui/socket.ts';
import { useLiveQueue } from './live.ts';
import { ReleaseCalled } from './release-called.tsx';
import { TableHead } from './table-head.tsx';

export interface QueuePanelProps {
  socket: LotseSocket;
  timeZone: string;
  fail: (code: string) => void;
}

export function QueuePanel({ socket, timeZone, fail }: QueuePanelProps) {
  const live = useLiveQueue(socket, fail);
  const queue = live.queue.value;
  if (!queue) return <p class="staff-muted">Warteschlange wird geladen …</p>;
  return (
    <div class="admin-queue">
      <Summary queue={queue} recent={live.recent.value} timeZone={timeZone} />
      <div class="admin-columns">
        <WaitingTable queue={queue} concerns={live.concerns.value} />
        <div class="admin-stack">
          <CalledList called={queue.called} timeZone={timeZone} fail={fail} />
          <RecentCalls recent={live.recent.value} timeZone={timeZone} />
        </div>
      </div>
    </div>
  );
}

function Summary({ queue, recent, timeZone }: { queue: QueueSnapshot; recent: CallView[]; timeZone: string }) {
  const waiting = queue.waiting.reduce((sum, w) => sum + w.count, 0);
  const last = recent[0];
  return (
    <div class="kpis">
      <div class="kpi">
        <div class="kpi__label">Wartend</div>
        <div class="kpi__value" data-testid="admin-waiting-total">
          {waiting}
        </div>
      </div>
      <div class="kpi">
        <div class="kpi__label">Gerade aufgerufen</div>
        <div class="kpi__value" data-testid="admin-called-total">
          {queue.called.length}
        </div>
      </div>
      <div class="kpi kpi--wide">
        <div class="kpi__label">Letzter Aufruf</div>
        <div class="kpi__value kpi__value--text">
          {last ? (
            <>
              {last.number} <span class="kpi__arrow">→</span> {last.counterName}{' '}
              <span class="staff-muted kpi__time">{formatClock(last.calledAt, timeZone)} Uhr</span>
            </>
          ) : (
            '–'
          )}
        </div>
      </div>
    </div>
  );
}

/** One row per concern that gives tickets, plus any concern the server reports beyond those. */
export function waitingRows(queue: QueueSnapshot, concerns: ConcernPublic[]) {
  const byId = new Map(queue.waiting.map((w) => [w.concernId, w]));
  const rows = concerns
    .filter((c) => !c.infoUrl || byId.has(c.id))
    .map((c) => ({
      id: c.id,
      prefix: c.prefix,
      name: c.name,
      count: byId.get(c.id)?.count ?? 0,
      minutes: byId.get(c.id)?.estimatedWaitMinutes ?? 0,
    }));
  for (const w of queue.waiting) {
    if (!concerns.some((c) => c.id === w.concernId))
      rows.push({ id: w.concernId, prefix: '', name: w.concernId, count: w.count, minutes: w.estimatedWaitMinutes });
  }
  return rows;
}

function WaitingTable({ queue, concerns }: { queue: QueueSnapshot; concerns: ConcernPublic[] }) {
  const rows = waitingRows(queue, concerns);
  return (
    <QueueSection id="admin-waiting-title" title="Wartend nach Anliegen">
      <table class="table">
        <TableHead columns={['Anliegen', { num: 'Wartend' }, { num: 'Geschätzte Wartezeit' }]} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid={`admin-concern-${row.id}`} class={row.count === 0 ? 'table__row--quiet' : ''}>
              <th scope="row">
                {row.prefix ? <span class="chip chip--prefix">{row.prefix}</span> : null} {row.name}
              </th>
              <td class="num num--big" data-testid={`admin-waiting-${row.id}`}>
                {row.count}
              </td>
              <td class="num">{row.count > 0 ? `etwa ${formatMinutes(row.minutes)}` : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </QueueSection>
  );
}

function CalledList({
  called,
  timeZone,
  fail,
}: {
  called: CalledView[];
  timeZone: string;
  fail: (code: string) => void;
}) {
  return (
    <QueueSection
      id="admin-called-title"
      title="Gerade aufgerufen"
      empty={called.length === 0 && 'Niemand ist aufgerufen.'}
    >
      <ul class="calls">
        {called.map((c) => (
          <li key={`${c.number}-${c.counterId}`} class="calls__item" data-testid={`admin-called-${c.counterId}`}>
            <span class="calls__number">{c.number}</span>
            <span class="calls__counter">{c.counterName}</span>
            <span class="calls__time">{formatClock(c.calledAt, timeZone)} Uhr</span>
            <ReleaseCalled called={c} fail={fail} />
          </li>
        ))}
      </ul>
    </QueueSection>
  );
}

function RecentCalls({ recent, timeZone }: { recent: CallView[]; timeZone: string }) {
  return (
    <QueueSection id="admin-recent-title" title="Letzte Aufrufe" empty={recent.length === 0 && 'Noch kein Aufruf.'}>
      <ul class="calls calls--compact" data-testid="admin-recent">
        {recent.map((c) => (
          <li key={c.seq} class="calls__item">
            <span class="calls__time">{formatClock(c.calledAt, timeZone)}</span>
            <span class="calls__number">{c.number}</span>
            <span class="calls__counter">{c.counterName}</span>
            {c.recall ? <span class="chip">erneut</span> : <span />}
          </li>
        ))}
      </ul>
    </QueueSection>
  );
}

/** A panel of the queue page: its title, then its content or, when there is none, a line saying so. */
function QueueSection({
  id,
  title,
  empty,
  children,
}: {
  id: string;
  title: string;
  empty?: string | false;
  children: ComponentChildren;
}) {
  return (
    <section class="panel" aria-labelledby={id}>
      <h2 id={id} class="panel__title">
        {title}
      </h2>
      {empty ? <p class="staff-muted">{empty}</p> : children}
    </section>
  );
}
