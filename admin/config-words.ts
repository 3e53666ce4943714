/**
 * The configuration in the office's words: issue messages in plain German, where an issue is
 * ("Anliegen „Wohngeld“ – Buchstabe"), and the names of languages and weekdays.
 */
import type { ConfigIssue, ConfigIssueCode } from '../core/config-issue.ts';
import { LANGUAGES, type Language, type OfficeConfig, type Weekday } from '../core/types.ts';
import { GERMAN_LANGUAGE_NAMES } from '../ui/staff-format.ts';

type Params = Record<string, string | number>;
const num = (p: Params | undefined, key: string) => String(p?.[key] ?? '').replace('.', ',');

/** Each issue code in plain German. */
const ISSUE_TEXTS: Record<ConfigIssueCode, (p: Params | undefined) => string> = {
  REQUIRED: () => 'Bitte ausfüllen.',
  TOO_SMALL: (p) => {
    if (p?.origin === 'array')
      return p.minimum === 1
        ? 'Bitte mindestens einen Eintrag wählen.'
        : `Bitte mindestens ${num(p, 'minimum')} Einträge.`;
    if (p?.origin === 'string') return `Bitte mindestens ${num(p, 'minimum')} Zeichen.`;
    return p?.exclusive ? `Bitte eine Zahl größer als ${num(p, 'minimum')}.` : `Bitte mindestens ${num(p, 'minimum')}.`;
  },
  TOO_BIG: (p) => {
    if (p?.origin === 'array') return `Höchstens ${num(p, 'maximum')} Einträge.`;
    if (p?.origin === 'string') return `Höchstens ${num(p, 'maximum')} Zeichen.`;
    return p?.exclusive ? `Bitte eine Zahl kleiner als ${num(p, 'maximum')}.` : `Höchstens ${num(p, 'maximum')}.`;
  },
  NOT_INTEGER: () => 'Bitte eine ganze Zahl eingeben.',
  NOT_NUMBER: () => 'Bitte eine Zahl eingeben.',
  INVALID_TYPE: () => 'Diese Angabe hat nicht die richtige Form.',
  INVALID_URL: () => 'Bitte eine vollständige Internetadresse eingeben, zum Beispiel https://www.beispiel.de.',
  INVALID_VALUE: () => 'Dieser Wert ist hier nicht möglich.',
  ID_FORMAT: () =>
    'Nur kleine Buchstaben ohne Umlaute, Ziffern, - und _. Am Anfang steht ein Buchstabe oder eine Ziffer.',
  PREFIX_FORMAT: () => 'Ein bis drei Großbuchstaben, zum Beispiel W.',
  CLOCK_FORMAT: () => 'Bitte eine Uhrzeit wie 09:30 eingeben.',
  DAY_FORMAT: () => 'Bitte ein Datum wählen.',
  FROM_AFTER_TO: () => 'Der Beginn muss vor dem Ende liegen.',
  UNKNOWN_TIME_ZONE: () => 'Diese Zeitzone ist unbekannt. Beispiel: Europe/Berlin.',
  DUPLICATE_CONCERN_ID: (p) => `Die Kennung „${p?.id ?? ''}“ hat schon ein anderes Anliegen.`,
  DUPLICATE_PREFIX: (p) => `Den Buchstaben „${p?.id ?? ''}“ hat schon ein anderes Anliegen.`,
  DUPLICATE_COUNTER_ID: (p) => `Die Kennung „${p?.id ?? ''}“ hat schon ein anderer Platz.`,
  DUPLICATE_OUTCOME_ID: () => 'Zwei Ergebnisse haben dieselbe Kennung. Bitte ein Ergebnis umbenennen.',
  DUPLICATE_KIOSK_ID: () => 'Eine Kiosk-Kennung kommt zweimal vor.',
  UNKNOWN_CONCERN: (p) =>
    `Der Platz bedient ein Anliegen, das es nicht mehr gibt („${p?.id ?? ''}“). Bitte nehmen Sie es dort heraus.`,
  COUNTER_WITHOUT_CONCERNS: () =>
    'Dieser Platz hat noch kein Anliegen und kann so niemanden aufrufen. Bitte mindestens ein Anliegen hinzufügen.',
  OTHER_OFFICE: (p) => `Dieser Server gehört zum Amt „${p?.id ?? ''}“.`,
  PRINTER_INVALID: () =>
    'Keine gültige Druckeradresse. Möglich sind tcp://HOST:9100, file:/dev/usb/lp0, virtual oder none.',
  COUNTER_PRINTER_AGENT: () =>
    'Hier bitte eine Druckeradresse wie tcp://192.168.1.50:9100 eingeben („agent“ gibt es nur am Kiosk).',
  AGENT_KEY_REQUIRED: () => 'Ein Kiosk mit Druckprogramm braucht einen Schlüssel. Bitte einen erzeugen.',
  AGENT_KEY_SHORT: () => 'Der Schlüssel ist zu kurz (mindestens 24 Zeichen). Bitte einen erzeugen.',
  AGENT_KEY_SIMPLE: () => 'Der Schlüssel ist zu einfach. Bitte einen zufälligen erzeugen.',
  DEVICE_NOT_ALLOWED: (p) =>
    `Dieses Gerät ist für Drucker nicht freigegeben. Freigegeben: ${p?.allowed || 'keine'} (LOTSE_PRINTER_DEVICES).`,
  VIRTUAL_OUTSIDE_DATA: () => 'Ein Probedrucker schreibt nur in den Datenordner des Servers.',
  NOT_AN_OFFICE: () => 'Die Datei enthält keine gültigen Einstellungen.',
  INVALID: () => 'Diese Angabe ist nicht gültig.',
};

/** An issue in plain German, by its code (an unknown code: the server's message). */
export function issueText(issue: Pick<ConfigIssue, 'code' | 'params' | 'message'>): string {
  const text = ISSUE_TEXTS[issue.code];
  return text ? text(issue.params) : issue.message;
}

export function languageName(lang: Language): string {
  return GERMAN_LANGUAGE_NAMES[lang];
}

const WEEKDAY_NAMES: Record<Weekday, string> = {
  mon: 'Montag',
  tue: 'Dienstag',
  wed: 'Mittwoch',
  thu: 'Donnerstag',
  fri: 'Freitag',
  sat: 'Samstag',
  sun: 'Sonntag',
};

export function weekdayName(day: Weekday): string {
  return WEEKDAY_NAMES[day];
}

const FIELD_NAMES: Record<string, string> = {
  id: 'Kennung',
  prefix: 'Buchstabe',
  name: 'Name',
  names: 'Name',
  description: 'Beschreibung',
  descriptions: 'Beschreibung',
  documents: 'Unterlagen',
  documentsByLanguage: 'Unterlagen',
  pictogram: 'Bild',
  dailyQuota: 'Nummern pro Tag',
  infoUrl: 'Online-Adresse',
  weight: 'Gewichtung',
  serviceMinutes: 'Übliche Dauer',
  concernIds: 'Anliegen',
  area: 'Bereich',
  spokenName: 'Aussprache',
  printer: 'Drucker',
  kioskMaxConcerns: 'Mehrere Anliegen am Kiosk',
  timezone: 'Zeitzone',
  retentionDays: 'Aufbewahrung',
  kioskResetSeconds: 'Kiosk zurücksetzen nach',
  statsTargetWaitMinutes: 'Ziel für die Wartezeit',
  appointmentLeadMinutes: 'Termine: Vorlauf',
  appointmentLateMinutes: 'Termine: Verspätung',
  appointmentCheckinMinutes: 'Termine: anmelden ab',
  appointmentGraceMinutes: 'Termine: nur der gebuchte Platz',
  slotMinutes: 'Länge eines Termins',
  slotCapacity: 'Termine zur selben Zeit',
  appointmentOnly: 'Nur mit Termin',
  priorityInterleave: 'Nach Terminen in Folge',
  preferenceMinutes: 'Vorrang des eigenen Anliegens',
  maxWaitMinutes: 'Längste Wartezeit',
  maxCalls: 'Aufrufe bis „nicht erschienen“',
  language: 'Sprache der Ansage',
  templates: 'Ansage',
  closedDays: 'Geschlossene Tage',
  from: 'von',
  to: 'bis',
};

/** Where an issue is, in words: "Anliegen „Wohngeld“ – Buchstabe". */
export function issuePlace(path: string, office: OfficeConfig | null): string {
  const parts = path.split('.');
  const [head, second, third, fourth] = parts;
  const field = (key: string | undefined) => (key ? (FIELD_NAMES[key] ?? key) : '');
  const lang = (key: string | undefined) =>
    key && (LANGUAGES as readonly string[]).includes(key) ? ` (${languageName(key as Language)})` : '';
  if (path === '') return 'Einstellungen';
  if (head === 'concerns' && second !== undefined) {
    const c = office?.concerns[Number(second)];
    const label = c?.name.trim() ? `Anliegen „${c.name.trim()}“` : `Anliegen ${Number(second) + 1}`;
    return third ? `${label} – ${field(third)}${lang(fourth)}` : label;
  }
  if (head === 'counters' && second !== undefined) {
    const c = office?.counters[Number(second)];
    const label = c?.name.trim() ? `Platz „${c.name.trim()}“` : `Platz ${Number(second) + 1}`;
    return third ? `${label} – ${field(third)}` : label;
  }
  if (head === 'outcomes' && second !== undefined) {
    const o = office?.outcomes?.[Number(second)];
    const label = o?.name.trim() ? `Ergebnis „${o.name.trim()}“` : `Ergebnis ${Number(second) + 1}`;
    return third ? `${label} – ${field(third)}${lang(fourth)}` : label;
  }
  if (head === 'outcomes') return 'Ergebnisse';
  if (head === 'appointmentHours') {
    if (second === 'weekly' && third) return `Terminzeiten ${weekdayName(third as Weekday) ?? third}`;
    return 'Terminzeiten';
  }
  if (head === 'openingHours') {
    if (second === 'weekly' && third) return `Öffnungszeiten ${weekdayName(third as Weekday) ?? third}`;
    if (second === 'closedDays') return 'Geschlossene Tage';
    return 'Öffnungszeiten';
  }
  if (head === 'policy') return `Regeln – ${field(second)}`;
  if (head === 'announcements') return `Ansage${second === 'templates' ? lang(third) : ` – ${field(second)}`}`;
  if (head === 'kiosks' && second !== undefined) {
    const k = office?.kiosks?.[Number(second)];
    const label = k?.name.trim() ? `Kiosk „${k.name.trim()}“` : `Kiosk ${Number(second) + 1}`;
    return third ? `${label} – ${third === 'agentKey' ? 'Schlüssel' : field(third)}` : label;
  }
  if (head === 'kiosks') return 'Kiosks';
  return field(head);
}
