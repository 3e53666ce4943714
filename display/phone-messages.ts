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
  /** The visitor stepped away (parked): not called until back. */
  parkedStatus: string;
  parkedHint: string;
  /** After a transfer: `{name}` the new concern (or counter). */
  moved: string;
  movedHint: string;
  /** Before the visitor has touched the page: sound and vibration are not allowed yet. */
  signalOff: string;
  /** After the touch. */
  signalOn: string;
  /** Where a visitor is stuck (missed, cancelled, not found): the office's phone. */
  callUs: string;
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
  watchHint: 'Lassen Sie diese Seite offen. Sie zeigt, wann Sie dran sind.',
  soundButton: 'Ton und Vibration einschalten',
  soundHint: 'Ihr Handy darf erst ein Signal geben, wenn Sie einmal auf diesen Knopf tippen.',
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
  parkedStatus: 'Sie sind kurz weg',
  parkedHint:
    'Sie werden nicht aufgerufen, solange Sie weg sind. Wenn Sie zurück sind, sagen Sie bitte am Platz Bescheid.',
  moved: 'Ihre Nummer wurde weitergeleitet: {name}',
  movedHint: 'Sie werden dort aufgerufen. Ihre Nummer bleibt gleich.',
  signalOff: 'Noch kein Ton und keine Vibration: Tippen Sie auf den Knopf.',
  signalOn:
    'Ton und Vibration sind an, solange diese Seite offen ist. Bei gesperrtem Bildschirm kommt vielleicht kein Signal.',
  callUs: 'Fragen? Rufen Sie uns an:',
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
  watchHint: 'Keep this page open. It shows when it is your turn.',
  soundButton: 'Turn on sound and vibration',
  soundHint: 'Your phone may only give a signal after you tap this button once.',
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
  parkedStatus: 'You stepped away',
  parkedHint: 'You are not called while you are away. When you are back, please tell the counter.',
  moved: 'Your number was passed on: {name}',
  movedHint: 'You will be called there. Your number stays the same.',
  signalOff: 'No sound or vibration yet: tap the button.',
  signalOn: 'Sound and vibration are on while this page is open. With a locked screen a signal may not come.',
  callUs: 'Questions? Call us:',
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
  watchHint: 'Bu sayfayı açık tutun. Sıranızın ne zaman geldiğini gösterir.',
  soundButton: 'Ses ve titreşimi aç',
  soundHint: 'Telefonunuz ancak bu düğmeye bir kez dokunduktan sonra sinyal verebilir.',
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
  parkedStatus: 'Kısa süreliğine ayrıldınız',
  parkedHint: 'Uzaktayken çağrılmazsınız. Döndüğünüzde lütfen gişeye haber verin.',
  moved: 'Numaranız yönlendirildi: {name}',
  movedHint: 'Orada çağrılacaksınız. Numaranız aynı kalır.',
  signalOff: 'Henüz ses ve titreşim yok: düğmeye dokunun.',
  signalOn: 'Bu sayfa açık olduğu sürece ses ve titreşim açık. Ekran kilitliyse sinyal gelmeyebilir.',
  callUs: 'Sorularınız mı var? Bizi arayın:',
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
  watchHint: 'اترك هذه الصفحة مفتوحة. ستعرض لك متى يأتي دورك.',
  soundButton: 'تشغيل الصوت والاهتزاز',
  soundHint: 'لا يستطيع هاتفك إعطاء إشارة إلا بعد أن تضغط على هذا الزر مرة واحدة.',
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
  parkedStatus: 'لقد ابتعدت قليلًا',
  parkedHint: 'لن يتم استدعاؤك أثناء غيابك. عند عودتك، يرجى إبلاغ الموظف.',
  moved: 'تم تحويل رقمك إلى: {name}',
  movedHint: 'سيتم استدعاؤك هناك. يبقى رقمك كما هو.',
  signalOff: 'لا يوجد صوت أو اهتزاز بعد: اضغط على الزر.',
  signalOn: 'الصوت والاهتزاز مفعّلان ما دامت هذه الصفحة مفتوحة. قد لا تصل إشارة إذا كانت الشاشة مقفلة.',
  callUs: 'لديك أسئلة؟ اتصل بنا:',
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
  watchHint: 'Не закривайте цю сторінку. Вона показує, коли настане ваша черга.',
  soundButton: 'Увімкнути звук і вібрацію',
  soundHint: 'Телефон може подати сигнал лише після того, як ви один раз натиснете цю кнопку.',
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
  parkedStatus: 'Ви ненадовго відійшли',
  parkedHint: 'Поки вас немає, вас не викликають. Коли повернетеся, скажіть про це біля віконця.',
  moved: 'Ваш номер передано: {name}',
  movedHint: 'Вас викличуть там. Ваш номер не змінюється.',
  signalOff: 'Звуку і вібрації ще немає: натисніть кнопку.',
  signalOn: 'Звук і вібрація увімкнені, поки ця сторінка відкрита. Якщо екран заблоковано, сигналу може не бути.',
  callUs: 'Питання? Зателефонуйте нам:',
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
  watchHint: 'Не закрывайте эту страницу. Она показывает, когда подойдёт ваша очередь.',
  soundButton: 'Включить звук и вибрацию',
  soundHint: 'Телефон может подать сигнал только после того, как вы один раз нажмёте эту кнопку.',
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
  parkedStatus: 'Вы ненадолго отошли',
  parkedHint: 'Пока вас нет, вас не вызывают. Когда вернётесь, скажите об этом у окошка.',
  moved: 'Ваш номер передан: {name}',
  movedHint: 'Вас вызовут там. Ваш номер не меняется.',
  signalOff: 'Звука и вибрации пока нет: нажмите кнопку.',
  signalOn: 'Звук и вибрация включены, пока эта страница открыта. Если экран заблокирован, сигнала может не быть.',
  callUs: 'Вопросы? Позвоните нам:',
};

export const PHONE_MESSAGES: Record<Language, PhoneMessages> = { de, en, tr, ar, uk, ru };

export function phoneMessages(language: Language): PhoneMessages {
  return catalogue(PHONE_MESSAGES, language);
}
