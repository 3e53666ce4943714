/** The day's appointments with each one's state, to move (to another free slot) or cancel one. */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { AppointmentView } from '../core/api.ts';
import { api } from '../ui/api.ts';
import { formatClock, formatDay, officeDay } from '../ui/staff-format.ts';
import type { PartProps } from './appointment-part.ts';
import { SlotPicker } from './appointment-slots.tsx';

const STATUS: Record<AppointmentView['status'], string> = {
  booked: 'Gebucht',
  'checked-in': 'Angemeldet',
  called: 'Aufgerufen',
  done: 'Erledigt',
  'no-show': 'Nicht erschienen',
  cancelled: 'Abgesagt',
};

export function DayList({ office, onError, say }: PartProps) {
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
