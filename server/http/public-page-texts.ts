/**
 * Texts of the office's public page in the six languages: short sentences, the visitor
 * addressed directly, no abbreviations. `{n}`, `{when}`, `{time}` are filled in.
 */
import type { Language, PluralForms } from '../../ui/i18n.ts';

export interface PublicPageTexts {
  languages: string;
  openNow: string;
  closedNow: string;
  opensAgain: string;
  hours: string;
  today: string;
  closed: string;
  closedDays: string;
  contact: string;
  phone: string;
  email: string;
  address: string;
  web: string;
  waitNow: string;
  concern: string;
  waiting: string;
  waitTime: string;
  minutes: PluralForms;
  soon: string;
  updated: string;
  concerns: string;
  bring: string;
  online: string;
  onlineLink: string;
  walkIn: string;
  appointmentOnly: string;
  bookPhone: string;
  bookEmail: string;
  bookWeb: string;
  bookAsk: string;
  remoteText: string;
  remoteTake: string;
  remoteGone: string;
  apps: string;
}

const de: PublicPageTexts = {
  languages: 'Sprache',
  openNow: 'Jetzt geöffnet.',
  closedNow: 'Jetzt geschlossen.',
  opensAgain: 'Wir öffnen wieder: {when}.',
  hours: 'Öffnungszeiten',
  today: 'heute',
  closed: 'geschlossen',
  closedDays: 'An diesen Tagen ist geschlossen',
  contact: 'So erreichen Sie uns',
  phone: 'Telefon',
  email: 'E-Mail',
  address: 'Adresse',
  web: 'Internet',
  waitNow: 'So lange warten Sie jetzt',
  concern: 'Anliegen',
  waiting: 'Es warten',
  waitTime: 'Wartezeit',
  minutes: { one: 'etwa {n} Minute', other: 'etwa {n} Minuten' },
  soon: 'kaum Wartezeit',
  updated: 'Stand: {time} Uhr.',
  concerns: 'Ihre Anliegen',
  bring: 'Bringen Sie mit:',
  online: 'Das erledigen Sie im Internet. Sie müssen nicht kommen.',
  onlineLink: 'Zum Antrag im Internet',
  walkIn: 'Sie brauchen keinen Termin. Ziehen Sie im Amt eine Nummer am Automaten.',
  appointmentOnly: 'Nur mit Termin.',
  bookPhone: 'Einen Termin bekommen Sie am Telefon: {phone}.',
  bookEmail: 'Oder schreiben Sie eine E-Mail: {email}.',
  bookWeb: 'Termin im Internet buchen',
  bookAsk: 'Fragen Sie im Amt nach einem Termin.',
  remoteText: 'Sie können schon unterwegs eine Nummer ziehen. Zeigen Sie im Amt am Automaten, dass Sie da sind.',
  remoteTake: 'Nummer von unterwegs ziehen: {concern}',
  remoteGone: 'Für heute sind alle Nummern von unterwegs vergeben.',
  apps: 'Für Mitarbeitende: Anwendungen',
};

const en: PublicPageTexts = {
  languages: 'Language',
  openNow: 'Open now.',
  closedNow: 'Closed now.',
  opensAgain: 'We open again: {when}.',
  hours: 'Opening hours',
  today: 'today',
  closed: 'closed',
  closedDays: 'We are closed on these days',
  contact: 'How to reach us',
  phone: 'Phone',
  email: 'E-mail',
  address: 'Address',
  web: 'Website',
  waitNow: 'How long you wait now',
  concern: 'Concern',
  waiting: 'Waiting',
  waitTime: 'Waiting time',
  minutes: { one: 'about {n} minute', other: 'about {n} minutes' },
  soon: 'hardly any wait',
  updated: 'As of {time}.',
  concerns: 'Your concerns',
  bring: 'Bring with you:',
  online: 'You can do this on the internet. You do not need to come.',
  onlineLink: 'Go to the online application',
  walkIn: 'You do not need an appointment. Take a number at the machine in the office.',
  appointmentOnly: 'Only with an appointment.',
  bookPhone: 'You get an appointment by phone: {phone}.',
  bookEmail: 'Or write an e-mail: {email}.',
  bookWeb: 'Book an appointment online',
  bookAsk: 'Ask for an appointment in the office.',
  remoteText: 'You can take a number on your way. At the office, show the machine that you are there.',
  remoteTake: 'Take a number on the way: {concern}',
  remoteGone: 'All numbers for today are taken.',
  apps: 'For staff: applications',
};

const tr: PublicPageTexts = {
  languages: 'Dil',
  openNow: 'Şu anda açık.',
  closedNow: 'Şu anda kapalı.',
  opensAgain: 'Tekrar açılıyoruz: {when}.',
  hours: 'Çalışma saatleri',
  today: 'bugün',
  closed: 'kapalı',
  closedDays: 'Bu günlerde kapalıyız',
  contact: 'Bize ulaşın',
  phone: 'Telefon',
  email: 'E-posta',
  address: 'Adres',
  web: 'İnternet',
  waitNow: 'Şu anki bekleme süresi',
  concern: 'İşlem',
  waiting: 'Bekleyen',
  waitTime: 'Bekleme süresi',
  minutes: { other: 'yaklaşık {n} dakika' },
  soon: 'neredeyse beklemeden',
  updated: 'Saat {time} itibarıyla.',
  concerns: 'İşlemleriniz',
  bring: 'Yanınızda getirin:',
  online: 'Bunu internetten yapabilirsiniz. Gelmenize gerek yok.',
  onlineLink: 'İnternetten başvuruya git',
  walkIn: 'Randevuya ihtiyacınız yok. Dairede otomattan bir numara alın.',
  appointmentOnly: 'Sadece randevu ile.',
  bookPhone: 'Randevuyu telefonla alırsınız: {phone}.',
  bookEmail: 'Veya e-posta yazın: {email}.',
  bookWeb: 'İnternetten randevu alın',
  bookAsk: 'Dairede randevu isteyin.',
  remoteText: 'Yoldayken numara alabilirsiniz. Dairede otomatta geldiğinizi gösterin.',
  remoteTake: 'Yoldan numara al: {concern}',
  remoteGone: 'Bugün için tüm numaralar verildi.',
  apps: 'Çalışanlar için: uygulamalar',
};

const ar: PublicPageTexts = {
  languages: 'اللغة',
  openNow: 'مفتوح الآن.',
  closedNow: 'مغلق الآن.',
  opensAgain: 'نفتح مرة أخرى: {when}.',
  hours: 'أوقات العمل',
  today: 'اليوم',
  closed: 'مغلق',
  closedDays: 'نغلق في هذه الأيام',
  contact: 'للتواصل معنا',
  phone: 'الهاتف',
  email: 'البريد الإلكتروني',
  address: 'العنوان',
  web: 'الموقع الإلكتروني',
  waitNow: 'مدة الانتظار الآن',
  concern: 'المعاملة',
  waiting: 'ينتظرون',
  waitTime: 'مدة الانتظار',
  minutes: {
    one: 'حوالي دقيقة واحدة',
    two: 'حوالي دقيقتين',
    few: 'حوالي {n} دقائق',
    many: 'حوالي {n} دقيقة',
    other: 'حوالي {n} دقيقة',
  },
  soon: 'بدون انتظار تقريبًا',
  updated: 'آخر تحديث: {time}.',
  concerns: 'معاملاتك',
  bring: 'أحضر معك:',
  online: 'يمكنك القيام بذلك عبر الإنترنت. لا تحتاج إلى الحضور.',
  onlineLink: 'إلى الطلب عبر الإنترنت',
  walkIn: 'لا تحتاج إلى موعد. خذ رقمًا من الجهاز في المكتب.',
  appointmentOnly: 'بموعد فقط.',
  bookPhone: 'تحصل على موعد عبر الهاتف: {phone}.',
  bookEmail: 'أو اكتب بريدًا إلكترونيًا: {email}.',
  bookWeb: 'احجز موعدًا عبر الإنترنت',
  bookAsk: 'اطلب موعدًا في المكتب.',
  remoteText: 'يمكنك أخذ رقم وأنت في الطريق. في المكتب، أكّد وصولك عند الجهاز.',
  remoteTake: 'خذ رقمًا من الطريق: {concern}',
  remoteGone: 'تم توزيع كل الأرقام لهذا اليوم.',
  apps: 'للموظفين: التطبيقات',
};

const uk: PublicPageTexts = {
  languages: 'Мова',
  openNow: 'Зараз відчинено.',
  closedNow: 'Зараз зачинено.',
  opensAgain: 'Ми знову відчиняємось: {when}.',
  hours: 'Години роботи',
  today: 'сьогодні',
  closed: 'зачинено',
  closedDays: 'У ці дні ми зачинені',
  contact: 'Як з нами звʼязатися',
  phone: 'Телефон',
  email: 'Електронна пошта',
  address: 'Адреса',
  web: 'Вебсайт',
  waitNow: 'Скільки ви чекаєте зараз',
  concern: 'Питання',
  waiting: 'Чекають',
  waitTime: 'Час очікування',
  minutes: {
    one: 'приблизно {n} хвилина',
    few: 'приблизно {n} хвилини',
    many: 'приблизно {n} хвилин',
    other: 'приблизно {n} хвилини',
  },
  soon: 'майже без очікування',
  updated: 'Станом на {time}.',
  concerns: 'Ваші питання',
  bring: 'Візьміть із собою:',
  online: 'Це можна зробити в інтернеті. Вам не треба приходити.',
  onlineLink: 'До заяви в інтернеті',
  walkIn: 'Запис не потрібен. Візьміть номер в автоматі в установі.',
  appointmentOnly: 'Тільки за записом.',
  bookPhone: 'Записатися можна телефоном: {phone}.',
  bookEmail: 'Або напишіть електронного листа: {email}.',
  bookWeb: 'Записатися в інтернеті',
  bookAsk: 'Запитайте про запис в установі.',
  remoteText: 'Ви можете взяти номер ще в дорозі. В установі покажіть автомату, що ви прийшли.',
  remoteTake: 'Взяти номер у дорозі: {concern}',
  remoteGone: 'Усі номери на сьогодні вже видано.',
  apps: 'Для працівників: застосунки',
};

const ru: PublicPageTexts = {
  languages: 'Язык',
  openNow: 'Сейчас открыто.',
  closedNow: 'Сейчас закрыто.',
  opensAgain: 'Мы снова открываемся: {when}.',
  hours: 'Часы работы',
  today: 'сегодня',
  closed: 'закрыто',
  closedDays: 'В эти дни мы закрыты',
  contact: 'Как с нами связаться',
  phone: 'Телефон',
  email: 'Электронная почта',
  address: 'Адрес',
  web: 'Сайт',
  waitNow: 'Сколько вы ждёте сейчас',
  concern: 'Вопрос',
  waiting: 'Ждут',
  waitTime: 'Время ожидания',
  minutes: {
    one: 'примерно {n} минута',
    few: 'примерно {n} минуты',
    many: 'примерно {n} минут',
    other: 'примерно {n} минуты',
  },
  soon: 'почти без ожидания',
  updated: 'По состоянию на {time}.',
  concerns: 'Ваши вопросы',
  bring: 'Возьмите с собой:',
  online: 'Это можно сделать в интернете. Вам не нужно приходить.',
  onlineLink: 'К заявлению в интернете',
  walkIn: 'Запись не нужна. Возьмите номер в автомате в учреждении.',
  appointmentOnly: 'Только по записи.',
  bookPhone: 'Записаться можно по телефону: {phone}.',
  bookEmail: 'Или напишите письмо: {email}.',
  bookWeb: 'Записаться в интернете',
  bookAsk: 'Спросите о записи в учреждении.',
  remoteText: 'Вы можете взять номер ещё в пути. В учреждении покажите автомату, что вы пришли.',
  remoteTake: 'Взять номер в пути: {concern}',
  remoteGone: 'Все номера на сегодня уже выданы.',
  apps: 'Для сотрудников: приложения',
};

export const PUBLIC_PAGE_TEXTS: Record<Language, PublicPageTexts> = { de, en, tr, ar, uk, ru };
