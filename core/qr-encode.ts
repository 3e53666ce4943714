/**
 * The one QR code encoder (ISO/IEC 18004) of Lotse, pure: byte mode (UTF-8), error correction
 * levels L, M, Q and H (M by default), versions 1–40, the mask with the lowest penalty. The
 * visitor apps draw it as SVG (`ui/qr.tsx`, a few KB in the kiosk's bundle), the printer as a
 * raster image (`printer/raster.ts`). It draws the same symbol as the `qrcode` package did for a
 * byte segment (checked against recorded symbols) and `jsqr` reads it back (`qr-encode.test.ts`).
 */

/** Error correction level: recovers about 7 % (L), 15 % (M), 25 % (Q), 30 % (H) of the symbol. */
export type QrLevel = 'L' | 'M' | 'Q' | 'H';

/** Per level and version (index 0 unused): error correction codewords per block, and blocks. */
const ECC_PER_BLOCK: Record<QrLevel, number[]> = {
  L: [
    0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30,
    30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
  ],
  M: [
    0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28,
    28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
  ],
  Q: [
    0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30,
    30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
  ],
  H: [
    0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30,
    30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
  ],
};
const BLOCKS: Record<QrLevel, number[]> = {
  L: [
    0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19,
    19, 20, 21, 22, 24, 25,
  ],
  M: [
    0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33,
    35, 37, 38, 40, 43, 45, 47, 49,
  ],
  Q: [
    0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43,
    45, 48, 51, 53, 56, 59, 62, 65, 68,
  ],
  H: [
    0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51,
    54, 57, 60, 63, 66, 70, 74, 77, 81,
  ],
};

/** The two level bits of the format information. */
const LEVEL_BITS: Record<QrLevel, number> = { L: 1, M: 0, Q: 3, H: 2 };

export interface QrMatrix {
  /** Modules per side (21 for version 1). */
  size: number;
  version: number;
  level: QrLevel;
  mask: number;
  /** Row by row, 1 = dark. */
  modules: Uint8Array;
}

const bit = (value: number, i: number) => (value >>> i) & 1;

/** Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1. */
function gfMul(x: number, y: number): number {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= bit(y, i) * x;
  }
  return z;
}

/** Reed–Solomon error correction codewords of `data` (`degree` of them). */
function reedSolomon(data: number[], degree: number): number[] {
  const divisor = new Array<number>(degree).fill(0);
  divisor[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      divisor[j] = gfMul(divisor[j]!, root) ^ (divisor[j + 1] ?? 0);
    }
    root = gfMul(root, 2);
  }
  const rest = new Array<number>(degree).fill(0);
  for (const b of data) {
    const factor = b ^ rest.shift()!;
    rest.push(0);
    for (let i = 0; i < degree; i++) rest[i]! ^= gfMul(divisor[i]!, factor);
  }
  return rest;
}

/** Data modules of a version (everything but the function patterns), in bits. */
function rawModules(version: number): number {
  let n = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const align = Math.floor(version / 7) + 2;
    n -= (25 * align - 10) * align - 55;
    if (version >= 7) n -= 36;
  }
  return n;
}

const dataCodewords = (version: number, level: QrLevel) =>
  Math.floor(rawModules(version) / 8) - ECC_PER_BLOCK[level][version]! * BLOCKS[level][version]!;

/** Centres of the alignment patterns along one axis. */
function alignmentPositions(version: number, size: number): number[] {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const step = Math.floor((version * 8 + count * 3 + 5) / (count * 4 - 4)) * 2;
  const result = [6];
  for (let pos = size - 7; result.length < count; pos -= step) result.splice(1, 0, pos);
  return result;
}

/** The text's bits (mode, length, bytes, terminator, padding) split in blocks with their error correction, interleaved. */
function codewords(bytes: Uint8Array, version: number, level: QrLevel): number[] {
  const capacity = dataCodewords(version, level);
  const bits: number[] = [];
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push(bit(value, i));
  };
  put(4, 4);
  put(bytes.length, version < 10 ? 8 : 16);
  for (const b of bytes) put(b, 8);
  put(0, Math.min(4, capacity * 8 - bits.length));
  put(0, (8 - (bits.length % 8)) % 8);
  const data: number[] = [];
  for (let i = 0; i < bits.length; i += 8) data.push(bits.slice(i, i + 8).reduce((acc, b) => (acc << 1) | b, 0));
  for (let pad = 0xec; data.length < capacity; pad ^= 0xec ^ 0x11) data.push(pad);

  const blockCount = BLOCKS[level][version]!;
  const eccLength = ECC_PER_BLOCK[level][version]!;
  const total = Math.floor(rawModules(version) / 8);
  const shortBlocks = blockCount - (total % blockCount);
  const shortLength = Math.floor(total / blockCount);
  const blocks: number[][] = [];
  for (let i = 0, k = 0; i < blockCount; i++) {
    const part = data.slice(k, k + shortLength - eccLength + (i < shortBlocks ? 0 : 1));
    k += part.length;
    const ecc = reedSolomon(part, eccLength);
    if (i < shortBlocks) part.push(0);
    blocks.push(part.concat(ecc));
  }
  const result: number[] = [];
  for (let i = 0; i < shortLength + 1; i++) {
    blocks.forEach((block, j) => {
      if (i !== shortLength - eccLength || j >= shortBlocks) result.push(block[i]!);
    });
  }
  return result;
}

/** The same penalty rules (and scores) as the `qrcode` package, so both pick the same mask. */
function penalty(m: Uint8Array, size: number): number {
  let points = 0;
  let dark = 0;
  for (let a = 0; a < size; a++) {
    let runRow = 0;
    let runCol = 0;
    let lastRow = -1;
    let lastCol = -1;
    let bitsRow = 0;
    let bitsCol = 0;
    for (let b = 0; b < size; b++) {
      const row = m[a * size + b]!;
      const col = m[b * size + a]!;
      dark += row;
      if (row === lastRow) runRow++;
      else {
        if (runRow >= 5) points += runRow - 2;
        lastRow = row;
        runRow = 1;
      }
      if (col === lastCol) runCol++;
      else {
        if (runCol >= 5) points += runCol - 2;
        lastCol = col;
        runCol = 1;
      }
      bitsRow = ((bitsRow << 1) & 0x7ff) | row;
      bitsCol = ((bitsCol << 1) & 0x7ff) | col;
      if (b >= 10) {
        if (bitsRow === 0x5d0 || bitsRow === 0x05d) points += 40;
        if (bitsCol === 0x5d0 || bitsCol === 0x05d) points += 40;
      }
      if (a < size - 1 && b < size - 1) {
        const square = row + m[a * size + b + 1]! + m[(a + 1) * size + b]! + m[(a + 1) * size + b + 1]!;
        if (square === 0 || square === 4) points += 3;
      }
    }
    if (runRow >= 5) points += runRow - 2;
    if (runCol >= 5) points += runCol - 2;
  }
  return points + Math.abs(Math.ceil((dark * 100) / (size * size) / 5) - 10) * 10;
}

const MASKS: ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

export interface QrOptions {
  /** Error correction level; default M. */
  level?: QrLevel;
  /** Forces a mask pattern (0–7); by default the one with the lowest penalty. */
  mask?: number;
}

/**
 * Encodes `text` (UTF-8, byte mode) in the smallest version that holds it. Throws a RangeError
 * when the text does not fit (at level M more than 2331 bytes).
 */
export function encodeQr(text: string, { level = 'M', mask }: QrOptions = {}): QrMatrix {
  const bytes = new TextEncoder().encode(text);
  let version = 1;
  while (4 + (version < 10 ? 8 : 16) + bytes.length * 8 > dataCodewords(version, level) * 8) {
    if (++version > 40) throw new RangeError('text too long for a QR code');
  }
  const size = version * 4 + 17;
  const modules = new Uint8Array(size * size);
  const reserved = new Uint8Array(size * size);
  const set = (x: number, y: number, dark: number | boolean) => {
    modules[y * size + x] = dark ? 1 : 0;
    reserved[y * size + x] = 1;
  };

  for (let i = 0; i < size; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  for (const [cx, cy] of [
    [3, 3],
    [size - 4, 3],
    [3, size - 4],
  ] as const) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx;
        const y = cy + dy;
        const ring = Math.max(Math.abs(dx), Math.abs(dy));
        if (x >= 0 && x < size && y >= 0 && y < size) set(x, y, ring !== 2 && ring !== 4);
      }
    }
  }
  const align = alignmentPositions(version, size);
  const last = align.length - 1;
  align.forEach((cx, i) => {
    align.forEach((cy, j) => {
      if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return;
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
      }
    });
  });
  const drawFormat = (maskIndex: number) => {
    const format = (LEVEL_BITS[level] << 3) | maskIndex;
    let rest = format;
    for (let i = 0; i < 10; i++) rest = (rest << 1) ^ ((rest >>> 9) * 0x537);
    const bits = ((format << 10) | rest) ^ 0x5412;
    for (let i = 0; i <= 5; i++) set(8, i, bit(bits, i));
    set(8, 7, bit(bits, 6));
    set(8, 8, bit(bits, 7));
    set(7, 8, bit(bits, 8));
    for (let i = 9; i < 15; i++) set(14 - i, 8, bit(bits, i));
    for (let i = 0; i < 8; i++) set(size - 1 - i, 8, bit(bits, i));
    for (let i = 8; i < 15; i++) set(8, size - 15 + i, bit(bits, i));
    set(8, size - 8, 1);
  };
  drawFormat(0);
  if (version >= 7) {
    let rest = version;
    for (let i = 0; i < 12; i++) rest = (rest << 1) ^ ((rest >>> 11) * 0x1f25);
    const bits = (version << 12) | rest;
    for (let i = 0; i < 18; i++) {
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      set(a, b, bit(bits, i));
      set(b, a, bit(bits, i));
    }
  }

  const data = codewords(bytes, version, level);
  let i = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < size; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const y = ((right + 1) & 2) === 0 ? size - 1 - vert : vert;
        if (!reserved[y * size + x] && i < data.length * 8) {
          modules[y * size + x] = bit(data[i >>> 3]!, 7 - (i & 7));
          i++;
        }
      }
    }
  }

  const applyMask = (maskIndex: number) => {
    const test = MASKS[maskIndex]!;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        if (!reserved[y * size + x] && test(x, y)) modules[y * size + x]! ^= 1;
      }
    }
  };
  let chosen = mask ?? 0;
  if (mask === undefined) {
    let lowest = Number.POSITIVE_INFINITY;
    for (let candidate = 0; candidate < 8; candidate++) {
      drawFormat(candidate);
      applyMask(candidate);
      const score = penalty(modules, size);
      applyMask(candidate);
      if (score < lowest) {
        lowest = score;
        chosen = candidate;
      }
    }
  }
  drawFormat(chosen);
  applyMask(chosen);
  return { size, version, level, mask: chosen, modules };
}

/**
 * SVG path data of the dark modules, one `h` run per stretch of dark modules in a row,
 * shifted by `margin` modules (the quiet zone).
 */
export function qrPath(qr: QrMatrix, margin = 2): string {
  let d = '';
  for (let y = 0; y < qr.size; y++) {
    for (let x = 0; x < qr.size; x++) {
      if (!qr.modules[y * qr.size + x]) continue;
      let run = 1;
      while (x + run < qr.size && qr.modules[y * qr.size + x + run]) run++;
      d += `M${x + margin} ${y + margin}h${run}v1h-${run}z`;
      x += run;
    }
  }
  return d;
}
