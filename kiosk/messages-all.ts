/** Every catalogue at once, for tests (the kiosk itself loads the others lazily). */
import type { Language } from '../core/types.ts';
import { type KioskMessages, KIOSK_GERMAN } from './messages.ts';
import { MORE_MESSAGES } from './messages-more.ts';

export const KIOSK_MESSAGES: Record<Language, KioskMessages> = { de: KIOSK_GERMAN, ...MORE_MESSAGES };
