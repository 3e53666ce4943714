/**
 * The configuration in the office's words: issue messages in plain German, where an issue is
 * ("Anliegen „Wohngeld“ – Buchstabe"), and the names of languages and weekdays.
 */
import { LANGUAGES, type Language, type OfficeConfig, type Weekday } from '../core/types.ts';

const MESSAGE_RULES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Too small: expected string to have >=1 characters?$/, () => 'Bitte ausfüllen.'],
  [/^Too small: expected string to have >=(\d+)/, (m) => `Bitte mindestens ${m[1]} Zeichen.`],
  [/^Too big: expected string to have <=(\d+)/, (m) => `Höchstens ${m[1]} Zeichen.`],
  [/^Too small: expected number to be >=(\S+)$/, (m) => `Bitte mindestens ${m[1]}.`],
  [/^Too small: expected number to be >(\S+)$/, (m) => `Bitte eine Zahl größer als ${m[1]}.`],
  [/^Too big: expected number to be <=(\S+)$/, (m) => `Höchstens ${m[1]}.`],
  [/^Too big: expected number to be <(\S+)$/, (m) => `Bitte eine Zahl kleiner als ${m[1]}.`],
  [/^Too small: expected array to have >=1 items?$/, () => 'Bitte mindestens einen Eintrag wählen.'],
  [/^Too big: expected array to have <=(\d+)/, (m) => `Höchstens ${m[1]} Einträge.`],
  [/^Invalid input: expected int/, () => 'Bitte eine ganze Zahl eingeben.'],
  [/^Invalid input: expected number/, () => 'Bitte eine Zahl eingeben.'],
  [/^Invalid input: expected string/, () => 'Bitte ausfüllen.'],
  [/^Invalid URL$/, () => 'Bitte eine vollständige Internetadresse eingeben, zum Beispiel https://www.beispiel.de.'],
  [/^one to three capital letters$/, () => 'Ein bis drei Großbuchstaben, zum Beispiel W.'],
  [
    /^lower-case letters, digits, - and _$/,
    () => 'Nur kleine Buchstaben ohne Umlaute, Ziffern, - und _. Am Anfang steht ein Buchstabe oder eine Ziffer.',
  ],
  [/^expected HH:MM$/, () => 'Bitte eine Uhrzeit wie 09:30 eingeben.'],
  [/^from must be before to$/, () => 'Der Beginn muss vor dem Ende liegen.'],
  [/^expected YYYY-MM-DD$/, () => 'Bitte ein Datum wählen.'],
  [/^unknown IANA time zone$/, () => 'Diese Zeitzone ist unbekannt. Beispiel: Europe/Berlin.'],
  [/^duplicate concern id (.+)$/, (m) => `Die Kennung „${m[1]}“ hat schon ein anderes Anliegen.`],
  [/^duplicate prefix (.+)$/, (m) => `Den Buchstaben „${m[1]}“ hat schon ein anderes Anliegen.`],
  [/^duplicate counter id (.+)$/, (m) => `Die Kennung „${m[1]}“ hat schon ein anderer Platz.`],
  [
    /^counter (.*) serves unknown concern (.+)$/,
    (m) => `Der Platz bedient ein Anliegen, das es nicht mehr gibt („${m[2]}“). Bitte nehmen Sie es dort heraus.`,
  ],
  [/^duplicate outcome id( .+)?$/, () => 'Zwei Ergebnisse haben dieselbe Kennung. Bitte ein Ergebnis umbenennen.'],
  [
    /^LOTSE_PRINTER=.*\(use tcp:/,
    () => 'Keine gültige Druckeradresse. Möglich sind tcp://HOST:9100, file:/dev/usb/lp0, virtual oder none.',
  ],
  [
    /^a counter printer is a printer address$/,
    () => 'Hier bitte eine Druckeradresse wie tcp://192.168.1.50:9100 eingeben („agent“ gibt es nur am Kiosk).',
  ],
  [/^duplicate kiosk id$/, () => 'Eine Kiosk-Kennung kommt zweimal vor.'],
];

/** The server's (English) issue message in plain German; unknown messages stay as they are. */
export function issueText(message: string): string {
  for (const [pattern, text] of MESSAGE_RULES) {
    const match = pattern.exec(message);
    if (match) return text(match);
  }
  return message;
}

const LANGUAGE_NAMES: Record<Language, string> = {
  de: 'Deutsch',
  en: 'Englisch',
  tr: 'Türkisch',
  ar: 'Arabisch',
  uk: 'Ukrainisch',
  ru: 'Russisch',
};

export function languageName(lang: Language): string {
  return LANGUAGE_NAMES[lang];
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
  if (head === 'openingHours') {
    if (second === 'weekly' && third) return `Öffnungszeiten ${weekdayName(third as Weekday) ?? third}`;
    if (second === 'closedDays') return 'Geschlossene Tage';
    return 'Öffnungszeiten';
  }
  if (head === 'policy') return `Regeln – ${field(second)}`;
  if (head === 'announcements') return `Ansage${second === 'templates' ? lang(third) : ` – ${field(second)}`}`;
  if (head === 'kiosks') return 'Kiosks';
  return field(head);
}
