/**
 * Settings of a paired lobby screen, kept with the device on the server: which area it shows,
 * portrait or landscape, the viewing distance (sets the size of the called numbers) and its
 * language. The screen gets a change at once; what is left empty the screen's address decides.
 */
import { useSignal } from '@preact/signals';
import { api } from '../ui/api.ts';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../ui/i18n.ts';
import { SubmitButton } from '../ui/staff-form.tsx';
import { StaffModal } from '../ui/staff-shell.tsx';
import { PlainField, PlainSelect } from './admin-list-page.tsx';
import type { DeviceView } from '../core/admin-views.ts';

const ORIENTATION_LABEL = { portrait: 'Hochformat', landscape: 'Querformat' } as const;

/** "Erdgeschoss · Hochformat · 6 m · Arabisch", or "wie in der Adresse". */
export function screenSettingsText(d: DeviceView): string {
  const parts = [
    d.orientation ? ORIENTATION_LABEL[d.orientation] : null,
    d.distanceM !== undefined ? `${String(d.distanceM).replace('.', ',')} m Abstand` : null,
    d.language ? LANGUAGE_NAMES[d.language] : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' · ') : 'wie in der Adresse';
}

export interface ScreenSettingsDialogProps {
  device: DeviceView;
  areas: string[];
  onSaved: (device: DeviceView) => void;
  onCancel: () => void;
  onFail: (error: unknown) => void;
}

export function ScreenSettingsDialog({ device, areas, onSaved, onCancel, onFail }: ScreenSettingsDialogProps) {
  const area = useSignal(device.area ?? '');
  const orientation = useSignal<'' | 'portrait' | 'landscape'>(device.orientation ?? '');
  const distance = useSignal(device.distanceM !== undefined ? String(device.distanceM).replace('.', ',') : '');
  const language = useSignal<'' | Language>(device.language ?? '');
  const problem = useSignal<string | null>(null);
  const busy = useSignal(false);

  const save = async (event: Event) => {
    event.preventDefault();
    if (busy.value) return;
    const d = distance.value.trim().replace(',', '.');
    const distanceM = d === '' ? null : Number(d);
    if (distanceM !== null && !(Number.isFinite(distanceM) && distanceM >= 0.5 && distanceM <= 50)) {
      problem.value = 'Der Abstand ist eine Zahl zwischen 0,5 und 50 Metern, zum Beispiel 6.';
      return;
    }
    const a = area.value.trim();
    if (a && areas.length > 0 && !areas.some((x) => x.toLowerCase() === a.toLowerCase())) {
      problem.value = `Den Bereich „${a}“ hat kein Platz. Bekannte Bereiche: ${areas.join(', ')}.`;
      return;
    }
    problem.value = null;
    busy.value = true;
    try {
      const answer = await api<{ device: DeviceView }>('PATCH', `/api/admin/devices/${encodeURIComponent(device.id)}`, {
        area: a || null,
        orientation: orientation.value || null,
        distanceM,
        language: language.value || null,
      });
      onSaved(answer.device);
    } catch (error) {
      onFail(error);
    } finally {
      busy.value = false;
    }
  };

  return (
    <StaffModal titleId="cfg-screen-title" testId="device-screen-settings" onCancel={onCancel}>
      <h2 id="cfg-screen-title" class="staff-modal__title">
        Anzeige „{device.name}“ einstellen
      </h2>
      <form class="cfg-form-stack" onSubmit={save} noValidate>
        <p class="cfg-field__hint">
          Die Anzeige übernimmt die Einstellungen sofort. Leere Felder bestimmt die Adresse der Anzeige.
        </p>
        {problem.value ? (
          <p class="staff-form__error" role="alert" data-testid="device-screen-error">
            {problem.value}
          </p>
        ) : null}
        <PlainSelect
          id="cfg-screen-area"
          label="Bereich"
          value={area}
          testId="device-screen-area"
          options={[
            { value: '', label: 'Alle Plätze' },
            ...[...new Set([...areas, ...(device.area ? [device.area] : [])])].map((a) => ({ value: a, label: a })),
          ]}
        />
        <PlainSelect
          id="cfg-screen-orientation"
          label="Ausrichtung"
          value={orientation}
          testId="device-screen-orientation"
          options={[
            { value: '', label: 'Nach dem Bildschirm' },
            { value: 'landscape', label: ORIENTATION_LABEL.landscape },
            { value: 'portrait', label: ORIENTATION_LABEL.portrait },
          ]}
        />
        <PlainField
          id="cfg-screen-distance"
          label="Leseabstand in Metern"
          hint="Wie weit der hinterste Sitzplatz entfernt ist. Die Nummern werden je Meter mindestens 25 mm hoch."
          value={distance}
          testId="device-screen-distance"
          inputMode="decimal"
          autoComplete="off"
        />
        <PlainSelect
          id="cfg-screen-language"
          label="Sprache"
          value={language}
          testId="device-screen-language"
          options={[
            { value: '', label: 'Sprache der Ansagen des Amts' },
            ...LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] })),
          ]}
        />
        <div class="staff-modal__actions">
          <button type="button" class="staff-btn staff-btn--secondary" onClick={onCancel}>
            Abbrechen
          </button>
          <SubmitButton testId="device-screen-save" busy={busy.value} busyLabel="Wird gespeichert …">
            Speichern
          </SubmitButton>
        </div>
      </form>
    </StaffModal>
  );
}
