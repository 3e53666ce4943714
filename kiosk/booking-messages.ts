/** Kiosk texts for a concern served by appointment only (plain language, six languages). */
import type { Language } from '../core/types.ts';

export interface BookingMessages {
  /** Small line on the concern's button. */
  badge: string;
  title: string;
  text: string;
  phone: string;
  email: string;
  haveOne: string;
}

const MESSAGES: Record<Language, BookingMessages> = {
  de: {
    badge: 'Nur mit Termin',
    title: 'Dafür brauchen Sie einen Termin.',
    text: 'Rufen Sie uns an. Wir geben Ihnen einen Termin und einen Code.',
    phone: 'Telefon',
    email: 'E-Mail',
    haveOne: 'Sie haben schon einen Termin?',
  },
  en: {
    badge: 'Appointment only',
    title: 'You need an appointment for this.',
    text: 'Call us. We give you an appointment and a code.',
    phone: 'Phone',
    email: 'E-mail',
    haveOne: 'You already have an appointment?',
  },
  tr: {
    badge: 'Sadece randevuyla',
    title: 'Bunun için randevu almanız gerekiyor.',
    text: 'Bizi arayın. Size bir randevu ve bir kod veririz.',
    phone: 'Telefon',
    email: 'E-posta',
    haveOne: 'Randevunuz var mı?',
  },
  ar: {
    badge: 'بموعد فقط',
    title: 'تحتاج إلى موعد لهذا.',
    text: 'اتصل بنا. سنعطيك موعدًا ورمزًا.',
    phone: 'الهاتف',
    email: 'البريد الإلكتروني',
    haveOne: 'لديك موعد بالفعل؟',
  },
  uk: {
    badge: 'Лише за записом',
    title: 'Для цього потрібен запис.',
    text: 'Зателефонуйте нам. Ми дамо вам час і код.',
    phone: 'Телефон',
    email: 'Ел. пошта',
    haveOne: 'У вас уже є запис?',
  },
  ru: {
    badge: 'Только по записи',
    title: 'Для этого нужна запись.',
    text: 'Позвоните нам. Мы дадим вам время и код.',
    phone: 'Телефон',
    email: 'Эл. почта',
    haveOne: 'У вас уже есть запись?',
  },
};

export function bookingMessages(language: Language): BookingMessages {
  return MESSAGES[language];
}
