/**
 * The lobby screen: runs 24/7, readable across the room. Shows and announces every call,
 * reconnects by itself and says when it is offline. Set up by its URL (see settings.ts):
 * `/display?area=Erdgeschoss&orientation=portrait&distance=6&diagonal=55&lang=en`.
 *
 * Timers: one interval for the clock; everything else is event driven (state.ts, announcer.ts).
 */
import '../ui/base.css';
import './display.css';
import './display-lists.css';
import './display-portrait.css';
import { computed, signal } from '@preact/signals';
import { render } from 'preact';
import { isOpen } from '../core/hours.ts';
import { audioBlocked, resumeAudio, unlockAudioOnGesture } from '../ui/audio.ts';
import { applyDocumentLanguage, DEFAULT_LANGUAGE, isLanguage, type Language } from '../ui/i18n.ts';
import { keepConnected } from '../ui/reconnect.ts';
import { connect } from '../ui/socket.ts';
import { Announcer, speechBlocked, unlockSpeech } from './announcer.ts';
import { type CallsSizing, Clock, CurrentCalls, OpeningHours, RecentCalls, WaitingList } from './Board.tsx';
import { type DisplayMessages, displayMessages } from './display-messages.ts';
import { unknownArea } from './calls.ts';
import {
  DEFAULT_DIAGONAL_IN,
  minNumberFontPx,
  mmPerCssPx,
  orientationOf,
  parseScreenSettings,
  withDeviceSettings,
} from './settings.ts';
import { createScreen } from './state.ts';

const fromUrl = parseScreenSettings(location.search);
const screen = createScreen({
  scope: () => ({ area: settings.value.area, counterIds: settings.value.counterIds }),
  language: () => settings.value.language,
  secondLanguage: () => settings.value.secondLanguage,
});
const { office, called, recent, highlighted, connected, offline, waiting } = screen;
/** The address's settings; on a paired screen, what an admin set for the device wins. */
const settings = computed(() => withDeviceSettings(fromUrl, screen.device.value));

const now = signal(Date.now());
const viewport = signal({ width: window.innerWidth, height: window.innerHeight });

/** Language of labels and speech: the device's or `?lang=`, else the office's announcement language. */
const language = computed<Language>(() => {
  if (settings.value.language) return settings.value.language;
  const lang = office.value?.announcements?.language;
  return isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
});

const orientation = computed(() => orientationOf(settings.value, viewport.value.width, viewport.value.height));

/** Number size from the viewing distance, when `?distance=` is set. */
const sizing = computed<CallsSizing | null>(() => {
  const { distanceM, diagonalIn } = settings.value;
  if (distanceM === null) return null;
  // The physical screen: its size in CSS px (a full-screen kiosk browser: the window's).
  const { width, height } = viewport.value;
  const screenW = Math.max(window.screen?.width ?? 0, width);
  const screenH = Math.max(window.screen?.height ?? 0, height);
  const diagonal = diagonalIn ?? DEFAULT_DIAGONAL_IN;
  return {
    minFontPx: minNumberFontPx(distanceM, diagonal, screenW, screenH),
    distanceM,
    mmPerPx: mmPerCssPx(diagonal, screenW, screenH),
  };
});

/** Whether the office is closed now (App re-renders only when this changes, not every second). */
const closedNow = computed(() => {
  const current = office.value;
  return current ? !isOpen(current.openingHours, current.timezone, now.value) : false;
});

function SoundPrompt({ text }: { text: string }) {
  return (
    <button
      type="button"
      class="sound-prompt"
      data-testid="sound-prompt"
      onClick={() => {
        unlockSpeech();
        void resumeAudio();
      }}
    >
      <svg viewBox="0 0 48 48" aria-hidden="true" focusable="false">
        <path d="M8 18h8l10-8v28l-10-8H8z" fill="currentColor" />
        <path
          d="M32 17c3 4 3 10 0 14M37 12c6 7 6 17 0 24"
          fill="none"
          stroke="currentColor"
          stroke-width="3.5"
          stroke-linecap="round"
        />
      </svg>
      {text}
    </button>
  );
}

/** For whoever set the screen up: the area it asks for has no counters, and which areas exist. */
function UnknownArea({ missing, t }: { missing: { area: string; known: string[] }; t: DisplayMessages }) {
  return (
    <section class="panel current unknown-area" role="alert" data-testid="unknown-area">
      <p class="unknown-area-title">{t.unknownArea(missing.area)}</p>
      {missing.known.length > 0 && <p class="unknown-area-known">{t.knownAreas(missing.known.join(', '))}</p>}
    </section>
  );
}

function App() {
  const current = office.value;
  const lang = language.value;
  const t = displayMessages(lang);
  const offlineMarker = offline.value && (
    <div class="offline" data-testid="offline" role="status">
      <span class="offline-dot" aria-hidden="true" />
      {t.offline}
    </div>
  );
  if (!current) return <div class="board board-loading">{offlineMarker}</div>;
  const stale = offline.value || !connected.value;
  const area = settings.value.area;
  const missingArea = unknownArea(current, area);
  const phone = current.contact?.phone?.trim();
  const closed = closedNow.value;
  const size = sizing.value;
  const classes = ['board', `board-${orientation.value}`, stale ? 'stale' : '', size ? 'board-sized' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={classes} data-testid="board" data-orientation={orientation.value}>
      {offlineMarker}
      <header class="board-head">
        <div class="board-title">
          <h1 class="board-office">{current.name}</h1>
          {area && (
            <p class="board-area" data-testid="board-area">
              {area}
            </p>
          )}
        </div>
        <OpeningHours office={current} language={lang} t={t} />
        <Clock now={now} timeZone={current.timezone} language={lang} />
      </header>
      <main class="board-main">
        {missingArea ? (
          <UnknownArea missing={missingArea} t={t} />
        ) : (
          <CurrentCalls
            calls={called.value}
            highlighted={highlighted.value}
            t={t}
            sizing={size}
            closedNote={closed ? { phone } : null}
          />
        )}
        <RecentCalls
          calls={recent.value}
          highlighted={highlighted.value}
          timeZone={current.timezone}
          language={lang}
          t={t}
        />
      </main>
      <footer class="board-foot">
        <WaitingList
          waiting={waiting.value}
          concerns={current.concerns}
          language={lang}
          t={t}
          columns={orientation.value === 'portrait' ? 3 : 5}
          rows={orientation.value === 'portrait' ? 2 : 1}
        />
      </footer>
      {(audioBlocked.value || speechBlocked.value) && <SoundPrompt text={t.soundPrompt} />}
    </div>
  );
}

const announcer = new Announcer({ volume: fromUrl.volume, rate: fromUrl.rate, voice: fromUrl.voice });
unlockAudioOnGesture(unlockSpeech);
// One interval for the clock (it shows minutes; a second's delay at the turn of a minute is fine).
setInterval(() => {
  now.value = Date.now();
}, 1000);
window.addEventListener('resize', () => {
  viewport.value = { width: window.innerWidth, height: window.innerHeight };
});
const socket = connect();
keepConnected(socket);
screen.start(socket, announcer);

// The document follows the language of its labels (Arabic: right to left) and the layout.
language.subscribe((lang) => applyDocumentLanguage(lang));
orientation.subscribe((o) => {
  document.documentElement.dataset.orientation = o;
});

const root = document.getElementById('app');
if (root) render(<App />, root);
