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
  /** With a failed printout (or no printer): take a photo of the screen or scan the code. */
  printPhoto: string;
  /** The printout has not come yet. */
  printPending: string;
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
  /** The start screen's check-in button, and its one line of explanation. */
  appointment: string;
  appointmentHint: string;
  highContrast: string;
  readAloud: string;
  stopReading: string;
  /** Under a disabled "read aloud" button: the device has no voice for this language. */
  noVoice: string;
}

const de: KioskMessages = {
  welcome: 'Willkommen',
  chooseConcern: 'Was möchten Sie heute erledigen? Tippen Sie auf Ihr Anliegen.',
  language: 'Sprache',
  largeText: 'Große Schrift',
  busy: 'Einen Moment, bitte. Ihre Nummer kommt gleich.',
  yourNumber: 'Ihre Nummer',
  printed: 'Der Drucker druckt jetzt Ihr Ticket. Nehmen Sie es bitte mit.',
  printFailed: 'Der Drucker kann Ihr Ticket gerade nicht drucken. Ihre Nummer gilt trotzdem.',
  printPhoto: 'Machen Sie bitte ein Foto vom Bildschirm. Oder scannen Sie den Code mit Ihrem Handy.',
  printPending:
    'Ihr Ticket kommt gleich aus dem Drucker. Kommt kein Ticket? Dann machen Sie bitte ein Foto vom Bildschirm.',
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
  appointment: 'Ich habe einen Termin',
  appointmentHint: 'Melden Sie sich hier mit Ihrem Code an.',
  highContrast: 'Starker Kontrast',
  readAloud: 'Vorlesen',
  stopReading: 'Stopp',
  noVoice: 'Nicht auf Deutsch',
};

const en: KioskMessages = {
  welcome: 'Welcome',
  chooseConcern: 'What would you like to do today? Tap your concern.',
  language: 'Language',
  largeText: 'Large text',
  busy: 'One moment, please. Your number is coming.',
  yourNumber: 'Your number',
  printed: 'The printer is printing your ticket now. Please take it with you.',
  printFailed: 'The printer cannot print your ticket right now. Your number is still valid.',
  printPhoto: 'Please take a photo of the screen. Or scan the code with your phone.',
  printPending: 'Your ticket comes out of the printer in a moment. No ticket? Then please take a photo of the screen.',
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
  appointment: 'I have an appointment',
  appointmentHint: 'Check in here with your code.',
  highContrast: 'High contrast',
  readAloud: 'Read aloud',
  stopReading: 'Stop',
  noVoice: 'Not in English',
};

const tr: KioskMessages = {
  welcome: 'Hoş geldiniz',
  chooseConcern: 'Bugün ne yapmak istiyorsunuz? İşleminize dokunun.',
  language: 'Dil',
  largeText: 'Büyük yazı',
  busy: 'Bir dakika, lütfen. Numaranız geliyor.',
  yourNumber: 'Numaranız',
  printed: 'Yazıcı fişinizi şimdi yazdırıyor. Lütfen fişinizi alın.',
  printFailed: 'Yazıcı fişinizi şu anda yazdıramıyor. Numaranız yine de geçerli.',
  printPhoto: 'Lütfen ekranın fotoğrafını çekin. Ya da kodu telefonunuzla tarayın.',
  printPending: 'Fişiniz birazdan yazıcıdan çıkar. Fiş çıkmazsa lütfen ekranın fotoğrafını çekin.',
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
  appointment: 'Randevum var',
  appointmentHint: 'Kodunuzla burada giriş yapın.',
  highContrast: 'Yüksek kontrast',
  readAloud: 'Sesli oku',
  stopReading: 'Durdur',
  noVoice: 'Türkçe yok',
};

const ar: KioskMessages = {
  welcome: 'أهلاً وسهلاً',
  chooseConcern: 'ماذا تريد أن تنجز اليوم؟ اضغط على طلبك.',
  language: 'اللغة',
  largeText: 'خط كبير',
  busy: 'لحظة من فضلك. رقمك قادم.',
  yourNumber: 'رقمك',
  printed: 'الطابعة تطبع ورقتك الآن. يرجى أخذها معك.',
  printFailed: 'لا تستطيع الطابعة طباعة ورقتك الآن. رقمك صالح رغم ذلك.',
  printPhoto: 'التقط صورة للشاشة من فضلك. أو امسح الرمز بهاتفك.',
  printPending: 'ستخرج ورقتك من الطابعة بعد لحظة. لم تخرج الورقة؟ التقط صورة للشاشة من فضلك.',
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
  appointment: 'لدي موعد',
  appointmentHint: 'سجّل حضورك هنا بالرمز الخاص بك.',
  highContrast: 'تباين عالٍ',
  readAloud: 'اقرأ لي',
  stopReading: 'إيقاف',
  noVoice: 'غير متوفر بالعربية',
};

const uk: KioskMessages = {
  welcome: 'Ласкаво просимо',
  chooseConcern: 'Що ви хочете зробити сьогодні? Торкніться вашого питання.',
  language: 'Мова',
  largeText: 'Великий шрифт',
  busy: 'Хвилинку, будь ласка. Ваш номер уже готується.',
  yourNumber: 'Ваш номер',
  printed: 'Принтер зараз друкує ваш талон. Будь ласка, візьміть його.',
  printFailed: 'Принтер зараз не може надрукувати ваш талон. Ваш номер усе одно дійсний.',
  printPhoto: 'Будь ласка, сфотографуйте екран. Або скануйте код телефоном.',
  printPending: 'Ваш талон зараз вийде з принтера. Талона немає? Тоді сфотографуйте екран.',
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
  appointment: 'У мене запис на прийом',
  appointmentHint: 'Зареєструйтеся тут за вашим кодом.',
  highContrast: 'Високий контраст',
  readAloud: 'Прочитати вголос',
  stopReading: 'Зупинити',
  noVoice: 'Немає українською',
};

const ru: KioskMessages = {
  welcome: 'Добро пожаловать',
  chooseConcern: 'Что вы хотите сделать сегодня? Нажмите на ваш вопрос.',
  language: 'Язык',
  largeText: 'Крупный шрифт',
  busy: 'Минутку, пожалуйста. Ваш номер уже готовится.',
  yourNumber: 'Ваш номер',
  printed: 'Принтер сейчас печатает ваш талон. Пожалуйста, возьмите его.',
  printFailed: 'Принтер сейчас не может напечатать ваш талон. Ваш номер всё равно действителен.',
  printPhoto: 'Пожалуйста, сфотографируйте экран. Или отсканируйте код телефоном.',
  printPending: 'Ваш талон сейчас выйдет из принтера. Талона нет? Тогда сфотографируйте экран.',
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
  appointment: 'У меня запись на приём',
  appointmentHint: 'Зарегистрируйтесь здесь по вашему коду.',
  highContrast: 'Высокий контраст',
  readAloud: 'Прочитать вслух',
  stopReading: 'Остановить',
  noVoice: 'Нет на русском',
};

export const KIOSK_MESSAGES: Record<Language, KioskMessages> = { de, en, tr, ar, uk, ru };

export function kioskMessages(language: Language): KioskMessages {
  return catalogue(KIOSK_MESSAGES, language);
}

export function nextOpeningMessage(language: Language, when: string): string {
  return fill(kioskMessages(language).nextOpening, { when });
}
