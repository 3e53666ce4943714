/**
 * The recording analysis on synthetic sound: a gong made like `ui/audio.ts` makes it (two notes
 * with overtones, fading), "speech" as broadband noise bursts with pauses between words.
 */
import { describe, expect, it } from 'vitest';
import { announcements, beeps, RATE, segments } from './analyse.ts';

function silence(seconds: number): Float32Array {
  return new Float32Array(Math.round(seconds * RATE));
}

function gong(): Float32Array {
  const out = silence(2.3);
  for (const [base, at] of [
    [659.25, 0],
    [523.25, 0.6],
  ] as const) {
    for (const [f, peak, length] of [
      [base, 0.25, 1.6],
      [base * 2, 0.08, 0.9],
      [base * 2.76, 0.03, 0.5],
    ] as const) {
      for (let i = 0; i < length * RATE; i++) {
        const t = i / RATE;
        const index = Math.round((at + t) * RATE);
        if (index >= out.length) break;
        out[index] = (out[index] as number) + peak * Math.exp(-t * 5.5) * Math.sin(2 * Math.PI * f * t);
      }
    }
  }
  return out;
}

/** Noise in words of 0.35 s with 0.15 s pauses: `seconds` long. */
function speech(seconds: number, seed = 1): Float32Array {
  const out = silence(seconds);
  let x = seed;
  for (let i = 0; i < out.length; i++) {
    const inWord = (i / RATE) % 0.5 < 0.35;
    x = (x * 1103515245 + 12345) % 2147483648;
    out[i] = inWord ? (x / 2147483648 - 0.5) * 0.4 : 0;
  }
  return out;
}

function join(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function mix(a: Float32Array, b: Float32Array, offsetS: number): Float32Array {
  const out = new Float32Array(Math.max(a.length, Math.round(offsetS * RATE) + b.length));
  out.set(a);
  const offset = Math.round(offsetS * RATE);
  for (let i = 0; i < b.length; i++) out[offset + i] = (out[offset + i] as number) + (b[i] as number);
  return out;
}

describe('segments and announcements', () => {
  it('given gong, pause, speech twice, then two announcements with their speech lengths', () => {
    const found = segments(
      join(silence(0.5), gong(), silence(0.8), speech(2), silence(1), gong(), silence(0.8), speech(3.5), silence(1)),
    );
    const { heard, speechWithoutGong } = announcements(found);
    expect(speechWithoutGong).toEqual([]);
    expect(heard).toHaveLength(2);
    expect(heard[0]?.speech).toBeGreaterThan(1.6);
    expect(heard[0]?.speech).toBeLessThan(2.3);
    expect(heard[1]?.speech).toBeGreaterThan(3.1);
    expect(heard[1]?.speech).toBeLessThan(3.8);
  });

  it('given speech over a gong, then they are not counted as a gong followed by speech', () => {
    const overlapped = mix(join(silence(0.5), gong(), silence(2)), speech(2.5, 7), 0.6);
    const { heard, speechWithoutGong } = announcements(segments(overlapped));
    // What a clean announcement looks like (see fixture.ts): exactly this must not come out.
    expect(heard.length === 1 && (heard[0]?.speech ?? 0) > 0.8 && speechWithoutGong.length === 0).toBe(false);
  });

  it('given a gong alone, then an announcement without speech', () => {
    const { heard } = announcements(segments(join(silence(0.3), gong(), silence(2))));
    expect(heard).toHaveLength(1);
    expect(heard[0]?.speech).toBe(0);
  });

  it('given speech before any gong, then it is reported apart', () => {
    const { heard, speechWithoutGong } = announcements(segments(join(speech(1.5), silence(1), gong(), silence(1))));
    expect(heard).toHaveLength(1);
    expect(speechWithoutGong).toHaveLength(1);
  });
});

describe('beeps', () => {
  it('given three square-wave beeps of 880 Hz, then three beeps', () => {
    const beep = Float32Array.from({ length: 0.15 * RATE }, (_, i) =>
      Math.sin((2 * Math.PI * 880 * i) / RATE) >= 0 ? 0.3 : -0.3,
    );
    const found = beeps(join(silence(0.3), beep, silence(0.15), beep, silence(0.15), beep, silence(0.5)), 880);
    expect(found).toHaveLength(3);
    expect(beeps(join(silence(0.3), speech(1.5)), 880)).toHaveLength(0);
  });
});
