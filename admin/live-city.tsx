/**
 * Every office on the shared database with its live figures and alerts (`GET /api/city/live`),
 * for an admin named in LOTSE_CITY_VIEWERS; refreshed every 15 seconds.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { CityOffice } from '../core/live-view.ts';
import { api } from '../ui/api.ts';
import { errorText } from '../ui/staff-errors.ts';
import { errorCodeOf } from '../ui/staff-session.ts';
import './live.css';
import { DataTable } from './table-head.tsx';

const REFRESH_MS = 15_000;
const LEVEL_LABEL = { ok: 'in Ordnung', warning: 'Warnung', critical: 'kritisch' } as const;

export function CityPanel() {
  const offices = useSignal<CityOffice[] | null>(null);
  const error = useSignal<string | null>(null);
  useEffect(() => {
    let stopped = false;
    const load = async () => {
      try {
        const answer = await api<{ offices: CityOffice[] }>('GET', '/api/city/live');
        offices.value = answer.offices;
        error.value = null;
      } catch (e) {
        const code = errorCodeOf(e);
        error.value = code === 'FORBIDDEN' ? 'Dieses Konto sieht nur das eigene Amt.' : errorText(code);
      }
    };
    void load();
    const timer = setInterval(() => {
      if (!stopped) void load();
    }, REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);

  return (
    <section class="panel live live--wall" aria-labelledby="city-title" data-testid="city-view">
      <h2 id="city-title" class="panel__title">
        Alle Ämter {offices.value && <span class="panel__count">{offices.value.length}</span>}
      </h2>
      {error.value && (
        <p class="staff-form__error" role="alert">
          {error.value}
        </p>
      )}
      {!offices.value && !error.value && <p class="staff-muted">Wird geladen …</p>}
      {offices.value && (
        <DataTable
          testId="city-offices"
          columns={[
            'Amt',
            'Lage',
            { num: 'Wartend' },
            { num: 'Längste Wartezeit' },
            { num: 'Offene Plätze' },
            { num: 'Besuche heute' },
            'Warnungen',
          ]}
        >
          {offices.value.map((o) => (
            <tr key={o.officeId} class={`live-row--${o.level}`} data-testid={`city-office-${o.officeId}`}>
              <th scope="row">{o.officeName}</th>
              <td>
                <span class={`live-level live-level--${o.level}`}>{LEVEL_LABEL[o.level]}</span>
                {o.stale && <span class="staff-badge staff-badge--warn"> keine aktuellen Zahlen</span>}
              </td>
              <td class="num">{o.waiting}</td>
              <td class="num">{o.longestWaitMinutes} min</td>
              <td class="num">{o.openCounters}</td>
              <td class="num">{o.today.today.issued}</td>
              <td>
                {o.alerts.length === 0
                  ? '–'
                  : o.alerts.map((a) => (
                      <div key={a.id} class={`live-alert live-alert--${a.level}`}>
                        {a.message}
                      </div>
                    ))}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
