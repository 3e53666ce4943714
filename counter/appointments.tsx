/**
 * Appointments at the counter: book for a caller on the phone (concern -> free slots of the next
 * days -> optionally a counter -> the code to read out), print or open the confirmation, and the
 * day's list with each appointment's state, to move or cancel one.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { AppointmentView, CounterPublic, OfficePublic } from '../core/api.ts';
import { LANGUAGES, type Language } from '../core/types.ts';
import { api } from '../ui/api.ts';
import { errorText } from '../ui/staff-errors.ts';
import { formatClock, formatDay, officeDay } from '../ui/staff-format.ts';
import type { StaffSession } from '../ui/staff-gate.tsx';
import { type Notice, NoticeBanner, StaffHeader } from '../ui/staff-shell.tsx';
import { errorCodeOf } from '../ui/staff-session.ts';
import './appointments.css';

interface FreeDay {
  date: string;
  slots: { start: string; free: number }[];
}

const STATUS: Record<AppointmentView['status'], string> = {
  booked: 'Gebucht',
  'checked-in': 'Angemeldet',
  called: 'Aufgerufen',
  done: 'Erledigt',
  'no-show': 'Nicht erschienen',
  cancelled: 'Abgesagt',
};

const LANGUAGE_NAMES: Record<Language, string> = {
  de: 'Deutsch',
  en: 'Englisch',
  tr: 'Türkisch',
  ar: 'Arabisch',
  uk: 'Ukrainisch',
  ru: 'Russisch',
};

export interface AppointmentsProps {
  office: OfficePublic;
  counter: CounterPublic;
  session: StaffSession;
  onBack: () => void;
}

export function Appointments({ office, counter, session, onBack }: AppointmentsProps) {
  const tab = useSignal<'book' | 'day'>('book');
  const notice = useSignal<Notice | null>(null);
  const say = (kind: Notice['kind'], text: string) => {
    notice.value = { kind, text };
  };
  const fail = (error: unknown) => {
    const code = errorCodeOf(error);
    if (code === 'UNAUTHENTICATED') session.expire();
    say('error', errorText(code));
  };
  return (
    <div class="staff-page appt-page" data-testid="appointments">
      <StaffHeader
        title={`Termine · ${counter.name}`}
        subtitle={office.name}
        username={session.user.username}
        onSignOut={session.signOut}
      >
        <button type="button" class="staff-btn staff-btn--quiet" data-testid="back-to-desk" onClick={onBack}>
          Zurück zum Schalter
        </button>
      </StaffHeader>
      <NoticeBanner
        notice={notice.value}
        onClose={() => {
          notice.value = null;
        }}
      />
      <main class="staff-main appt">
        <div class="appt__tabs" role="tablist">
          <button
            type="button"
            role="tab"
            aria-selected={tab.value === 'book'}
            class={`staff-btn ${tab.value === 'book' ? 'staff-btn--primary' : 'staff-btn--secondary'}`}
            data-testid="tab-book"
            onClick={() => {
              tab.value = 'book';
            }}
          >
            Termin vergeben
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab.value === 'day'}
            class={`staff-btn ${tab.value === 'day' ? 'staff-btn--primary' : 'staff-btn--secondary'}`}
            data-testid="tab-day"
            onClick={() => {
              tab.value = 'day';
            }}
          >
            Termine des Tages
          </button>
        </div>
        {tab.value === 'book' ? (
          <Booking office={office} counter={counter} onError={fail} say={say} />
        ) : (
          <DayList office={office} onError={fail} say={say} />
        )}
      </main>
    </div>
  );
}

interface PartProps {
  office: OfficePublic;
  onError: (error: unknown) => void;
  say: (kind: Notice['kind'], text: string) => void;
}

/** Free slots of a concern over the next two weeks, as buttons per day. */
function SlotPicker({
  office,
  concernId,
  onPick,
  onError,
}: {
  office: OfficePublic;
  concernId: string;
  onPick: (start: string) => void;
  onError: (error: unknown) => void;
}) {
  const days = useSignal<FreeDay[] | null>(null);
  useEffect(() => {
    days.value = null;
    api<{ days: FreeDay[] }>('GET', `/api/appointments/free?concernId=${encodeURIComponent(concernId)}&days=14`)
      .then((r) => {
        days.value = r.days;
      })
      .catch(onError);
  }, [concernId]);
  if (!days.value) return <p class="staff-muted">Freie Termine werden geladen …</p>;
  if (days.value.length === 0) return <p>In den nächsten zwei Wochen ist kein Termin frei.</p>;
  return (
    <div class="appt__days" data-testid="free-slots">
      {days.value.map((d) => (
        <section key={d.date} class="appt__day">
          <h3>{formatDay(d.date)}</h3>
          <div class="appt__slots">
            {d.slots.map((s) => (
              <button
                key={s.start}
                type="button"
                class="staff-btn staff-btn--secondary appt__slot"
                data-testid="slot"
                data-start={s.start}
                onClick={() => onPick(s.start)}
              >
                {formatClock(s.start, office.timezone)}
                {s.free > 1 ? <span class="appt__free"> ({s.free} frei)</span> : null}
              </button>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

function Booking({ office, counter, onError, say }: PartProps & { counter: CounterPublic }) {
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
            <label class="staff-field">
              <span class="staff-field__label">Platz (vorbereitet)</span>
              <select
                class="staff-input"
                data-testid="book-counter"
                value={counterId.value}
                onChange={(e) => {
                  counterId.value = (e.currentTarget as HTMLSelectElement).value;
                }}
              >
                <option value="">Kein bestimmter Platz</option>
                {servers.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label class="staff-field">
              <span class="staff-field__label">Sprache der Bestätigung</span>
              <select
                class="staff-input"
                data-testid="book-language"
                value={language.value}
                onChange={(e) => {
                  language.value = (e.currentTarget as HTMLSelectElement).value as Language;
                }}
              >
                {LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {LANGUAGE_NAMES[l]}
                  </option>
                ))}
              </select>
            </label>
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

function DayList({ office, onError, say }: PartProps) {
  const date = useSignal(officeDay(office.timezone));
  const list = useSignal<AppointmentView[] | null>(null);
  const moving = useSignal<AppointmentView | null>(null);
  const load = async () => {
    try {
      list.value = (
        await api<{ appointments: AppointmentView[] }>('GET', `/api/appointments?date=${date.value}`)
      ).appointments;
    } catch (error) {
      onError(error);
    }
  };
  useEffect(() => {
    void load();
  }, [date.value]);
  const cancel = async (a: AppointmentView) => {
    if (!window.confirm(`Termin ${a.codeDisplay} um ${formatClock(a.start, office.timezone)} absagen?`)) return;
    try {
      await api('DELETE', `/api/appointments/${a.id}`);
      say('success', `Termin ${a.codeDisplay} ist abgesagt.`);
      await load();
    } catch (error) {
      onError(error);
    }
  };
  const move = async (a: AppointmentView, start: string) => {
    try {
      await api('PATCH', `/api/appointments/${a.id}`, { start });
      say(
        'success',
        `Termin ${a.codeDisplay} ist verschoben auf ${formatDay(officeDay(office.timezone, 0, Date.parse(start)))} ${formatClock(start, office.timezone)}.`,
      );
      moving.value = null;
      await load();
    } catch (error) {
      onError(error);
    }
  };
  const concernName = (id: string) => office.concerns.find((c) => c.id === id)?.name ?? id;
  const counterName = (id?: string) => (id ? (office.counters.find((c) => c.id === id)?.name ?? id) : '–');

  if (moving.value) {
    const a = moving.value;
    return (
      <section>
        <h2>
          Termin {a.codeDisplay} verschieben{' '}
          <button
            type="button"
            class="staff-btn staff-btn--quiet"
            onClick={() => {
              moving.value = null;
            }}
          >
            Abbrechen
          </button>
        </h2>
        <SlotPicker office={office} concernId={a.concernId} onError={onError} onPick={(s) => void move(a, s)} />
      </section>
    );
  }
  return (
    <section>
      <div class="appt__row">
        <label class="staff-field">
          <span class="staff-field__label">Tag</span>
          <input
            type="date"
            class="staff-input"
            data-testid="day"
            value={date.value}
            onChange={(e) => {
              const v = (e.currentTarget as HTMLInputElement).value;
              if (v) date.value = v;
            }}
          />
        </label>
        <a class="staff-btn staff-btn--quiet" href={`/api/appointments?date=${date.value}&format=csv`} download>
          CSV
        </a>
        <a class="staff-btn staff-btn--quiet" href={`/api/appointments?date=${date.value}&format=ics`} download>
          Kalender (iCal)
        </a>
      </div>
      {!list.value ? (
        <p class="staff-muted">Termine werden geladen …</p>
      ) : list.value.length === 0 ? (
        <p>An diesem Tag gibt es keine Termine.</p>
      ) : (
        <table class="appt__table" data-testid="day-list">
          <thead>
            <tr>
              <th>Uhrzeit</th>
              <th>Code</th>
              <th>Anliegen</th>
              <th>Platz</th>
              <th>Stand</th>
              <th>
                <span class="staff-muted">Aktionen</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.value.map((a) => (
              <tr key={a.id} data-testid="appointment-row" data-status={a.status}>
                <td>{formatClock(a.start, office.timezone)}</td>
                <td class="appt__mono">{a.codeDisplay}</td>
                <td>{concernName(a.concernId)}</td>
                <td>{counterName(a.counterId)}</td>
                <td>
                  {STATUS[a.status]}
                  {a.ticketNumber ? ` (${a.ticketNumber})` : ''}
                </td>
                <td class="appt__actions">
                  {a.status === 'booked' ? (
                    <>
                      <button
                        type="button"
                        class="staff-btn staff-btn--secondary"
                        onClick={() => {
                          moving.value = a;
                        }}
                      >
                        Verschieben
                      </button>
                      <button type="button" class="staff-btn staff-btn--danger" onClick={() => void cancel(a)}>
                        Absagen
                      </button>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
