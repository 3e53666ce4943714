/** Free slots of a concern over the next two weeks, as buttons per day (booking and moving). */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { OfficePublic } from '../core/api.ts';
import { api } from '../ui/api.ts';
import { formatClock, formatDay } from '../ui/staff-format.ts';

interface FreeDay {
  date: string;
  slots: { start: string; free: number }[];
}

/** Free slots of a concern over the next two weeks, as buttons per day. */
export function SlotPicker({
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
