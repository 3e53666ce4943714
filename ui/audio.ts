/**
 * Sounds synthesised with Web Audio (no files, no network): the lobby screen's gong and the
 * phone page's beep. Browsers start an AudioContext `suspended` until the user touches the page;
 * `unlockAudio` resumes it on the first touch, and `audioBlocked` tells whether to ask for one.
 */
import { signal } from '@preact/signals';

let context: AudioContext | null = null;

/** True while the browser blocks sound (autoplay policy) and a touch is needed. */
export const audioBlocked = signal(false);

function syncState(ctx: AudioContext): void {
  audioBlocked.value = ctx.state !== 'running';
}

/** The one AudioContext of the page, created on first use; null where Web Audio is missing. */
export function audioContext(): AudioContext | null {
  if (context) return context;
  const Ctor =
    window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return null;
  try {
    context = new Ctor();
  } catch {
    return null;
  }
  const ctx = context;
  syncState(ctx);
  ctx.addEventListener('statechange', () => syncState(ctx));
  return ctx;
}

/** Resumes the AudioContext; call from a user gesture. */
export async function resumeAudio(): Promise<boolean> {
  const ctx = audioContext();
  if (!ctx) return false;
  if (ctx.state !== 'running') {
    try {
      await ctx.resume();
    } catch {
      // stays blocked; the prompt remains visible
    }
  }
  syncState(ctx);
  return ctx.state === 'running';
}

/**
 * Creates the AudioContext now and resumes it on the next touch, click or key press anywhere.
 * `onUnlock` runs inside that gesture (e.g. to unlock speech synthesis as well).
 * Returns a function that removes the listeners.
 */
export function unlockAudioOnGesture(onUnlock?: () => void): () => void {
  audioContext();
  const events = ['pointerdown', 'keydown', 'touchend', 'click'] as const;
  const handler = () => {
    onUnlock?.();
    void resumeAudio();
  };
  for (const e of events) window.addEventListener(e, handler, { capture: true, passive: true });
  return () => {
    for (const e of events) window.removeEventListener(e, handler, { capture: true });
  };
}

function tone(
  ctx: AudioContext,
  out: AudioNode,
  frequency: number,
  start: number,
  duration: number,
  peak: number,
  type: OscillatorType = 'sine',
): void {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = type;
  osc.frequency.setValueAtTime(frequency, start);
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(peak, start + 0.015);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + duration);
  osc.connect(gain);
  gain.connect(out);
  osc.start(start);
  osc.stop(start + duration + 0.05);
  osc.onended = () => {
    osc.disconnect();
    gain.disconnect();
  };
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Plays what `draw` schedules (from `t`, through a master gain at `volume`) and resolves after
 * `lastsMs`; resolves at once when sound is blocked or unavailable.
 */
async function play(
  volume: number,
  lastsMs: number,
  draw: (ctx: AudioContext, master: GainNode, t: number) => void,
): Promise<void> {
  const ctx = audioContext();
  if (ctx?.state !== 'running') return;
  const master = ctx.createGain();
  master.gain.value = volume;
  master.connect(ctx.destination);
  draw(ctx, master, ctx.currentTime + 0.02);
  await wait(lastsMs);
  master.disconnect();
}

/**
 * A soft two-note gong (high, then low, with a few partials). Resolves when it has faded
 * (about 1.8 s); resolves at once when sound is blocked or unavailable.
 */
export function playGong(volume = 0.5): Promise<void> {
  return play(volume, 2300, (ctx, master, t) => {
    for (const [base, at] of [
      [659.25, 0],
      [523.25, 0.6],
    ] as const) {
      tone(ctx, master, base, t + at, 1.6, 0.5);
      tone(ctx, master, base * 2, t + at, 0.9, 0.15);
      tone(ctx, master, base * 2.76, t + at, 0.5, 0.05);
    }
  });
}

/** Three short beeps for the phone page. Resolves when done; at once when sound is blocked. */
export function playBeep(volume = 0.6): Promise<void> {
  return play(volume, 1000, (ctx, master, t) => {
    for (let i = 0; i < 3; i++) tone(ctx, master, 880, t + i * 0.3, 0.2, 0.6, 'square');
  });
}

/**
 * Plays encoded audio (a WAV from the server) through the page's AudioContext, so it is allowed
 * whenever the gong is. Resolves true when it has played to the end, false when sound is blocked
 * or the data cannot be decoded.
 */
export async function playClip(data: ArrayBuffer, volume = 1): Promise<boolean> {
  const ctx = audioContext();
  if (ctx?.state !== 'running') return false;
  let buffer: AudioBuffer;
  try {
    buffer = await ctx.decodeAudioData(data);
  } catch {
    return false;
  }
  const gain = ctx.createGain();
  gain.gain.value = volume;
  gain.connect(ctx.destination);
  const source = ctx.createBufferSource();
  source.buffer = buffer;
  source.connect(gain);
  await new Promise<void>((resolve) => {
    const guard = setTimeout(resolve, buffer.duration * 1000 + 2000);
    source.onended = () => {
      clearTimeout(guard);
      resolve();
    };
    source.start();
  });
  source.disconnect();
  gain.disconnect();
  return true;
}
