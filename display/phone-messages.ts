/**
 * Texts of the visitor's phone page, in the ticket's language.
 * Short sentences, direct address, no abbreviations.
 */
import type { TicketStatus } from '../core/types.ts';
import { catalogue, type Language } from '../ui/i18n.ts';

export interface PhoneMessages {
  title: string;
  status: Record<TicketStatus, string>;
  goTo: string;
  watchHint: string;
  soundButton: string;
  soundHint: string;
  documentsTitle: string;
  final: Record<'done' | 'no-show' | 'cancelled', string>;
  notFound: string;
  offline: string;
  loading: string;
  /** `{time}`: time of the last update. */
  updated: string;
  /** Notice when nobody is ahead any more. */
  nextTitle: string;
  /** Notice when one or two are ahead. */
  soonTitle: string;
  /** "Vor Ihnen sind nur noch 2 Personen." for 1 and 2. */
  onlyAhead: (n: 1 | 2) => string;
  stayClose: string;
  /** Above the parts of a visit with several concerns. */
  partsTitle: string;
  /** Beside each part: done, now due, later. */
  partDone: string;
  partNow: string;
  partLater: string;
  /** Between two parts: `{name}` is the next concern. */
  nextPart: string;
  nextPartHint: string;
  /** The clerk goes on with the next concern at once: the visitor stays at the counter. */
  stayAt: string;
  continueHere: string;
}

const de: PhoneMessages = {
  title: 'Ihre Nummer',
  status: {
    waiting: 'Sie warten',
    called: 'Sie sind dran!',
    done: 'Erledigt',
    'no-show': 'Verpasst',
    cancelled: 'Nicht mehr gültig',
  },
  goTo: 'Bitte gehen Sie jetzt zu:',
  watchHint: 'Lassen Sie diese Seite offen. Ihr Handy gibt ein Signal, wenn Sie dran sind.',
  soundButton: 'Ton einschalten',
  soundHint: 'Tippen Sie auf den Knopf. Dann hören Sie einen Ton, wenn Sie dran sind.',
  documentsTitle: 'Halten Sie bitte bereit:',
  final: {
    done: 'Ihr Besuch ist abgeschlossen. Vielen Dank!',
    'no-show': 'Sie wurden aufgerufen, waren aber nicht da. Ziehen Sie bitte am Eingang eine neue Nummer.',
    cancelled: 'Diese Nummer gilt nicht mehr. Ziehen Sie bitte am Eingang eine neue Nummer.',
  },
  notFound: 'Diese Nummer finden wir nicht. Vielleicht ist sie schon abgelaufen.',
  offline: 'Keine Verbindung. Die Angaben sind vielleicht nicht aktuell.',
  loading: 'Einen Moment, bitte.',
  updated: 'Zuletzt aktualisiert: {time}',
  nextTitle: 'Sie sind als Nächstes dran.',
  soonTitle: 'Sie sind bald dran.',
  onlyAhead: (n) => (n === 1 ? 'Vor Ihnen ist nur noch 1 Person.' : 'Vor Ihnen sind nur noch 2 Personen.'),
  stayClose: 'Bitte bleiben Sie in der Nähe. Halten Sie Ihre Unterlagen bereit.',
  partsTitle: 'Ihre Anliegen',
  partDone: 'erledigt',
  partNow: 'jetzt',
  partLater: 'danach',
  nextPart: 'Ihr nächstes Anliegen: {name}',
  nextPartHint: 'Sie werden wieder aufgerufen. Bitte bleiben Sie in der Nähe.',
  stayAt: 'Bleiben Sie bitte bei:',
  continueHere: 'Ihr nächstes Anliegen wird gleich hier erledigt.',
};

const en: PhoneMessages = {
  title: 'Your number',
  status: {
    waiting: 'Please wait',
    called: 'It is your turn!',
    done: 'Finished',
    'no-show': 'Missed',
    cancelled: 'No longer valid',
  },
  goTo: 'Please go now to:',
  watchHint: 'Keep this page open. Your phone gives a signal when it is your turn.',
  soundButton: 'Turn on sound',
  soundHint: 'Tap the button. Then you hear a sound when it is your turn.',
  documentsTitle: 'Please have these ready:',
  final: {
    done: 'Your visit is finished. Thank you!',
    'no-show': 'You were called, but you were not there. Please take a new number at the entrance.',
    cancelled: 'This number is no longer valid. Please take a new number at the entrance.',
  },
  notFound: 'We cannot find this number. It may have expired.',
  offline: 'No connection. The information may not be up to date.',
  loading: 'One moment, please.',
  updated: 'Last updated: {time}',
  nextTitle: 'You are next.',
  soonTitle: 'It is your turn soon.',
  onlyAhead: (n) => (n === 1 ? 'Only 1 person is ahead of you.' : 'Only 2 people are ahead of you.'),
  stayClose: 'Please stay close. Have your documents ready.',
  partsTitle: 'Your concerns',
  partDone: 'done',
  partNow: 'now',
  partLater: 'later',
  nextPart: 'Your next concern: {name}',
  nextPartHint: 'You will be called again. Please stay close.',
  stayAt: 'Please stay at:',
  continueHere: 'Your next concern is handled right here.',
};

const tr: PhoneMessages = {
  title: 'Numaranız',
  status: {
    waiting: 'Bekliyorsunuz',
    called: 'Sıra sizde!',
    done: 'Tamamlandı',
    'no-show': 'Kaçırıldı',
    cancelled: 'Artık geçerli değil',
  },
  goTo: 'Lütfen şimdi şuraya gidin:',
  watchHint: 'Bu sayfayı açık tutun. Sıra size gelince telefonunuz sinyal verir.',
  soundButton: 'Sesi aç',
  soundHint: 'Düğmeye dokunun. Sıra size gelince bir ses duyarsınız.',
  documentsTitle: 'Lütfen bunları hazır tutun:',
  final: {
    done: 'Ziyaretiniz tamamlandı. Teşekkürler!',
    'no-show': 'Çağrıldınız ama orada değildiniz. Lütfen girişte yeni bir numara alın.',
    cancelled: 'Bu numara artık geçerli değil. Lütfen girişte yeni bir numara alın.',
  },
  notFound: 'Bu numarayı bulamıyoruz. Süresi dolmuş olabilir.',
  offline: 'Bağlantı yok. Bilgiler güncel olmayabilir.',
  loading: 'Bir dakika, lütfen.',
  updated: 'Son güncelleme: {time}',
  nextTitle: 'Sıradaki sizsiniz.',
  soonTitle: 'Sıra birazdan size gelecek.',
  onlyAhead: (n) => `Sizden önce sadece ${n} kişi var.`,
  stayClose: 'Lütfen yakında kalın. Belgelerinizi hazır tutun.',
  partsTitle: 'İşlemleriniz',
  partDone: 'tamam',
  partNow: 'şimdi',
  partLater: 'sonra',
  nextPart: 'Sıradaki işleminiz: {name}',
  nextPartHint: 'Tekrar çağrılacaksınız. Lütfen yakında kalın.',
  stayAt: 'Lütfen burada kalın:',
  continueHere: 'Sıradaki işleminiz hemen burada yapılıyor.',
};

const ar: PhoneMessages = {
  title: 'رقمك',
  status: {
    waiting: 'أنت في الانتظار',
    called: 'جاء دورك!',
    done: 'انتهى',
    'no-show': 'فاتك الدور',
    cancelled: 'لم يعد صالحًا',
  },
  goTo: 'يرجى التوجه الآن إلى:',
  watchHint: 'اترك هذه الصفحة مفتوحة. سيعطيك هاتفك إشارة عندما يأتي دورك.',
  soundButton: 'تشغيل الصوت',
  soundHint: 'اضغط على الزر. ستسمع صوتًا عندما يأتي دورك.',
  documentsTitle: 'يرجى تجهيز ما يلي:',
  final: {
    done: 'انتهت زيارتك. شكرًا لك!',
    'no-show': 'نادينا رقمك لكنك لم تكن موجودًا. يرجى أخذ رقم جديد عند المدخل.',
    cancelled: 'هذا الرقم لم يعد صالحًا. يرجى أخذ رقم جديد عند المدخل.',
  },
  notFound: 'لا نجد هذا الرقم. ربما انتهت صلاحيته.',
  offline: 'لا يوجد اتصال. قد لا تكون المعلومات محدثة.',
  loading: 'لحظة من فضلك.',
  updated: 'آخر تحديث: {time}',
  nextTitle: 'أنت التالي.',
  soonTitle: 'سيأتي دورك قريبًا.',
  onlyAhead: (n) => (n === 1 ? 'أمامك شخص واحد فقط.' : 'أمامك شخصان فقط.'),
  stayClose: 'يرجى البقاء قريبًا. جهّز مستنداتك.',
  partsTitle: 'طلباتك',
  partDone: 'تم',
  partNow: 'الآن',
  partLater: 'لاحقًا',
  nextPart: 'طلبك التالي: {name}',
  nextPartHint: 'سيتم استدعاؤك مرة أخرى. يرجى البقاء قريبًا.',
  stayAt: 'يرجى البقاء عند:',
  continueHere: 'يُنجز طلبك التالي هنا مباشرة.',
};

const uk: PhoneMessages = {
  title: 'Ваш номер',
  status: {
    waiting: 'Ви в черзі',
    called: 'Ваша черга!',
    done: 'Завершено',
    'no-show': 'Пропущено',
    cancelled: 'Більше не дійсний',
  },
  goTo: 'Будь ласка, підійдіть зараз до:',
  watchHint: 'Не закривайте цю сторінку. Ваш телефон подасть сигнал, коли настане ваша черга.',
  soundButton: 'Увімкнути звук',
  soundHint: 'Натисніть кнопку. Тоді ви почуєте звук, коли настане ваша черга.',
  documentsTitle: 'Будь ласка, приготуйте:',
  final: {
    done: 'Ваш візит завершено. Дякуємо!',
    'no-show': 'Вас викликали, але вас не було. Будь ласка, візьміть новий номер біля входу.',
    cancelled: 'Цей номер більше не дійсний. Будь ласка, візьміть новий номер біля входу.',
  },
  notFound: 'Ми не знаходимо цей номер. Можливо, він уже не дійсний.',
  offline: 'Немає зʼєднання. Дані можуть бути неактуальними.',
  loading: 'Хвилинку, будь ласка.',
  updated: 'Оновлено: {time}',
  nextTitle: 'Ви наступні.',
  soonTitle: 'Скоро ваша черга.',
  onlyAhead: (n) => (n === 1 ? 'Перед вами лише 1 людина.' : 'Перед вами лише 2 людини.'),
  stayClose: 'Будь ласка, будьте поруч. Підготуйте документи.',
  partsTitle: 'Ваші питання',
  partDone: 'виконано',
  partNow: 'зараз',
  partLater: 'потім',
  nextPart: 'Ваше наступне питання: {name}',
  nextPartHint: 'Вас викличуть ще раз. Будь ласка, будьте поруч.',
  stayAt: 'Будь ласка, залишайтеся біля:',
  continueHere: 'Ваше наступне питання розглянуть тут же.',
};

const ru: PhoneMessages = {
  title: 'Ваш номер',
  status: {
    waiting: 'Вы в очереди',
    called: 'Ваша очередь!',
    done: 'Завершено',
    'no-show': 'Пропущено',
    cancelled: 'Больше не действителен',
  },
  goTo: 'Пожалуйста, подойдите сейчас к:',
  watchHint: 'Не закрывайте эту страницу. Телефон подаст сигнал, когда подойдёт ваша очередь.',
  soundButton: 'Включить звук',
  soundHint: 'Нажмите на кнопку. Тогда вы услышите звук, когда подойдёт ваша очередь.',
  documentsTitle: 'Пожалуйста, приготовьте:',
  final: {
    done: 'Ваш визит завершён. Спасибо!',
    'no-show': 'Вас вызывали, но вас не было. Пожалуйста, возьмите новый номер у входа.',
    cancelled: 'Этот номер больше не действителен. Пожалуйста, возьмите новый номер у входа.',
  },
  notFound: 'Мы не находим этот номер. Возможно, он уже не действителен.',
  offline: 'Нет связи. Данные могут быть неактуальными.',
  loading: 'Минутку, пожалуйста.',
  updated: 'Обновлено: {time}',
  nextTitle: 'Вы следующий.',
  soonTitle: 'Скоро ваша очередь.',
  onlyAhead: (n) => (n === 1 ? 'Перед вами только 1 человек.' : 'Перед вами только 2 человека.'),
  stayClose: 'Пожалуйста, оставайтесь рядом. Приготовьте документы.',
  partsTitle: 'Ваши вопросы',
  partDone: 'готово',
  partNow: 'сейчас',
  partLater: 'потом',
  nextPart: 'Ваш следующий вопрос: {name}',
  nextPartHint: 'Вас вызовут ещё раз. Пожалуйста, оставайтесь рядом.',
  stayAt: 'Пожалуйста, оставайтесь у:',
  continueHere: 'Ваш следующий вопрос решат здесь же.',
};

export const PHONE_MESSAGES: Record<Language, PhoneMessages> = { de, en, tr, ar, uk, ru };

export function phoneMessages(language: Language): PhoneMessages {
  return catalogue(PHONE_MESSAGES, language);
}
