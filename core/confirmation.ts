/**
 * What an appointment confirmation says, in the visitor's language: the same content for the
 * printable page (`/appointment/<id>`) and the thermal printout (`printer/confirmation.ts`). Pure.
 */
import { formatCode } from './appointments.ts';
import { LOCALES } from './languages.ts';
import type { Appointment, Language, OfficeConfig } from './types.ts';

export interface ConfirmationTexts {
  title: string;
  date: string;
  time: string;
  place: string;
  code: string;
  codeHint: string;
  concern: string;
  documents: string;
  contact: string;
  phone: string;
  email: string;
  address: string;
  web: string;
  cancel: string;
  cancelled: string;
}

const TEXTS: Record<Language, ConfirmationTexts> = {
  de: {
    title: 'Ihr Termin',
    date: 'Datum',
    time: 'Uhrzeit',
    place: 'Ort',
    code: 'Ihr Code',
    codeHint: 'Geben Sie diesen Code am Eingang am Bildschirm ein. Dann werden Sie aufgerufen.',
    concern: 'Anliegen',
    documents: 'Bitte bringen Sie mit',
    contact: 'So erreichen Sie uns',
    phone: 'Telefon',
    email: 'E-Mail',
    address: 'Adresse',
    web: 'Internet',
    cancel: 'Sie können nicht kommen? Bitte sagen Sie den Termin telefonisch ab. Nennen Sie dabei Ihren Code.',
    cancelled: 'Dieser Termin wurde abgesagt.',
  },
  en: {
    title: 'Your appointment',
    date: 'Date',
    time: 'Time',
    place: 'Place',
    code: 'Your code',
    codeHint: 'Enter this code on the screen at the entrance. Then you will be called.',
    concern: 'Concern',
    documents: 'Please bring',
    contact: 'How to reach us',
    phone: 'Phone',
    email: 'E-mail',
    address: 'Address',
    web: 'Website',
    cancel: 'You cannot come? Please cancel the appointment by phone. Tell us your code.',
    cancelled: 'This appointment was cancelled.',
  },
  tr: {
    title: 'Randevunuz',
    date: 'Tarih',
    time: 'Saat',
    place: 'Yer',
    code: 'Kodunuz',
    codeHint: 'Bu kodu girişteki ekrana girin. Sonra çağrılırsınız.',
    concern: 'Konu',
    documents: 'Lütfen yanınızda getirin',
    contact: 'Bize ulaşın',
    phone: 'Telefon',
    email: 'E-posta',
    address: 'Adres',
    web: 'İnternet',
    cancel: 'Gelemiyor musunuz? Lütfen randevuyu telefonla iptal edin. Kodunuzu söyleyin.',
    cancelled: 'Bu randevu iptal edildi.',
  },
  ar: {
    title: 'موعدك',
    date: 'التاريخ',
    time: 'الوقت',
    place: 'المكان',
    code: 'رمزك',
    codeHint: 'أدخل هذا الرمز في الشاشة عند المدخل. بعد ذلك سيتم استدعاؤك.',
    concern: 'الموضوع',
    documents: 'من فضلك أحضر معك',
    contact: 'للتواصل معنا',
    phone: 'الهاتف',
    email: 'البريد الإلكتروني',
    address: 'العنوان',
    web: 'الموقع',
    cancel: 'لا تستطيع الحضور؟ من فضلك ألغِ الموعد بالهاتف. أخبرنا برمزك.',
    cancelled: 'تم إلغاء هذا الموعد.',
  },
  uk: {
    title: 'Ваш запис',
    date: 'Дата',
    time: 'Час',
    place: 'Місце',
    code: 'Ваш код',
    codeHint: 'Введіть цей код на екрані біля входу. Потім вас викличуть.',
    concern: 'Питання',
    documents: 'Будь ласка, візьміть із собою',
    contact: 'Як з нами звʼязатися',
    phone: 'Телефон',
    email: 'Ел. пошта',
    address: 'Адреса',
    web: 'Сайт',
    cancel: 'Не можете прийти? Будь ласка, скасуйте запис телефоном. Назвіть свій код.',
    cancelled: 'Цей запис скасовано.',
  },
  ru: {
    title: 'Ваша запись',
    date: 'Дата',
    time: 'Время',
    place: 'Место',
    code: 'Ваш код',
    codeHint: 'Введите этот код на экране у входа. Потом вас вызовут.',
    concern: 'Вопрос',
    documents: 'Пожалуйста, возьмите с собой',
    contact: 'Как с нами связаться',
    phone: 'Телефон',
    email: 'Эл. почта',
    address: 'Адрес',
    web: 'Сайт',
    cancel: 'Не можете прийти? Пожалуйста, отмените запись по телефону. Назовите свой код.',
    cancelled: 'Эта запись отменена.',
  },
};

export interface Confirmation {
  language: Language;
  rtl: boolean;
  texts: ConfirmationTexts;
  officeName: string;
  /** Long local date ("Montag, 23. November 2026"). */
  date: string;
  /** Local time "09:20". */
  time: string;
  /** The counter booked, else the office's address, else its name. */
  place: string;
  code: string;
  concernName: string;
  documents: string[];
  contact: { label: string; value: string }[];
  cancelled: boolean;
}

export function confirmationOf(appointment: Appointment, office: OfficeConfig, language: Language): Confirmation {
  const texts = TEXTS[language];
  const concern = office.concerns.find((c) => c.id === appointment.concernId);
  const locale = LOCALES[language];
  const date = new Intl.DateTimeFormat(locale, {
    timeZone: office.timezone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(appointment.start);
  const time = new Intl.DateTimeFormat('de-DE', {
    timeZone: office.timezone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(appointment.start);
  const counter = office.counters.find((c) => c.id === appointment.counterId);
  const contact = office.contact ?? {};
  const place = [counter?.name, contact.address].filter(Boolean).join(', ') || office.name;
  return {
    language,
    rtl: language === 'ar',
    texts,
    officeName: office.name,
    date,
    time,
    place,
    code: formatCode(appointment.code),
    concernName: concern?.names?.[language] ?? concern?.name ?? appointment.concernId,
    documents: concern?.documentsByLanguage?.[language] ?? concern?.documents ?? [],
    contact: (['phone', 'email', 'address', 'web'] as const).flatMap((key) => {
      const value = contact[key];
      return value ? [{ label: texts[key], value }] : [];
    }),
    cancelled: appointment.cancelledAt !== undefined,
  };
}
