/**
 * The title and introduction of each configuration page, in the office's words (the order of
 * the admin app's tabs).
 */

export const CONFIG_PAGE_TEXTS = {
  concerns: {
    title: 'Anliegen',
    intro:
      'Diese Anliegen sehen Besucher am Kiosk, in dieser Reihenfolge. Jedes Anliegen hat einen eigenen Buchstaben vor der Nummer.',
  },
  counters: {
    title: 'Plätze einrichten',
    intro:
      'Jeder Platz ruft nur die Anliegen auf, die hier stehen. Das erste Anliegen ist sein eigenes; die anderen übernimmt er, wenn dafür mehr Besucher warten.',
  },
  kiosks: {
    title: 'Kiosks und ihre Drucker',
    intro:
      'Ein Kiosk mit eigener Kennung öffnet /kiosk?kiosk=<Kennung> und druckt auf seinem eigenen Drucker. Kiosks ohne Eintrag drucken auf dem Drucker des Servers.',
  },
  appointments: {
    title: 'Termine',
    intro:
      'Wann Termine vergeben werden und wie lang ein Termin je Anliegen dauert. Weitere Regeln (früher dran, verspätet, anmelden ab) stehen unter „Amt und Ansagen“.',
  },
  visits: {
    title: 'Besuche und Ergebnisse',
    intro:
      'Ein Besuch behält eine Nummer, auch mit mehreren Anliegen. Zu jedem Anliegen wählt der Platz beim Abschließen ein Ergebnis; die Statistik zählt sie je Woche.',
  },
  hours: {
    title: 'Öffnungszeiten',
    intro: 'Kiosk und Anzeigen zeigen diese Zeiten. Ist das Amt zu, sagt der Kiosk, wann es wieder öffnet.',
  },
  office: {
    title: 'Amt und Ansagen',
    intro:
      'Allgemeine Einstellungen des Amts. Änderungen gelten nach dem Speichern sofort, auch an Kiosk und Anzeigen.',
  },
} as const satisfies Record<string, { title: string; intro: string }>;

export type ConfigPageName = keyof typeof CONFIG_PAGE_TEXTS;
