/**
 * The check-in keypad, its refusals and texts in six languages come as a chunk of their own:
 * they stay out of the kiosk's first load and are fetched in the background once the kiosk
 * runs (`prefetchCheckin`), so they are at hand, also offline, when a visitor needs them.
 */
import { signal } from '@preact/signals';

type CheckinUi = typeof import('./checkin-ui.ts');

/** The loaded module, or null until it has come. */
export const checkinUi = signal<CheckinUi | null>(null);

let loading: Promise<CheckinUi> | undefined;

export function loadCheckinUi(): Promise<CheckinUi> {
  loading ??= import('./checkin-ui.ts').then(
    (ui) => {
      checkinUi.value = ui;
      return ui;
    },
    (error: unknown) => {
      loading = undefined; // try again next time
      throw error;
    },
  );
  return loading;
}

/** Fetches the chunk a moment after start, when the screen is drawn and the network is calm. */
export function prefetchCheckin(delayMs = 1500): void {
  setTimeout(() => void loadCheckinUi().catch(() => {}), delayMs);
}
