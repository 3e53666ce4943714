/**
 * Devices: the office's kiosks and lobby screens. Pairing creates a device and shows its
 * address (and a QR code of it) once; the device keeps the key from that address. Removing a
 * device takes its key away at once.
 * Pairing is in `device-pairing.tsx`, a screen's settings in `device-screen.tsx`.
 */
import { useSignal } from '@preact/signals';
import type { DeviceView } from '../core/admin-views.ts';
import { api } from '../ui/api.ts';
import { formatClock, formatDay, useNow } from '../ui/staff-format.ts';
import { ConfirmDialog } from '../ui/staff-shell.tsx';
import { useAdminList } from './admin-list.ts';
import { ListPageHead, ListTable, RowButton } from './admin-list-page.tsx';
import { KIND_LABEL, PairForm, PairedDialog } from './device-pairing.tsx';
import { ScreenSettingsDialog, screenSettingsText } from './device-screen.tsx';
import './config.css';

export interface PairAnswer {
  device: DeviceView;
  token: string;
  pairingUrl: string;
}

export interface DevicesPanelProps {
  timeZone: string;
  /** Areas the counters name, offered for a new device. */
  areas: string[];
  /** Address of the printers page, when the app has one. */
  printersHref?: string;
  fail: (code: string) => void;
}

/** "gerade eben", "vor 5 Minuten", "vor 3 Stunden", "Mo 17.11.2026, 09:05 Uhr", "noch nie". */
export function lastSeenText(iso: string | null, now: number, timeZone: string): string {
  if (!iso) return 'noch nie';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '–';
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 2) return 'gerade eben';
  if (minutes < 60) return `vor ${minutes} Minuten`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return hours === 1 ? 'vor 1 Stunde' : `vor ${hours} Stunden`;
  return `${formatDay(localDate(at, timeZone))}, ${formatClock(iso, timeZone)} Uhr`;
}

function localDate(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function DevicesPanel({ timeZone, areas, printersHref, fail }: DevicesPanelProps) {
  const list = useAdminList<DeviceView>(
    '/api/admin/devices',
    (a) => (a as { devices: DeviceView[] }).devices,
    fail,
    60_000,
  );
  const { notice, load, failed, busy } = list;
  const paired = useSignal<PairAnswer | null>(null);
  const removing = useSignal<DeviceView | null>(null);
  const configuring = useSignal<DeviceView | null>(null);
  const now = useNow(30_000);

  const remove = (device: DeviceView) =>
    list.act(
      () => api('DELETE', `/api/admin/devices/${encodeURIComponent(device.id)}`),
      `„${device.name}“ ist getrennt. Es braucht eine neue Verbindung.`,
    );

  const gone = removing.value;
  return (
    <div class="cfg">
      <ListPageHead
        title="Geräte"
        notice={notice}
        intro={
          <>
            Kiosks und Anzeigen im Wartebereich. Ein verbundenes Gerät meldet sich mit seinem eigenen Schlüssel.
            {printersHref ? (
              <>
                {' '}
                Den Zustand der Drucker sehen Sie unter <a href={printersHref}>Drucker</a>.
              </>
            ) : null}
          </>
        }
      />
      <div class="cfg-columns cfg-columns--wide-left">
        <ListTable
          list={list}
          titleId="cfg-devices-title"
          title="Verbundene Geräte"
          loading="Geräte werden geladen …"
          empty={{ text: 'Noch kein Gerät verbunden. Rechts verbinden Sie das erste.', testId: 'devices-empty' }}
          columns={['Name', 'Art', 'Bereich', 'Verbunden am', 'Zuletzt gemeldet']}
          row={(d) => (
            <tr key={d.id} data-testid={`device-${d.id}`}>
              <th scope="row">{d.name}</th>
              <td>
                <span class={`chip cfg-kind cfg-kind--${d.kind}`}>{KIND_LABEL[d.kind]}</span>
              </td>
              <td>
                {d.area ?? '–'}
                {d.kind === 'screen' ? (
                  <span class="cfg-field__hint" data-testid={`device-screen-${d.id}`}>
                    <br />
                    {screenSettingsText(d)}
                  </span>
                ) : null}
              </td>
              <td class="mono">{formatDay(localDate(Date.parse(d.createdAt), timeZone))}</td>
              <td class="mono" data-testid={`device-seen-${d.id}`}>
                {lastSeenText(d.lastSeenAt, now.value, timeZone)}
              </td>
              <td>
                {d.kind === 'screen' ? (
                  <RowButton
                    testId={`device-configure-${d.id}`}
                    disabled={busy.value}
                    onClick={() => {
                      configuring.value = d;
                    }}
                  >
                    Einstellen
                  </RowButton>
                ) : null}
                <RowButton
                  testId={`device-remove-${d.id}`}
                  danger
                  disabled={busy.value}
                  onClick={() => {
                    removing.value = d;
                  }}
                >
                  Trennen
                </RowButton>
              </td>
            </tr>
          )}
        >
          <p class="cfg-field__hint">
            „Zuletzt gemeldet“ ändert sich, wenn ein Gerät sich neu verbindet oder eine Nummer holt.
          </p>
        </ListTable>
        <PairForm
          areas={areas}
          onPaired={async (answer) => {
            paired.value = answer;
            await load();
          }}
          onFail={failed}
        />
      </div>
      {paired.value ? (
        <PairedDialog
          answer={paired.value}
          onClose={() => {
            paired.value = null;
          }}
        />
      ) : null}
      {configuring.value ? (
        <ScreenSettingsDialog
          device={configuring.value}
          areas={areas}
          onCancel={() => {
            configuring.value = null;
          }}
          onFail={failed}
          onSaved={async (device) => {
            configuring.value = null;
            notice.value = { kind: 'success', text: `Die Anzeige „${device.name}“ übernimmt die Einstellungen.` };
            await load();
          }}
        />
      ) : null}
      {gone ? (
        <ConfirmDialog
          title={`„${gone.name}“ trennen?`}
          confirmLabel="Trennen"
          danger
          onCancel={() => {
            removing.value = null;
          }}
          onConfirm={() => {
            removing.value = null;
            void remove(gone);
          }}
        >
          <p>
            Das Gerät verliert seinen Schlüssel sofort.
            {gone.kind === 'kiosk' ? ' Wenn nur verbundene Geräte erlaubt sind, gibt es keine Nummern mehr.' : ''} Um es
            wieder zu nutzen, verbinden Sie es neu.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
