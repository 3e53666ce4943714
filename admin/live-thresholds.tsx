/** Warning and critical levels of the live view's alerts, editable by the office manager. */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { AlertThresholds, LevelPair } from '../core/alert-thresholds.ts';
import { api } from '../ui/api.ts';
import { errorCodeOf } from '../ui/staff-session.ts';
import { TableHead } from './table-head.tsx';

type Field = Exclude<keyof AlertThresholds, 'concernWaitMinutes'>;

const FIELDS: { key: Field; label: string; unit: string }[] = [
  { key: 'waitMinutes', label: 'Längste Wartezeit', unit: 'Minuten' },
  { key: 'waitingPerCounter', label: 'Wartende je offenem Platz', unit: 'Personen' },
  { key: 'pausedMinutes', label: 'Platz in Pause', unit: 'Minuten' },
  { key: 'deviceOfflineMinutes', label: 'Kiosk oder Anzeige nicht verbunden', unit: 'Minuten' },
  { key: 'appointmentLateMinutes', label: 'Termin wartet nach seiner Zeit', unit: 'Minuten' },
];

interface Answer {
  effective: AlertThresholds;
  own: Partial<AlertThresholds>;
}

export function LiveThresholds({ fail }: { fail: (code: string) => void }) {
  const values = useSignal<Record<Field, { warning: string; critical: string }> | null>(null);
  const own = useSignal<Partial<AlertThresholds>>({});
  const message = useSignal<{ ok: boolean; text: string } | null>(null);

  const take = (answer: Answer) => {
    own.value = answer.own;
    values.value = Object.fromEntries(
      FIELDS.map((f) => [
        f.key,
        { warning: String(answer.effective[f.key].warning), critical: String(answer.effective[f.key].critical) },
      ]),
    ) as Record<Field, { warning: string; critical: string }>;
  };

  useEffect(() => {
    api<Answer>('GET', '/api/live/thresholds')
      .then(take)
      .catch((error: unknown) => fail(errorCodeOf(error)));
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    const current = values.value;
    if (!current) return;
    const next: Record<string, unknown> = { ...own.value };
    for (const f of FIELDS) {
      const pair: LevelPair = {
        warning: Number(current[f.key].warning.replace(',', '.')),
        critical: Number(current[f.key].critical.replace(',', '.')),
      };
      if (!Number.isFinite(pair.warning) || !Number.isFinite(pair.critical) || pair.warning < 0) {
        message.value = { ok: false, text: `${f.label}: bitte Zahlen eintragen.` };
        return;
      }
      if (pair.critical < pair.warning) {
        message.value = { ok: false, text: `${f.label}: „kritisch“ darf nicht unter „Warnung“ liegen.` };
        return;
      }
      next[f.key] = pair;
    }
    try {
      take(await api<Answer>('PUT', '/api/live/thresholds', next));
      message.value = { ok: true, text: 'Gespeichert.' };
    } catch (error) {
      const code = errorCodeOf(error);
      if (code === 'VALIDATION_FAILED') message.value = { ok: false, text: 'Die Werte sind ungültig.' };
      else fail(code);
    }
  };

  const current = values.value;
  if (!current) return null;
  return (
    <form class="live-thresholds" onSubmit={(e) => void save(e)} data-testid="live-thresholds">
      <h3 class="live-caption">Warnstufen</h3>
      <table class="table">
        <TableHead columns={['Wann warnen', 'Warnung ab', 'Kritisch ab']} />
        <tbody>
          {FIELDS.map((f) => (
            <tr key={f.key}>
              <th scope="row">
                {f.label} ({f.unit})
              </th>
              {(['warning', 'critical'] as const).map((level) => (
                <td key={level}>
                  <input
                    class="staff-input live-threshold-input"
                    inputMode="decimal"
                    aria-label={`${f.label}: ${level === 'warning' ? 'Warnung' : 'kritisch'} ab`}
                    data-testid={`threshold-${f.key}-${level}`}
                    value={current[f.key][level]}
                    onInput={(e) => {
                      values.value = {
                        ...current,
                        [f.key]: { ...current[f.key], [level]: (e.target as HTMLInputElement).value },
                      };
                    }}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="staff-muted">
        Ein Drucker ohne Papier oder nicht erreichbar ist immer kritisch, wenig Papier eine Warnung.
      </p>
      <button type="submit" class="staff-btn" data-testid="threshold-save">
        Warnstufen speichern
      </button>
      {message.value && (
        <p class={message.value.ok ? 'staff-muted' : 'staff-form__error'} role="status">
          {message.value.text}
        </p>
      )}
    </form>
  );
}
