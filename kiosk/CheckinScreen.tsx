/**
 * Appointment check-in: a big numeric keypad for the booking code (a scanner that types like a
 * keyboard works too, see `main.tsx`), and the refusals in plain words: unknown code, already
 * used, on another day, too early (with the time from which check-in works), with the office's
 * phone. Where the office gives numbers from on the way, the same keypad confirms arrival: it
 * then has a key for each such concern's letter (`W` and `017` for `W-017`).
 */
import type { OfficePublic } from '../core/api.ts';
import { fill } from '../ui/i18n.ts';
import { appointmentTime } from './appointment.tsx';
import { checkinMessages } from './checkin-messages.ts';
import { ContactLine, contactSpeech } from './contact-line.tsx';
import { CalendarIcon, Icon } from './icons.tsx';
import { NoticeButtons, TryAgainButton } from './notice-parts.tsx';
import { kioskMessages } from './messages.ts';
import { ResetBar } from './ResetBar.tsx';
import { type CheckinRefusal, MAX_CODE_LENGTH, office as officeSignal } from './state.ts';
import type { BackScreenProps, TimedScreenProps } from './screen-props.ts';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** Backspace: an arrow-shaped key with a cross (only here, so it stays in this chunk). */
const DeleteIcon = ({ size = '1em' }: { size?: string }) => (
  <Icon size={size}>
    <path d="M17 10h23a3 3 0 0 1 3 3v22a3 3 0 0 1-3 3H17L4 24z" />
    <path d="m22 18 12 12M34 18 22 30" />
  </Icon>
);

export interface CheckinScreenProps extends TimedScreenProps {
  code: string;
  busy: boolean;
  onKey: (digit: string) => void;
  onDelete: () => void;
  onSubmit: () => void;
  onBack: () => void;
}

export function CheckinScreen({
  language,
  code,
  busy,
  resetSeconds,
  lastActivity,
  onKey,
  onDelete,
  onSubmit,
  onBack,
}: CheckinScreenProps) {
  const t = checkinMessages(language);
  // Letters of the concerns that give numbers from on the way (none: the keypad stays digits only).
  const letters = [...new Set((officeSignal.value?.concerns ?? []).filter((c) => c.remote).map((c) => c.prefix))];
  const key = (digit: string) => (
    <button
      type="button"
      key={digit}
      class="key"
      data-testid={`key-${digit}`}
      disabled={busy || code.length >= MAX_CODE_LENGTH}
      onClick={() => onKey(digit)}
    >
      {digit}
    </button>
  );
  return (
    <main class="checkin" data-testid="checkin-screen">
      <header class="checkin-head">
        <h1 class="checkin-title">
          <CalendarIcon size="1.2em" class="checkin-icon" />
          <span>{t.title}</span>
        </h1>
        <p class="checkin-text">{t.text}</p>
        {letters.length > 0 && (
          <p class="checkin-text" data-testid="checkin-remote">
            {t.remoteText}
          </p>
        )}
        <div class="code-box">
          <span class="code-label" id="code-label">
            {t.codeLabel}
          </span>
          <output class="code ticket-no" aria-labelledby="code-label" data-testid="checkin-code">
            {code}
          </output>
        </div>
      </header>
      {letters.length > 0 && (
        <div class="keypad keypad-letters" dir="ltr" style={{ flex: '0 0 auto', gridAutoRows: '5.5rem' }}>
          {letters.map(key)}
        </div>
      )}
      {/* Digits in telephone order, left to right in every language. */}
      <div class="keypad" dir="ltr">
        {DIGITS.map(key)}
        <button
          type="button"
          class="key key-delete"
          data-testid="key-delete"
          disabled={busy || !code}
          onClick={onDelete}
        >
          <DeleteIcon size="1.6em" />
          <span class="key-word">{t.deleteKey}</span>
        </button>
        {key('0')}
        <button type="button" class="key key-ok" data-testid="key-ok" disabled={busy || !code} onClick={onSubmit}>
          {t.confirm}
        </button>
      </div>
      <button type="button" class="secondary checkin-back" data-testid="kiosk-back" disabled={busy} onClick={onBack}>
        {kioskMessages(language).back}
      </button>
      <ResetBar seconds={resetSeconds} since={lastActivity} />
    </main>
  );
}

export interface RefusedScreenProps extends BackScreenProps {
  reason: CheckinRefusal;
  appointmentAt?: string;
  checkinFrom?: string;
  office: OfficePublic;
  onAgain: () => void;
}

export function RefusedScreen({
  reason,
  appointmentAt,
  checkinFrom,
  office,
  language,
  resetSeconds,
  lastActivity,
  onAgain,
  onBack,
}: RefusedScreenProps) {
  const t = checkinMessages(language);
  const [title, text] =
    reason === 'unknown'
      ? [t.unknownTitle, t.unknownText]
      : reason === 'used'
        ? [t.usedTitle, t.usedText]
        : reason === 'expired'
          ? [t.expiredTitle, t.expiredText]
          : [
              t.earlyTitle,
              appointmentAt && checkinFrom
                ? fill(t.earlyTimes, {
                    time: appointmentTime(appointmentAt, office, language),
                    from: appointmentTime(checkinFrom, office, language),
                  })
                : t.earlyText,
            ];
  return (
    <main class="notice notice-refused" data-testid="checkin-refused" data-reason={reason}>
      <div class="notice-body" role="alert">
        <CalendarIcon size="4rem" class="notice-icon" />
        <h1>{title}</h1>
        <p class="notice-text strong" data-testid="checkin-refused-text">
          {text}
        </p>
        <ContactLine office={office} language={language} />
      </div>
      <div class="notice-actions">
        <NoticeButtons
          speech={`${title} ${text} ${contactSpeech(office, language)}`.trim()}
          language={language}
          onBack={onBack}
        >
          {reason === 'unknown' && <TryAgainButton testid="checkin-again" language={language} onClick={onAgain} />}
        </NoticeButtons>
      </div>
      <ResetBar seconds={resetSeconds} since={lastActivity} />
    </main>
  );
}
