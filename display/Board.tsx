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
      <path
        d="M6 24h32M26 11l13 13-13 13"
        fill="none"
        stroke="currentColor"
        stroke-width="5"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
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

export function CurrentCalls({ calls, highlighted, t, sizing }: CurrentCallsProps) {
  const area = useRef<HTMLDivElement>(null);
  const box = useSize(area, !!sizing);
  let shown = calls;
  let fit: CallsFit | null = null;
  let numberEm = 0;
  if (sizing && box && calls.length > 0) {
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
        minFontPx: sizing.minFontPx,
        maxFontPx: Math.max(sizing.minFontPx, 14 * remPx),
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
        {calls.length === 0 ? (
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
}

export function WaitingList({ waiting, concerns, language, t }: WaitingListProps) {
  const rows = waiting
    .map((w) => ({ w, concern: concerns.find((c) => c.id === w.concernId) }))
    .filter((r): r is { w: ConcernEstimate; concern: ConcernPublic } => r.concern !== undefined && !r.concern.infoUrl);
  if (rows.length === 0) return null;
  return (
    <section class="waiting" aria-label={t.waitingTitle}>
      {rows.map(({ w, concern }) => (
        <div key={w.concernId} class="waiting-card" data-testid={`waiting-${w.concernId}`}>
          <Pictogram name={concern.pictogram} class="waiting-icon" size="2.6rem" />
          <div class="waiting-text">
            <span class="waiting-name">{concernName(concern, language)}</span>
            <span class="waiting-count" data-testid="waiting-count">
              {t.waitingCount(w.count)}
            </span>
            {w.count > 0 && <span class="waiting-minutes">{t.waitMinutes(w.estimatedWaitMinutes)}</span>}
          </div>
        </div>
      ))}
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
