/**
 * "Questions? Call us: 0461 85-0": the office's phone under every kiosk screen that cannot help
 * further (closed, all numbers given out, a failure, a refused check-in). Nothing without a phone.
 */
import type { OfficePublic } from '../core/api.ts';
import type { Language } from '../ui/i18n.ts';

export const CALL_US: Record<Language, string> = {
  de: 'Fragen? Rufen Sie uns an:',
  en: 'Questions? Call us:',
  tr: 'Sorunuz mu var? Bizi arayın:',
  ar: 'أسئلة؟ اتصل بنا:',
  uk: 'Є питання? Телефонуйте нам:',
  ru: 'Есть вопросы? Позвоните нам:',
};

/** The sentence as read aloud, or '' when the office has no phone. */
export function contactSpeech(office: OfficePublic, language: Language): string {
  const phone = office.contact?.phone;
  return phone ? `${CALL_US[language] ?? CALL_US.de} ${phone}` : '';
}

export function ContactLine({ office, language }: { office: OfficePublic; language: Language }) {
  const phone = office.contact?.phone;
  if (!phone) return null;
  return (
    <p class="notice-text" data-testid="contact-phone">
      {CALL_US[language] ?? CALL_US.de} <strong dir="ltr">{phone}</strong>
    </p>
  );
}
