/**
 * State of the kiosk in small signals, and the one action that matters: taking a ticket.
 * A ticket request carries one random idempotency key per touch; while it runs, further
 * touches are ignored, and when the connection drops it is repeated with the same key,
 * so the visitor never gets two tickets and never loses one.
 */
import { signal } from '@preact/signals';
import type { ConcernPublic, OfficePublic, TicketView } from '../core/api.ts';
import { ApiError, api } from '../ui/api.ts';
import { applyDocumentLanguage, DEFAULT_LANGUAGE, type Language } from '../ui/i18n.ts';
import { randomKey } from '../ui/random.ts';

/** What became of the printout, as the server reports it (absent where no printer is known). */
export type PrintOutcome = 'printed' | 'failed' | 'pending' | 'none';

export type Screen =
  | { kind: 'start' }
  | { kind: 'ticket'; ticket: TicketView; print?: PrintOutcome }
  | { kind: 'info'; concern: ConcernPublic }
  | { kind: 'closed' }
  | { kind: 'quota'; concern: ConcernPublic }
  | { kind: 'failed'; concern: ConcernPublic };

export const office = signal<OfficePublic | null>(null);
export const language = signal<Language>(DEFAULT_LANGUAGE);
export const screen = signal<Screen>({ kind: 'start' });
/** A ticket request is running: concern buttons are disabled. */
export const busy = signal(false);
/** The server cannot be reached right now (request retrying, or realtime link down). */
export const reconnecting = signal(false);
export const offline = signal(false);
export const largeText = signal(false);
/** Time of the visitor's last touch; the idle timer and its progress bar restart from it. */
export const lastActivity = signal(Date.now());

/** How long a ticket request is repeated while the server is unreachable. */
const RETRY_FOR_MS = 20_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function setLanguage(next: Language): void {
  language.value = next;
  applyDocumentLanguage(next);
}

export function setLargeText(on: boolean): void {
  largeText.value = on;
  document.documentElement.classList.toggle('large-text', on);
}

/** Back to the start screen in German, as the next visitor expects it. */
export function resetKiosk(): void {
  if (busy.value) return;
  screen.value = { kind: 'start' };
  setLanguage(DEFAULT_LANGUAGE);
  setLargeText(false);
}

export async function loadOffice(): Promise<OfficePublic> {
  const data = await api<OfficePublic>('GET', '/api/office');
  office.value = data;
  return data;
}

function retryable(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504)
  );
}

/** The visitor touched a concern: show its online form, or take a ticket for it. */
export async function chooseConcern(concern: ConcernPublic): Promise<void> {
  if (busy.value) return;
  lastActivity.value = Date.now();
  if (concern.infoUrl) {
    screen.value = { kind: 'info', concern };
    return;
  }
  busy.value = true;
  const idempotencyKey = randomKey();
  const body = { concernId: concern.id, language: language.value, idempotencyKey };
  const giveUpAt = Date.now() + RETRY_FOR_MS;
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        const answer = await api<{ ticket: TicketView; print?: { status?: PrintOutcome } }>(
          'POST',
          '/api/tickets',
          body,
        );
        const print = answer.print?.status;
        screen.value = print
          ? { kind: 'ticket', ticket: answer.ticket, print }
          : { kind: 'ticket', ticket: answer.ticket };
        return;
      } catch (error) {
        if (retryable(error) && Date.now() < giveUpAt) {
          reconnecting.value = true;
          await sleep(Math.min(500 * 2 ** attempt, 4000));
          continue;
        }
        screen.value = screenForError(error, concern);
        if (error instanceof ApiError && error.code === 'UNKNOWN_CONCERN') void loadOffice().catch(() => {});
        return;
      }
    }
  } finally {
    busy.value = false;
    reconnecting.value = false;
    lastActivity.value = Date.now();
  }
}

function screenForError(error: unknown, concern: ConcernPublic): Screen {
  const code = error instanceof ApiError ? error.code : 'INTERNAL';
  switch (code) {
    case 'OFFICE_CLOSED':
      return { kind: 'closed' };
    case 'QUOTA_REACHED':
      return { kind: 'quota', concern };
    case 'INFO_ONLY_CONCERN':
      return concern.infoUrl ? { kind: 'info', concern } : { kind: 'failed', concern };
    default:
      return { kind: 'failed', concern };
  }
}
