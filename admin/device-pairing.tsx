/**
 * Pairing a new device: the form (kind, name, area) and the dialog that shows the device's
 * address, with its key, once (as text and QR code).
 */
import { useSignal } from '@preact/signals';
import { api } from '../ui/api.ts';
import { QrCode } from '../ui/qr.tsx';
import { SubmitButton } from '../ui/staff-form.tsx';
import { StaffModal } from '../ui/staff-shell.tsx';
import { FormProblem, PlainField, RadioCards } from './admin-list-page.tsx';
import type { DeviceKind } from '../core/admin-views.ts';
import type { PairAnswer } from './devices.tsx';
import './config.css';

export const KIND_LABEL: Record<DeviceKind, string> = { kiosk: 'Kiosk', screen: 'Anzeige' };
const KIND_HINT: Record<DeviceKind, string> = {
  kiosk: 'Bildschirm am Eingang, an dem Besucher eine Nummer ziehen.',
  screen: 'Bildschirm im Wartebereich, der die Aufrufe zeigt und ansagt.',
};

/** The full address a device opens to pair (the server answers a path). */
export function pairingAddress(origin: string, pairingUrl: string): string {
  return new URL(pairingUrl, origin).toString();
}

export function PairForm({
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
        <FormProblem text={problem.value} testId="device-new-error" />
        <RadioCards
          legend="Art des Geräts"
          name="cfg-device-kind"
          options={['kiosk', 'screen'] as const}
          labels={KIND_LABEL}
          hints={KIND_HINT}
          value={kind}
          testId={(k) => `device-new-kind-${k}`}
        />
        <PlainField
          id="cfg-device-name"
          label="Name"
          hint="So finden Sie es in der Liste wieder: „Kiosk Eingang“, „Anzeige Wartezone 1. Stock“."
          value={name}
          testId="device-new-name"
          maxLength={60}
          autoComplete="off"
        />
        <PlainField
          id="cfg-device-area"
          label="Bereich (freiwillig)"
          hint="Wo das Gerät steht. Die Bereiche der Plätze stehen zur Auswahl."
          value={area}
          testId="device-new-area"
          maxLength={60}
          autoComplete="off"
          list="cfg-device-areas"
          after={
            <datalist id="cfg-device-areas">
              {areas.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
          }
        />
        <SubmitButton testId="device-new-submit" busy={busy.value} busyLabel="Wird verbunden …">
          Verbinden
        </SubmitButton>
      </form>
    </section>
  );
}

export function PairedDialog({ answer, onClose }: { answer: PairAnswer; onClose: () => void }) {
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
