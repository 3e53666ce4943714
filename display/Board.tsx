/**
 * The parts of the lobby screen: header with clock, current calls (very large), last calls,
 * waiting count and estimated wait per concern, opening hours.
 */
import type { ReadonlySignal } from '@preact/signals';
import type { CalledView, CallView, ConcernPublic, OfficePublic } from '../core/api.ts';
import type { ConcernEstimate } from '../core/estimate.ts';
import { dateText, openingLines, timeText } from '../ui/hours.ts';
import { concernName, type Language } from '../ui/i18n.ts';
import { Pictogram } from '../ui/pictograms.tsx';
import { callKey } from './calls.ts';
import type { DisplayMessages } from './display-messages.ts';

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

export interface CurrentCallsProps {
  calls: CalledView[];
  highlighted: string | null;
  t: DisplayMessages;
}

export function CurrentCalls({ calls, highlighted, t }: CurrentCallsProps) {
  const count = Math.max(1, calls.length);
  return (
    <section class="panel current" aria-labelledby="current-title">
      <header class="panel-head current-head">
        <h2 id="current-title">{t.numberColumn}</h2>
        <span class="current-head-counter">{t.counterColumn}</span>
      </header>
      {calls.length === 0 ? (
        <p class="no-calls">{t.noCalls}</p>
      ) : (
        <ol class="calls" style={{ '--n': String(count) }} aria-live="polite">
          {calls.map((call) => {
            const isNew = highlighted === callKey(call);
            return (
              <li
                key={callKey(call)}
                class={isNew ? 'call call-new' : 'call'}
                data-testid="current-call"
                data-new={isNew ? 'true' : 'false'}
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
          >
            <span class="recent-number ticket-no">{call.number}</span>
            <span class="recent-counter">{call.counterName}</span>
            <span class="recent-time">
              {call.recall && <span class="recent-again">{t.again}</span>}
              {timeText(Date.parse(call.calledAt), timeZone, language)}
            </span>
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
