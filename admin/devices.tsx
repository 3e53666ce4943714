/**
 * Devices: the office's kiosks and lobby screens. Pairing creates a device and shows its
 * address (and a QR code of it) once; the device keeps the key from that address. Removing a
 * device takes its key away at once.
 *
 * Over 400 lines: pairing, the device list and a screen's settings share the device list's state.
 */
import { useSignal } from '@preact/signals';
import { api } from '../ui/api.ts';
import { QrCode } from '../ui/qr.tsx';
import { formatClock, formatDay, useNow } from '../ui/staff-format.ts';
import { ConfirmDialog, NoticeBanner, StaffModal } from '../ui/staff-shell.tsx';
import type { Language } from '../ui/i18n.ts';
import { useAdminList } from './admin-list.ts';
import { ScreenSettingsDialog, screenSettingsText } from './device-screen.tsx';
import './config.css';

export type DeviceKind = 'kiosk' | 'screen';

export interface DeviceView {
  id: string;
  kind: DeviceKind;
  name: string;
  area?: string;
  /** Screens: set by an admin (unset: the screen's address decides). */
  orientation?: 'portrait' | 'landscape';
  distanceM?: number;
  language?: Language;
  createdAt: string;
  lastSeenAt: string | null;
}

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

export const KIND_LABEL: Record<DeviceKind, string> = { kiosk: 'Kiosk', screen: 'Anzeige' };
const KIND_HINT: Record<DeviceKind, string> = {
  kiosk: 'Bildschirm am Eingang, an dem Besucher eine Nummer ziehen.',
  screen: 'Bildschirm im Wartebereich, der die Aufrufe zeigt und ansagt.',
};

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

/** The full address a device opens to pair (the server answers a path). */
export function pairingAddress(origin: string, pairingUrl: string): string {
  return new URL(pairingUrl, origin).toString();
}

export function DevicesPanel({ timeZone, areas, printersHref, fail }: DevicesPanelProps) {
  const {
    items: devices,
    loadError,
    notice,
    load,
    failed,
  } = useAdminList<DeviceView>('/api/admin/devices', (a) => (a as { devices: DeviceView[] }).devices, fail, 60_000);
  const paired = useSignal<PairAnswer | null>(null);
  const removing = useSignal<DeviceView | null>(null);
  const configuring = useSignal<DeviceView | null>(null);
  const busy = useSignal(false);
  const now = useNow(30_000);

  const remove = async (device: DeviceView) => {
    busy.value = true;
    try {
      await api('DELETE', `/api/admin/devices/${encodeURIComponent(device.id)}`);
      notice.value = { kind: 'success', text: `„${device.name}“ ist getrennt. Es braucht eine neue Verbindung.` };
      await load();
    } catch (error) {
      failed(error);
    } finally {
      busy.value = false;
    }
  };

  const list = devices.value;
  const gone = removing.value;
  return (
    <div class="cfg">
      <header class="cfg__head">
        <h2 class="cfg__title">Geräte</h2>
        <p class="cfg__intro">
          Kiosks und Anzeigen im Wartebereich. Ein verbundenes Gerät meldet sich mit seinem eigenen Schlüssel.
          {printersHref ? (
            <>
              {' '}
              Den Zustand der Drucker sehen Sie unter <a href={printersHref}>Drucker</a>.
            </>
          ) : null}
        </p>
      </header>
      <NoticeBanner
        reserveSpace={false}
        notice={notice.value}
        onClose={() => {
          notice.value = null;
        }}
      />
      <div class="cfg-columns cfg-columns--wide-left">
        <section class="panel" aria-labelledby="cfg-devices-title">
          <h3 id="cfg-devices-title" class="panel__title">
            Verbundene Geräte {list ? <span class="panel__count">{list.length}</span> : null}
          </h3>
          {loadError.value ? (
            <div>
              <p class="staff-form__error" role="alert">
                {loadError.value}
              </p>
              <button type="button" class="staff-btn staff-btn--primary" onClick={() => void load()}>
                Noch einmal versuchen
              </button>
            </div>
          ) : !list ? (
            <p class="staff-muted">Geräte werden geladen …</p>
          ) : list.length === 0 ? (
            <p class="staff-muted" data-testid="devices-empty">
              Noch kein Gerät verbunden. Rechts verbinden Sie das erste.
            </p>
          ) : (
            <div class="table-scroll">
              <table class="table cfg-table">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Art</th>
                    <th scope="col">Bereich</th>
                    <th scope="col">Verbunden am</th>
                    <th scope="col">Zuletzt gemeldet</th>
                    <th scope="col">
                      <span class="cfg-sr">Aktionen</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((d) => (
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
                          <button
                            type="button"
                            class="staff-btn staff-btn--quiet"
                            disabled={busy.value}
                            data-testid={`device-configure-${d.id}`}
                            onClick={() => {
                              configuring.value = d;
                            }}
                          >
                            Einstellen
                          </button>
                        ) : null}
                        <button
                          type="button"
                          class="staff-btn staff-btn--quiet cfg-danger-text"
                          disabled={busy.value}
                          data-testid={`device-remove-${d.id}`}
                          onClick={() => {
                            removing.value = d;
                          }}
                        >
                          Trennen
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p class="cfg-field__hint">
            „Zuletzt gemeldet“ ändert sich, wenn ein Gerät sich neu verbindet oder eine Nummer holt.
          </p>
        </section>
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

function PairForm({
  areas,
  onPaired,
  onFail,
}: {
  areas: string[];
  onPaired: (answer: PairAnswer) => Promise<void>;
  onFail: (error: unknown) => void;
}) {
  const kind = useSignal<DeviceKind>('kiosk');
  const name = useSignal('');
  const area = useSignal('');
  const problem = useSignal<string | null>(null);
  const busy = useSignal(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy.value) return;
    const n = name.value.trim();
    if (!n) {
      problem.value = 'Bitte geben Sie dem Gerät einen Namen, zum Beispiel „Kiosk Eingang“.';
      return;
    }
    problem.value = null;
    busy.value = true;
    try {
      const a = area.value.trim();
      const answer = await api<PairAnswer>('POST', '/api/admin/devices', {
        kind: kind.value,
        name: n,
        ...(a ? { area: a } : {}),
      });
      name.value = '';
      area.value = '';
      await onPaired(answer);
    } catch (error) {
      onFail(error);
    } finally {
      busy.value = false;
    }
  };

  return (
    <section class="panel" aria-labelledby="cfg-pair-title">
      <h3 id="cfg-pair-title" class="panel__title">
        Neues Gerät verbinden
      </h3>
      <form class="cfg-form-stack" onSubmit={submit} noValidate>
        {problem.value ? (
          <p class="staff-form__error" role="alert" data-testid="device-new-error">
            {problem.value}
          </p>
        ) : null}
        <fieldset class="cfg-radios">
          <legend class="cfg-field__label">Art des Geräts</legend>
          {(['kiosk', 'screen'] as const).map((k) => (
            <label key={k} class={`cfg-radio ${kind.value === k ? 'cfg-radio--selected' : ''}`}>
              <input
                type="radio"
                name="cfg-device-kind"
                value={k}
                checked={kind.value === k}
                data-testid={`device-new-kind-${k}`}
                onChange={() => {
                  kind.value = k;
                }}
              />
              <span>
                <strong>{KIND_LABEL[k]}</strong>
                <span class="cfg-radio__hint">{KIND_HINT[k]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div class="cfg-field">
          <label class="cfg-field__label" for="cfg-device-name">
            Name
          </label>
          <input
            id="cfg-device-name"
            class="staff-input cfg-input"
            maxLength={60}
            autoComplete="off"
            aria-describedby="cfg-device-name-hint"
            value={name.value}
            data-testid="device-new-name"
            onInput={(e) => {
              name.value = e.currentTarget.value;
            }}
          />
          <p class="cfg-field__hint" id="cfg-device-name-hint">
            So finden Sie es in der Liste wieder: „Kiosk Eingang“, „Anzeige Wartezone 1. Stock“.
          </p>
        </div>
        <div class="cfg-field">
          <label class="cfg-field__label" for="cfg-device-area">
            Bereich (freiwillig)
          </label>
          <input
            id="cfg-device-area"
            class="staff-input cfg-input"
            maxLength={60}
            autoComplete="off"
            list="cfg-device-areas"
            aria-describedby="cfg-device-area-hint"
            value={area.value}
            data-testid="device-new-area"
            onInput={(e) => {
              area.value = e.currentTarget.value;
            }}
          />
          <datalist id="cfg-device-areas">
            {areas.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
          <p class="cfg-field__hint" id="cfg-device-area-hint">
            Wo das Gerät steht. Die Bereiche der Plätze stehen zur Auswahl.
          </p>
        </div>
        <button
          type="submit"
          class="staff-btn staff-btn--primary"
          disabled={busy.value}
          data-testid="device-new-submit"
        >
          {busy.value ? 'Wird verbunden …' : 'Verbinden'}
        </button>
      </form>
    </section>
  );
}

function PairedDialog({ answer, onClose }: { answer: PairAnswer; onClose: () => void }) {
  const address = pairingAddress(location.origin, answer.pairingUrl);
  const copied = useSignal<boolean | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(address);
      copied.value = true;
    } catch {
      copied.value = false;
    }
  };
  return (
    <StaffModal titleId="cfg-paired-title" wide testId="device-paired" onCancel={onClose}>
      <h2 id="cfg-paired-title" class="staff-modal__title">
        {KIND_LABEL[answer.device.kind]} „{answer.device.name}“ verbinden
      </h2>
      <p class="cfg-once" role="note">
        Diese Adresse sehen Sie nur jetzt. Sie enthält den Schlüssel des Geräts. Geben Sie sie nicht weiter.
      </p>
      <div class="cfg-pair">
        <QrCode value={address} label="QR-Code mit der Adresse für das Gerät" size="15rem" testid="device-qr" />
        <div class="cfg-pair__steps">
          <ol>
            <li>
              Öffnen Sie auf dem {answer.device.kind === 'kiosk' ? 'Kiosk' : 'Bildschirm der Anzeige'} den Browser.
            </li>
            <li>Scannen Sie den QR-Code oder geben Sie diese Adresse ein:</li>
          </ol>
          <p class="cfg-pair__url" data-testid="device-pairing-url">
            {address}
          </p>
          <div class="cfg-inline">
            <button
              type="button"
              class="staff-btn staff-btn--secondary"
              data-testid="device-copy"
              onClick={() => void copy()}
            >
              Adresse kopieren
            </button>
            {copied.value === true ? <span role="status">Kopiert.</span> : null}
            {copied.value === false ? (
              <span role="status">Kopieren ging nicht. Bitte markieren Sie die Adresse und kopieren Sie sie.</span>
            ) : null}
          </div>
        </div>
      </div>
      <div class="staff-modal__actions">
        <button
          type="button"
          data-autofocus
          class="staff-btn staff-btn--big staff-btn--primary"
          data-testid="device-paired-done"
          onClick={onClose}
        >
          Fertig
        </button>
      </div>
    </StaffModal>
  );
}
