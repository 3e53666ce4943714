/**
 * The server's voice for a screen whose browser has none for the announcement language: the
 * server renders the office's own announcement of a call (`GET /api/speech`, espeak-ng) and the
 * screen plays it through its AudioContext, like the gong. When the server has no voice either
 * (`503 SPEECH_UNAVAILABLE`) or the network fails, the gong and the call on screen remain.
 */
import { playClip } from '../ui/audio.ts';
import type { Language } from '../ui/i18n.ts';

/** The call whose announcement the server renders. */
export interface ServerVoiceCall {
  number: string;
  counterId: string;
}

const FETCH_TIMEOUT_MS = 12_000;

export function serverVoiceUrl(call: ServerVoiceCall, language: Language, rate = 1): string {
  const query = new URLSearchParams({ number: call.number, counter: call.counterId, lang: language });
  if (rate !== 1) query.set('rate', String(rate));
  return `/api/speech?${query.toString()}`;
}

/** Fetches and plays the server's rendering; true when it played. */
export async function speakWithServer(
  call: ServerVoiceCall,
  language: Language,
  options: { rate?: number; volume?: number } = {},
): Promise<boolean> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), FETCH_TIMEOUT_MS);
  try {
    const response = await fetch(serverVoiceUrl(call, language, options.rate), { signal: abort.signal });
    if (!response.ok) return false;
    const data = await response.arrayBuffer();
    clearTimeout(timer);
    return await playClip(data, options.volume ?? 1);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
