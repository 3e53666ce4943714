/**
 * Texts of the appointment check-in, per language: the keypad, the refusals in plain words,
 * and the line on the ticket about the appointment. `{time}` and `{from}` are clock times
 * ("10:00"; with the date when the appointment is on another day).
 */
import { catalogue, type Language } from '../ui/i18n.ts';

export interface CheckinMessages {
  title: string;
  text: string;
  codeLabel: string;
  deleteKey: string;
  confirm: string;
  onTime: string;
  late: string;
  unknownTitle: string;
  unknownText: string;
  usedTitle: string;
  usedText: string;
  expiredTitle: string;
  expiredText: string;
  earlyTitle: string;
  /** When the server did not say when (older server). */
  earlyText: string;
  earlyTimes: string;
  /** Shown when the office gives numbers from on the way. */
  remoteText: string;
}

const de: CheckinMessages = {
  title: 'Geben Sie Ihren Code ein.',
  text: 'Der Code steht in Ihrer Terminbestätigung. Oder halten Sie den QR-Code an den Scanner.',
  codeLabel: 'Ihr Code',
  deleteKey: 'Löschen',
  confirm: 'OK',
  onTime: 'Sie sind für Ihren Termin um {time} Uhr angemeldet.',
  late: 'Ihr Termin war um {time} Uhr. Sie sind zu spät. Darum warten Sie jetzt wie alle anderen.',
  unknownTitle: 'Diesen Code finden wir nicht.',
  unknownText: 'Prüfen Sie bitte den Code. Geben Sie ihn dann noch einmal ein. Oder fragen Sie an der Information.',
  usedTitle: 'Mit diesem Code sind Sie schon angemeldet.',
  usedText:
    'Sie haben schon eine Nummer. Warten Sie bitte, bis der Bildschirm Ihre Nummer zeigt. Oder fragen Sie an der Information.',
  expiredTitle: 'Ihr Termin war an einem anderen Tag.',
  expiredText:
    'Mit diesem Code können Sie sich heute nicht anmelden. Fragen Sie bitte an der Information. Oder nehmen Sie eine Nummer ohne Termin.',
  earlyTitle: 'Sie sind zu früh da.',
  earlyText: 'Sie können sich erst kurz vor Ihrem Termin anmelden. Kommen Sie bitte später wieder.',
  earlyTimes: 'Ihr Termin: {time} Uhr. Sie können sich ab {from} Uhr anmelden.',
  remoteText:
    'Sie haben unterwegs eine Nummer gezogen? Tippen Sie Ihre Nummer ein: Buchstabe und Zahl. Oder halten Sie den QR-Code auf Ihrem Handy an den Scanner.',
};

const en: CheckinMessages = {
  title: 'Enter your code.',
  text: 'You find the code in your appointment confirmation. Or hold the QR code to the scanner.',
  codeLabel: 'Your code',
  deleteKey: 'Delete',
  confirm: 'OK',
  onTime: 'You are checked in for your appointment at {time}.',
  late: 'Your appointment was at {time}. You are late. So you now wait like everybody else.',
  unknownTitle: 'We cannot find this code.',
  unknownText: 'Please check the code. Then enter it again. Or ask at the information desk.',
  usedTitle: 'You have already checked in with this code.',
  usedText:
    'You already have a number. Please wait until the screen shows your number. Or ask at the information desk.',
  expiredTitle: 'Your appointment was on another day.',
  expiredText:
    'You cannot check in with this code today. Please ask at the information desk. Or take a number without an appointment.',
  earlyTitle: 'You are too early.',
  earlyText: 'You can only check in shortly before your appointment. Please come back later.',
  earlyTimes: 'Your appointment: {time}. You can check in from {from}.',
  remoteText:
    'Did you take a number on your way? Type your number: letter and digits. Or hold the QR code on your phone to the scanner.',
};

const tr: CheckinMessages = {
  title: 'Kodunuzu girin.',
  text: 'Kod, randevu onayınızda yazıyor. Ya da QR kodunu tarayıcıya tutun.',
  codeLabel: 'Kodunuz',
  deleteKey: 'Sil',
  confirm: 'Tamam',
  onTime: 'Saat {time} randevunuz için giriş yaptınız.',
  late: 'Randevunuz saat {time} idi. Geç kaldınız. Bu yüzden şimdi herkes gibi sıra bekliyorsunuz.',
  unknownTitle: 'Bu kodu bulamıyoruz.',
  unknownText: 'Lütfen kodu kontrol edin. Sonra kodu tekrar girin. Ya da danışmaya sorun.',
  usedTitle: 'Bu kodla zaten giriş yaptınız.',
  usedText: 'Zaten bir numaranız var. Lütfen numaranız ekranda görünene kadar bekleyin. Ya da danışmaya sorun.',
  expiredTitle: 'Randevunuz başka bir gündeydi.',
  expiredText: 'Bu kodla bugün giriş yapamazsınız. Lütfen danışmaya sorun. Ya da randevusuz bir numara alın.',
  earlyTitle: 'Çok erken geldiniz.',
  earlyText: 'Randevunuzdan ancak kısa bir süre önce giriş yapabilirsiniz. Lütfen daha sonra tekrar gelin.',
  earlyTimes: 'Randevunuz: {time}. Giriş saati: {from} ve sonrası.',
  remoteText:
    'Yolda numara mı aldınız? Numaranızı girin: harf ve rakamlar. Ya da telefonunuzdaki QR kodunu tarayıcıya tutun.',
};

const ar: CheckinMessages = {
  title: 'أدخل الرمز الخاص بك.',
  text: 'تجد الرمز في تأكيد موعدك. أو ضع رمز QR أمام الماسح.',
  codeLabel: 'رمزك',
  deleteKey: 'حذف',
  confirm: 'موافق',
  onTime: 'تم تسجيل حضورك لموعدك في الساعة {time}.',
  late: 'كان موعدك في الساعة {time}. لقد تأخرت. لذلك تنتظر الآن مثل الجميع.',
  unknownTitle: 'لا نجد هذا الرمز.',
  unknownText: 'يرجى التحقق من الرمز. ثم أدخله مرة أخرى. أو اسأل في مكتب الاستعلامات.',
  usedTitle: 'لقد سجلت حضورك بهذا الرمز من قبل.',
  usedText: 'لديك رقم بالفعل. يرجى الانتظار حتى تعرض الشاشة رقمك. أو اسأل في مكتب الاستعلامات.',
  expiredTitle: 'كان موعدك في يوم آخر.',
  expiredText: 'لا يمكنك تسجيل الحضور بهذا الرمز اليوم. يرجى السؤال في مكتب الاستعلامات. أو خذ رقماً بدون موعد.',
  earlyTitle: 'لقد جئت مبكراً جداً.',
  earlyText: 'يمكنك تسجيل الحضور فقط قبل موعدك بوقت قصير. يرجى العودة لاحقاً.',
  earlyTimes: 'موعدك: {time}. يمكنك تسجيل الحضور ابتداءً من {from}.',
  remoteText: 'هل أخذت رقمًا وأنت في الطريق؟ أدخل رقمك: الحرف والأرقام. أو ضع رمز QR على هاتفك أمام الماسح.',
};

const uk: CheckinMessages = {
  title: 'Введіть ваш код.',
  text: 'Код є у підтвердженні вашого запису. Або піднесіть QR-код до сканера.',
  codeLabel: 'Ваш код',
  deleteKey: 'Видалити',
  confirm: 'Готово',
  onTime: 'Ви зареєстровані на прийом о {time}.',
  late: 'Ваш прийом був о {time}. Ви запізнилися. Тому тепер ви чекаєте, як усі інші.',
  unknownTitle: 'Ми не знаходимо цей код.',
  unknownText: 'Будь ласка, перевірте код. Потім введіть його ще раз. Або запитайте на інформаційній стійці.',
  usedTitle: 'З цим кодом ви вже зареєструвалися.',
  usedText:
    'У вас уже є номер. Будь ласка, чекайте, доки екран покаже ваш номер. Або запитайте на інформаційній стійці.',
  expiredTitle: 'Ваш прийом був іншого дня.',
  expiredText:
    'Сьогодні ви не можете зареєструватися з цим кодом. Будь ласка, запитайте на інформаційній стійці. Або візьміть номер без запису.',
  earlyTitle: 'Ви прийшли зарано.',
  earlyText: 'Зареєструватися можна лише незадовго до прийому. Будь ласка, приходьте пізніше.',
  earlyTimes: 'Ваш прийом: {time}. Зареєструватися можна з {from}.',
  remoteText:
    'Ви взяли номер у дорозі? Введіть свій номер: літеру та цифри. Або піднесіть QR-код на телефоні до сканера.',
};

const ru: CheckinMessages = {
  title: 'Введите ваш код.',
  text: 'Код есть в подтверждении вашей записи. Или поднесите QR-код к сканеру.',
  codeLabel: 'Ваш код',
  deleteKey: 'Удалить',
  confirm: 'Готово',
  onTime: 'Вы зарегистрированы на приём в {time}.',
  late: 'Ваш приём был в {time}. Вы опоздали. Поэтому теперь вы ждёте, как все остальные.',
  unknownTitle: 'Мы не нашли этот код.',
  unknownText: 'Пожалуйста, проверьте код. Потом введите его ещё раз. Или спросите у информационной стойки.',
  usedTitle: 'С этим кодом вы уже зарегистрировались.',
  usedText:
    'У вас уже есть номер. Пожалуйста, ждите, пока экран не покажет ваш номер. Или спросите у информационной стойки.',
  expiredTitle: 'Ваш приём был в другой день.',
  expiredText:
    'Сегодня вы не можете зарегистрироваться с этим кодом. Пожалуйста, спросите у информационной стойки. Или возьмите номер без записи.',
  earlyTitle: 'Вы пришли слишком рано.',
  earlyText: 'Зарегистрироваться можно только незадолго до приёма. Пожалуйста, приходите позже.',
  earlyTimes: 'Ваш приём: {time}. Зарегистрироваться можно с {from}.',
  remoteText: 'Вы взяли номер в пути? Введите свой номер: букву и цифры. Или поднесите QR-код на телефоне к сканеру.',
};

export const CHECKIN_MESSAGES: Record<Language, CheckinMessages> = { de, en, tr, ar, uk, ru };

export function checkinMessages(language: Language): CheckinMessages {
  return catalogue(CHECKIN_MESSAGES, language);
}
