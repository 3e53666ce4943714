/**
 * Opening hours: spans per weekday, days the office stays closed, whether the kiosk gives
 * numbers only within them, and the office's time zone (numbering and hours follow it).
 */
import { useSignal } from '@preact/signals';
import { Fragment } from 'preact';
import type { OfficeConfig, TimeRange, Weekday } from '../core/types.ts';
import { formatDay, officeDay } from '../ui/staff-format.ts';
import { CheckField, fieldId, IconButton, Issues, Section } from './config-fields.tsx';
import { ConfigPage, type ConfigTabProps } from './config-page.tsx';
import type { ConfigModel } from './config-model.ts';
import { officePart, PartTextField } from './config-part.tsx';
import { weekdayName } from './config-words.ts';

const DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The two ends of a span and the word before each field. */
const SPAN_ENDS: readonly { end: keyof TimeRange; word: string }[] = [
  { end: 'from', word: 'von' },
  { end: 'to', word: 'bis' },
];

/** A sensible next span: after the day's last one, or 09:00–12:00. */
export function nextSpan(spans: TimeRange[]): TimeRange {
  const last = spans[spans.length - 1];
  if (!last) return { from: '09:00', to: '12:00' };
  const [h = 0, m = 0] = last.to.split(':').map(Number);
  const start = Math.min(h + 1, 22) * 60 + m;
  const end = Math.min(start + 180, 23 * 60 + 59);
  const clock = (min: number) =>
    `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
  return { from: clock(start), to: clock(end) };
}

/** Adds a closed day, keeping the list sorted and free of doubles. */
export function addClosedDay(days: string[], day: string): string[] {
  return [...new Set([...days, day])].sort();
}

function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? ['Europe/Berlin', 'Europe/Vienna', 'Europe/Zurich'];
  } catch {
    return ['Europe/Berlin'];
  }
}

export function HoursPage({ model, fail }: ConfigTabProps) {
  const newDay = useSignal('');
  return (
    <ConfigPage model={model} fail={fail} page="hours">
      {(draft) => (
        <div class="cfg-columns cfg-columns--hours">
          <Section title="Woche" testId="hours-week">
            <ul class="cfg-week">
              {DAYS.map((day) => (
                <DayRow key={day} model={model} day={day} spans={draft.openingHours.weekly[day] ?? []} />
              ))}
            </ul>
          </Section>
          <div class="cfg-stack">
            <Section title="Geschlossene Tage" intro="Feiertage, Betriebsausflug: An diesen Tagen bleibt das Amt zu.">
              <ClosedDays model={model} draft={draft} newDay={newDay.value} onNewDay={(d) => (newDay.value = d)} />
            </Section>
            <Section title="Regeln">
              <CheckField
                model={model}
                path="enforceOpeningHours"
                label="Nummern nur während der Öffnungszeiten"
                hint="Ausgeschaltet gibt der Kiosk zu jeder Zeit Nummern (zum Beispiel zum Ausprobieren)."
                value={draft.enforceOpeningHours}
                testId="hours-enforce"
                update={(o, v) => {
                  o.enforceOpeningHours = v;
                }}
              />
              <PartTextField
                part={officePart(model, draft)}
                field="timezone"
                label="Zeitzone"
                hint="Danach richten sich Öffnungszeiten und der Wechsel der Nummern um Mitternacht."
                list="cfg-timezones"
                testId="hours-timezone"
              />
              <datalist id="cfg-timezones">
                {timeZones().map((z) => (
                  <option key={z} value={z} />
                ))}
              </datalist>
            </Section>
          </div>
        </div>
      )}
    </ConfigPage>
  );
}

export const DAYS_OF_WEEK = DAYS;

/** One weekday's spans of the opening hours, or of the appointment hours (`hours`). */
export function DayRow({
  model,
  day,
  spans,
  hours = 'openingHours',
}: {
  model: ConfigModel;
  day: Weekday;
  spans: TimeRange[];
  hours?: 'openingHours' | 'appointmentHours';
}) {
  const base = `${hours}.weekly.${day}`;
  const name = weekdayName(day);
  const prefix = hours === 'openingHours' ? 'hours' : 'appointment-hours';
  const setSpans = (recipe: (spans: TimeRange[]) => TimeRange[], clears = base) =>
    model.edit((o: OfficeConfig) => {
      const target = o[hours] ?? { weekly: {}, closedDays: [] };
      const next = recipe([...(target.weekly[day] ?? [])]);
      if (next.length > 0) target.weekly[day] = next;
      else delete target.weekly[day];
      o[hours] = target;
    }, clears);
  const dayIssues = model.issuesAt(base).filter((i) => i.path === base);
  return (
    <li class="cfg-day" data-testid={`${prefix}-${day}`}>
      <div class="cfg-day__name" id={`cfg-${prefix}-day-${day}`}>
        {name}
      </div>
      <div class="cfg-day__spans">
        {spans.length === 0 ? <span class="cfg-day__closed">geschlossen</span> : null}
        {spans.map((span, i) => {
          const path = `${base}.${i}`;
          const spanIssues = model.issuesAt(path);
          return (
            <div key={`${i}`} class={`cfg-span ${spanIssues.length > 0 ? 'cfg-field--invalid' : ''}`}>
              {SPAN_ENDS.map(({ end, word }) => (
                <Fragment key={end}>
                  <label class="cfg-span__label" for={fieldId(`${path}.${end}`)}>
                    {word}
                  </label>
                  <input
                    id={fieldId(`${path}.${end}`)}
                    type="time"
                    class="staff-input cfg-input cfg-input--time"
                    value={span[end]}
                    aria-label={`${name}, ${i + 1}. Zeitraum, ${word}`}
                    aria-invalid={spanIssues.length > 0 ? 'true' : undefined}
                    data-testid={`${prefix}-${day}-${end}-${i}`}
                    onInput={(e) => {
                      const v = e.currentTarget.value;
                      setSpans((list) => list.map((s, j) => (j === i ? { ...s, [end]: v } : s)), path);
                    }}
                  />
                </Fragment>
              ))}
              <IconButton
                label={`${name}, ${i + 1}. Zeitraum entfernen`}
                danger
                testId={`${prefix}-${day}-remove-${i}`}
                onClick={() => setSpans((list) => list.filter((_, j) => j !== i))}
              >
                ×
              </IconButton>
              <Issues issues={spanIssues} id={`${fieldId(path)}-issues`} />
            </div>
          );
        })}
        <Issues issues={dayIssues} id={`${fieldId(base)}-issues`} />
      </div>
      <button
        type="button"
        class="staff-btn staff-btn--quiet cfg-day__add"
        aria-label={`${name}: Zeitraum hinzufügen`}
        data-testid={`${prefix}-${day}-add`}
        onClick={() => setSpans((list) => [...list, nextSpan(list)])}
      >
        + Zeit
      </button>
    </li>
  );
}

function ClosedDays({
  model,
  draft,
  newDay,
  onNewDay,
}: {
  model: ConfigModel;
  draft: OfficeConfig;
  newDay: string;
  onNewDay: (day: string) => void;
}) {
  const today = officeDay(draft.timezone || 'Europe/Berlin');
  const days = draft.openingHours.closedDays;
  const issues = model.issuesAt('openingHours.closedDays');
  const add = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(newDay)) return;
    model.edit((o) => {
      o.openingHours.closedDays = addClosedDay(o.openingHours.closedDays, newDay);
    }, 'openingHours.closedDays');
    onNewDay('');
  };
  return (
    <>
      <div class="cfg-inline cfg-inline--end">
        <div class="cfg-field">
          <label class="cfg-field__label" for={fieldId('openingHours.closedDays')}>
            Tag
          </label>
          <input
            id={fieldId('openingHours.closedDays')}
            type="date"
            class="staff-input cfg-input"
            value={newDay}
            min={today}
            data-testid="closed-day-input"
            onInput={(e) => onNewDay(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
        </div>
        <button
          type="button"
          class="staff-btn staff-btn--secondary"
          data-testid="closed-day-add"
          disabled={!newDay}
          onClick={add}
        >
          Hinzufügen
        </button>
      </div>
      <Issues issues={issues} id="cfg-closed-days-issues" />
      {days.length === 0 ? (
        <p class="staff-muted">Keine geschlossenen Tage eingetragen.</p>
      ) : (
        <ul class="cfg-days">
          {days.map((day) => (
            <li key={day} class={`cfg-days__item ${day < today ? 'cfg-days__item--past' : ''}`}>
              <span>
                {formatDay(day)}
                {day < today ? <span class="staff-muted"> (vorbei)</span> : null}
              </span>
              <IconButton
                label={`${formatDay(day)} entfernen`}
                danger
                testId={`closed-day-remove-${day}`}
                onClick={() =>
                  model.edit((o) => {
                    o.openingHours.closedDays = o.openingHours.closedDays.filter((d) => d !== day);
                  }, 'openingHours.closedDays')
                }
              >
                ×
              </IconButton>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
