/**
 * The fixed words printed on a ticket, per language. Values (counts, minutes, dates) are
 * separate so no language needs plural rules here. Arabic is printed from pre-rendered images
 * of these strings (see `arabic-labels.ts`), as no printer code page shows joined Arabic script.
 */
import type { TicketLanguage } from './types.ts';

export interface TicketMessages {
  yourNumber: string;
  issued: string;
  ahead: string;
  /** Shown instead of "people ahead" and "estimated wait" when nobody is ahead. */
  next: string;
  estimatedWait: string;
  /** Value of the estimated wait; `{n}` is the number of minutes. */
  minutes: string;
  documents: string;
  qr: string;
  /** Under the concerns of a visit with several: how they are served. */
  visitOrder: string;
  /** When a concern's documents are cut short on paper: `{n}` more, listed on the phone. */
  moreDocuments: string;
  /** Before the appointment's time on a ticket for an appointment. */
  appointment: string;
  /** Before the office's phone in the ticket's foot. */
  phone: string;
}

export type MessageKey = keyof TicketMessages;
/**
 * Messages printed as they are (not templates): the ones drawn as images for Arabic. The
 * sentences of a visit with several concerns are printed as text (rasterised or in German for
 * Arabic), as they are rarely printed and long.
 */
export type LabelKey = Exclude<MessageKey, 'minutes' | 'visitOrder' | 'moreDocuments' | 'appointment' | 'phone'>;
export const LABEL_KEYS: readonly LabelKey[] = [
  'yourNumber',
  'issued',
  'ahead',
  'next',
  'estimatedWait',
  'documents',
  'qr',
];

export const MESSAGES: Readonly<Record<TicketLanguage, TicketMessages>> = {
  de: {
    yourNumber: 'Ihre Nummer',
    issued: 'Ausgegeben',
    ahead: 'Vor Ihnen warten',
    next: 'Sie sind als Nächstes dran.',
    estimatedWait: 'Wartezeit',
    minutes: 'ca. {n} Min.',
    documents: 'Bitte halten Sie bereit:',
    qr: 'Ihre Wartezeit auf dem Handy:',
    visitOrder: 'Nacheinander erledigt, alles unter einer Nummer.',
    moreDocuments: '... und {n} mehr: siehe Handy',
    appointment: 'Ihr Termin',
    phone: 'Fragen? Telefon',
  },
  en: {
    yourNumber: 'Your number',
    issued: 'Issued',
    ahead: 'People ahead of you',
    next: 'You are next.',
    estimatedWait: 'Estimated wait',
    minutes: 'approx. {n} min',
    documents: 'Please have ready:',
    qr: 'Follow your turn on your phone:',
    visitOrder: 'Handled one after another, all under one number.',
    moreDocuments: '... and {n} more: see your phone',
    appointment: 'Your appointment',
    phone: 'Questions? Phone',
  },
  tr: {
    yourNumber: 'Numaranız',
    issued: 'Verildi',
    ahead: 'Önünüzdeki kişi',
    next: 'Sıradaki sizsiniz.',
    estimatedWait: 'Tahmini bekleme',
    minutes: 'yakl. {n} dk.',
    documents: 'Lütfen hazır bulundurun:',
    qr: 'Sıranızı telefonunuzdan izleyin:',
    visitOrder: 'Sırayla yapılır, hepsi tek numarayla.',
    moreDocuments: '... ve {n} tane daha: telefonunuza bakın',
    appointment: 'Randevunuz',
    phone: 'Sorular? Telefon',
  },
  uk: {
    yourNumber: 'Ваш номер',
    issued: 'Видано',
    ahead: 'Перед вами',
    next: 'Ви наступні.',
    estimatedWait: 'Орієнтовне очікування',
    minutes: 'бл. {n} хв',
    documents: 'Будь ласка, підготуйте:',
    qr: 'Стежте за чергою на телефоні:',
    visitOrder: 'По черзі, усе під одним номером.',
    moreDocuments: '... і ще {n}: див. телефон',
    appointment: 'Ваш запис',
    phone: 'Питання? Телефон',
  },
  ru: {
    yourNumber: 'Ваш номер',
    issued: 'Выдан',
    ahead: 'Перед вами',
    next: 'Вы следующий.',
    estimatedWait: 'Ожидание',
    minutes: 'ок. {n} мин',
    documents: 'Пожалуйста, подготовьте:',
    qr: 'Следите за очередью на телефоне:',
    visitOrder: 'По очереди, всё под одним номером.',
    moreDocuments: '... и ещё {n}: см. телефон',
    appointment: 'Ваша запись',
    phone: 'Вопросы? Телефон',
  },
  ar: {
    yourNumber: 'رقمك',
    issued: 'وقت الإصدار:',
    ahead: 'عدد المنتظرين قبلك:',
    next: 'دورك هو التالي.',
    estimatedWait: 'الانتظار المتوقع (بالدقائق):',
    minutes: '{n}',
    documents: 'يرجى تجهيز:',
    qr: 'تابع دورك على هاتفك:',
    visitOrder: 'تُنجز واحدًا بعد الآخر، كلها برقم واحد.',
    moreDocuments: '... و{n} أخرى: انظر هاتفك',
    appointment: 'موعدك:',
    phone: 'أسئلة؟ الهاتف:',
  },
};

/** Locale for dates; Arabic tickets print Western digits in German order (as the labels are images). */
export const DATE_LOCALE: Readonly<Record<TicketLanguage, string>> = {
  de: 'de-DE',
  en: 'en-GB',
  tr: 'tr-TR',
  uk: 'uk-UA',
  ru: 'ru-RU',
  ar: 'de-DE',
};

export function formatMinutes(template: string, minutes: number): string {
  return template.replace('{n}', String(minutes));
}

/** Date and time of `ms` in `timeZone`, e.g. `21.11.2025, 13:18`; throws RangeError for an unknown zone. */
export function formatIssued(ms: number, timeZone: string, language: TicketLanguage): string {
  const format = new Intl.DateTimeFormat(DATE_LOCALE[language], {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return format.format(ms);
}
