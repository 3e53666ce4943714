/**
 * The visitor's phone page at `/t/<token>` (from the ticket's QR code; no app, no account):
 * live number, status, position and estimated wait in the ticket's language; a "you are next"
 * notice (and one short vibration) when at most two are ahead; a clear signal (beep, vibration
 * where the browser allows) with the counter when called; a short closing page when it is over,
 * after which the page drops its live link.
 *
 * Test hook: `window.__lotsePhoneSignals` lists the signals given (capped).
 */
import '../ui/base.css';
import './phone.css';
import { signal } from '@preact/signals';
import { render } from 'preact';
import type { OfficePublic, TicketView } from '../core/api.ts';
import { ApiError, api } from '../ui/api.ts';
import { audioBlocked, playBeep, resumeAudio, unlockAudioOnGesture } from '../ui/audio.ts';
import { timeText } from '../ui/hours.ts';
import { applyDocumentLanguage, DEFAULT_LANGUAGE, fill, isLanguage, type Language } from '../ui/i18n.ts';
import { keepConnected } from '../ui/reconnect.ts';
import { connect, type LotseSocket } from '../ui/socket.ts';
import { phoneMessages } from './phone-messages.ts';
import { FINAL_STATUSES, isSoon, PhoneTicket } from './PhoneTicket.tsx';

interface PhoneSignal {
  kind: 'called' | 'soon';
  at: number;
  /** `navigator.vibrate` existed and accepted the pattern. */
  vibrated: boolean;
  /** The beep could play (sound not blocked). */
  beep: boolean;
}

declare global {
  interface Window {
    __lotsePhoneSignals?: PhoneSignal[];
  }
}

const signals: PhoneSignal[] = [];
window.__lotsePhoneSignals = signals;

const ticket = signal<TicketView | null>(null);
/** The visitor has touched the page: the browser now lets it sound and vibrate. */
const armed = signal(
  typeof navigator !== 'undefined' &&
    (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation?.hasBeenActive === true,
);
/** The office's phone, loaded when a visitor is stuck (missed, cancelled, not found). */
const officePhone = signal<string | null>(null);
const notFound = signal(false);
const offline = signal(false);
const updatedAt = signal<number | null>(null);

const OFFLINE_AFTER_MS = 3000;
/** One call reaches the phone twice (call event and ticket update): signal it once. */
const ALERT_DEDUPE_MS = 4000;

function tokenFromLocation(): string | null {
  const match = /\/t\/([^/?#]+)/.exec(location.pathname);
  if (match?.[1]) return decodeURIComponent(match[1]);
  return new URLSearchParams(location.search).get('t');
}

/** Before the ticket is known: the browser's language if we speak it, else German. */
function guessLanguage(): Language {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

function currentLanguage(): Language {
  const lang = ticket.value?.language;
  return isLanguage(lang) ? lang : guessLanguage();
}

let lastAlertAt = 0;
let alertedCalls = 0;
let soonSignalled = false;

function vibrate(pattern: number[]): boolean {
  try {
    return typeof navigator.vibrate === 'function' && navigator.vibrate(pattern);
  } catch {
    // vibration not allowed: the sound and the screen still tell
    return false;
  }
}

function record(signal: PhoneSignal): void {
  signals.push(signal);
  if (signals.length > 20) signals.shift();
}

/** Beep and vibrate once per call. */
function alertVisitor(): void {
  const now = Date.now();
  if (now - lastAlertAt < ALERT_DEDUPE_MS) return;
  lastAlertAt = now;
  const beep = !audioBlocked.value;
  void playBeep();
  record({ kind: 'called', at: now, vibrated: vibrate([400, 200, 400, 200, 800]), beep });
}

/** One short vibration when the visitor becomes one of the next (no sound: it is not the call yet). */
function nudgeVisitor(): void {
  record({ kind: 'soon', at: Date.now(), vibrated: vibrate([200]), beep: false });
}

function setTicket(next: TicketView, fromLive: boolean): void {
  const before = ticket.value;
  // A ticket already called when the page opens is shown, not signalled.
  if (before === null) alertedCalls = next.callCount;
  // Waiting for the next part of the visit: its call counts from zero again, and is signalled.
  if (next.status === 'waiting' && next.callCount < alertedCalls) alertedCalls = next.callCount;
  if (before !== null && before.concernId !== next.concernId && next.status === 'waiting') soonSignalled = false;
  if (FINAL_STATUSES.has(next.status) && next.status !== 'done') void loadOfficePhone();
  ticket.value = next;
  updatedAt.value = Date.now();
  applyDocumentLanguage(currentLanguage());
  document.title = next.status === 'called' && next.counterName ? `${next.number} → ${next.counterName}` : next.number;
  if (next.status === 'called' && next.callCount > alertedCalls) {
    alertedCalls = next.callCount;
    if (fromLive || (before !== null && before.status !== 'called')) alertVisitor();
  }
  if (isSoon(next) && !next.parked) {
    // Only on the change, not when the page opens with the visitor already among the next.
    if (!soonSignalled && before !== null && (!isSoon(before) || before.parked) && before.status === 'waiting') {
      nudgeVisitor();
    }
    soonSignalled = true;
  }
}

async function loadOfficePhone(): Promise<void> {
  if (officePhone.value !== null) return;
  try {
    const office = await api<OfficePublic>('GET', '/api/office');
    officePhone.value = office.contact?.phone?.trim() || '';
  } catch {
    // without the phone the page still says what to do
  }
}

async function loadStatus(token: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = await api<{ ticket: TicketView }>('GET', `/api/status/${encodeURIComponent(token)}`);
      // The live link may have been quicker.
      if (ticket.value === null) setTicket(answer.ticket, false);
      return;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
        notFound.value = true;
        void loadOfficePhone();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** attempt, 15_000)));
    }
  }
}

function follow(socket: LotseSocket, token: string): void {
  let offlineTimer: ReturnType<typeof setTimeout> | undefined;
  const watch = () => {
    socket.timeout(10_000).emit('ticket:watch', { token }, (err, answer) => {
      if (err) return;
      if (answer.ok) setTicket(answer.data, false);
      else if (answer.error === 'UNKNOWN_TICKET' || answer.error === 'NOT_FOUND') {
        notFound.value = true;
        void loadOfficePhone();
      }
    });
  };
  socket.on('connect', () => {
    clearTimeout(offlineTimer);
    offlineTimer = undefined;
    offline.value = false;
    watch();
  });
  const down = () => {
    if (offlineTimer !== undefined || offline.value) return;
    offlineTimer = setTimeout(() => {
      offlineTimer = undefined;
      offline.value = !socket.connected;
    }, OFFLINE_AFTER_MS);
  };
  socket.on('disconnect', down);
  socket.on('connect_error', down);
  socket.on('ticket:updated', (next) => {
    setTicket(next, true);
    if (FINAL_STATUSES.has(next.status)) {
      // Nothing more will happen to this ticket.
      clearTimeout(offlineTimer);
      socket.disconnect();
    }
  });
  socket.on('call:announced', (call) => {
    const current = ticket.value;
    if (!current || call.number !== current.number) return;
    setTicket(
      {
        ...current,
        status: 'called',
        counterId: call.counterId,
        counterName: call.counterName,
        calledAt: call.calledAt,
        callCount: Math.max(current.callCount + 1, alertedCalls + 1),
        waitingAhead: 0,
        estimatedWaitMinutes: 0,
      },
      true,
    );
  });
  // A phone that slept may have missed events: ask again when the page is seen.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && socket.connected) watch();
  });
}

/**
 * A browser lets a page sound and vibrate only after a touch: ask for one, and say plainly that
 * until then there is no signal.
 */
function SignalPrompt({ t }: { t: ReturnType<typeof phoneMessages> }) {
  if (armed.value && !audioBlocked.value) {
    return (
      <p class="phone-hint phone-signal-on" data-testid="phone-signal-on">
        {t.signalOn}
      </p>
    );
  }
  return (
    <div class="phone-sound" data-testid="phone-signal-off">
      <p class="phone-sound-off">{t.signalOff}</p>
      <button
        type="button"
        class="phone-sound-button"
        data-testid="phone-sound"
        onClick={() => {
          armed.value = true;
          void resumeAudio();
          vibrate([60]);
        }}
      >
        {t.soundButton}
      </button>
      <p>{t.soundHint}</p>
    </div>
  );
}

/** The office's phone, for a visitor who is stuck. */
function CallUs({ t }: { t: ReturnType<typeof phoneMessages> }) {
  const phone = officePhone.value;
  if (!phone) return null;
  return (
    <p class="phone-call-us" data-testid="phone-contact">
      {t.callUs}{' '}
      <a href={`tel:${phone.replace(/[^+\d]/g, '')}`} dir="ltr">
        {phone}
      </a>
    </p>
  );
}

function PhoneApp() {
  const language = currentLanguage();
  const t = phoneMessages(language);
  const current = ticket.value;
  if (notFound.value && !current) {
    return (
      <main class="phone">
        <p class="phone-message" data-testid="phone-not-found" role="alert">
          {t.notFound}
        </p>
        <CallUs t={t} />
      </main>
    );
  }
  if (!current) {
    return (
      <main class="phone">
        <p class="phone-message" role="status">
          {t.loading}
        </p>
      </main>
    );
  }
  const live = !FINAL_STATUSES.has(current.status);
  return (
    <main class={`phone phone-${current.status}`}>
      {offline.value && live && (
        <p class="phone-offline" data-testid="phone-offline" role="status">
          {t.offline}
        </p>
      )}
      <PhoneTicket ticket={current} language={language} t={t} />
      {(current.status === 'no-show' || current.status === 'cancelled') && <CallUs t={t} />}
      {current.status === 'waiting' && (
        <>
          <p class="phone-hint">{t.watchHint}</p>
          <SignalPrompt t={t} />
          {current.documents.length > 0 && (
            <section class="phone-docs">
              <h2>{t.documentsTitle}</h2>
              <ul>
                {current.documents.map((doc) => (
                  <li key={doc}>{doc}</li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      {live && updatedAt.value !== null && (
        <p class="phone-updated">{fill(t.updated, { time: timeText(updatedAt.value, undefined, language) })}</p>
      )}
    </main>
  );
}

const token = tokenFromLocation();
applyDocumentLanguage(guessLanguage());
if (token) {
  unlockAudioOnGesture(() => {
    armed.value = true;
  });
  const socket = connect();
  keepConnected(socket);
  follow(socket, token);
  void loadStatus(token).then(() => {
    if (notFound.value && !ticket.value) socket.disconnect();
  });
} else {
  notFound.value = true;
}

const root = document.getElementById('app');
if (root) render(<PhoneApp />, root);
