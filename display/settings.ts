/**
 * Settings of one lobby screen, read from its URL, so a screen is set up without any server
 * configuration: `/display?area=Erdgeschoss&orientation=portrait&distance=6&diagonal=55&lang=en`.
 *
 * - `area`        only counters of this area (the counters' optional `area`, case-insensitive);
 * - `counters`    only these counters (`counters=desk-1,desk-3`), alone or with `area`;
 * - `orientation` `portrait` or `landscape`; without it the window's aspect decides;
 * - `distance`    viewing distance in metres: the called numbers get a cap height of at least
 *                 25 mm per metre (see `minNumberFontPx`);
 * - `diagonal`    the screen's diagonal in inches (default 55), to turn millimetres into pixels;
 * - `lang`        language of the labels and the speech (default: the office's announcement language);
 * - `lang2`       a second language: each call is announced again in it, after the first;
 * - `volume`      loudness of gong and speech, 0–100 (default 100);
 * - `rate`        speed of speech, 0.5–2 (default 1);
 * - `voice`       `auto` (default: the browser's voice, else the server's), `server` (always the
 *                 server's voice, e.g. where the browser's voice is poor) or `browser` (never the server's).
 *
 * A paired screen (opened once with its pairing link) gets area, orientation, distance and
 * language from the settings an admin gives the device (admin app, devices); those win over the
 * address, which decides whatever the admin left empty (`withDeviceSettings`).
 *
 * Pure: no DOM access here, so it is unit tested in Node.
 */
import type { ScreenDeviceSettings } from '../core/events.ts';
import { isLanguage, type Language } from '../ui/i18n.ts';

export type Orientation = 'portrait' | 'landscape';

export interface ScreenSettings {
  area: string | null;
  counterIds: string[] | null;
  /** Null: follow the window's aspect. */
  orientation: Orientation | null;
  /** Viewing distance in metres; null: the layout decides the number size alone. */
  distanceM: number | null;
  /** Screen diagonal in inches; null: `DEFAULT_DIAGONAL_IN`. */
  diagonalIn: number | null;
  language: Language | null;
  /** Second language of the announcements; null: none. */
  secondLanguage: Language | null;
  /** Loudness of gong and speech, 0–1. */
  volume: number;
  /** Speed of speech, 0.5–2. */
  rate: number;
  voice: VoiceChoice;
}

/** Whose voice speaks: the browser's with the server's as fallback, always the server's, never the server's. */
export type VoiceChoice = 'auto' | 'server' | 'browser';

export const NO_SETTINGS: ScreenSettings = {
  area: null,
  counterIds: null,
  orientation: null,
  distanceM: null,
  diagonalIn: null,
  language: null,
  secondLanguage: null,
  volume: 1,
  rate: 1,
  voice: 'auto',
};

function number(value: string | null, min: number, max: number): number | null {
  if (value === null || value.trim() === '') return null;
  const n = Number(value.replace(',', '.'));
  return Number.isFinite(n) && n >= min && n <= max ? n : null;
}

/** Reads the settings from a query string (`location.search`); anything invalid is ignored. */
export function parseScreenSettings(search: string): ScreenSettings {
  const params = new URLSearchParams(search);
  const area = params.get('area')?.trim().slice(0, 100) || null;
  const counterIds =
    params
      .get('counters')
      ?.split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0 && s.length <= 64)
      .slice(0, 50) ?? [];
  const orientation = params.get('orientation');
  const lang = params.get('lang')?.trim().toLowerCase();
  const lang2 = params.get('lang2')?.trim().toLowerCase();
  const voice = params.get('voice')?.trim().toLowerCase();
  const volume = number(params.get('volume'), 0, 100);
  return {
    area,
    counterIds: counterIds.length > 0 ? counterIds : null,
    orientation: orientation === 'portrait' || orientation === 'landscape' ? orientation : null,
    distanceM: number(params.get('distance'), 0.5, 50),
    diagonalIn: number(params.get('diagonal'), 10, 300),
    language: isLanguage(lang) ? lang : null,
    secondLanguage: isLanguage(lang2) && lang2 !== lang ? lang2 : null,
    volume: volume === null ? 1 : volume / 100,
    rate: number(params.get('rate'), 0.5, 2) ?? 1,
    voice: voice === 'server' || voice === 'browser' ? voice : 'auto',
  };
}

/**
 * The settings of a paired screen: what an admin set for the device (area, orientation, viewing
 * distance, language) wins; the address decides the rest, and everything on a screen that is
 * not paired.
 */
export function withDeviceSettings(fromUrl: ScreenSettings, device: ScreenDeviceSettings | null): ScreenSettings {
  if (!device) return fromUrl;
  const language = device.language && isLanguage(device.language) ? device.language : fromUrl.language;
  return {
    ...fromUrl,
    area: device.area?.trim() || fromUrl.area,
    orientation: device.orientation ?? fromUrl.orientation,
    distanceM: device.distanceM ?? fromUrl.distanceM,
    language,
    secondLanguage: fromUrl.secondLanguage === language ? null : fromUrl.secondLanguage,
  };
}

/** The orientation to lay out: the setting, else portrait when the window is taller than wide. */
export function orientationOf(
  settings: Pick<ScreenSettings, 'orientation'>,
  width: number,
  height: number,
): Orientation {
  return settings.orientation ?? (height > width ? 'portrait' : 'landscape');
}

// ---------------------------------------------------------------------------------------------
// Number size from the viewing distance
//
//   required cap height   capMm      = 25 mm × distance in metres          (PRODUCT.md, norms)
//   millimetres per px    mmPerPx    = diagonal in inches × 25.4 / √(widthPx² + heightPx²)
//   font size             fontPx     = capMm / 0.7 / mmPerPx
//
// widthPx × heightPx is the screen's size in CSS pixels (`screen.width/height`; in a full-screen
// kiosk browser the same as the window). Device pixel ratio cancels out: both the diagonal and
// the pixel size describe the same physical screen. 0.7 is the cap height of the board's bold
// sans-serif font as a share of its font size (DejaVu Sans 0.73, Roboto 0.71, Arial 0.72), so
// the real cap height is at least what we compute.
//
// Example: 55" screen, 1920 × 1080, viewed from 5 m: mmPerPx = 1397 / 2203 = 0.634;
// capMm = 125; fontPx = 125 / 0.7 / 0.634 = 282 px.
// ---------------------------------------------------------------------------------------------

/** Cap height per metre of viewing distance. */
export const CAP_MM_PER_METRE = 25;
/** Cap height of the board's font as a share of the font size (a lower bound for common fonts). */
export const CAP_HEIGHT_RATIO = 0.7;
/** Assumed screen diagonal when `diagonal` is not given: a common lobby television. */
export const DEFAULT_DIAGONAL_IN = 55;
const MM_PER_INCH = 25.4;

/** Physical size of one CSS pixel in millimetres. */
export function mmPerCssPx(diagonalIn: number, widthPx: number, heightPx: number): number {
  return (diagonalIn * MM_PER_INCH) / Math.hypot(widthPx, heightPx);
}

/** The smallest font size in CSS px whose cap height is readable from `distanceM`. */
export function minNumberFontPx(distanceM: number, diagonalIn: number, widthPx: number, heightPx: number): number {
  const capMm = CAP_MM_PER_METRE * distanceM;
  return capMm / CAP_HEIGHT_RATIO / mmPerCssPx(diagonalIn, widthPx, heightPx);
}

/** The cap height in millimetres of text with font size `fontPx`. */
export function capHeightMm(fontPx: number, diagonalIn: number, widthPx: number, heightPx: number): number {
  return fontPx * CAP_HEIGHT_RATIO * mmPerCssPx(diagonalIn, widthPx, heightPx);
}

// ---------------------------------------------------------------------------------------------
// Fitting the current calls into their panel at a given minimum size
// ---------------------------------------------------------------------------------------------

/** Average advance of a bold sans-serif character, in em, when it cannot be measured. */
export const CHAR_EM = 0.64;
/** The counter's name is this much smaller than the number. */
export const COUNTER_SCALE = 0.62;
const ARROW_EM = 0.55;

export interface CallsBox {
  width: number;
  height: number;
  /** Root font size in px (paddings and gaps are in rem). */
  remPx: number;
}

export interface CallsFitInput {
  /** Calls to show. */
  count: number;
  /** Width of the widest ticket number and counter name at font size 1 (em of their own font). */
  numberEm: number;
  counterEm: number;
  /** At least this font size (from the viewing distance). */
  minFontPx: number;
  /** At most this font size. */
  maxFontPx: number;
}

export interface CallsFit {
  fontPx: number;
  /** How many calls fit at that size (at least 1). */
  rows: number;
  /** Number above the counter instead of beside it. */
  stacked: boolean;
  /** Not even one call fits at `minFontPx`: shown smaller, as big as possible. */
  tooSmall: boolean;
}

// Keep in step with display.css (.calls-fit): padding 0.6rem around the list, gap 0.5rem,
// a row's padding 1.4rem each side and column gap 1.2rem.
const LIST_PAD_REM = 0.6;
const GAP_REM = 0.5;
const ROW_PAD_REM = 1.4;
const COL_GAP_REM = 1.2;
/** Row heights in em of the number: beside 1.12; stacked 1.08 + counter line. */
const ROW_EM = 1.12;
const STACK_EM = 1.08 + COUNTER_SCALE * 1.15;
/** A stacked layout must be this much larger (1 / 0.8 = 25 %) to be chosen over side by side. */
const STACKED_PENALTY = 0.8;

/**
 * The size and count of current calls for the panel `box`: never below `minFontPx` unless not
 * even one call fits; as big as the space allows (up to `maxFontPx`) when few calls are shown.
 */
export function fitCalls(box: CallsBox, input: CallsFitInput): CallsFit {
  const rem = box.remPx;
  const width = box.width - 2 * LIST_PAD_REM * rem;
  const height = box.height - 2 * LIST_PAD_REM * rem;
  const gap = GAP_REM * rem;
  const numberEm = Math.max(1, input.numberEm);
  const counterEm = Math.max(1, input.counterEm) * COUNTER_SCALE;
  const besideEm = numberEm + ARROW_EM + counterEm;
  const besideFixed = 2 * ROW_PAD_REM * rem + 2 * COL_GAP_REM * rem;
  // Stacked: the number above; the arrow (0.4 em) and the counter below.
  const stackEm = Math.max(numberEm, 0.7 + counterEm);
  const stackFixed = 2 * ROW_PAD_REM * rem;
  const min = input.minFontPx;
  const want = Math.max(1, input.count);

  const layout = (stacked: boolean) => {
    const em = stacked ? stackEm : besideEm;
    const fixed = stacked ? stackFixed : besideFixed;
    const rowEm = stacked ? STACK_EM : ROW_EM;
    const byWidth = (width - fixed) / em;
    const rowsAtMin = Math.floor((height + gap) / (min * rowEm + gap));
    const rows = Math.max(0, Math.min(want, rowsAtMin));
    const shown = Math.max(1, rows);
    const byHeight = (height - (shown - 1) * gap) / shown / rowEm;
    return { byWidth, rows, byHeight };
  };

  const score = (c: { stacked: boolean; fontPx: number }) => (c.stacked ? STACKED_PENALTY * c.fontPx : c.fontPx);
  // Of the layouts that fit at the minimum: the one showing more calls, then the larger size.
  const candidates = [false, true]
    .map((stacked) => {
      const l = layout(stacked);
      const fontPx = Math.max(min, Math.min(input.maxFontPx, l.byWidth, l.byHeight));
      return { stacked, rows: l.rows, fontPx, fits: l.byWidth >= min && l.rows >= 1 };
    })
    .filter((c) => c.fits)
    // Number and counter side by side read best; stacked only when it is clearly larger.
    .sort((a, b) => b.rows - a.rows || score(b) - score(a));
  const best = candidates[0];
  if (best) return { fontPx: best.fontPx, rows: best.rows, stacked: best.stacked, tooSmall: false };
  const beside = layout(false);
  const stack = layout(true);
  // Too small for the distance: one call, as big as fits, in the layout that allows the larger size.
  const besideOne = Math.min(beside.byWidth, height / ROW_EM);
  const stackOne = Math.min(stack.byWidth, height / STACK_EM);
  const stacked = stackOne > besideOne;
  return {
    fontPx: Math.max(1, Math.min(input.maxFontPx, stacked ? stackOne : besideOne)),
    rows: 1,
    stacked,
    tooSmall: true,
  };
}
