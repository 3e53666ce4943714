/**
 * The countdown back to the start screen: a bar that empties, the seconds left and "Mehr Zeit",
 * which starts the countdown again (as does any touch). Screen readers hear it once, when
 * `WARN_SECONDS` are left, not every second (WCAG 2.2.1: warned, and one simple action for more time).
 */
import { useEffect, useState } from 'preact/hooks';
import { fill } from '../ui/i18n.ts';
import { screenMessages } from './screen-messages.ts';
import { language, lastActivity } from './state.ts';

/** The warning comes this long before the reset (at least 20 s to ask for more time). */
export const WARN_SECONDS = 20;

export interface ResetBarProps {
  seconds: number;
  /** Changes on every touch: a new key restarts the countdown. */
  since: number;
  /** Shows nothing until the warning (the start screen after a visitor changed language or mode). */
  warnOnly?: boolean;
}

export function ResetBar({ seconds, since, warnOnly = false }: ResetBarProps) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const t = screenMessages(language.value);
  const left = Math.max(0, Math.min(seconds, Math.ceil((since + seconds * 1000 - Math.max(now, since)) / 1000)));
  const warnAt = Math.min(WARN_SECONDS, seconds);
  const warning = left <= warnAt;
  const more = () => {
    lastActivity.value = Date.now();
  };
  const shown = !warnOnly || warning;
  return (
    <div
      class={warnOnly ? 'reset reset--floating' : 'reset'}
      data-testid="reset-countdown"
      data-warning={warning ? 'true' : 'false'}
    >
      {shown && (
        <div class="reset-row">
          <span class="reset-text" data-testid="reset-left">
            {fill(t.countdown, { n: left })}
          </span>
          <button type="button" class="secondary reset-more" data-testid="reset-more" onClick={more}>
            {t.moreTime}
          </button>
        </div>
      )}
      {shown && (
        <div class="reset-track" aria-hidden="true">
          <div class="reset-bar" key={since} style={{ animationDuration: `${seconds}s` }} />
        </div>
      )}
      {/* Always in the page, so that the one warning put into it is announced. */}
      <p class="visually-hidden" aria-live="polite" data-testid="reset-announce">
        {warning ? t.countdownWarning(warnAt) : ''}
      </p>
    </div>
  );
}
