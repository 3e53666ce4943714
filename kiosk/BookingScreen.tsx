/** A concern served by appointment only: no ticket; how to book (the office's phone), and check-in for those who have one. */
import type { ConcernPublic, OfficePublic } from '../core/api.ts';
import { concernName } from '../ui/i18n.ts';
import { Pictogram } from '../ui/pictograms.tsx';
import { bookingMessages } from './booking-messages.ts';
import { kioskMessages } from './messages.ts';
import { ReadAloud } from './ReadAloud.tsx';
import { ResetBar } from './ResetBar.tsx';
import type { BackScreenProps } from './screen-props.ts';

export interface BookingScreenProps extends BackScreenProps {
  concern: ConcernPublic;
  office: OfficePublic;
  onCheckin: () => void;
}

export function BookingScreen({
  concern,
  office,
  language,
  resetSeconds,
  lastActivity,
  onBack,
  onCheckin,
}: BookingScreenProps) {
  const t = bookingMessages(language);
  const k = kioskMessages(language);
  const contact = office.contact ?? {};
  return (
    <main class="notice info" data-testid="booking-screen">
      <p class="notice-concern">
        <Pictogram name={concern.pictogram} size="2.4rem" />
        <span>{concernName(concern, language)}</span>
      </p>
      <h1>{t.title}</h1>
      <p class="notice-text">{t.text}</p>
      {contact.phone ? (
        <p class="notice-text booking-phone" data-testid="booking-phone">
          {t.phone}: <strong dir="ltr">{contact.phone}</strong>
        </p>
      ) : null}
      {contact.email ? (
        <p class="notice-text">
          {t.email}: <span dir="ltr">{contact.email}</span>
        </p>
      ) : null}
      <p class="notice-text">{t.haveOne}</p>
      <div class="notice-actions">
        <ReadAloud
          text={`${t.title} ${t.text} ${contact.phone ? `${t.phone} ${contact.phone}` : ''}`}
          language={language}
        />
        <button type="button" data-testid="booking-checkin" onClick={onCheckin}>
          {k.appointment}
        </button>
        <button type="button" class="primary" data-testid="kiosk-back" onClick={onBack}>
          {k.back}
        </button>
      </div>
      <ResetBar seconds={resetSeconds} since={lastActivity} />
    </main>
  );
}
