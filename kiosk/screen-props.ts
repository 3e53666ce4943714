/** What the kiosk's screens are given alike (main.tsx passes them as one `common` object). */
import type { Language } from '../ui/i18n.ts';

/** The visitor's language and the idle countdown back to the start screen. */
export interface TimedScreenProps {
  language: Language;
  resetSeconds: number;
  lastActivity: number;
}

/** A screen with "Zurück" to the start screen. */
export interface BackScreenProps extends TimedScreenProps {
  onBack: () => void;
}
