/**
 * Texts of the lobby screen in the screen's language (the office's announcement language).
 * Plain words, no abbreviations; German is the fallback.
 */
import { catalogue, type Language, plural } from '../ui/i18n.ts';

export interface DisplayMessages {
  nowCalling: string;
  numberColumn: string;
  counterColumn: string;
  noCalls: string;
  recentTitle: string;
  waitingTitle: string;
  waitingCount: (n: number) => string;
  waitMinutes: (n: number) => string;
  openingHours: string;
  offline: string;
  soundPrompt: string;
  again: string;
}

const de: DisplayMessages = {
  nowCalling: 'Aufruf',
  numberColumn: 'Nummer',
  counterColumn: 'Bitte gehen Sie zu',
  noCalls: 'Ihre Nummer erscheint hier, wenn Sie dran sind.',
  recentTitle: 'Letzte Aufrufe',
  waitingTitle: 'Wartezeit',
  waitingCount: (n) =>
    n === 0 ? 'Niemand wartet' : plural('de', n, { one: '{n} Person wartet', other: '{n} Personen warten' }),
  waitMinutes: (n) => (n <= 1 ? 'kaum Wartezeit' : `etwa ${n} Minuten`),
  openingHours: 'Öffnungszeiten',
  offline: 'Keine Verbindung. Die Anzeige ist vielleicht nicht aktuell.',
  soundPrompt: 'Ton einschalten — bitte berühren',
  again: 'erneut',
};

const en: DisplayMessages = {
  nowCalling: 'Now calling',
  numberColumn: 'Number',
  counterColumn: 'Please go to',
  noCalls: 'Your number appears here when it is your turn.',
  recentTitle: 'Last calls',
  waitingTitle: 'Waiting time',
  waitingCount: (n) =>
    n === 0 ? 'Nobody is waiting' : plural('en', n, { one: '{n} person waiting', other: '{n} people waiting' }),
  waitMinutes: (n) => (n <= 1 ? 'hardly any wait' : `about ${n} minutes`),
  openingHours: 'Opening hours',
  offline: 'No connection. The screen may not be up to date.',
  soundPrompt: 'Turn on sound — please touch',
  again: 'again',
};

const DISPLAY_MESSAGES: Partial<Record<Language, DisplayMessages>> = { de, en };

/** The language the screen's labels are shown in: the speech language where we have it, else German. */
export function labelLanguage(language: Language): Language {
  return DISPLAY_MESSAGES[language] ? language : 'de';
}

export function displayMessages(language: Language): DisplayMessages {
  return catalogue(DISPLAY_MESSAGES as Record<Language, DisplayMessages>, language);
}
