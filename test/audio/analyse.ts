/**
 * What a recording holds: `sox` turns the WAV into 8 kHz mono samples; windows of 100 ms are
 * sound or silence by their level, and a sounding window is the gong when nearly all its energy
 * lies on the gong's partials (the two notes of `ui/audio.ts` and their overtones), else speech
 * (a voice spreads its energy over many frequencies). Blocks of sound give segments; silences
 * shorter than a bridge are closed (pauses between words), very short clicks are dropped.
 */
import { spawnSync } from 'node:child_process';

export const RATE = 8000;
const WINDOW = 800; // 100 ms
const HOP = 400; // 50 ms
const HOP_S = HOP / RATE;
/** Below this RMS level (about -48 dBFS) a window is silence. */
const SILENCE_RMS = 0.004;
/** Share of a window's energy on the gong's partials above which it is the gong. */
const GONG_SHARE = 0.35;
/** Silence that separates two blocks of sound. */
const BLOCK_GAP_S = 0.25;
const GONG_PARTIALS = [659.25, 523.25, 659.25 * 2, 523.25 * 2, 659.25 * 2.76, 523.25 * 2.76];
const BRIDGE_S: Record<Kind, number> = { gong: 0.5, speech: 0.6, beep: 0.35 };
/** Shorter runs are clicks or glitches (an audio buffer running late), not sound of their own. */
const MIN_SEGMENT_S: Record<Kind, number> = { gong: 0.15, speech: 0.3, beep: 0.06 };

export type Kind = 'gong' | 'speech' | 'beep';

export interface Segment {
  kind: Kind;
  start: number;
  end: number;
}

export interface Heard {
  /** Gong start, and the speech that followed it before the next gong (seconds). */
  gongStart: number;
  gongEnd: number;
  speechStart: number | null;
  speechEnd: number | null;
  /** Seconds of speech (from its first sound to its last). */
  speech: number;
}

export function readSamples(path: string): Float32Array {
  const out = spawnSync(
    'sox',
    [path, '-t', 'raw', '-e', 'signed-integer', '-b', '16', '-c', '1', '-r', String(RATE), '-'],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  if (out.status !== 0) throw new Error(`sox could not read ${path}: ${String(out.stderr)}`);
  const raw = out.stdout as Buffer;
  const samples = new Float32Array(Math.floor(raw.length / 2));
  for (let i = 0; i < samples.length; i++) samples[i] = raw.readInt16LE(i * 2) / 32768;
  return samples;
}

/** Seconds of sound in the file by sox's own measure (`stat`): the RMS level, as a cross-check. */
export function soxRms(path: string): number {
  const out = spawnSync('sox', [path, '-n', 'stat'], { encoding: 'utf8' });
  const match = /RMS\s+amplitude:\s+([\d.]+)/.exec(out.stderr ?? '');
  return match ? Number(match[1]) : 0;
}

const hann = Float32Array.from({ length: WINDOW }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (WINDOW - 1)));

/** Power of one frequency in a windowed frame (Goertzel). */
function goertzel(frame: Float32Array, frequency: number): number {
  const k = (2 * Math.PI * frequency) / RATE;
  const coeff = 2 * Math.cos(k);
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < frame.length; i++) {
    const s = (frame[i] as number) + coeff * s1 - s2;
    s2 = s1;
    s1 = s;
  }
  return s1 * s1 + s2 * s2 - coeff * s1 * s2;
}

/** Per 50 ms step: null (silence), or the share of energy on the gong's partials. */
export function windows(samples: Float32Array): (number | null)[] {
  const out: (number | null)[] = [];
  const frame = new Float32Array(WINDOW);
  const hannEnergy = hann.reduce((a, w) => a + w * w, 0);
  for (let at = 0; at + WINDOW <= samples.length; at += HOP) {
    let energy = 0;
    for (let i = 0; i < WINDOW; i++) {
      const x = samples[at + i] as number;
      energy += x * x;
      frame[i] = x * (hann[i] as number);
    }
    const rms = Math.sqrt(energy / WINDOW);
    if (rms < SILENCE_RMS) {
      out.push(null);
      continue;
    }
    // A sine of amplitude A on an exact bin gives |X|² = (A·Σw/2)²; the frame's windowed energy
    // is A²/2·Σw²: their ratio, scaled to 1 for a pure partial, measures the share.
    const sumW = WINDOW / 2;
    let windowed = 0;
    for (let i = 0; i < WINDOW; i++) windowed += (frame[i] as number) ** 2;
    let tonal = 0;
    for (const f of GONG_PARTIALS) tonal += goertzel(frame, f);
    const share = (tonal * 2 * hannEnergy) / (sumW * sumW * windowed || 1);
    out.push(Math.min(1, share));
  }
  return out;
}

/**
 * Sound segments: gong or speech. Sound is first cut into blocks at silences of more than
 * `BLOCK_GAP_S`; a block is the gong when its windows hold on average most of their energy on
 * the gong's partials (a glitch at the gong's start, a late audio buffer, may smear single
 * windows). A gong and speech played over each other make one block: counted wrong, as they should.
 */
export function segments(samples: Float32Array): Segment[] {
  const shares = windows(samples);
  const blocks: { start: number; end: number; shares: number[] }[] = [];
  shares.forEach((share, i) => {
    if (share === null) return;
    const start = i * HOP_S;
    const last = blocks.at(-1);
    if (last && start - last.end <= BLOCK_GAP_S) {
      last.end = start + HOP_S;
      last.shares.push(share);
    } else blocks.push({ start, end: start + HOP_S, shares: [share] });
  });
  const kept = blocks
    .map((b): Segment => {
      const mean = b.shares.reduce((x, y) => x + y, 0) / b.shares.length;
      return { kind: mean >= GONG_SHARE ? 'gong' : 'speech', start: b.start, end: b.end };
    })
    .filter((r) => r.end - r.start >= MIN_SEGMENT_S[r.kind]);
  // Neighbours of one kind (speech with a pause at a comma) join.
  const joined: Segment[] = [];
  for (const r of kept) {
    const last = joined.at(-1);
    if (last && last.kind === r.kind && r.start - last.end <= BRIDGE_S[r.kind]) last.end = r.end;
    else joined.push({ ...r });
  }
  return joined;
}

/** Announcements heard: each gong with the speech that followed it; speech before any gong is returned apart. */
export function announcements(found: Segment[]): { heard: Heard[]; speechWithoutGong: Segment[] } {
  const heard: Heard[] = [];
  const speechWithoutGong: Segment[] = [];
  for (const s of found) {
    const current = heard.at(-1);
    if (s.kind === 'gong') {
      heard.push({ gongStart: s.start, gongEnd: s.end, speechStart: null, speechEnd: null, speech: 0 });
    } else if (s.kind === 'speech') {
      if (!current) speechWithoutGong.push(s);
      else {
        current.speechStart ??= s.start;
        current.speechEnd = s.end;
        current.speech = current.speechEnd - current.speechStart;
      }
    }
  }
  return { heard, speechWithoutGong };
}

/** Beeps of `frequency` (a square wave): 20 ms windows, so the short gaps between beeps stay apart. */
export function beeps(samples: Float32Array, frequency: number): Segment[] {
  const size = 160;
  const out: Segment[] = [];
  const frame = new Float32Array(size);
  for (let at = 0; at + size <= samples.length; at += size) {
    let energy = 0;
    for (let j = 0; j < size; j++) {
      const x = samples[at + j] as number;
      energy += x * x;
      frame[j] = x;
    }
    if (Math.sqrt(energy / size) < SILENCE_RMS) continue;
    // |X|² of a sine on its bin is (A·N/2)², its energy A²·N/2: share = 2|X|² / (N · energy).
    const share = (2 * goertzel(frame, frequency)) / (size * energy || 1);
    if (share < 0.2) continue;
    const start = at / RATE;
    const end = (at + size) / RATE;
    const last = out.at(-1);
    if (last && start - last.end <= 0.03) last.end = end;
    else out.push({ kind: 'beep', start, end });
  }
  return out.filter((b) => b.end - b.start >= 0.04);
}

export function describe(found: Segment[]): string {
  return found.map((s) => `${s.kind} ${s.start.toFixed(2)}–${s.end.toFixed(2)}`).join(', ');
}
