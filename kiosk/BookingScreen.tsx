/** A concern served by appointment only: no ticket; how to book (the office's phone), and check-in for those who have one. */
import type { ConcernPublic, OfficePublic } from '../core/api.ts';
import { bookingMessages } from './booking-messages.ts';
import { NoticeButtons, NoticeConcern } from './notice-parts.tsx';
import { kioskMessages } from './messages.ts';
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
      <NoticeConcern concern={concern} language={language} />
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
        <NoticeButtons
          speech={`${t.title} ${t.text} ${contact.phone ? `${t.phone} ${contact.phone}` : ''}`}
          language={language}
          onBack={onBack}
        >
          <button type="button" data-testid="booking-checkin" onClick={onCheckin}>
            {k.appointment}
          </button>
        </NoticeButtons>
      </div>
      <ResetBar seconds={resetSeconds} since={lastActivity} />
    </main>
  );
}
