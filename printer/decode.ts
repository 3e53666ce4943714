/**
 * ESC/POS decoder for tests, the emulator and the virtual printer: bytes → commands, with text
 * decoded by the code page selected at that point, QR payloads, raster images and cuts.
 * Streaming: `push` takes chunks as they arrive and keeps an incomplete command for later.
 */
import { DEFAULT_CODE_PAGE, decodeBytes } from './codepages.ts';
import type { Alignment, QrErrorCorrection } from './escpos.ts';
import type { RasterImage } from './types.ts';

export type EscPosCommand =
  | { type: 'init' }
  | { type: 'codePage'; page: number }
  | { type: 'align'; align: Alignment }
  | { type: 'bold'; on: boolean }
  | { type: 'size'; width: number; height: number }
  | { type: 'text'; text: string; page: number }
  | { type: 'lineFeed' }
  | { type: 'feed'; lines: number }
  | { type: 'qr'; data: string; model: number; moduleSize: number; errorCorrection: QrErrorCorrection }
  | { type: 'raster'; image: RasterImage; mode: number }
  | { type: 'cut'; partial: boolean; feed: number }
  | { type: 'status'; n: number }
  | { type: 'unknown'; bytes: Uint8Array };

/** ESC commands with one parameter byte that a ticket never needs but a decoder must skip. */
const ESC_ONE_PARAM = new Set([0x21, 0x2d, 0x33, 0x47, 0x4a, 0x4d, 0x52, 0x56, 0x7b, 0x20, 0x25, 0x63]);
const GS_ONE_PARAM = new Set([0x42, 0x48, 0x66, 0x68, 0x77, 0x61, 0x72, 0x62]);
const GS_TWO_PARAMS = new Set([0x4c, 0x57, 0x50, 0x24, 0x5c]);

type Parsed = { length: number; command?: EscPosCommand } | 'more';

export class EscPosDecoder {
  private buffer = new Uint8Array(0);
  private page = DEFAULT_CODE_PAGE;
  private pendingText: number[] = [];
  private qr = { model: 50, moduleSize: 3, errorCorrection: 'L' as QrErrorCorrection, data: new Uint8Array(0) };

  /** Decodes what `chunk` completes; an incomplete trailing command waits for the next chunk. */
  push(chunk: Uint8Array): EscPosCommand[] {
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer);
    joined.set(chunk, this.buffer.length);
    const out: EscPosCommand[] = [];
    let i = 0;
    while (i < joined.length) {
      const byte = joined[i] ?? 0;
      if (byte >= 0x20 && byte !== 0x7f) {
        this.pendingText.push(byte);
        i++;
        continue;
      }
      // Text ends here; decode it with the code page selected before this command.
      this.flushText(out);
      const parsed = this.parse(joined, i);
      if (parsed === 'more') break;
      if (parsed.command) out.push(parsed.command);
      i += parsed.length;
    }
    this.buffer = joined.slice(i);
    return out;
  }

  /** Ends the stream: pending text, and incomplete command bytes as `unknown`. */
  end(): EscPosCommand[] {
    const out: EscPosCommand[] = [];
    this.flushText(out);
    if (this.buffer.length > 0) out.push({ type: 'unknown', bytes: this.buffer });
    this.buffer = new Uint8Array(0);
    return out;
  }

  private flushText(out: EscPosCommand[]): void {
    if (this.pendingText.length === 0) return;
    out.push({ type: 'text', text: decodeBytes(Uint8Array.from(this.pendingText), this.page), page: this.page });
    this.pendingText = [];
  }

  /** One command at `i`, or 'more' when its bytes have not all arrived. */
  private parse(b: Uint8Array, i: number): Parsed {
    const need = (n: number) => i + n <= b.length;
    const at = (k: number) => b[i + k] ?? 0;
    const unknown = (n: number): Parsed =>
      need(n) ? { length: n, command: { type: 'unknown', bytes: b.slice(i, i + n) } } : 'more';
    const byte = at(0);
    if (byte === 0x0a) return { length: 1, command: { type: 'lineFeed' } };
    if (byte === 0x0d) return { length: 1 };
    if (byte === 0x1b) {
      if (!need(2)) return 'more';
      const c = at(1);
      if (c === 0x40) {
        this.page = DEFAULT_CODE_PAGE;
        return { length: 2, command: { type: 'init' } };
      }
      if (!need(3)) return 'more';
      const n = at(2);
      if (c === 0x74) {
        this.page = n;
        return { length: 3, command: { type: 'codePage', page: n } };
      }
      if (c === 0x61) {
        const a = n % 48;
        return { length: 3, command: { type: 'align', align: a === 1 ? 'center' : a === 2 ? 'right' : 'left' } };
      }
      if (c === 0x45) return { length: 3, command: { type: 'bold', on: (n & 1) === 1 } };
      if (c === 0x64) return { length: 3, command: { type: 'feed', lines: n } };
      if (c === 0x70) return unknown(5);
      if (ESC_ONE_PARAM.has(c)) return unknown(3);
      return unknown(2);
    }
    if (byte === 0x1d) {
      if (!need(2)) return 'more';
      const c = at(1);
      if (c === 0x21) {
        if (!need(3)) return 'more';
        return { length: 3, command: { type: 'size', width: ((at(2) >> 4) & 7) + 1, height: (at(2) & 7) + 1 } };
      }
      if (c === 0x28) {
        if (!need(5)) return 'more';
        const length = 5 + at(3) + at(4) * 256;
        if (!need(length)) return 'more';
        if (at(2) === 0x6b && at(5) === 49) return { length, command: this.qrFunction(b.slice(i + 6, i + length)) };
        return unknown(length);
      }
      if (c === 0x76) {
        if (!need(8)) return 'more';
        const x = at(4) + at(5) * 256;
        const y = at(6) + at(7) * 256;
        const length = 8 + x * y;
        if (!need(length)) return 'more';
        const image: RasterImage = { width: x * 8, height: y, data: b.slice(i + 8, i + length) };
        return { length, command: { type: 'raster', image, mode: at(3) % 48 } };
      }
      if (c === 0x56) {
        if (!need(3)) return 'more';
        const m = at(2);
        if (m === 0 || m === 48 || m === 1 || m === 49) {
          return { length: 3, command: { type: 'cut', partial: m === 1 || m === 49, feed: 0 } };
        }
        if (!need(4)) return 'more';
        return { length: 4, command: { type: 'cut', partial: m % 2 === 0, feed: at(3) } };
      }
      if (GS_ONE_PARAM.has(c)) return unknown(3);
      if (GS_TWO_PARAMS.has(c)) return unknown(4);
      return unknown(2);
    }
    if (byte === 0x10) {
      if (!need(3)) return 'more';
      if (at(1) === 0x04) return { length: 3, command: { type: 'status', n: at(2) } };
      return unknown(3);
    }
    return unknown(1);
  }

  /** GS ( k with cn = 49 (QR): settings are remembered, Function 181 yields the symbol. */
  private qrFunction(body: Uint8Array): EscPosCommand | undefined {
    const fn = body[0];
    const arg = body[1] ?? 0;
    if (fn === 65) this.qr.model = arg;
    else if (fn === 67) this.qr.moduleSize = arg;
    else if (fn === 69) this.qr.errorCorrection = (['L', 'M', 'Q', 'H'] as const)[arg - 48] ?? 'L';
    else if (fn === 80) this.qr.data = body.slice(2);
    else if (fn === 81) {
      return {
        type: 'qr',
        data: new TextDecoder().decode(this.qr.data),
        model: this.qr.model - 48,
        moduleSize: this.qr.moduleSize,
        errorCorrection: this.qr.errorCorrection,
      };
    } else return { type: 'unknown', bytes: Uint8Array.of(0x1d, 0x28, 0x6b, 49, ...body) };
    return undefined;
  }
}

export function decode(bytes: Uint8Array): EscPosCommand[] {
  const decoder = new EscPosDecoder();
  return [...decoder.push(bytes), ...decoder.end()];
}

/** The printed text, one string per printed line (text before each LF or feed). */
export function printedLines(commands: readonly EscPosCommand[]): string[] {
  const lines: string[] = [];
  let current = '';
  for (const c of commands) {
    if (c.type === 'text') current += c.text;
    else if (c.type === 'lineFeed' || c.type === 'feed') {
      lines.push(current);
      current = '';
      if (c.type === 'feed') for (let k = 1; k < c.lines; k++) lines.push('');
    }
  }
  if (current) lines.push(current);
  return lines;
}

export interface DecodedTicket {
  text: string;
  lines: string[];
  qr: string[];
  rasters: RasterImage[];
  cuts: number;
}

/** What a test usually wants to know about a job. */
export function summarize(commands: readonly EscPosCommand[]): DecodedTicket {
  const lines = printedLines(commands);
  return {
    text: lines.join('\n'),
    lines,
    qr: commands.flatMap((c) => (c.type === 'qr' ? [c.data] : [])),
    rasters: commands.flatMap((c) => (c.type === 'raster' ? [c.image] : [])),
    cuts: commands.filter((c) => c.type === 'cut').length,
  };
}
