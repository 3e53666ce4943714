/**
 * The server's voice: announcement texts rendered to WAV with espeak-ng (an offline Debian
 * package), for lobby screens whose browser has no voice for the announcement language.
 *
 * - espeak-ng runs as a child process without a shell; the text goes to its standard input, so
 *   no text can become an option or a command. Texts are bounded (`MAX_TEXT`), each run is killed
 *   after `RENDER_TIMEOUT_MS`, its output is bounded (`MAX_WAV_BYTES`), at most `MAX_RUNNING` run
 *   at once and at most `MAX_WAITING` wait for their turn (more are refused as busy).
 * - Results are cached per voice, speed and text (least recently used first out, bounded in
 *   count and bytes); the same text asked twice at once is rendered once.
 * - Only texts the server itself produces reach this module (see `http/speech-routes.ts`).
 */
import { spawn } from 'node:child_process';
import type { Language } from '../core/types.ts';
import { logger } from './logger.ts';

const log = logger('speech');

export const MAX_TEXT = 300;
const RENDER_TIMEOUT_MS = 10_000;
const MAX_WAV_BYTES = 4 * 1024 * 1024;
const MAX_RUNNING = 2;
const MAX_WAITING = 16;
const CACHE_ENTRIES = 200;
const CACHE_BYTES = 48 * 1024 * 1024;

/** espeak-ng's voice per language. */
export const ESPEAK_VOICES: Record<Language, string> = {
  de: 'de',
  en: 'en-gb',
  tr: 'tr',
  ar: 'ar',
  uk: 'uk',
  ru: 'ru',
};

/** espeak-ng's words per minute at rate 1. */
const BASE_WPM = 150;

export type SpeechError = 'unavailable' | 'busy';

export class SpeechRenderError extends Error {
  constructor(readonly reason: SpeechError) {
    super(reason);
  }
}

export interface SpeechRenderer {
  /** WAV bytes of `text` in `language` at `rate` (0.5–2). Rejects with `SpeechRenderError`. */
  render(text: string, language: Language, rate: number): Promise<Buffer>;
}

export function createSpeechRenderer(binary = process.env.LOTSE_ESPEAK ?? 'espeak-ng'): SpeechRenderer {
  const cache = new Map<string, Buffer>();
  let cachedBytes = 0;
  const inFlight = new Map<string, Promise<Buffer>>();
  let running = 0;
  const waiting: (() => void)[] = [];
  /** A slot to run espeak-ng in; a finished run hands its slot to the next waiting one. */
  const acquire = async () => {
    if (running < MAX_RUNNING) {
      running++;
      return;
    }
    if (waiting.length >= MAX_WAITING) throw new SpeechRenderError('busy');
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  const remember = (key: string, wav: Buffer) => {
    cache.set(key, wav);
    cachedBytes += wav.length;
    for (const [oldKey, old] of cache) {
      if (cache.size <= CACHE_ENTRIES && cachedBytes <= CACHE_BYTES) break;
      cache.delete(oldKey);
      cachedBytes -= old.length;
    }
  };

  const run = (text: string, language: Language, rate: number): Promise<Buffer> =>
    new Promise<Buffer>((resolve, reject) => {
      const speed = String(Math.round(BASE_WPM * rate));
      const child = spawn(binary, ['-v', ESPEAK_VOICES[language], '-s', speed, '--stdout'], {
        stdio: ['pipe', 'pipe', 'ignore'],
        shell: false,
      });
      const chunks: Buffer[] = [];
      let size = 0;
      let settled = false;
      const finish = (error: SpeechRenderError | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) {
          child.kill('SIGKILL');
          reject(error);
        } else resolve(Buffer.concat(chunks));
      };
      const timer = setTimeout(() => finish(new SpeechRenderError('unavailable')), RENDER_TIMEOUT_MS);
      child.on('error', (err: NodeJS.ErrnoException) => {
        log.warn({ code: err.code }, 'espeak-ng could not be started');
        finish(new SpeechRenderError('unavailable'));
      });
      child.stdout.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_WAV_BYTES) return finish(new SpeechRenderError('unavailable'));
        chunks.push(chunk);
      });
      child.on('close', (code) => {
        if (code === 0 && size > 44) finish(null);
        else finish(new SpeechRenderError('unavailable'));
      });
      child.stdin.on('error', () => undefined);
      child.stdin.end(`${text.replace(/\s+/g, ' ').slice(0, MAX_TEXT)}\n`);
    });

  return {
    async render(text, language, rate) {
      const key = `${language}|${rate}|${text}`;
      const hit = cache.get(key);
      if (hit) {
        // Most recently used: to the end of the order.
        cache.delete(key);
        cache.set(key, hit);
        return hit;
      }
      const pending = inFlight.get(key);
      if (pending) return pending;
      const work = (async () => {
        try {
          await acquire();
        } catch (error) {
          inFlight.delete(key);
          throw error;
        }
        try {
          const wav = await run(text, language, rate);
          remember(key, wav);
          return wav;
        } finally {
          release();
          inFlight.delete(key);
        }
      })();
      inFlight.set(key, work);
      return work;
    },
  };
}
