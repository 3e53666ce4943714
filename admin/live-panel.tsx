/**
 * The manager's live view: per concern the people waiting, the longest wait against the target
 * and the estimate; per counter its state; numbers left "called"; devices; today against the
 * usual; the alerts in force. Pushed over `/live` (`live:watch`, `live:update`); on a wall
 * screen (`/admin?view=live`) it fills the screen.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { LiveView } from '../core/live-view.ts';
import { connectLive, liveRequest } from '../ui/live-socket.ts';
import { LiveThresholds } from './live-thresholds.tsx';
import './live.css';
import { DataTable } from './table-head.tsx';

const LEVEL_LABEL = { ok: 'in Ordnung', warning: 'Warnung', critical: 'kritisch' } as const;
const STATUS_LABEL = { open: 'Geöffnet', paused: 'Pause', closed: 'Geschlossen' } as const;

const clock = (iso: string | null) =>
  iso ? new Date(iso).toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit' }) : '–';
const num = (n: number) => n.toLocaleString('de-DE', { maximumFractionDigits: 1 });

export function LivePanel({ fail, wall = false }: { fail: (code: string) => void; wall?: boolean }) {
  const view = useSignal<LiveView | null>(null);
  const connected = useSignal(false);
  const failRef = useRef(fail);
  failRef.current = fail;

  useEffect(() => {
    const socket = connectLive();
    const watch = async () => {
      const ack = await liveRequest(socket, 'live:watch', {});
      if (ack.ok) view.value = ack.data as LiveView;
      else failRef.current(ack.error);
    };
    socket.on('connect', () => {
      connected.value = true;
      void watch();
    });
    socket.on('disconnect', () => {
      connected.value = false;
    });
    socket.on('live:update', (next) => {
      view.value = next;
    });
    return () => {
      socket.disconnect();
    };
  }, []);

  const v = view.value;
  return (
    <section class={`panel live ${wall ? 'live--wall' : ''}`} aria-labelledby="live-title" data-testid="live-view">
      <h2 id="live-title" class="panel__title">
        Live {v && <span class={`live-level live-level--${v.level}`}>{LEVEL_LABEL[v.level]}</span>}
        {v && <span class="staff-muted live-at">Stand {clock(v.at)}</span>}
        {!connected.value && v && <span class="staff-badge staff-badge--warn">nicht verbunden</span>}
      </h2>
      {!v && <p class="staff-muted">Live-Ansicht wird geladen …</p>}
      {v && (
        <>
          <div class="live-alerts" data-testid="live-alerts">
            {v.alerts.length === 0 && <p class="live-alert live-alert--ok">Keine Warnungen.</p>}
            {v.alerts.map((a) => (
              <p key={a.id} class={`live-alert live-alert--${a.level}`} data-testid={`live-alert-${a.id}`}>
                <strong>{LEVEL_LABEL[a.level]}:</strong> {a.message}{' '}
                <span class="live-since">seit {clock(a.since)}</span>
              </p>
            ))}
          </div>
          <div class="live-grid">
            <DataTable
              testId="live-concerns"
              caption={<caption class="live-caption">Anliegen</caption>}
              columns={[
                'Anliegen',
                { num: 'Wartend' },
                { num: 'Längste Wartezeit' },
                { num: 'Ziel' },
                { num: 'Schätzung' },
                { num: 'Offene Plätze' },
              ]}
            >
              {v.concerns.map((c) => (
                <tr key={c.concernId} class={`live-row--${c.level}`} data-testid={`live-concern-${c.concernId}`}>
                  <th scope="row">{c.name}</th>
                  <td class="num">{c.waiting}</td>
                  <td class="num" data-testid={`live-longest-${c.concernId}`}>
                    {c.longestWaitMinutes} min
                  </td>
                  <td class="num">{c.targetWaitMinutes} min</td>
                  <td class="num">{c.estimatedWaitMinutes} min</td>
                  <td class="num">{c.openCounters}</td>
                </tr>
              ))}
            </DataTable>
            <DataTable
              testId="live-counters"
              caption={<caption class="live-caption">Plätze</caption>}
              columns={['Platz', 'Zustand', 'Nummer']}
              after={
                v.stranded.length > 0 && (
                  <p class="live-alert live-alert--warning" data-testid="live-stranded">
                    Aufgerufen, aber von keinem Platz bedient:{' '}
                    {v.stranded.map((s) => `${s.ticketNumber} (${s.calledMinutes} min)`).join(', ')}
                  </p>
                )
              }
            >
              {v.counters.map((c) => (
                <tr key={c.counterId} class={`live-row--${c.level}`} data-testid={`live-counter-${c.counterId}`}>
                  <th scope="row">{c.name}</th>
                  <td>
                    <span class={`status status--${c.status}`}>{STATUS_LABEL[c.status]}</span>
                    {c.status === 'paused' && (
                      <span class="live-detail">
                        {' '}
                        seit {c.pausedMinutes ?? 0} min{c.pauseReason ? ` (${c.pauseReason})` : ''}
                      </span>
                    )}
                  </td>
                  <td>
                    {c.ticketNumber
                      ? `${c.ticketNumber} · ${c.phase === 'serving' ? 'im Gespräch' : 'aufgerufen'} seit ${c.currentMinutes ?? 0} min`
                      : '–'}
                  </td>
                </tr>
              ))}
            </DataTable>
          </div>
          <div class="live-grid">
            <div>
              <h3 class="live-caption">Heute bis jetzt</h3>
              <dl class="live-today" data-testid="live-today">
                <dt>Besuche</dt>
                <dd>
                  {v.today.today.issued}
                  {v.today.usual && <span class="staff-muted"> (sonst {num(v.today.usual.issued)})</span>}
                </dd>
                <dt>Bedient</dt>
                <dd>
                  {v.today.today.served}
                  {v.today.usual && <span class="staff-muted"> (sonst {num(v.today.usual.served)})</span>}
                </dd>
                <dt>Nicht erschienen</dt>
                <dd>
                  {v.today.today.noShow}
                  {v.today.usual && <span class="staff-muted"> (sonst {num(v.today.usual.noShow)})</span>}
                </dd>
              </dl>
              <p class="staff-muted">
                „Sonst“: Mittel desselben Wochentags der letzten {v.today.usualDays.length} Wochen bis zur selben
                Uhrzeit.
              </p>
            </div>
            <DataTable
              testId="live-devices"
              caption={<caption class="live-caption">Geräte</caption>}
              columns={['Gerät', 'Verbunden', 'Zuletzt gesehen / geprüft']}
            >
              {v.devices.length === 0 && v.printers.length === 0 && (
                <tr>
                  <td colSpan={3} class="staff-muted">
                    Keine gekoppelten Geräte.
                  </td>
                </tr>
              )}
              {v.devices.map((d) => (
                <tr key={d.id} class={`live-row--${d.level}`}>
                  <th scope="row">
                    {d.kind === 'kiosk' ? 'Kiosk' : 'Anzeige'} {d.name}
                  </th>
                  <td>{d.connected ? 'ja' : 'nein'}</td>
                  <td>{clock(d.lastSeenAt)}</td>
                </tr>
              ))}
              {v.printers
                .filter((p) => p.state !== 'off')
                .map((p) => (
                  <tr key={`printer-${p.id}`} class={`live-row--${p.level}`} data-testid={`live-printer-${p.id}`}>
                    <th scope="row">Drucker {p.name}</th>
                    <td>{p.online ? 'ja' : 'nein'}</td>
                    <td>{clock(p.checkedAt)}</td>
                  </tr>
                ))}
            </DataTable>
          </div>
          {!wall && (
            <p class="live-links">
              <a href="/admin?view=live" target="_blank" rel="noopener">
                Als Wandanzeige öffnen
              </a>{' '}
              · <a href="/admin?view=city">Alle Ämter</a>
            </p>
          )}
          {!wall && <LiveThresholds fail={fail} />}
        </>
      )}
    </section>
  );
}
