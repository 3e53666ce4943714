/**
 * The parts of the lobby screen: header with clock, current calls (very large), last calls,
 * waiting count and estimated wait per concern, opening hours.
 */
import type { ReadonlySignal } from '@preact/signals';
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CalledView, CallView, ConcernPublic, OfficePublic } from '../core/api.ts';
import type { ConcernEstimate } from '../core/estimate.ts';
import { dateText, openingLines, timeText } from '../ui/hours.ts';
import { concernName, type Language } from '../ui/i18n.ts';
import { Pictogram } from '../ui/pictograms.tsx';
import { StrokePath } from '../ui/stroke-path.tsx';
import { callKey } from './calls.ts';
import type { DisplayMessages } from './display-messages.ts';
import { CAP_HEIGHT_RATIO, CAP_MM_PER_METRE, CHAR_EM, type CallsFit, fitCalls } from './settings.ts';

export interface ClockProps {
  now: ReadonlySignal<number>;
  timeZone: string;
  language: Language;
}

/** Reads the `now` signal itself, so only the clock re-renders every second. */
export function Clock({ now, timeZone, language }: ClockProps) {
  const at = now.value;
  return (
    <div class="clock" data-testid="clock">
      <span class="clock-time">{timeText(at, timeZone, language)}</span>
      <span class="clock-date">{dateText(at, timeZone, language)}</span>
    </div>
  );
}

function Arrow() {
  return (
    <svg class="call-arrow" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <StrokePath d="M6 24h32M26 11l13 13-13 13" width={5} />
    </svg>
  );
}

/** Sizing of the current calls from the viewing distance (see settings.ts). */
export interface CallsSizing {
  /** Smallest font size of a called number, in CSS px. */
  minFontPx: number;
  distanceM: number;
  /** Millimetres per CSS px of this screen. */
  mmPerPx: number;
}

export interface CurrentCallsProps {
  calls: CalledView[];
  highlighted: string | null;
  t: DisplayMessages;
  /** Without it the numbers are as big as the layout allows (display.css). */
  sizing?: CallsSizing | null;
  /** The office is closed: say so (with its phone, if it has one) where calls would be. */
  closedNote?: { phone?: string | undefined } | null;
}

/** Size of an element, kept up to date with one ResizeObserver (disconnected on unmount). */
function useSize(ref: RefObject<HTMLElement | null>, enabled: boolean): { width: number; height: number } | null {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      const { width, height } = element.getBoundingClientRect();
      setSize((old) => (old && old.width === width && old.height === height ? old : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, enabled]);
  return size;
}

function rootFontPx(): number {
  return Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 20;
}

let measureContext: CanvasRenderingContext2D | null | undefined;

/**
 * Width in em of the widest of `texts` in the font of CSS variable `fontVar`, bold (one canvas for
 * the page); estimated from the length where canvas is missing. `spacingEm`: letter spacing.
 */
function widestEm(texts: string[], fontVar: string, spacingEm = 0): number {
  if (measureContext === undefined) measureContext = document.createElement('canvas').getContext('2d');
  const family = getComputedStyle(document.documentElement).getPropertyValue(fontVar).trim() || 'sans-serif';
  let widest = 0;
  for (const text of texts) {
    let em = text.length * CHAR_EM;
    if (measureContext) {
      measureContext.font = `800 100px ${family}`;
      em = measureContext.measureText(text).width / 100 + text.length * spacingEm;
    }
    widest = Math.max(widest, em);
  }
  return widest;
}

/** Changes once the page's web fonts have loaded, so text measured before is measured again. */
function useFontsLoaded(): boolean {
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let live = true;
    document.fonts?.ready.then(() => live && setLoaded(true)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return loaded;
}

export function CurrentCalls({ calls, highlighted, t, sizing, closedNote }: CurrentCallsProps) {
  const area = useRef<HTMLDivElement>(null);
  useFontsLoaded();
  // Always measured and fitted: the number's column is as wide as the widest number, so the arrow
  // never overlaps a digit, and counter names stay on one line, whatever the font's metrics.
  const box = useSize(area, true);
  let shown = calls;
  let fit: CallsFit | null = null;
  let numberEm = 0;
  if (box && box.width > 0 && calls.length > 0) {
    const remPx = rootFontPx();
    numberEm = widestEm(
      calls.map((c) => c.number),
      '--font-numbers',
      0.02,
    );
    fit = fitCalls(
      { ...box, remPx },
      {
        count: calls.length,
        numberEm,
        counterEm: widestEm(
          calls.map((c) => c.counterName),
          '--font',
        ),
        minFontPx: sizing?.minFontPx ?? 1,
        maxFontPx: Math.max(sizing?.minFontPx ?? 1, 14 * remPx),
      },
    );
    shown = calls.slice(0, fit.rows);
  }
  const count = Math.max(1, shown.length);
  const capMm = fit && sizing ? Math.round(fit.fontPx * CAP_HEIGHT_RATIO * sizing.mmPerPx) : null;
  return (
    <section class="panel current" aria-labelledby="current-title">
      <header class="panel-head current-head">
        <h2 id="current-title">{t.numberColumn}</h2>
        <span class="current-head-counter">{t.counterColumn}</span>
      </header>
      <div class="calls-area" ref={area}>
        {calls.length === 0 && closedNote ? (
          <div class="no-calls closed-note" data-testid="closed-note">
            <p class="closed-title">{t.closed}</p>
            {closedNote.phone && (
              <p class="closed-phone" data-testid="closed-phone">
                {t.phone}: <bdi dir="ltr">{closedNote.phone}</bdi>
              </p>
            )}
          </div>
        ) : calls.length === 0 ? (
          <p class="no-calls">{t.noCalls}</p>
        ) : (
          <ol
            class={fit ? 'calls calls-fit' : 'calls'}
            style={
              fit
                ? {
                    '--n': String(count),
                    '--fit-size': `${fit.fontPx.toFixed(1)}px`,
                    '--number-em': numberEm.toFixed(3),
                  }
                : { '--n': String(count) }
            }
            aria-live="polite"
            data-font-px={fit ? fit.fontPx.toFixed(1) : undefined}
            data-cap-mm={capMm ?? undefined}
          >
            {shown.map((call) => {
              const isNew = highlighted === callKey(call);
              return (
                <li
                  key={callKey(call)}
                  class={`call${isNew ? ' call-new' : ''}${fit?.stacked ? ' call-stacked' : ''}`}
                  data-testid="current-call"
                  data-new={isNew ? 'true' : 'false'}
                  data-counter-id={call.counterId}
                >
                  <span class="call-number ticket-no" data-testid="call-number">
                    {call.number}
                  </span>
                  <Arrow />
                  <span class="call-counter" data-testid="call-counter">
                    {call.counterName}
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </div>
      {fit?.tooSmall && sizing && capMm !== null && (
        <p class="size-warning" data-testid="size-warning">
          {t.tooSmall(sizing.distanceM, capMm, Math.round(sizing.distanceM * CAP_MM_PER_METRE))}
        </p>
      )}
    </section>
  );
}

export interface RecentCallsProps {
  calls: CallView[];
  highlighted: string | null;
  timeZone: string;
  language: Language;
  t: DisplayMessages;
}

export function RecentCalls({ calls, highlighted, timeZone, language, t }: RecentCallsProps) {
  return (
    <section class="panel recent" aria-labelledby="recent-title">
      <header class="panel-head">
        <h2 id="recent-title">{t.recentTitle}</h2>
      </header>
      <ol class="recent-list">
        {calls.map((call, i) => (
          <li
            key={call.seq}
            class={i === 0 && highlighted === callKey(call) ? 'recent-call recent-new' : 'recent-call'}
            data-testid="recent-call"
            data-seq={call.seq}
            data-counter-id={call.counterId}
          >
            <span class="recent-number ticket-no">{call.number}</span>
            <span class="recent-counter">
              {call.counterName}
              {call.recall && <span class="recent-again">{t.again}</span>}
            </span>
            <span class="recent-time">{timeText(Date.parse(call.calledAt), timeZone, language)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

export interface WaitingListProps {
  waiting: ConcernEstimate[];
  concerns: ConcernPublic[];
  language: Language;
  t: DisplayMessages;
  /** Cards in a row, and rows at most (landscape 5 × 1, portrait 3 × 2); more cards turn pages. */
  columns: number;
  rows: number;
}

/** How long one page of waiting cards stays before the next. */
export const WAITING_PAGE_MS = 8000;

/**
 * Waiting per concern. The footer keeps its size whatever the number of concerns, so the called
 * numbers keep theirs: more concerns than fit turn pages every few seconds.
 */
export function WaitingList({ waiting, concerns, language, t, columns, rows: maxRows }: WaitingListProps) {
  const perPage = columns * maxRows;
  const rows = waiting
    .map((w) => ({ w, concern: concerns.find((c) => c.id === w.concernId) }))
    .filter((r): r is { w: ConcernEstimate; concern: ConcernPublic } => r.concern !== undefined && !r.concern.infoUrl);
  const pages = Math.max(1, Math.ceil(rows.length / perPage));
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (pages <= 1) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), WAITING_PAGE_MS);
    return () => clearInterval(timer);
  }, [pages]);
  if (rows.length === 0) return null;
  const current = page % pages;
  // Balanced pages (7 concerns on 5 per page: 4 + 3), so no page is nearly empty.
  const size = Math.ceil(rows.length / pages);
  const shown = rows.slice(current * size, current * size + size);
  return (
    <section
      class="waiting"
      aria-label={t.waitingTitle}
      data-testid="waiting"
      data-page={current + 1}
      data-pages={pages}
      style={{ '--columns': String(Math.min(columns, shown.length)) }}
    >
      {shown.map(({ w, concern }) => (
        <div key={w.concernId} class="waiting-card" data-testid={`waiting-${w.concernId}`}>
          <span class="waiting-name">{concernName(concern, language)}</span>
          <div class="waiting-detail">
            <Pictogram name={concern.pictogram} class="waiting-icon" size="2.2rem" />
            <div class="waiting-text">
              <span class="waiting-count" data-testid="waiting-count">
                {t.waitingCount(w.count)}
              </span>
              {w.count > 0 && <span class="waiting-minutes">{t.waitMinutes(w.estimatedWaitMinutes)}</span>}
            </div>
          </div>
        </div>
      ))}
      {pages > 1 && (
        <span class="waiting-pages" data-testid="waiting-pages" aria-hidden="true">
          {current + 1}/{pages}
        </span>
      )}
    </section>
  );
}

export interface OpeningHoursProps {
  office: OfficePublic;
  language: Language;
  t: DisplayMessages;
}

/** Opening hours in one block for the header: a title and one line per open weekday. */
export function OpeningHours({ office, language, t }: OpeningHoursProps) {
  const lines = openingLines(office.openingHours, language);
  if (lines.length === 0) return null;
  return (
    <section class="hours" aria-labelledby="hours-title" data-testid="opening-hours">
      <h2 id="hours-title">{t.openingHours}</h2>
      <dl>
        {lines.map((line) => (
          <div key={line.day} class="hours-line">
            <dt>{line.dayName}</dt>
            <dd>{line.hours}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
