/**
 * Warnings of the configuration draft: what can be saved but cannot be used as meant (a concern
 * no counter serves, a counter without concerns). Shown in the save bar, on every page.
 */
import { type ConfigWarning, configWarnings } from '../core/office-checks.ts';
import type { OfficeConfig } from '../core/types.ts';

/** A warning in plain German, with the names from the draft. */
export function warningText(warning: ConfigWarning, office: OfficeConfig): string {
  if (warning.code === 'CONCERN_UNSERVED') {
    const name = office.concerns.find((c) => c.id === warning.id)?.name.trim() || warning.id || 'Neues Anliegen';
    return `Kein Platz bedient „${name}“. Kiosk und Empfang bieten es nicht an, bis ein Platz es übernimmt (unter „Plätze einrichten“).`;
  }
  const name = office.counters.find((c) => c.id === warning.id)?.name.trim() || warning.id || 'Neuer Platz';
  return `„${name}“ hat noch kein Anliegen und kann so niemanden aufrufen.`;
}

/** Where to go to fix it: the counters page in both cases. */
export function warningPath(warning: ConfigWarning): string {
  return warning.code === 'CONCERN_UNSERVED' ? 'counters' : warning.path;
}

export function ConfigWarnings({ office, onShow }: { office: OfficeConfig; onShow: (path: string) => void }) {
  const warnings = configWarnings(office);
  if (warnings.length === 0) return null;
  return (
    <div class="cfg-summary cfg-summary--warning" role="status" data-testid="config-warnings">
      <p class="cfg-summary__title">Bitte beachten:</p>
      <ul>
        {warnings.map((w) => (
          <li key={`${w.code}:${w.path}`} data-testid={`config-warning-${w.code}`} data-id={w.id}>
            {warningText(w, office)}{' '}
            <button type="button" class="cfg-summary__link" onClick={() => onShow(warningPath(w))}>
              Zu den Plätzen
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
