/**
 * Texts of the kiosk, per language. Short sentences, direct address, no abbreviations.
 * Concern names, descriptions and documents come from the office configuration;
 * waiting sentences from `ui/visitor-texts.ts`.
 */
import { catalogue, fill, type Language } from '../ui/i18n.ts';

export interface KioskMessages {
  welcome: string;
  chooseConcern: string;
  language: string;
  largeText: string;
  busy: string;
  yourNumber: string;
  /** The ticket came out of the printer. */
  printed: string;
  /** The printer failed: the ticket on screen is all there is, and it is valid. */
  printFailed: string;
  documentsTitle: string;
  qrHint: string;
  watchScreen: string;
  done: string;
  qrLabel: string;
  infoTitle: string;
  infoText: string;
  infoHelp: string;
  infoQrLabel: string;
  back: string;
  closedTitle: string;
  closedText: string;
  /** `{when}`: the next opening, e.g. "Montag, 24. November, 09:00". */
  nextOpening: string;
  openingHours: string;
  quotaTitle: string;
  quotaText: string;
  waitTitle: string;
  waitText: string;
  failedTitle: string;
  failedText: string;
  tryAgain: string;
}

const de: KioskMessages = {
  welcome: 'Willkommen',
  chooseConcern: 'Was möchten Sie heute erledigen? Tippen Sie auf Ihr Anliegen.',
  language: 'Sprache',
  largeText: 'Große Schrift',
  busy: 'Einen Moment, bitte. Ihre Nummer kommt gleich.',
  yourNumber: 'Ihre Nummer',
  printed: 'Nehmen Sie bitte Ihren Zettel mit.',
  printFailed:
    'Der Drucker funktioniert gerade nicht. Ihre Nummer gilt trotzdem. Scannen Sie den Code oder merken Sie sich die Nummer.',
  documentsTitle: 'Halten Sie bitte bereit:',
  qrHint: 'Scannen Sie den Code mit Ihrem Handy. Dann sehen Sie dort, wann Sie dran sind.',
  watchScreen: 'Warten Sie bitte im Wartebereich. Der Bildschirm zeigt Ihre Nummer, wenn Sie dran sind.',
  done: 'Fertig',
  qrLabel: 'QR-Code für Ihr Handy',
  infoTitle: 'Das geht online.',
  infoText: 'Dafür brauchen Sie keine Nummer. Scannen Sie den Code mit Ihrem Handy. Dann kommen Sie direkt zum Antrag.',
  infoHelp: 'Sie brauchen Hilfe? Fragen Sie bitte an der Information.',
  infoQrLabel: 'QR-Code für den Antrag im Internet',
  back: 'Zurück',
  closedTitle: 'Wir haben jetzt geschlossen.',
  closedText: 'Sie bekommen gerade keine Nummer. Kommen Sie bitte zu unseren Öffnungszeiten wieder.',
  nextOpening: 'Wir öffnen wieder: {when}',
  openingHours: 'Öffnungszeiten',
  quotaTitle: 'Für heute sind alle Nummern vergeben.',
  quotaText: 'Für dieses Anliegen bekommen Sie heute keine Nummer mehr. Kommen Sie bitte an einem anderen Tag wieder.',
  waitTitle: 'Einen Moment, bitte.',
  waitText: 'Die Verbindung ist kurz unterbrochen. Es geht gleich weiter.',
  failedTitle: 'Das hat leider nicht geklappt.',
  failedText: 'Versuchen Sie es bitte noch einmal. Oder fragen Sie an der Information.',
  tryAgain: 'Noch einmal',
};

const en: KioskMessages = {
  welcome: 'Welcome',
  chooseConcern: 'What would you like to do today? Tap your concern.',
  language: 'Language',
  largeText: 'Large text',
  busy: 'One moment, please. Your number is coming.',
  yourNumber: 'Your number',
  printed: 'Please take your ticket with you.',
  printFailed:
    'The printer is not working right now. Your number is still valid. Scan the code or remember the number.',
  documentsTitle: 'Please have these ready:',
  qrHint: 'Scan the code with your phone. It shows you when it is your turn.',
  watchScreen: 'Please wait in the waiting area. The screen shows your number when it is your turn.',
  done: 'Done',
  qrLabel: 'QR code for your phone',
  infoTitle: 'You can do this online.',
  infoText: 'You do not need a number for this. Scan the code with your phone. It takes you straight to the form.',
  infoHelp: 'Do you need help? Please ask at the information desk.',
  infoQrLabel: 'QR code for the online form',
  back: 'Back',
  closedTitle: 'We are closed now.',
  closedText: 'You cannot get a number right now. Please come back during our opening hours.',
  nextOpening: 'We open again: {when}',
  openingHours: 'Opening hours',
  quotaTitle: 'All numbers for today are taken.',
  quotaText: 'You cannot get a number for this concern today. Please come back on another day.',
  waitTitle: 'One moment, please.',
  waitText: 'The connection is briefly interrupted. It will go on in a moment.',
  failedTitle: 'Sorry, that did not work.',
  failedText: 'Please try again. Or ask at the information desk.',
  tryAgain: 'Try again',
};

const tr: KioskMessages = {
  welcome: 'Hoş geldiniz',
  chooseConcern: 'Bugün ne yapmak istiyorsunuz? İşleminize dokunun.',
  language: 'Dil',
  largeText: 'Büyük yazı',
  busy: 'Bir dakika, lütfen. Numaranız geliyor.',
  yourNumber: 'Numaranız',
  printed: 'Lütfen fişinizi alın.',
  printFailed: 'Yazıcı şu anda çalışmıyor. Numaranız yine de geçerli. Kodu tarayın veya numaranızı aklınızda tutun.',
  documentsTitle: 'Lütfen bunları hazır tutun:',
  qrHint: 'Kodu telefonunuzla tarayın. Sıranın ne zaman geleceğini orada görürsünüz.',
  watchScreen: 'Lütfen bekleme alanında bekleyin. Sıra size gelince ekranda numaranız görünür.',
  done: 'Tamam',
  qrLabel: 'Telefonunuz için QR kodu',
  infoTitle: 'Bunu internetten yapabilirsiniz.',
  infoText: 'Bunun için numara almanız gerekmez. Kodu telefonunuzla tarayın. Doğrudan başvuru formuna gidersiniz.',
  infoHelp: 'Yardıma mı ihtiyacınız var? Lütfen danışmaya sorun.',
  infoQrLabel: 'İnternet başvurusu için QR kodu',
  back: 'Geri',
  closedTitle: 'Şu anda kapalıyız.',
  closedText: 'Şu anda numara alamazsınız. Lütfen çalışma saatlerimizde tekrar gelin.',
  nextOpening: 'Tekrar açılış: {when}',
  openingHours: 'Çalışma saatleri',
  quotaTitle: 'Bugünün bütün numaraları verildi.',
  quotaText: 'Bu işlem için bugün numara alamazsınız. Lütfen başka bir gün tekrar gelin.',
  waitTitle: 'Bir dakika, lütfen.',
  waitText: 'Bağlantı kısa bir süre kesildi. Birazdan devam ediyor.',
  failedTitle: 'Maalesef olmadı.',
  failedText: 'Lütfen tekrar deneyin. Ya da danışmaya sorun.',
  tryAgain: 'Tekrar deneyin',
};

const ar: KioskMessages = {
  welcome: 'أهلاً وسهلاً',
  chooseConcern: 'ماذا تريد أن تنجز اليوم؟ اضغط على طلبك.',
  language: 'اللغة',
  largeText: 'خط كبير',
  busy: 'لحظة من فضلك. رقمك قادم.',
  yourNumber: 'رقمك',
  printed: 'يرجى أخذ ورقتك معك.',
  printFailed: 'الطابعة لا تعمل الآن. رقمك صالح رغم ذلك. امسح الرمز أو احفظ رقمك.',
  documentsTitle: 'يرجى تجهيز ما يلي:',
  qrHint: 'امسح الرمز بهاتفك. سترى هناك متى يأتي دورك.',
  watchScreen: 'يرجى الانتظار في منطقة الانتظار. تعرض الشاشة رقمك عندما يأتي دورك.',
  done: 'تم',
  qrLabel: 'رمز QR لهاتفك',
  infoTitle: 'يمكنك فعل ذلك عبر الإنترنت.',
  infoText: 'لا تحتاج إلى رقم لذلك. امسح الرمز بهاتفك. سينقلك مباشرة إلى الطلب.',
  infoHelp: 'هل تحتاج إلى مساعدة؟ اسأل في مكتب الاستعلامات.',
  infoQrLabel: 'رمز QR للطلب عبر الإنترنت',
  back: 'رجوع',
  closedTitle: 'نحن مغلقون الآن.',
  closedText: 'لا يمكنك الحصول على رقم الآن. يرجى العودة في أوقات الدوام.',
  nextOpening: 'نفتح مرة أخرى: {when}',
  openingHours: 'أوقات الدوام',
  quotaTitle: 'تم توزيع كل أرقام اليوم.',
  quotaText: 'لا يمكنك الحصول على رقم لهذا الطلب اليوم. يرجى العودة في يوم آخر.',
  waitTitle: 'لحظة من فضلك.',
  waitText: 'انقطع الاتصال لفترة قصيرة. سنتابع بعد قليل.',
  failedTitle: 'للأسف لم ينجح ذلك.',
  failedText: 'يرجى المحاولة مرة أخرى. أو اسأل في مكتب الاستعلامات.',
  tryAgain: 'حاول مرة أخرى',
};

const uk: KioskMessages = {
  welcome: 'Ласкаво просимо',
  chooseConcern: 'Що ви хочете зробити сьогодні? Торкніться вашого питання.',
  language: 'Мова',
  largeText: 'Великий шрифт',
  busy: 'Хвилинку, будь ласка. Ваш номер уже готується.',
  yourNumber: 'Ваш номер',
  printed: 'Будь ласка, візьміть свій талон.',
  printFailed: 'Принтер зараз не працює. Ваш номер усе одно дійсний. Скануйте код або запамʼятайте номер.',
  documentsTitle: 'Будь ласка, приготуйте:',
  qrHint: 'Скануйте код телефоном. Там ви побачите, коли ваша черга.',
  watchScreen: 'Будь ласка, зачекайте в зоні очікування. Екран покаже ваш номер, коли настане ваша черга.',
  done: 'Готово',
  qrLabel: 'QR-код для вашого телефону',
  infoTitle: 'Це можна зробити онлайн.',
  infoText: 'Для цього вам не потрібен номер. Скануйте код телефоном. Ви одразу потрапите до заяви.',
  infoHelp: 'Потрібна допомога? Запитайте на інформаційній стійці.',
  infoQrLabel: 'QR-код для заяви онлайн',
  back: 'Назад',
  closedTitle: 'Зараз ми зачинені.',
  closedText: 'Зараз ви не можете отримати номер. Будь ласка, приходьте в години роботи.',
  nextOpening: 'Ми знову відкриваємося: {when}',
  openingHours: 'Години роботи',
  quotaTitle: 'Усі номери на сьогодні видано.',
  quotaText: 'З цього питання ви сьогодні вже не отримаєте номер. Будь ласка, приходьте іншого дня.',
  waitTitle: 'Хвилинку, будь ласка.',
  waitText: 'Зʼєднання ненадовго перервалося. Зараз усе продовжиться.',
  failedTitle: 'На жаль, не вдалося.',
  failedText: 'Будь ласка, спробуйте ще раз. Або запитайте на інформаційній стійці.',
  tryAgain: 'Ще раз',
};

const ru: KioskMessages = {
  welcome: 'Добро пожаловать',
  chooseConcern: 'Что вы хотите сделать сегодня? Нажмите на ваш вопрос.',
  language: 'Язык',
  largeText: 'Крупный шрифт',
  busy: 'Минутку, пожалуйста. Ваш номер уже готовится.',
  yourNumber: 'Ваш номер',
  printed: 'Пожалуйста, возьмите свой талон.',
  printFailed: 'Принтер сейчас не работает. Ваш номер всё равно действителен. Отсканируйте код или запомните номер.',
  documentsTitle: 'Пожалуйста, приготовьте:',
  qrHint: 'Отсканируйте код телефоном. Там вы увидите, когда ваша очередь.',
  watchScreen: 'Пожалуйста, подождите в зоне ожидания. Экран покажет ваш номер, когда подойдёт ваша очередь.',
  done: 'Готово',
  qrLabel: 'QR-код для вашего телефона',
  infoTitle: 'Это можно сделать онлайн.',
  infoText: 'Для этого вам не нужен номер. Отсканируйте код телефоном. Вы сразу попадёте к заявлению.',
  infoHelp: 'Нужна помощь? Спросите у информационной стойки.',
  infoQrLabel: 'QR-код для заявления онлайн',
  back: 'Назад',
  closedTitle: 'Сейчас мы закрыты.',
  closedText: 'Сейчас вы не можете получить номер. Пожалуйста, приходите в часы работы.',
  nextOpening: 'Мы снова открываемся: {when}',
  openingHours: 'Часы работы',
  quotaTitle: 'Все номера на сегодня выданы.',
  quotaText: 'По этому вопросу вы сегодня уже не получите номер. Пожалуйста, приходите в другой день.',
  waitTitle: 'Минутку, пожалуйста.',
  waitText: 'Связь ненадолго прервалась. Сейчас всё продолжится.',
  failedTitle: 'К сожалению, не получилось.',
  failedText: 'Пожалуйста, попробуйте ещё раз. Или спросите у информационной стойки.',
  tryAgain: 'Ещё раз',
};

export const KIOSK_MESSAGES: Record<Language, KioskMessages> = { de, en, tr, ar, uk, ru };

export function kioskMessages(language: Language): KioskMessages {
  return catalogue(KIOSK_MESSAGES, language);
}

export function nextOpeningMessage(language: Language, when: string): string {
  return fill(kioskMessages(language).nextOpening, { when });
}
