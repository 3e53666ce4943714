/** Who waits for this counter, per concern, with the longest wait. */
import type { ConcernPublic, CounterView } from '../core/api.ts';
import { hyphenate } from '../ui/hyphenate.ts';
import { formatMinutes } from '../ui/staff-format.ts';

export interface WaitingListProps {
  waiting: CounterView['waiting'];
  concerns: ConcernPublic[];
}

export function WaitingList({ waiting, concerns }: WaitingListProps) {
  const total = waiting.reduce((sum, w) => sum + w.count, 0);
  const name = (id: string) => concerns.find((c) => c.id === id)?.name ?? id;
  return (
    <section class="panel waiting-panel" aria-labelledby="waiting-title">
      <h2 id="waiting-title" class="panel__title">
        Wartend für Ihren Platz{' '}
        <span class="panel__count" data-testid="waiting-total">
          {total}
        </span>
      </h2>
      {waiting.length === 0 ? (
        <p class="staff-muted">Für Ihren Platz gibt es keine Anliegen.</p>
      ) : (
        <ul class="waiting">
          {waiting.map((w) => (
            <li
              key={w.concernId}
              class={`waiting__item ${w.count === 0 ? 'waiting__item--empty' : ''}`}
              data-testid={`waiting-${w.concernId}`}
            >
              <span class="waiting__name">{hyphenate(name(w.concernId))}</span>
              <span class="waiting__count">{w.count}</span>
              <span class="waiting__longest">
                {w.count > 0 ? `längste Wartezeit ${formatMinutes(w.longestWaitMinutes)}` : 'niemand wartet'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
