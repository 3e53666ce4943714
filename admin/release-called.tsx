/**
 * Freeing a number left "called" at a counter (its counter closed, or its clerk left without
 * finishing): back to the line (front, by its arrival) or finished. Admins only; the server
 * checks the role, audits it, and every screen drops the number.
 */
import { useSignal } from '@preact/signals';
import type { CalledView } from '../core/api.ts';
import { api } from '../ui/api.ts';
import { errorCodeOf } from '../ui/staff-session.ts';
import { ConfirmDialog } from '../ui/staff-shell.tsx';
import './release-called.css';

type How = 'requeue' | 'finish';

const LABEL: Record<How, string> = { requeue: 'Zurück in die Warteschlange', finish: 'Abschließen' };

export interface ReleaseCalledProps {
  called: CalledView;
  fail: (code: string) => void;
}

export function ReleaseCalled({ called, fail }: ReleaseCalledProps) {
  const asking = useSignal<How | null>(null);
  const busy = useSignal(false);
  const release = async (how: How) => {
    asking.value = null;
    busy.value = true;
    try {
      await api('POST', `/api/admin/counters/${encodeURIComponent(called.counterId)}/release`, {
        how,
        number: called.number,
      });
    } catch (error) {
      fail(errorCodeOf(error));
    } finally {
      busy.value = false;
    }
  };
  const how = asking.value;
  return (
    <span class="calls__actions">
      {(['requeue', 'finish'] as const).map((h) => (
        <button
          key={h}
          type="button"
          class="staff-btn staff-btn--quiet"
          data-testid={`admin-release-${h}-${called.counterId}`}
          disabled={busy.value}
          onClick={() => {
            asking.value = h;
          }}
        >
          {LABEL[h]}
        </button>
      ))}
      {how ? (
        <ConfirmDialog
          title={`${called.number} an ${called.counterName}: ${LABEL[how]}?`}
          confirmLabel={LABEL[how]}
          onCancel={() => {
            asking.value = null;
          }}
          onConfirm={() => void release(how)}
        >
          <p>
            {how === 'requeue'
              ? `${called.number} wartet dann wieder vorne in der Schlange (mit der Ankunftszeit) und wird neu aufgerufen.`
              : `Der Besuch von ${called.number} gilt dann an ${called.counterName} als erledigt.`}{' '}
            Nutzen Sie das für eine Nummer, die an einem geschlossenen oder verlassenen Platz hängt.
          </p>
        </ConfirmDialog>
      ) : null}
    </span>
  );
}
