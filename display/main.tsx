/**
 * The lobby screen: runs 24/7, readable across the room. Shows and announces every call,
 * reconnects by itself and says when it is offline.
 */
import '../ui/base.css';
import './display.css';
import { computed, signal } from '@preact/signals';
import { render } from 'preact';
import { audioBlocked, resumeAudio, unlockAudioOnGesture } from '../ui/audio.ts';
import { applyDocumentLanguage, DEFAULT_LANGUAGE, isLanguage, type Language } from '../ui/i18n.ts';
import { keepConnected } from '../ui/reconnect.ts';
import { connect } from '../ui/socket.ts';
import { Announcer } from './announcer.ts';
import { Clock, CurrentCalls, OpeningHours, RecentCalls, WaitingList } from './Board.tsx';
import { displayMessages, labelLanguage } from './display-messages.ts';
import { called, connected, highlighted, office, offline, recent, startSync, waiting } from './state.ts';

const now = signal(Date.now());

/** Language of the speech. */
const screenLanguage = computed<Language>(() => {
  const lang = office.value?.announcements?.language;
  return isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
});
/** Language of the labels (a subset: German where no catalogue exists). */
const shownLanguage = computed<Language>(() => labelLanguage(screenLanguage.value));

function App() {
  const current = office.value;
  const language = shownLanguage.value;
  const t = displayMessages(language);
  if (!current) {
    return (
      <div class="board board-loading">
        {offline.value && (
          <div class="offline" data-testid="offline" role="status">
            {t.offline}
          </div>
        )}
      </div>
    );
  }
  const stale = offline.value || !connected.value;
  return (
    <div class={stale ? 'board stale' : 'board'}>
      {offline.value && (
        <div class="offline" data-testid="offline" role="status">
          <span class="offline-dot" aria-hidden="true" />
          {t.offline}
        </div>
      )}
      <header class="board-head">
        <h1 class="board-office">{current.name}</h1>
        <OpeningHours office={current} language={language} t={t} />
        <Clock now={now} timeZone={current.timezone} language={language} />
      </header>
      <main class="board-main">
        <CurrentCalls calls={called.value} highlighted={highlighted.value} t={t} />
        <RecentCalls
          calls={recent.value}
          highlighted={highlighted.value}
          timeZone={current.timezone}
          language={language}
          t={t}
        />
      </main>
      <footer class="board-foot">
        <WaitingList waiting={waiting.value} concerns={current.concerns} language={language} t={t} />
      </footer>
      {audioBlocked.value && (
        <button type="button" class="sound-prompt" data-testid="sound-prompt" onClick={() => void resumeAudio()}>
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
          {t.soundPrompt}
        </button>
      )}
    </div>
  );
}

function startClock(): void {
  const tick = () => {
    now.value = Date.now();
    setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
  };
  tick();
}

const announcer = new Announcer({ language: () => screenLanguage.value });
unlockAudioOnGesture();
startClock();
const socket = connect();
keepConnected(socket);
startSync(socket, announcer);

// The document follows the language of its labels.
shownLanguage.subscribe((lang) => applyDocumentLanguage(lang));

const root = document.getElementById('app');
if (root) render(<App />, root);
