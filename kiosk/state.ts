/**
 * State of the kiosk in small signals, and the one action that matters: taking a ticket, for one
 * or more concerns (up to `kioskMaxConcerns`, confirmed before drawing) or with an appointment
 * code. A ticket request carries one random idempotency key per
 * touch; while it runs, further touches are ignored, and when the connection drops it is
 * repeated with the same key (also by "Noch einmal"), so the visitor never gets two tickets and
 * never loses one.
 */
import { deviceHeaders } from '../ui/device.ts';
import { signal } from '@preact/signals';
import type { ConcernPublic, OfficePublic, TicketView } from '../core/api.ts';
import { ApiError, api } from '../ui/api.ts';
import { applyDocumentLanguage, DEFAULT_LANGUAGE, type Language } from '../ui/i18n.ts';
import { randomKey } from '../ui/random.ts';
import { loadCheckinUi } from './checkin-loader.ts';
import { loadTicketUi } from './ticket-loader.ts';
import { kioskId, onPrintResult, watchPrinter } from './printing.ts';
import { stopSpeaking } from './speech.ts';

/** What became of the printout, as the server reports it (absent where no printer is known). */
export type PrintOutcome = 'printed' | 'failed' | 'pending' | 'none';

export type Screen =
  | { kind: 'start' }
  | { kind: 'ticket'; ticket: TicketView; print?: PrintOutcome }
  | { kind: 'info'; concern: ConcernPublic }
  /** The concerns chosen so far: "Ticket ziehen" or "Ich habe noch ein Anliegen". */
  | { kind: 'confirm' }
  | { kind: 'booking'; concern: ConcernPublic }
  | { kind: 'closed' }
  | { kind: 'quota'; concern?: ConcernPublic }
  | { kind: 'failed'; concern?: ConcernPublic; request: TicketRequest; storage?: boolean; limited?: boolean }
  /** The keypad for the appointment code. */
  | { kind: 'checkin' }
  /** The server refused the appointment code; `early` comes with the times (ISO) when known. */
  | { kind: 'refused'; reason: CheckinRefusal; appointmentAt?: string; checkinFrom?: string };

/** One ticket request; repeating it (same key) never gives a second ticket. */
export interface TicketRequest {
  concernId?: string;
  /** Several concerns of one visit, in the order chosen. */
  concernIds?: string[];
  appointmentCode?: string;
  idempotencyKey: string;
}

export type CheckinRefusal = 'unknown' | 'used' | 'expired' | 'early';

export const office = signal<OfficePublic | null>(null);
export const language = signal<Language>(DEFAULT_LANGUAGE);
export const screen = signal<Screen>({ kind: 'start' });
/** A ticket request is running: concern buttons are disabled. */
export const busy = signal(false);
/** The server cannot be reached right now (request retrying, or realtime link down). */
export const reconnecting = signal(false);
export const offline = signal(false);
export const largeText = signal(false);
export const highContrast = signal(false);
/** The concerns chosen for the next ticket, in order (only where the kiosk offers several). */
export const chosen = signal<ConcernPublic[]>([]);
/** The appointment code typed on the keypad or by a scanner. */
export const checkinCode = signal('');
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

export function setHighContrast(on: boolean): void {
  highContrast.value = on;
  document.documentElement.classList.toggle('high-contrast', on);
}

/** Back to the start screen in German, as the next visitor expects it. */
export function resetKiosk(): void {
  if (busy.value) return;
  stopSpeaking();
  screen.value = { kind: 'start' };
  chosen.value = [];
  checkinCode.value = '';
  setLanguage(DEFAULT_LANGUAGE);
  setLargeText(false);
  setHighContrast(false);
}

/** Follows this kiosk's printer; a late print outcome updates the ticket still on screen. */
function followPrinter(): void {
  if (printerFollowed) return;
  printerFollowed = true;
  watchPrinter();
  onPrintResult((ticketId, print) => {
    const view = screen.value;
    if (view.kind === 'ticket' && view.ticket.id === ticketId) screen.value = { ...view, print };
  });
}
let printerFollowed = false;

/** The office as the kiosk offers it: without concerns no counter serves. */
export function offeredOffice(data: OfficePublic): OfficePublic {
  return data.concerns.some((c) => c.unserved) ? { ...data, concerns: data.concerns.filter((c) => !c.unserved) } : data;
}

/** Counts pushed configurations: an answer to an older request must not overwrite a newer push. */
let officePushes = 0;

/** A configuration pushed by the server (`office:updated`): concerns added or changed. */
export function officeUpdated(pushed: OfficePublic): void {
  officePushes++;
  const next = offeredOffice(pushed);
  office.value = next;
  // Chosen concerns the office no longer offers are dropped (the rest take their new names).
  const offered = new Map(next.concerns.filter((c) => !c.infoUrl).map((c) => [c.id, c]));
  const kept = chosen.value.flatMap((c) => offered.get(c.id) ?? []).slice(0, maxConcerns());
  if (kept.length !== chosen.value.length || kept.some((c, i) => c !== chosen.value[i])) {
    chosen.value = kept;
    if (kept.length === 0 && screen.value.kind === 'confirm') screen.value = { kind: 'start' };
  }
}

export async function loadOffice(): Promise<OfficePublic> {
  followPrinter();
  const pushes = officePushes;
  const data = await api<OfficePublic>('GET', '/api/office');
  if (pushes === officePushes || !office.value) office.value = offeredOffice(data);
  return office.value;
}

function retryable(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504)
  );
}

/** An error answer of `POST /api/tickets`; a check-in that is too early says when it can be. */
class TicketError extends ApiError {
  constructor(
    status: number,
    code: string,
    readonly appointmentAt?: string,
    readonly checkinFrom?: string,
  ) {
    super(status, code);
  }
}

interface IssueAnswer {
  ticket: TicketView;
  print?: { status?: PrintOutcome };
}

/** Like `api()`, but keeps the details of an error answer (the times of `APPOINTMENT_TOO_EARLY`). */
async function postTicket(body: Record<string, unknown>): Promise<IssueAnswer> {
  let response: Response;
  try {
    response = await fetch('/api/tickets', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', ...deviceHeaders() },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'OFFLINE');
  }
  const data = (await response.json().catch(() => undefined)) as
    | (IssueAnswer & { error?: { code?: string; appointmentAt?: string; checkinFrom?: string } })
    | undefined;
  if (!response.ok) {
    const e = data?.error;
    throw new TicketError(response.status, e?.code ?? 'INTERNAL', e?.appointmentAt, e?.checkinFrom);
  }
  return data as IssueAnswer;
}

/**
 * Right after the screen changed between the concern list and the confirmation, touches that
 * would remove or add a concern are ignored: the second touch of a double tap lands on the
 * new screen and must not undo or change the first.
 */
export const SETTLE_MS = 400;
let switchedAt = 0;
const settling = () => Date.now() - switchedAt < SETTLE_MS;

function showSelection(kind: 'start' | 'confirm'): void {
  switchedAt = Date.now();
  screen.value = { kind };
}

/** How many concerns one ticket from this kiosk may hold (1: a touch draws the ticket at once). */
export function maxConcerns(): number {
  const max = office.value?.kioskMaxConcerns;
  return typeof max === 'number' && max > 1 ? Math.floor(max) : 1;
}

/**
 * The visitor touched a concern: show its online form; where one concern per ticket is the rule,
 * take the ticket; else add it to the chosen ones and confirm (a chosen one touched again is
 * removed).
 */
export async function chooseConcern(concern: ConcernPublic): Promise<void> {
  if (busy.value) return;
  lastActivity.value = Date.now();
  // The screen that follows a touch is in a chunk of its own; it comes while the visitor acts.
  void loadTicketUi().catch(() => {});
  if (concern.infoUrl) {
    screen.value = { kind: 'info', concern };
    return;
  }
  if (concern.appointmentOnly) {
    screen.value = { kind: 'booking', concern };
    return;
  }
  if (maxConcerns() <= 1) {
    await requestTicket({ concernId: concern.id, idempotencyKey: randomKey() }, concern);
    return;
  }
  if (settling()) return;
  if (chosen.value.some((c) => c.id === concern.id)) {
    removeConcern(concern.id);
    return;
  }
  if (chosen.value.length >= maxConcerns()) return;
  chosen.value = [...chosen.value, concern];
  showSelection('confirm');
}

/** Takes a chosen concern off the list; with none left, back to the start screen. */
export function removeConcern(concernId: string): void {
  if (busy.value || settling()) return;
  lastActivity.value = Date.now();
  chosen.value = chosen.value.filter((c) => c.id !== concernId);
  if (chosen.value.length === 0 && screen.value.kind === 'confirm') showSelection('start');
}

/** "Ich habe noch ein Anliegen": the concern list, the chosen ones marked. */
export function addAnotherConcern(): void {
  if (busy.value || settling()) return;
  lastActivity.value = Date.now();
  showSelection('start');
}

/** "Ticket ziehen": one request for every chosen concern, with one key for this touch. */
export async function drawTicket(): Promise<void> {
  const concerns = chosen.value;
  if (busy.value || concerns.length === 0) return;
  lastActivity.value = Date.now();
  // A refusal (quota) names the concern only when it is clear which one it is.
  const only = concerns.length === 1 ? concerns[0] : undefined;
  await requestTicket({ concernIds: concerns.map((c) => c.id), idempotencyKey: randomKey() }, only);
}

/** "Ich habe einen Termin": the keypad, empty or with what a scanner typed so far. */
export function openCheckin(code = ''): void {
  if (busy.value) return;
  lastActivity.value = Date.now();
  stopSpeaking();
  void loadCheckinUi().catch(() => {});
  checkinCode.value = code;
  screen.value = { kind: 'checkin' };
}

/** Longest appointment code the server accepts. */
export const MAX_CODE_LENGTH = 64;

/** A key of the keypad, or a character from a scanner. */
export function typeCode(character: string): void {
  lastActivity.value = Date.now();
  if (checkinCode.value.length < MAX_CODE_LENGTH) checkinCode.value += character;
}

export function deleteCode(): void {
  lastActivity.value = Date.now();
  checkinCode.value = checkinCode.value.slice(0, -1);
}

/** Checks in with the code on the keypad: the server takes the appointment's concern. */
export async function checkIn(): Promise<void> {
  const code = checkinCode.value.trim();
  if (busy.value || !code) return;
  lastActivity.value = Date.now();
  await requestTicket({ appointmentCode: code, idempotencyKey: randomKey() });
}

/**
 * Sends one ticket request, repeating it with the same key while the server cannot be reached,
 * then shows the ticket or says in plain words why there is none.
 */
export async function requestTicket(request: TicketRequest, concern?: ConcernPublic): Promise<void> {
  if (busy.value) return;
  busy.value = true;
  stopSpeaking();
  void loadTicketUi().catch(() => {});
  const body = { ...request, language: language.value, ...(kioskId ? { kioskId } : {}) };
  const giveUpAt = Date.now() + RETRY_FOR_MS;
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        const answer = await postTicket(body);
        const print = answer.print?.status;
        screen.value = print
          ? { kind: 'ticket', ticket: answer.ticket, print }
          : { kind: 'ticket', ticket: answer.ticket };
        checkinCode.value = '';
        chosen.value = [];
        // The choice is over: the next visitor's first touch on the start screen counts at once.
        switchedAt = 0;
        return;
      } catch (error) {
        if (retryable(error) && Date.now() < giveUpAt) {
          reconnecting.value = true;
          await sleep(Math.min(500 * 2 ** attempt, 4000));
          continue;
        }
        screen.value = screenForError(error, request, concern);
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

const REFUSALS: Partial<Record<string, CheckinRefusal>> = {
  UNKNOWN_APPOINTMENT: 'unknown',
  APPOINTMENT_USED: 'used',
  APPOINTMENT_EXPIRED: 'expired',
  APPOINTMENT_TOO_EARLY: 'early',
};

function screenForError(error: unknown, request: TicketRequest, concern?: ConcernPublic): Screen {
  const code = error instanceof ApiError ? error.code : 'INTERNAL';
  const refusal = REFUSALS[code];
  if (refusal) {
    const times = error instanceof TicketError && refusal === 'early' ? error : undefined;
    return {
      kind: 'refused',
      reason: refusal,
      ...(times?.appointmentAt ? { appointmentAt: times.appointmentAt } : {}),
      ...(times?.checkinFrom ? { checkinFrom: times.checkinFrom } : {}),
    };
  }
  if (code === 'OFFICE_CLOSED') return { kind: 'closed' };
  if (code === 'QUOTA_REACHED') return concern ? { kind: 'quota', concern } : { kind: 'quota' };
  if (code === 'INFO_ONLY_CONCERN' && concern?.infoUrl) return { kind: 'info', concern };
  if (code === 'APPOINTMENT_ONLY' && concern) return { kind: 'booking', concern };
  // The server could not store the ticket (disk full, database down): nothing was issued.
  const storage = code === 'STORAGE_FULL' || code === 'STORAGE_UNAVAILABLE' ? { storage: true } : {};
  // Too many draws from this address in a short time (HTTP 429): wait a minute, in plain words.
  const limited = code === 'RATE_LIMITED' ? { limited: true } : {};
  return concern
    ? { kind: 'failed', concern, request, ...storage, ...limited }
    : { kind: 'failed', request, ...storage, ...limited };
}
