/**
 * The kiosk at the entrance: the visitor picks a concern (in one of six languages) or checks in
 * with an appointment code, and gets a ticket on screen with a QR code for the phone. Returns to
 * its start screen when left alone. `?cursor=none` hides the mouse pointer (touch-only kiosks).
 */
import '../ui/base.css';
import './kiosk.css';
import './kiosk-ticket.css';
import './kiosk-notices.css';
import './kiosk-checkin.css';
import './kiosk-visit.css';
import { effect } from '@preact/signals';
import { type ComponentChildren, render } from 'preact';
import { keepConnected } from '../ui/reconnect.ts';
import { connect } from '../ui/socket.ts';
import { checkinUi, loadCheckinUi, prefetchCheckin } from './checkin-loader.ts';
import { loadCatalogues } from './messages.ts';
import { NoticeScreen, WaitOverlay } from './NoticeScreen.tsx';
import { stopSpeaking, watchVoices } from './speech.ts';
import { ResetBar } from './ResetBar.tsx';
import { StartScreen } from './StartScreen.tsx';
import {
  addAnotherConcern,
  busy,
  checkIn,
  chosen,
  checkinCode,
  chooseConcern,
  deleteCode,
  drawTicket,
  highContrast,
  language,
  largeText,
  lastActivity,
  loadOffice,
  maxConcerns,
  office,
  officeUpdated,
  offline,
  openCheckin,
  reconnecting,
  removeConcern,
  requestTicket,
  resetKiosk,
  screen,
  setHighContrast,
  setLanguage,
  setLargeText,
  typeCode,
} from './state.ts';
import { loadTicketUi, prefetchTicketUi, ticketUi } from './ticket-loader.ts';

const DEFAULT_RESET_SECONDS = 30;
/** A short drop of the realtime link is not worth a message. */
const OFFLINE_AFTER_MS = 4000;

function resetSeconds(): number {
  const s = office.value?.kioskResetSeconds;
  return typeof s === 'number' && s > 0 ? s : DEFAULT_RESET_SECONDS;
}

const touched = () => {
  lastActivity.value = Date.now();
};

/** A choice on the start screen: counts as activity (the idle countdown starts again), then applies. */
const afterTouch =
  <T,>(apply: (value: T) => void) =>
  (value: T) => {
    touched();
    apply(value);
  };

function App() {
  const current = office.value;
  const lang = language.value;
  if (!current) return <WaitOverlay language={lang} mode="offline" />;
  const view = screen.value;
  const checkin = checkinUi.value;
  // The screens after the first touch: fetched right after start; until they have come, "Einen Moment, bitte".
  const later = ticketUi.value;
  const wait = <WaitOverlay language={lang} mode="busy" />;
  const common = { language: lang, resetSeconds: resetSeconds(), lastActivity: lastActivity.value, onBack: resetKiosk };
  let page: ComponentChildren;
  switch (view.kind) {
    case 'ticket':
      page = later ? (
        <later.TicketScreen
          ticket={view.ticket}
          {...(view.print ? { print: view.print } : {})}
          office={current}
          phoneUrl={location.origin + view.ticket.statusUrl}
          {...common}
          onDone={resetKiosk}
        />
      ) : (
        wait
      );
      break;
    case 'info':
      // With concerns already chosen, "Zurück" keeps them.
      page = later ? (
        <later.InfoScreen
          concern={view.concern}
          url={view.concern.infoUrl ?? ''}
          {...common}
          {...(chosen.value.length > 0 ? { onBack: addAnotherConcern } : {})}
        />
      ) : (
        wait
      );
      break;
    case 'confirm':
      page = later ? (
        <later.ConfirmScreen
          chosen={chosen.value}
          max={maxConcerns()}
          language={lang}
          busy={busy.value}
          resetSeconds={common.resetSeconds}
          lastActivity={common.lastActivity}
          onDraw={() => void drawTicket()}
          onAddAnother={addAnotherConcern}
          onRemove={removeConcern}
        />
      ) : (
        wait
      );
      break;
    case 'booking':
      page = later ? (
        <later.BookingScreen concern={view.concern} office={current} {...common} onCheckin={() => openCheckin()} />
      ) : (
        wait
      );
      break;
    case 'closed':
      page = <NoticeScreen kind="closed" office={current} {...common} />;
      break;
    case 'quota':
      page = <NoticeScreen kind="quota" office={current} concern={view.concern} {...common} />;
      break;
    case 'failed':
      page = (
        <NoticeScreen
          kind="failed"
          office={current}
          concern={view.concern}
          storage={view.storage === true}
          limited={view.limited === true}
          {...common}
          // The same request again (same key): if the first one went through, this is that ticket.
          onRetry={() => void requestTicket(view.request, view.concern)}
        />
      );
      break;
    case 'checkin':
      // Its module is fetched right after start; until it has come, "Einen Moment, bitte".
      page = checkin ? (
        <checkin.CheckinScreen
          {...common}
          code={checkinCode.value}
          busy={busy.value}
          onKey={typeCode}
          onDelete={deleteCode}
          onSubmit={() => void checkIn()}
        />
      ) : (
        wait
      );
      break;
    case 'refused':
      page = checkin ? (
        <checkin.RefusedScreen
          reason={view.reason}
          {...(view.appointmentAt ? { appointmentAt: view.appointmentAt } : {})}
          {...(view.checkinFrom ? { checkinFrom: view.checkinFrom } : {})}
          office={current}
          {...common}
          onAgain={() => openCheckin()}
        />
      ) : (
        wait
      );
      break;
    default:
      page = (
        <StartScreen
          office={current}
          language={lang}
          busy={busy.value}
          largeText={largeText.value}
          highContrast={highContrast.value}
          chosen={chosen.value.map((c) => c.id)}
          max={maxConcerns()}
          onDraw={() => void drawTicket()}
          onChoose={(concern) => void chooseConcern(concern)}
          onAppointment={() => openCheckin()}
          onLanguage={afterTouch(setLanguage)}
          onLargeText={afterTouch(setLargeText)}
          onHighContrast={afterTouch(setHighContrast)}
        />
      );
  }
  return (
    <>
      {page}
      {/* The start screen as a visitor left it (another language, large text): warned before it resets. */}
      {view.kind === 'start' && awayFromStart() && (
        <ResetBar seconds={common.resetSeconds} since={common.lastActivity} warnOnly />
      )}
      {/* Offline covers only the start screen: a ticket on screen stays readable. */}
      {(busy.value || reconnecting.value || (offline.value && view.kind === 'start')) && (
        <WaitOverlay language={lang} mode={reconnecting.value || offline.value ? 'offline' : 'busy'} />
      )}
    </>
  );
}

/**
 * No selection, no context menu, no zoom, no dragging: a kiosk is not a web page. Pinch zoom is
 * blocked here and by `touch-action` (kiosk.css), not by `user-scalable=no`, which accessibility
 * checkers rightly refuse; the large-text mode is the kiosk's own zoom.
 */
function harden(): void {
  const stop = (e: Event) => e.preventDefault();
  for (const type of ['contextmenu', 'selectstart', 'dragstart', 'gesturestart', 'gesturechange']) {
    document.addEventListener(type, stop);
  }
  document.addEventListener(
    'touchmove',
    (e) => {
      if (e.touches.length > 1) e.preventDefault();
    },
    { passive: false },
  );
  // Ctrl + wheel (touchpad pinch) and Ctrl + plus/minus/0 zoom the page.
  document.addEventListener(
    'wheel',
    (e) => {
      if (e.ctrlKey) e.preventDefault();
    },
    { passive: false },
  );
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && ['+', '-', '=', '0'].includes(e.key)) e.preventDefault();
  });
  if (new URLSearchParams(location.search).get('cursor') === 'none') {
    document.documentElement.classList.add('no-cursor');
  }
}

/** Characters of an appointment code, as a barcode or QR scanner types them. */
const CODE_CHARACTER = /^[0-9A-Za-z-]$/;

/**
 * A scanner that types like a keyboard: on any screen its first character opens the check-in
 * with that character, the rest follow, Enter checks in. The keypad's digits work as keys too.
 */
function listenForScanner(): void {
  window.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.altKey || e.metaKey || busy.value || !office.value) return;
    const onKeypad = screen.value.kind === 'checkin';
    if (onKeypad && e.key === 'Enter') {
      if (!checkinCode.value) return;
      e.preventDefault();
      void checkIn();
    } else if (onKeypad && e.key === 'Backspace') {
      e.preventDefault();
      deleteCode();
    } else if (CODE_CHARACTER.test(e.key)) {
      e.preventDefault();
      if (onKeypad) typeCode(e.key);
      else openCheckin(e.key);
    }
  });
}

/** Anything but the plain German start screen with nothing chosen: returns there when left alone. */
function awayFromStart(): boolean {
  return (
    screen.value.kind !== 'start' ||
    chosen.value.length > 0 ||
    language.value !== 'de' ||
    largeText.value ||
    highContrast.value
  );
}

/** Anything but the plain German start screen returns there after `kioskResetSeconds` without a touch. */
function startIdleReset(): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('pointerdown', touched, { capture: true, passive: true });
  effect(() => {
    clearTimeout(timer);
    if (!awayFromStart() || busy.value) return;
    const due = lastActivity.value + resetSeconds() * 1000 - Date.now();
    timer = setTimeout(resetKiosk, Math.max(0, due));
  });
}

/** Speech stops when the visitor goes to another screen or language. */
function stopSpeechOnChange(): void {
  let last = '';
  effect(() => {
    const now = `${screen.value.kind}|${language.value}`;
    if (now !== last) {
      last = now;
      stopSpeaking();
    }
  });
}

/** Loads the office, retrying calmly until the server answers. */
async function loadOfficeUntilDone(): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await loadOffice();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** attempt, 10_000)));
    }
  }
}

function startRealtime(): void {
  const socket = connect();
  keepConnected(socket);
  let offlineTimer: ReturnType<typeof setTimeout> | undefined;
  socket.on('connect', () => {
    clearTimeout(offlineTimer);
    offlineTimer = undefined;
    offline.value = false;
    // The configuration may have changed while we were away.
    void loadOffice().catch(() => {});
    void loadCheckinUi().catch(() => {});
    void loadTicketUi().catch(() => {});
  });
  const goingOffline = () => {
    if (offline.value || offlineTimer !== undefined) return;
    offlineTimer = setTimeout(() => {
      offlineTimer = undefined;
      offline.value = true;
    }, OFFLINE_AFTER_MS);
  };
  socket.on('disconnect', goingOffline);
  socket.on('connect_error', goingOffline);
  // Concerns added or changed by the admin: the start screen shows them at once.
  socket.on('office:updated', officeUpdated);
}

harden();
setLanguage('de');
startIdleReset();
stopSpeechOnChange();
listenForScanner();
watchVoices();
void loadOfficeUntilDone().then(() => {
  prefetchTicketUi(500);
  prefetchCheckin();
  // The other five languages' texts, so they are at hand (also offline) when a visitor picks one.
  setTimeout(() => void loadCatalogues().catch(() => {}), 1000);
});
startRealtime();

const root = document.getElementById('app');
if (root) render(<App />, root);
