/**
 * The kiosk at the entrance: the visitor picks a concern (in one of six languages) and gets a
 * ticket on screen with a QR code for the phone. Returns to its start screen when left alone.
 */
import '../ui/base.css';
import './kiosk.css';
import { effect } from '@preact/signals';
import { type ComponentChildren, render } from 'preact';
import { keepConnected } from '../ui/reconnect.ts';
import { connect } from '../ui/socket.ts';
import { InfoScreen } from './InfoScreen.tsx';
import { NoticeScreen, WaitOverlay } from './NoticeScreen.tsx';
import { StartScreen } from './StartScreen.tsx';
import {
  busy,
  chooseConcern,
  language,
  largeText,
  lastActivity,
  loadOffice,
  office,
  offline,
  reconnecting,
  resetKiosk,
  screen,
  setLanguage,
  setLargeText,
} from './state.ts';
import { TicketScreen } from './TicketScreen.tsx';

const DEFAULT_RESET_SECONDS = 30;
/** A short drop of the realtime link is not worth a message. */
const OFFLINE_AFTER_MS = 4000;

function resetSeconds(): number {
  const s = office.value?.kioskResetSeconds;
  return typeof s === 'number' && s > 0 ? s : DEFAULT_RESET_SECONDS;
}

function App() {
  const current = office.value;
  const lang = language.value;
  if (!current) return <WaitOverlay language={lang} mode="offline" />;
  const view = screen.value;
  const common = { language: lang, resetSeconds: resetSeconds(), lastActivity: lastActivity.value, onBack: resetKiosk };
  let page: ComponentChildren;
  switch (view.kind) {
    case 'ticket':
      page = (
        <TicketScreen
          ticket={view.ticket}
          {...(view.print ? { print: view.print } : {})}
          office={current}
          phoneUrl={location.origin + view.ticket.statusUrl}
          {...common}
          onDone={resetKiosk}
        />
      );
      break;
    case 'info':
      page = <InfoScreen concern={view.concern} url={view.concern.infoUrl ?? ''} {...common} />;
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
          {...common}
          onRetry={() => void chooseConcern(view.concern)}
        />
      );
      break;
    default:
      page = (
        <StartScreen
          office={current}
          language={lang}
          busy={busy.value}
          largeText={largeText.value}
          onChoose={(concern) => void chooseConcern(concern)}
          onLanguage={(next) => {
            lastActivity.value = Date.now();
            setLanguage(next);
          }}
          onLargeText={(on) => {
            lastActivity.value = Date.now();
            setLargeText(on);
          }}
        />
      );
  }
  return (
    <>
      {page}
      {/* Offline covers only the start screen: a ticket on screen stays readable. */}
      {(busy.value || reconnecting.value || (offline.value && view.kind === 'start')) && (
        <WaitOverlay language={lang} mode={reconnecting.value || offline.value ? 'offline' : 'busy'} />
      )}
    </>
  );
}

/** No selection, no context menu, no pinch zoom, no dragging: a kiosk is not a web page. */
function harden(): void {
  const stop = (e: Event) => e.preventDefault();
  for (const type of ['contextmenu', 'selectstart', 'dragstart', 'gesturestart']) {
    document.addEventListener(type, stop);
  }
  document.addEventListener(
    'touchmove',
    (e) => {
      if (e.touches.length > 1) e.preventDefault();
    },
    { passive: false },
  );
}

/** Anything but the German start screen returns there after `kioskResetSeconds` without a touch. */
function startIdleReset(): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('pointerdown', () => (lastActivity.value = Date.now()), { capture: true, passive: true });
  effect(() => {
    clearTimeout(timer);
    const away = screen.value.kind !== 'start' || language.value !== 'de' || largeText.value;
    if (!away || busy.value) return;
    const due = lastActivity.value + resetSeconds() * 1000 - Date.now();
    timer = setTimeout(resetKiosk, Math.max(0, due));
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
  socket.on('office:updated', (next) => {
    office.value = next;
  });
}

harden();
setLanguage('de');
startIdleReset();
void loadOfficeUntilDone();
startRealtime();

const root = document.getElementById('app');
if (root) render(<App />, root);
