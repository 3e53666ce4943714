/**
 * Announcements of the lobby screen: for each call a gong, then speech, strictly one after
 * another, never one swallowing another. Speech uses the browser's own voices (preferring
 * voices that work offline), so no online speech service is needed.
 *
 * Test hook: `window.__lotseAnnouncements` lists the texts announced so far (capped).
 */
import type { CallView, OfficePublic } from '../core/api.ts';
import { spokenTicketNumber } from '../core/numbering.ts';
import { playGong } from '../ui/audio.ts';
import { fill, LOCALES, type Language, pick } from '../ui/i18n.ts';

declare global {
  interface Window {
    __lotseAnnouncements?: string[];
  }
}

/** Announcements waiting to be played; beyond this the oldest are dropped (hours of backlog). */
const QUEUE_CAP = 30;
/** Texts kept in the test hook. */
const LOG_CAP = 50;
const PAUSE_MS = 700;

const FALLBACK_TEMPLATE = 'Nummer {number}, bitte zu {counter}.';

/** "Nummer W 17, bitte zu Platz 2." */
export function announcementText(
  office: Pick<OfficePublic, 'announcements'> | null,
  call: Pick<CallView, 'number' | 'counterName'>,
): string {
  const language = office?.announcements?.language ?? 'de';
  const template = pick(office?.announcements?.templates, language, FALLBACK_TEMPLATE);
  return fill(template, { number: spokenTicketNumber(call.number), counter: call.counterName });
}

function pickVoice(language: Language): SpeechSynthesisVoice | null {
  const voices = window.speechSynthesis.getVoices();
  const tag = LOCALES[language].toLowerCase();
  const matching = voices.filter((v) => v.lang.toLowerCase().replace('_', '-').startsWith(language));
  const exact = matching.filter((v) => v.lang.toLowerCase().replace('_', '-') === tag);
  const ordered = [
    ...exact.filter((v) => v.localService),
    ...matching.filter((v) => v.localService),
    ...exact,
    ...matching,
  ];
  return ordered[0] ?? null;
}

/** Speaks `text`; resolves when done, failed, or after a safety timeout. */
function speak(text: string, language: Language): Promise<void> {
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return Promise.resolve();
  return new Promise<void>((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = LOCALES[language];
    const voice = pickVoice(language);
    if (voice) utterance.voice = voice;
    utterance.rate = 0.9;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(guard);
      utterance.onend = null;
      utterance.onerror = null;
      resolve();
    };
    // Some engines never fire `end` (no voice installed, audio blocked): never hang the queue.
    const guard = setTimeout(
      () => {
        synth.cancel();
        finish();
      },
      4000 + text.length * 120,
    );
    utterance.onend = finish;
    utterance.onerror = finish;
    try {
      if (synth.speaking || synth.pending) synth.cancel();
      synth.speak(utterance);
    } catch {
      finish();
    }
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface AnnouncerOptions {
  /** Language of the speech (the screen's language). */
  language: () => Language;
  /** Called when an announcement starts and when the queue runs empty (for the screen). */
  onSpeaking?: (text: string | null) => void;
}

export class Announcer {
  private readonly queue: string[] = [];
  private running = false;
  readonly log: string[];

  constructor(private readonly options: AnnouncerOptions) {
    this.log = window.__lotseAnnouncements ?? [];
    window.__lotseAnnouncements = this.log;
  }

  /** Queues one announcement; it plays after all earlier ones. */
  announce(text: string): void {
    this.queue.push(text);
    if (this.queue.length > QUEUE_CAP) this.queue.splice(0, this.queue.length - QUEUE_CAP);
    if (!this.running) void this.run();
  }

  get pending(): number {
    return this.queue.length;
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      for (let text = this.queue.shift(); text !== undefined; text = this.queue.shift()) {
        this.log.push(text);
        if (this.log.length > LOG_CAP) this.log.splice(0, this.log.length - LOG_CAP);
        this.options.onSpeaking?.(text);
        try {
          await playGong();
          await speak(text, this.options.language());
        } catch {
          // a failing sound must not stop the next announcement
        }
        await sleep(PAUSE_MS);
      }
    } finally {
      this.running = false;
      this.options.onSpeaking?.(null);
    }
  }
}
