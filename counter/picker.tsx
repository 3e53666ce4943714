/** "Where do you work today?": one big button per counter, the remembered one marked. */
import type { OfficePublic } from '../core/api.ts';
import type { StaffSession } from '../ui/staff-gate.tsx';
import { StaffHeader } from '../ui/staff-shell.tsx';

export interface CounterPickerProps {
  office: OfficePublic;
  selectedId: string | null;
  session: StaffSession;
  onPick: (counterId: string) => void;
  /** Reception without a counter. */
  onReception?: () => void;
}

export function CounterPicker({ office, selectedId, session, onPick, onReception }: CounterPickerProps) {
  const concernName = (id: string) => office.concerns.find((c) => c.id === id)?.name ?? id;
  return (
    <div class="staff-page">
      <StaffHeader title="Schalter" subtitle={office.name} username={session.user.username} onSignOut={session.signOut}>
        {onReception ? (
          <button type="button" class="staff-btn staff-btn--quiet" data-testid="open-reception" onClick={onReception}>
            Empfang
          </button>
        ) : null}
      </StaffHeader>
      <main class="staff-main">
        <h1 class="staff-h1">An welchem Platz arbeiten Sie?</h1>
        <p class="staff-muted">Dieser Computer merkt sich Ihre Wahl.</p>
        {office.counters.length === 0 ? (
          <p class="staff-form__error" role="alert">
            Es gibt noch keine Plätze. Bitte wenden Sie sich an die Verwaltung.
          </p>
        ) : (
          <ul class="picker">
            {office.counters.map((counter) => (
              <li key={counter.id}>
                <button
                  type="button"
                  class={`picker__item ${counter.id === selectedId ? 'picker__item--selected' : ''}`}
                  data-testid={`pick-counter-${counter.id}`}
                  aria-pressed={counter.id === selectedId}
                  onClick={() => onPick(counter.id)}
                >
                  <span class="picker__name">{counter.name}</span>
                  {counter.area ? <span class="picker__area">{counter.area}</span> : null}
                  <span class="picker__concerns">{counter.concernIds.map(concernName).join(' · ')}</span>
                  {counter.id === selectedId ? <span class="picker__mark">Zuletzt gewählt</span> : null}
                </button>
              </li>
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}
