/**
 * Texts of the kiosk, per language. Short sentences, direct address, no abbreviations.
 * Concern names, descriptions and documents come from the office configuration;
 * waiting sentences from `ui/visitor-texts.ts`.
 */
import { signal } from '@preact/signals';
import { catalogue, fill, type Language } from '../ui/i18n.ts';

export interface KioskMessages {
  welcome: string;
  chooseConcern: string;
  language: string;
  largeText: string;
  busy: string;
  yourNumber: string;
  /** The ticket came out of the printer. */
  printed: string;
  /** The printer failed: the ticket on screen is all there is, and it is valid. */
  printFailed: string;
  /** With a failed printout (or no printer): take a photo of the screen or scan the code. */
  printPhoto: string;
  /** The printout has not come yet. */
  printPending: string;
  documentsTitle: string;
  qrHint: string;
  watchScreen: string;
  done: string;
  qrLabel: string;
  infoTitle: string;
  infoText: string;
  infoHelp: string;
  infoQrLabel: string;
  back: string;
  closedTitle: string;
  closedText: string;
  /** `{when}`: the next opening, e.g. "Montag, 24. November, 09:00". */
  nextOpening: string;
  openingHours: string;
  quotaTitle: string;
  quotaText: string;
  waitTitle: string;
  waitText: string;
  failedTitle: string;
  failedText: string;
  tryAgain: string;
  /** The start screen's check-in button, and its one line of explanation. */
  appointment: string;
  appointmentHint: string;
  highContrast: string;
  readAloud: string;
  stopReading: string;
  /** Under a disabled "read aloud" button: the device has no voice for this language. */
  noVoice: string;
  /** Above the concerns chosen for one ticket (confirmation screen). */
  chosenTitle: string;
  /** On the confirmation screen, while another concern may be added. */
  chosenHint: string;
  /** `{n}`: the most concerns one ticket may hold; shown once they are all chosen. */
  chosenMax: string;
  /** The big button that draws the ticket for the chosen concerns. */
  draw: string;
  /** Back to the concern list to add one more. */
  addAnother: string;
  /** Takes a chosen concern off the list. */
  remove: string;
  /** On a chosen concern button of the start screen. */
  chosenMark: string;
  /** On the ticket of several concerns: above their list. */
  visitTitle: string;
  /** On the ticket of several concerns: how they are served. */
  visitOrder: string;
}

const de: KioskMessages = {
  welcome: 'Willkommen',
  chooseConcern: 'Was möchten Sie heute erledigen? Tippen Sie auf Ihr Anliegen.',
  language: 'Sprache',
  largeText: 'Große Schrift',
  busy: 'Einen Moment, bitte. Ihre Nummer kommt gleich.',
  yourNumber: 'Ihre Nummer',
  printed: 'Der Drucker druckt jetzt Ihr Ticket. Nehmen Sie es bitte mit.',
  printFailed: 'Der Drucker kann Ihr Ticket gerade nicht drucken. Ihre Nummer gilt trotzdem.',
  printPhoto: 'Machen Sie bitte ein Foto vom Bildschirm. Oder scannen Sie den Code mit Ihrem Handy.',
  printPending:
    'Ihr Ticket kommt gleich aus dem Drucker. Kommt kein Ticket? Dann machen Sie bitte ein Foto vom Bildschirm.',
  documentsTitle: 'Halten Sie bitte bereit:',
  qrHint: 'Scannen Sie den Code mit Ihrem Handy. Dann sehen Sie dort, wann Sie dran sind.',
  watchScreen: 'Warten Sie bitte im Wartebereich. Der Bildschirm zeigt Ihre Nummer, wenn Sie dran sind.',
  done: 'Fertig',
  qrLabel: 'QR-Code für Ihr Handy',
  infoTitle: 'Das geht online.',
  infoText: 'Dafür brauchen Sie keine Nummer. Scannen Sie den Code mit Ihrem Handy. Dann kommen Sie direkt zum Antrag.',
  infoHelp: 'Sie brauchen Hilfe? Fragen Sie bitte an der Information.',
  infoQrLabel: 'QR-Code für den Antrag im Internet',
  back: 'Zurück',
  closedTitle: 'Wir haben jetzt geschlossen.',
  closedText: 'Sie bekommen gerade keine Nummer. Kommen Sie bitte zu unseren Öffnungszeiten wieder.',
  nextOpening: 'Wir öffnen wieder: {when}',
  openingHours: 'Öffnungszeiten',
  quotaTitle: 'Für heute sind alle Nummern vergeben.',
  quotaText: 'Für dieses Anliegen bekommen Sie heute keine Nummer mehr. Kommen Sie bitte an einem anderen Tag wieder.',
  waitTitle: 'Einen Moment, bitte.',
  waitText: 'Die Verbindung ist kurz unterbrochen. Es geht gleich weiter.',
  failedTitle: 'Das hat leider nicht geklappt.',
  failedText: 'Versuchen Sie es bitte noch einmal. Oder fragen Sie an der Information.',
  tryAgain: 'Noch einmal',
  appointment: 'Ich habe einen Termin',
  appointmentHint: 'Melden Sie sich hier mit Ihrem Code an.',
  highContrast: 'Starker Kontrast',
  readAloud: 'Vorlesen',
  stopReading: 'Stopp',
  noVoice: 'Nicht auf Deutsch',
  chosenTitle: 'Sie haben gewählt:',
  chosenHint: 'Haben Sie noch ein Anliegen? Dann wählen Sie es dazu. Sie bekommen eine Nummer für alles.',
  chosenMax: 'Sie können bis zu {n} Anliegen wählen.',
  draw: 'Ticket ziehen',
  addAnother: 'Ich habe noch ein Anliegen',
  remove: 'Entfernen',
  chosenMark: 'Gewählt. Noch einmal tippen: entfernen.',
  visitTitle: 'Ihre Anliegen:',
  visitOrder: 'Ihre Anliegen werden nacheinander erledigt, alle unter einer Nummer.',
};

/** German is always at hand (the office's language, and the fallback). */
export const KIOSK_GERMAN = de;

const loaded = signal<Partial<Record<Language, KioskMessages>>>({ de });
let loading: Promise<void> | undefined;

/** Fetches the other five catalogues (once); components re-render when they arrive. */
export function loadCatalogues(): Promise<void> {
  loading ??= import('./messages-more.ts').then(
    (m) => {
      loaded.value = { de, ...m.MORE_MESSAGES };
    },
    (error: unknown) => {
      loading = undefined; // try again next time
      throw error;
    },
  );
  return loading;
}

/** The texts in `language`; German until that catalogue has arrived (a moment after start). */
export function kioskMessages(language: Language): KioskMessages {
  const all = loaded.value;
  if (!all[language]) void loadCatalogues().catch(() => {});
  return catalogue(all as Record<Language, KioskMessages>, language);
}

export function nextOpeningMessage(language: Language, when: string): string {
  return fill(kioskMessages(language).nextOpening, { when });
}
