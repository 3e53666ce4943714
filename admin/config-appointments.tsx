/**
 * Appointments: when they are given (the office's own appointment hours, or the opening hours),
 * how long a booked counter keeps its visitor, and per concern: by appointment only, the length
 * of a slot and how many visitors fit in one. The server checks the same limits on saving.
 */
import { slotRulesOf } from '../core/policy.ts';
import type { Concern, OfficeConfig } from '../core/types.ts';
import { CheckField, Section } from './config-fields.tsx';
import { NumberFields, type NumberSpec } from './config-number-fields.tsx';
import { ConfigPage, type ConfigTabProps } from './config-page.tsx';
import { DAYS_OF_WEEK, DayRow } from './config-hours.tsx';
import type { ConfigModel } from './config-model.ts';

const GRACE_FIELDS: readonly NumberSpec<OfficeConfig['policy']>[] = [
  {
    key: 'appointmentGraceMinutes',
    label: 'Nur der gebuchte Platz ruft auf, bis',
    unit: 'Minuten nach Terminbeginn',
    hint: 'Ist ein Termin für einen Platz gebucht, rufen andere Plätze ihn erst danach auf. Leer: 5 Minuten.',
    integer: true,
    optional: true,
    placeholder: '5',
    testId: 'appointment-grace',
  },
];

/** Own appointment hours on (a copy of the opening hours to start from) or off. */
export function setOwnAppointmentHours(office: OfficeConfig, own: boolean): void {
  if (!own) {
    delete office.appointmentHours;
    return;
  }
  office.appointmentHours ??= { weekly: structuredClone(office.openingHours.weekly), closedDays: [] };
}

/** Concerns that can be booked: all but the info-only ones. */
export function bookableConcerns(office: OfficeConfig): { concern: Concern; index: number }[] {
  return office.concerns.flatMap((concern, index) => (concern.infoUrl === undefined ? [{ concern, index }] : []));
}

/** Whether appointments can be given at all: some weekday has appointment (or opening) hours. */
export function hasAppointmentHours(office: OfficeConfig): boolean {
  const hours = office.appointmentHours ?? office.openingHours;
  return Object.values(hours.weekly).some((spans) => (spans?.length ?? 0) > 0);
}

export function AppointmentsPage({ model, fail }: ConfigTabProps) {
  return (
    <ConfigPage model={model} fail={fail} page="appointments">
      {(draft) => {
        const own = draft.appointmentHours !== undefined;
        const onlyWithout = draft.concerns.some((c) => c.appointmentOnly) && !hasAppointmentHours(draft);
        return (
          <div class="cfg-stack">
            <Section title="Terminzeiten" testId="appointment-hours">
              <CheckField
                model={model}
                path="appointmentHours"
                label="Eigene Zeiten für Termine"
                hint="Ausgeschaltet gelten die Öffnungszeiten. Mit Termin kann man auch einchecken, wenn für alle anderen geschlossen ist."
                value={own}
                testId="appointment-hours-own"
                update={(o, v) => setOwnAppointmentHours(o, v)}
              />
              {own ? (
                <ul class="cfg-week">
                  {DAYS_OF_WEEK.map((day) => (
                    <DayRow
                      key={day}
                      model={model}
                      day={day}
                      hours="appointmentHours"
                      spans={draft.appointmentHours?.weekly[day] ?? []}
                    />
                  ))}
                </ul>
              ) : null}
              {onlyWithout ? (
                <p class="cfg-summary cfg-summary--warning" role="status" data-testid="appointment-hours-none">
                  Es gibt Anliegen nur mit Termin, aber keine Terminzeiten. Dafür kann so niemand einen Termin bekommen.
                </p>
              ) : null}
            </Section>
            <Section title="Gebuchter Platz">
              <NumberFields
                part={{ model, base: 'policy', current: draft.policy, at: (o) => o.policy }}
                specs={GRACE_FIELDS}
              />
            </Section>
            <Section title="Anliegen mit Termin" testId="appointment-concerns">
              <div class="cfg-cards">
                {bookableConcerns(draft).map(({ concern, index }) => (
                  <ConcernSlots key={concern.id || index} model={model} concern={concern} index={index} />
                ))}
              </div>
            </Section>
          </div>
        );
      }}
    </ConfigPage>
  );
}

/** How long an appointment for `concern` is and how many share a time. */
function slotFields(concern: Concern, defaultMinutes: number): NumberSpec<Concern>[] {
  return [
    {
      key: 'slotMinutes',
      label: 'Länge eines Termins',
      unit: 'Minuten',
      hint: `5 bis 480. Leer: ${defaultMinutes} Minuten (aus der üblichen Dauer).`,
      integer: true,
      optional: true,
      placeholder: String(defaultMinutes),
      testId: `appointment-slot-${concern.id}`,
    },
    {
      key: 'slotCapacity',
      label: 'Termine zur selben Zeit',
      unit: 'Besucher',
      hint: 'Wie viele Besucher gleichzeitig bedient werden können (1 bis 50). Leer: 1.',
      integer: true,
      optional: true,
      placeholder: '1',
      testId: `appointment-capacity-${concern.id}`,
    },
  ];
}

function ConcernSlots({ model, concern, index }: { model: ConfigModel; concern: Concern; index: number }) {
  const base = `concerns.${index}`;
  const defaults = slotRulesOf({ ...concern, slotMinutes: undefined, slotCapacity: undefined } as Concern);
  const at = (o: OfficeConfig) => o.concerns[index] as Concern;
  return (
    <div class="cfg-card" data-testid={`appointment-concern-${concern.id}`}>
      <h4 class="cfg-served__title">
        <span class="chip chip--prefix">{concern.prefix || '?'}</span> {concern.name.trim() || 'Neues Anliegen'}
      </h4>
      <CheckField
        model={model}
        path={`${base}.appointmentOnly`}
        label="Nur mit Termin"
        hint="Der Kiosk gibt dafür keine Nummer, sondern sagt, wie man einen Termin bekommt."
        value={concern.appointmentOnly === true}
        testId={`appointment-only-${concern.id}`}
        update={(o, v) => {
          if (v) at(o).appointmentOnly = true;
          else delete at(o).appointmentOnly;
        }}
      />
      <div class="cfg-grid">
        <NumberFields part={{ model, base, current: concern, at }} specs={slotFields(concern, defaults.slotMinutes)} />
      </div>
    </div>
  );
}
