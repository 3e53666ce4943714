/**
 * The printers tab: every ticket printer (LOTSE_PRINTER and the kiosks' own), its health as the
 * server pushes it (`printer:status` on namespace `/print`), tickets printed and failed, and an
 * alert at the top while a printer cannot print or runs out of paper.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import type { OfficePublic, PrintErrorCode } from '../core/api.ts';
import {
  PRINT_NAMESPACE,
  type PrintClientToServerEvents,
  type PrinterAdminView,
  type PrinterState,
  type PrinterStatusView,
  type PrintServerToClientEvents,
} from '../core/events.ts';
import { api } from '../ui/api.ts';
import { errorText } from '../ui/staff-errors.ts';
import { formatClock } from '../ui/staff-format.ts';
import { errorCodeOf } from '../ui/staff-session.ts';
import './printers.css';
import { DataTable } from './table-head.tsx';

type PrintSocket = Socket<PrintServerToClientEvents, PrintClientToServerEvents>;
type View = PrinterStatusView & { target?: string };

export const STATE_LABEL: Record<PrinterState, string> = {
  ready: 'Bereit',
  warning: 'Papier geht zu Ende',
  error: 'Druckt nicht',
  off: 'Kein Drucker',
  unknown: 'Noch nicht geprüft',
};

/** What staff should do, in plain words. */
export const PROBLEM_TEXT: Record<PrintErrorCode, string> = {
  PAPER_OUT: 'Das Papier ist leer. Legen Sie bitte eine neue Rolle ein.',
  COVER_OPEN: 'Der Deckel ist offen. Schließen Sie ihn bitte.',
  PRINTER_OFFLINE: 'Der Drucker ist nicht bereit. Prüfen Sie Strom, Papier und Deckel.',
  PRINTER_UNREACHABLE: 'Der Drucker ist nicht erreichbar. Prüfen Sie Strom und Netzwerkkabel.',
  PRINTER_TIMEOUT: 'Der Drucker antwortet nicht. Schalten Sie ihn bitte aus und wieder ein.',
  CONNECTION_LOST: 'Die Verbindung zum Drucker ist abgebrochen.',
  PRINTER_ERROR: 'Der Drucker meldet einen Fehler. Schalten Sie ihn bitte aus und wieder ein.',
  AGENT_OFFLINE: 'Das Druckprogramm am Kiosk-PC ist nicht verbunden. Prüfen Sie den Kiosk-PC.',
  JOB_EXPIRED: 'Ein Ticket wurde nicht rechtzeitig gedruckt.',
};

const KIND_LABEL: Record<PrinterStatusView['kind'], string> = {
  tcp: 'Netzwerk',
  file: 'USB/Gerätedatei',
  virtual: 'Virtuell (Bilder)',
  none: 'keiner',
  agent: 'Kiosk-PC (Druckprogramm)',
};

/** Printers that need someone now (errors first, then low paper). */
export function printerAlerts(printers: readonly PrinterStatusView[]): { printer: PrinterStatusView; text: string }[] {
  const rank = (p: PrinterStatusView) => (p.state === 'error' ? 0 : 1);
  return printers
    .filter((p) => p.state === 'error' || p.state === 'warning')
    .sort((a, b) => rank(a) - rank(b))
    .map((printer) => ({
      printer,
      text:
        printer.state === 'warning'
          ? 'Das Papier geht bald zu Ende. Halten Sie bitte eine neue Rolle bereit.'
          : PROBLEM_TEXT[printer.problem ?? 'PRINTER_ERROR'],
    }));
}

export function PrintersPanel({ office, fail }: { office: OfficePublic; fail: (code: string) => void }) {
  const printers = useSignal<View[] | null>(null);
  const error = useSignal<string | null>(null);
  const failRef = useRef(fail);
  failRef.current = fail;

  useEffect(() => {
    let live = true;
    const put = (view: View) => {
      const list = printers.value ?? [];
      const old = list.find((p) => p.id === view.id);
      const merged = { ...old, ...view };
      printers.value = old ? list.map((p) => (p.id === view.id ? merged : p)) : [...list, merged];
    };
    const load = async () => {
      try {
        const answer = await api<{ printers: PrinterAdminView[] }>('GET', '/api/printers');
        if (!live) return;
        printers.value = answer.printers;
        error.value = null;
      } catch (e) {
        const code = errorCodeOf(e);
        if (code === 'UNAUTHENTICATED') failRef.current(code);
        else if (live) error.value = `Die Drucker konnten nicht geladen werden. ${errorText(code)}`;
      }
    };
    // One more namespace on the admin's connection; it carries the session cookie.
    const socket: PrintSocket = io(PRINT_NAMESPACE, { transports: ['websocket', 'polling'] });
    socket.on('connect', () => {
      socket.timeout(8000).emit('printer:watch', { all: true }, (err, ack) => {
        if (err || !ack) return;
        if (ack.ok) for (const view of ack.data) put(view);
        else if (ack.error === 'UNAUTHENTICATED') failRef.current(ack.error);
      });
    });
    socket.on('printer:status', put);
    void load();
    return () => {
      live = false;
      socket.off('printer:status', put);
      socket.disconnect();
    };
  }, []);

  const list = printers.value;
  const alerts = list ? printerAlerts(list) : [];
  return (
    <section class="panel" aria-labelledby="admin-printers-title">
      <h2 id="admin-printers-title" class="panel__title">
        Drucker {list && <span class="panel__count">{list.length}</span>}
      </h2>
      {alerts.length > 0 && (
        <div class="printer-alerts" role="alert" data-testid="printer-alert">
          {alerts.map(({ printer, text }) => (
            <p key={printer.id} class={`printer-alert printer-alert--${printer.state}`}>
              <strong>{printer.name}:</strong> {text}
            </p>
          ))}
          {alerts.some((a) => a.printer.state === 'error') && (
            <p class="printer-alert__hint">
              Die Kiosks zeigen die Nummer und den QR-Code so lange auf dem Bildschirm. Es geht kein Ticket verloren.
            </p>
          )}
        </div>
      )}
      {error.value && (
        <p class="staff-form__error" role="alert">
          {error.value}
        </p>
      )}
      {!list && !error.value && <p class="staff-muted">Drucker werden geladen …</p>}
      {list && (
        <DataTable
          testId="printer-table"
          columns={[
            'Drucker',
            'Zustand',
            'Anschluss',
            'Kiosks',
            { num: 'Gedruckt' },
            { num: 'Fehlgeschlagen' },
            'Letzter Fehler',
            'Geprüft',
          ]}
        >
          {list.map((p) => (
            <tr key={p.id} data-testid={`printer-${p.id}`} data-state={p.state}>
              <th scope="row">{p.name}</th>
              <td>
                <span class={`status printer-state printer-state--${p.state}`}>{STATE_LABEL[p.state]}</span>
                {p.state === 'error' && p.problem && <div class="printer-problem">{PROBLEM_TEXT[p.problem]}</div>}
                {p.detail && <div class="staff-muted printer-detail">{p.detail}</div>}
              </td>
              <td>
                {KIND_LABEL[p.kind]}
                {p.target && p.kind !== 'none' && p.kind !== 'agent' && (
                  <div class="mono printer-target">{p.target}</div>
                )}
                {p.kind === 'agent' && p.pendingJobs > 0 && <div>{p.pendingJobs} Tickets warten</div>}
              </td>
              <td>{p.kioskIds.length > 0 ? p.kioskIds.join(', ') : p.id === 'default' ? 'alle übrigen' : '–'}</td>
              <td class="num">{p.printed}</td>
              <td class="num">{p.failed}</td>
              <td>
                {p.lastFailure
                  ? `${formatClock(p.lastFailure.at, office.timezone)}: ${PROBLEM_TEXT[p.lastFailure.error]}`
                  : '–'}
              </td>
              <td>{p.checkedAt ? formatClock(p.checkedAt, office.timezone) : '–'}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <p class="staff-muted">
        Der Standarddrucker ist LOTSE_PRINTER. Einzelne Kiosks bekommen einen eigenen Drucker in der Konfiguration des
        Amts (<code>kiosks</code>). Zähler gelten seit dem letzten Start des Servers.
      </p>
    </section>
  );
}
