/**
 * Announcements of the lobby screen: for each call and recall a gong, then speech, strictly one
 * after another, never one swallowing another.
 *
 * - Speech uses the browser's own voices, local ones first; when a voice fails (an online voice
 *   without network) the next one is tried, so no online speech service is needed. Without any
 *   voice the gong and the screen still tell.
 * - A watchdog ends every announcement after at most `ITEM_WATCHDOG_MS`, so a stuck utterance
 *   (engines that never fire `end`) never blocks the queue.
 * - Each call `seq` is announced at most once.
 * - When the browser refuses speech without a touch (`not-allowed`), `speechBlocked` turns true
 *   and the screen asks for a touch, like for the gong (`audioBlocked`).
 *
 * Test hooks: `window.__lotseAnnouncements` lists the texts announced so far;
 * `window.__lotseAnnouncementLog` the same with seq, timing and the speech outcome (both capped).
 */
import { signal } from '@preact/signals';
import type { CallView, OfficePublic } from '../core/api.ts';
import { announcementText as coreAnnouncementText, DEFAULT_TEMPLATES } from '../core/announcement.ts';
import { playGong } from '../ui/audio.ts';
import { LOCALES, type Language } from '../ui/i18n.ts';
import { voiceCandidates } from '../ui/voices.ts';
import type { VoiceChoice } from './settings.ts';
import { type ServerVoiceCall, speakWithServer } from './server-voice.ts';

/** `server`: spoken by the server's voice (the browser had none that worked). */
export type SpeechOutcome = 'spoken' | 'server' | 'failed' | 'no-voice' | 'timeout' | 'blocked' | 'unsupported';

export interface SpokenPart {
  text: string;
  language: Language;
}

export interface Announcement {
  seq: number;
  text: string;
  language: Language;
  recall: boolean;
  /** The call, so the server's voice can say it where the browser has no voice. */
  call?: ServerVoiceCall;
  /** Said after `text`: the same call in the screen's second language. */
  more?: SpokenPart[];
}

export interface AnnouncementRecord extends Announcement {
  /** `Date.now()` when queued, when the gong started, when it was over. */
  queuedAt: number;
  startedAt?: number;
  endedAt?: number;
  /** Outcome of the first language's speech; `speeches`: of every part, in order. */
  speech?: SpeechOutcome;
  speeches?: SpeechOutcome[];
}

declare global {
  interface Window {
    __lotseAnnouncements?: string[];
    __lotseAnnouncementLog?: AnnouncementRecord[];
  }
}

/** True when the browser refused speech until someone touches the screen. */
export const speechBlocked = signal(false);

/** Announcements waiting to be played; beyond this the oldest are dropped (minutes of backlog). */
const QUEUE_CAP = 30;
/** Entries kept in the test hooks. */
const LOG_CAP = 50;
/** Seqs remembered to never announce one twice. */
const SEEN_CAP = 200;
const PAUSE_MS = 700;
/** No announcement takes longer than this, whatever the engines do. */
export const ITEM_WATCHDOG_MS = 20_000;
/** Voices tried per announcement. */
const MAX_VOICE_TRIES = 3;

export { DEFAULT_TEMPLATES };

type TextOffice = Pick<OfficePublic, 'announcements'> & Partial<Pick<OfficePublic, 'counters'>>;

/**
 * "Nummer W siebzehn, bitte zu Platz zwei." in `language` (default: the office's announcement
 * language), with the office's wording and the counters' pronunciation (see core/announcement.ts).
 */
export function announcementText(
  office: TextOffice | null,
  call: Pick<CallView, 'number' | 'counterName'> & Partial<Pick<CallView, 'counterId'>>,
  language: Language = office?.announcements?.language ?? 'de',
): string {
  return coreAnnouncementText(office, call, language);
}

export { voiceCandidates };

function speechSynth(): SpeechSynthesis | undefined {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined'
    ? window.speechSynthesis
    : undefined;
}

/** One utterance with one voice (or the engine's default); resolves with its outcome, never hangs. */
function speakOnce(
  synth: SpeechSynthesis,
  text: string,
  language: Language,
  voice: SpeechSynthesisVoice | null,
  tone: VoiceTone,
): Promise<SpeechOutcome> {
  return new Promise<SpeechOutcome>((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = voice?.lang ?? LOCALES[language];
    if (voice) utterance.voice = voice;
    utterance.rate = 0.9 * tone.rate;
    utterance.volume = tone.volume;
    let finished = false;
    const finish = (outcome: SpeechOutcome) => {
      if (finished) return;
      finished = true;
      clearTimeout(guard);
      utterance.onend = null;
      utterance.onerror = null;
      resolve(outcome);
    };
    // Some engines never fire `end` (no voice, audio device gone): cancel and go on.
    const guard = setTimeout(
      () => {
        synth.cancel();
        finish('timeout');
      },
      4000 + (text.length * 120) / tone.rate,
    );
    utterance.onend = () => finish('spoken');
    utterance.onerror = (event) => {
      if (event.error === 'not-allowed') {
        speechBlocked.value = true;
        finish('blocked');
      } else finish('failed');
    };
    try {
      // A left-over utterance (or Chrome's stuck `paused` state) would hold ours back.
      if (synth.speaking || synth.pending) synth.cancel();
      synth.resume();
      synth.speak(utterance);
    } catch {
      finish('failed');
    }
  });
}

/** Loudness (0–1) and speed (0.5–2, 1 = normal) of the speech. */
export interface VoiceTone {
  volume: number;
  rate: number;
}

const VOICE_LIST_WAIT_MS = 2000;
let voiceListSettled = false;

/** Chromium fills its voice list late: wait for it once (at most `VOICE_LIST_WAIT_MS`). */
async function loadedVoices(synth: SpeechSynthesis): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices();
  if (now.length > 0 || voiceListSettled) return now;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, VOICE_LIST_WAIT_MS);
    function done() {
      clearTimeout(timer);
      synth.removeEventListener?.('voiceschanged', done);
      resolve();
    }
    synth.addEventListener?.('voiceschanged', done);
  });
  voiceListSettled = true;
  return synth.getVoices();
}

/**
 * Speaks `text` with the browser's voices, trying the next voice when one fails. Without any
 * voice for `language`: `no-voice` at once when `fallback` (the server's voice) can take over,
 * else one try with the engine's default voice.
 */
async function speakWithBrowser(
  text: string,
  language: Language,
  tone: VoiceTone,
  fallback: boolean,
): Promise<SpeechOutcome> {
  const synth = speechSynth();
  if (!synth) return 'unsupported';
  const voices = voiceCandidates(await loadedVoices(synth), language).slice(0, MAX_VOICE_TRIES);
  if (voices.length === 0) {
    if (fallback) return 'no-voice';
    const outcome = await speakOnce(synth, text, language, null, tone);
    return outcome === 'failed' ? 'no-voice' : outcome;
  }
  let outcome: SpeechOutcome = 'failed';
  for (const voice of voices) {
    outcome = await speakOnce(synth, text, language, voice, tone);
    if (outcome !== 'failed') return outcome;
  }
  return outcome;
}

/**
 * The screen's speech: the browser's voice, and the server's where the browser has none that
 * works for the language (`voice` = `auto`); only one of them with `server` or `browser`.
 */
export async function speakPart(
  part: SpokenPart,
  call: ServerVoiceCall | undefined,
  tone: VoiceTone,
  voice: VoiceChoice = 'auto',
): Promise<SpeechOutcome> {
  const server = async (otherwise: SpeechOutcome) =>
    call && (await speakWithServer(call, part.language, tone)) ? 'server' : otherwise;
  if (voice === 'server' && call) return server('no-voice');
  const canFallBack = voice === 'auto' && call !== undefined;
  const outcome = await speakWithBrowser(part.text, part.language, tone, canFallBack);
  if (outcome === 'spoken' || outcome === 'blocked' || !canFallBack) return outcome;
  return server(outcome);
}

/** Call from a touch: lets the browser speak from now on (it may require a gesture once). */
export function unlockSpeech(): void {
  const synth = speechSynth();
  if (!synth) return;
  try {
    const silent = new SpeechSynthesisUtterance(' ');
    silent.volume = 0;
    synth.speak(silent);
  } catch {
    // nothing to unlock
  }
  speechBlocked.value = false;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves when `work` ends or after `ms`, whichever is first; clears its timer either way. */
function withWatchdog(work: Promise<unknown>, ms: number, onTimeout: () => void): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watchdog = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      onTimeout();
      resolve();
    }, ms);
  });
  return Promise.race([
    work.then(
      () => undefined,
      () => undefined,
    ),
    watchdog,
  ]).finally(() => clearTimeout(timer));
}

export interface AnnouncerOptions {
  /** Called when an announcement starts and when the queue runs empty (for the screen). */
  onSpeaking?: (text: string | null) => void;
  /** Plays the gong; default `playGong` (Web Audio, synthesised). */
  gong?: () => Promise<void>;
  /** Speaks; default `speakPart` (the browser's voice, else the server's). */
  speak?: (text: string, language: Language, call?: ServerVoiceCall) => Promise<SpeechOutcome>;
  /** Loudness of gong and speech (0–1, default 1) and speed of speech (0.5–2, default 1). */
  volume?: number;
  rate?: number;
  /** Whose voice speaks (see settings.ts); default `auto`. */
  voice?: VoiceChoice;
  /** Pause after each announcement. */
  pauseMs?: number;
  watchdogMs?: number;
}

/** What the screen's state needs of an announcer (a fake in unit tests). */
export interface AnnouncerLike {
  announce(item: Announcement): boolean;
  /** The server's sequence started over (fresh data): forget the seqs seen. */
  reset(): void;
}

export class Announcer implements AnnouncerLike {
  private readonly queue: AnnouncementRecord[] = [];
  private readonly seen = new Set<number>();
  private readonly seenOrder: number[] = [];
  private running = false;
  readonly log: string[];
  readonly records: AnnouncementRecord[];

  constructor(private readonly options: AnnouncerOptions = {}) {
    if (typeof window !== 'undefined') {
      this.log = window.__lotseAnnouncements ?? [];
      window.__lotseAnnouncements = this.log;
      this.records = window.__lotseAnnouncementLog ?? [];
      window.__lotseAnnouncementLog = this.records;
      // Chrome loads its voice list on first request.
      speechSynth()?.getVoices();
    } else {
      this.log = [];
      this.records = [];
    }
  }

  /** Queues one announcement after all earlier ones. False (and nothing queued) when `seq` was announced already. */
  announce(item: Announcement): boolean {
    if (this.seen.has(item.seq)) return false;
    this.seen.add(item.seq);
    this.seenOrder.push(item.seq);
    if (this.seenOrder.length > SEEN_CAP) this.seen.delete(this.seenOrder.shift() as number);
    this.queue.push({ ...item, queuedAt: Date.now() });
    if (this.queue.length > QUEUE_CAP) this.queue.splice(0, this.queue.length - QUEUE_CAP);
    if (!this.running) void this.run();
    return true;
  }

  reset(): void {
    this.seen.clear();
    this.seenOrder.length = 0;
  }

  get pending(): number {
    return this.queue.length;
  }

  get busy(): boolean {
    return this.running;
  }

  /** `gaveUp` turns true when the watchdog ended this announcement. */
  private async play(record: AnnouncementRecord, gaveUp: () => boolean): Promise<void> {
    const volume = this.options.volume ?? 1;
    const tone: VoiceTone = { volume, rate: this.options.rate ?? 1 };
    await (this.options.gong ?? (() => playGong(0.5 * volume)))();
    const speakOne =
      this.options.speak ??
      ((text: string, language: Language, call?: ServerVoiceCall) =>
        speakPart({ text, language }, call, tone, this.options.voice));
    const parts: SpokenPart[] = [{ text: record.text, language: record.language }, ...(record.more ?? [])];
    for (const part of parts) {
      // The watchdog gave up on this one already: do not talk over the next announcement.
      if (gaveUp()) return;
      const outcome = await speakOne(part.text, part.language, record.call);
      if (gaveUp()) return;
      record.speech ??= outcome;
      record.speeches = [...(record.speeches ?? []), outcome];
    }
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      for (let record = this.queue.shift(); record !== undefined; record = this.queue.shift()) {
        record.startedAt = Date.now();
        this.log.push(record.text);
        this.records.push(record);
        if (this.log.length > LOG_CAP) this.log.splice(0, this.log.length - LOG_CAP);
        if (this.records.length > LOG_CAP) this.records.splice(0, this.records.length - LOG_CAP);
        this.options.onSpeaking?.(record.text);
        const current = record;
        let over = false;
        const watchdogMs = (this.options.watchdogMs ?? ITEM_WATCHDOG_MS) * (1 + (record.more?.length ?? 0));
        await withWatchdog(
          this.play(record, () => over),
          watchdogMs,
          () => {
            over = true;
            current.speech = 'timeout';
            speechSynth()?.cancel();
          },
        );
        record.endedAt = Date.now();
        await sleep(this.options.pauseMs ?? PAUSE_MS);
      }
    } finally {
      this.running = false;
      this.options.onSpeaking?.(null);
    }
  }
}
