/**
 * Booking for a caller on the phone: concern -> free slots of the next days -> optionally a
 * counter and the caller's language -> the code to read out, the confirmation to print or open.
 */
import { useSignal } from '@preact/signals';
import type { AppointmentView, CounterPublic } from '../core/api.ts';
import { LANGUAGES, type Language } from '../core/types.ts';
import { api } from '../ui/api.ts';
import { StaffSelect } from '../ui/staff-form.tsx';
import { GERMAN_LANGUAGE_NAMES, formatClock, formatDay, officeDay } from '../ui/staff-format.ts';
import { errorCodeOf } from '../ui/staff-session.ts';
import type { PartProps } from './appointment-part.ts';
import { SlotPicker } from './appointment-slots.tsx';

export function Booking({ office, counter, onError, say }: PartProps & { counter: CounterPublic }) {
  const concernId = useSignal<string | null>(null);
  const start = useSignal<string | null>(null);
  const counterId = useSignal<string>('');
  const language = useSignal<Language>('de');
  const busy = useSignal(false);
  const booked = useSignal<AppointmentView | null>(null);
  const bookable = office.concerns.filter((c) => !c.infoUrl);
  const servers = office.counters.filter((c) => concernId.value && c.concernIds.includes(concernId.value));

  const reset = () => {
    concernId.value = null;
    start.value = null;
    counterId.value = '';
    language.value = 'de';
    booked.value = null;
  };
  const book = async () => {
    if (!concernId.value || !start.value || busy.value) return;
    busy.value = true;
    try {
      const r = await api<{ appointment: AppointmentView }>('POST', '/api/appointments', {
        concernId: concernId.value,
        start: start.value,
        language: language.value,
        ...(counterId.value ? { counterId: counterId.value } : {}),
      });
      booked.value = r.appointment;
    } catch (error) {
      onError(error);
      if (errorCodeOf(error) === 'SLOT_TAKEN') start.value = null;
    } finally {
      busy.value = false;
    }
  };
  const print = async (a: AppointmentView) => {
    try {
      const r = await api<{ print: { status: string } }>('POST', `/api/appointments/${a.id}/print`, {});
      if (r.print.status === 'printed') say('success', 'Die Bestätigung wurde gedruckt.');
      else if (r.print.status === 'none') say('info', 'Für diesen Platz ist kein Drucker eingerichtet.');
      else say('error', 'Die Bestätigung konnte nicht gedruckt werden. Bitte prüfen Sie den Drucker.');
    } catch (error) {
      onError(error);
    }
  };

  const done = booked.value;
  if (done) {
    return (
      <section class="appt__done" data-testid="booked">
        <h2>Termin gebucht</h2>
        <p>Bitte lesen Sie den Code vor:</p>
        <p class="appt__code" data-testid="booked-code">
          {done.codeDisplay}
        </p>
        <p class="appt__when">
          {formatDay(officeDay(office.timezone, 0, Date.parse(done.start)))} um{' '}
          {formatClock(done.start, office.timezone)} · {bookable.find((c) => c.id === done.concernId)?.name}
          {done.counterId ? ` · ${office.counters.find((c) => c.id === done.counterId)?.name}` : ''}
        </p>
        <div class="appt__row">
          <button
            type="button"
            class="staff-btn staff-btn--primary"
            data-testid="print-confirmation"
            onClick={() => void print(done)}
          >
            Bestätigung drucken
          </button>
          <a
            class="staff-btn staff-btn--secondary"
            href={done.confirmationUrl}
            target="_blank"
            rel="noopener"
            data-testid="open-confirmation"
          >
            Bestätigung zeigen
          </a>
          <button type="button" class="staff-btn staff-btn--quiet" data-testid="book-another" onClick={reset}>
            Neuer Termin
          </button>
        </div>
      </section>
    );
  }

  return (
    <div class="appt__book">
      <section>
        <h2>1. Anliegen</h2>
        <div class="appt__concerns">
          {bookable.map((c) => (
            <button
              key={c.id}
              type="button"
              class={`staff-btn ${concernId.value === c.id ? 'staff-btn--primary' : 'staff-btn--secondary'}`}
              data-testid="book-concern"
              data-concern={c.id}
              aria-pressed={concernId.value === c.id}
              onClick={() => {
                concernId.value = c.id;
                start.value = null;
                if (!counter.concernIds.includes(c.id) && counterId.value) counterId.value = '';
              }}
            >
              {c.name}
              {c.appointmentOnly ? <span class="appt__only"> · nur mit Termin</span> : null}
            </button>
          ))}
        </div>
      </section>
      {concernId.value && !start.value ? (
        <section>
          <h2>2. Freier Termin</h2>
          <SlotPicker
            office={office}
            concernId={concernId.value}
            onError={onError}
            onPick={(s) => {
              start.value = s;
            }}
          />
        </section>
      ) : null}
      {concernId.value && start.value ? (
        <section>
          <h2>
            2. {formatDay(officeDay(office.timezone, 0, Date.parse(start.value)))} um{' '}
            {formatClock(start.value, office.timezone)}{' '}
            <button
              type="button"
              class="staff-btn staff-btn--quiet"
              onClick={() => {
                start.value = null;
              }}
            >
              Andere Zeit
            </button>
          </h2>
          <div class="appt__row">
            <StaffSelect
              label="Platz (vorbereitet)"
              testId="book-counter"
              value={counterId.value}
              options={[
                { value: '', label: 'Kein bestimmter Platz' },
                ...servers.map((c) => ({ value: c.id, label: c.name })),
              ]}
              onValue={(id) => {
                counterId.value = id;
              }}
            />
            <StaffSelect
              label="Sprache der Bestätigung"
              testId="book-language"
              value={language.value}
              options={LANGUAGES.map((l) => ({ value: l, label: GERMAN_LANGUAGE_NAMES[l] }))}
              onValue={(l) => {
                language.value = l;
              }}
            />
          </div>
          <button
            type="button"
            class="staff-btn staff-btn--primary staff-btn--big"
            data-testid="book"
            disabled={busy.value}
            onClick={() => void book()}
          >
            Termin buchen
          </button>
        </section>
      ) : null}
    </div>
  );
}
