/**
 * The office as a whole: its name, contact, tickets from afar, the wording of the spoken
 * announcements, kiosk and device settings, the queue's rules, how long ticket details are kept,
 * and the whole configuration as a JSON file (export and import). Each section that is more than
 * a few fields lives in its own file; the number fields are tables below.
 */
import type { OfficeConfig } from '../core/types.ts';
import { Announcements } from './config-announcements.tsx';
import { ContactSection, RemoteSection } from './config-contact.tsx';
import { CheckField, Section } from './config-fields.tsx';
import { NumberFields, type NumberSpec } from './config-number-fields.tsx';
import { ConfigPage, type ConfigTabProps } from './config-page.tsx';
import { officePart, PartTextField } from './config-part.tsx';
import { ImportExport } from './config-transfer.tsx';

const KIOSK_FIELDS: readonly NumberSpec<OfficeConfig>[] = [
  {
    key: 'kioskResetSeconds',
    label: 'Kiosk zurück zum Anfang nach',
    unit: 'Sekunden',
    hint: 'Wenn niemand mehr tippt. Erlaubt: 5 bis 600.',
    integer: true,
    testId: 'office-kiosk-reset',
  },
];

const POLICY_FIELDS: readonly NumberSpec<OfficeConfig['policy']>[] = [
  {
    key: 'appointmentLeadMinutes',
    label: 'Termine: früher dran',
    unit: 'Minuten vorher',
    hint: 'So lange vor ihrem Termin kommen Besucher mit Termin zuerst dran.',
    testId: 'office-lead',
  },
  {
    key: 'appointmentLateMinutes',
    label: 'Termine: verspätet',
    unit: 'Minuten danach',
    hint: 'Wer später kommt, wartet wie alle ohne Termin.',
    testId: 'office-late',
  },
  {
    key: 'appointmentCheckinMinutes',
    label: 'Termine: anmelden ab',
    unit: 'Minuten vorher',
    hint: 'So früh können Besucher mit Termin am Kiosk einchecken. Leer: 60 Minuten.',
    integer: true,
    optional: true,
    placeholder: '60',
    testId: 'office-checkin',
  },
  {
    key: 'maxWaitMinutes',
    label: 'Längste Wartezeit',
    unit: 'Minuten',
    hint: 'Wer so lange wartet, kommt vor allen anderen ohne Termin dran.',
    testId: 'office-max-wait',
  },
  {
    key: 'priorityInterleave',
    label: 'Nach Terminen in Folge',
    unit: 'Termine',
    hint: 'Danach ruft ein Platz einmal jemanden ohne Termin, wenn jemand wartet. Leer oder 0: Termine immer zuerst.',
    integer: true,
    optional: true,
    placeholder: '0',
    testId: 'office-interleave',
  },
  {
    key: 'preferenceMinutes',
    label: 'Vorrang des eigenen Anliegens',
    unit: 'Minuten',
    hint: 'Jede Stufe weiter unten in der Anliegen-Liste eines Platzes zählt wie so viele Minuten weniger Wartezeit. Leer oder 0: Die Liste entscheidet nur bei Gleichstand.',
    optional: true,
    placeholder: '0',
    testId: 'office-preference',
  },
  {
    key: 'maxCalls',
    label: 'Aufrufe bis „nicht erschienen“',
    hint: 'So oft wird eine Nummer aufgerufen. Danach gilt sie als nicht erschienen.',
    integer: true,
    testId: 'office-max-calls',
  },
];

const STATS_FIELDS: readonly NumberSpec<OfficeConfig>[] = [
  {
    key: 'retentionDays',
    label: 'Einzelheiten zu Nummern löschen nach',
    unit: 'Tagen',
    hint: 'Die Statistik bleibt. Üblich sind 90 Tage.',
    integer: true,
    testId: 'office-retention',
  },
  {
    key: 'statsTargetWaitMinutes',
    label: 'Ziel für die Wartezeit',
    unit: 'Minuten',
    hint: 'Die Statistik zeigt, wie viele Besucher innerhalb dieser Zeit drankamen. Leer: 20 Minuten.',
    integer: true,
    optional: true,
    placeholder: '20',
    testId: 'office-stats-target',
  },
];

export function OfficePage({ model, fail }: ConfigTabProps) {
  return (
    <ConfigPage model={model} fail={fail} page="office">
      {(draft) => {
        const office = officePart(model, draft);
        return (
          <div class="cfg-columns">
            <div class="cfg-stack">
              <Section title="Amt">
                <PartTextField
                  part={office}
                  field="name"
                  label="Name des Amts"
                  hint="Steht auf dem Kiosk, den Anzeigen und dem Zettel."
                  maxLength={120}
                  testId="office-name"
                  wide
                />
                <p class="cfg-field__hint">
                  Kennung des Amts: <code>{draft.id}</code>
                </p>
              </Section>
              <ContactSection model={model} draft={draft} />
              <RemoteSection model={model} draft={draft} />
              <Announcements model={model} draft={draft} />
            </div>
            <div class="cfg-stack">
              <Section title="Kiosk und Geräte">
                <NumberFields part={office} specs={KIOSK_FIELDS} />
                <CheckField
                  model={model}
                  path="requireDevicePairing"
                  label="Nur verbundene Geräte zulassen"
                  hint="Dann geben nur verbundene Kiosks Nummern, und nur verbundene Anzeigen zeigen Aufrufe. Schalten Sie das erst ein, wenn alle Geräte unter „Geräte“ verbunden sind."
                  value={draft.requireDevicePairing === true}
                  testId="office-require-pairing"
                  update={(o, v) => {
                    if (v) o.requireDevicePairing = true;
                    else delete o.requireDevicePairing;
                  }}
                />
              </Section>
              <Section title="Regeln der Warteschlange">
                <div class="cfg-grid">
                  <NumberFields
                    part={{ model, base: 'policy', current: draft.policy, at: (o) => o.policy }}
                    specs={POLICY_FIELDS}
                  />
                </div>
              </Section>
              <Section title="Statistik und Datenschutz">
                <div class="cfg-grid">
                  <NumberFields part={office} specs={STATS_FIELDS} />
                </div>
              </Section>
              <ImportExport model={model} />
            </div>
          </div>
        );
      }}
    </ConfigPage>
  );
}
