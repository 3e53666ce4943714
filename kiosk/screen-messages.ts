/**
 * Kiosk texts of the countdown back to the start, the "more below" cue and the refusal when
 * too many numbers are drawn at once, in all six languages (German first).
 */
import { catalogue, type Language, plural } from '../ui/i18n.ts';

export interface ScreenMessages {
  /** Beside the countdown bar: `{n}` seconds until the start screen. */
  countdown: string;
  /** Announced once when the countdown gets short (`{n}` seconds), with what to do. */
  countdownWarning: (n: number) => string;
  /** The button that restarts the countdown. */
  moreTime: string;
  /** At the foot of a list longer than the screen. */
  moreBelow: string;
  /** HTTP 429 on a draw: too many numbers from this kiosk in a short time. */
  busyTitle: string;
  busyText: string;
}

const MESSAGES: Record<Language, ScreenMessages> = {
  de: {
    countdown: 'Zurück zum Anfang in {n} s',
    countdownWarning: (n) =>
      `${plural('de', n, { one: 'Noch {n} Sekunde', other: 'Noch {n} Sekunden' })}, dann beginnt die Anzeige von vorn. Für mehr Zeit tippen Sie auf „Mehr Zeit“.`,
    moreTime: 'Mehr Zeit',
    moreBelow: 'Weiter unten gibt es mehr',
    busyTitle: 'Gerade werden sehr viele Nummern gezogen.',
    busyText: 'Bitte warten Sie eine Minute und versuchen Sie es dann noch einmal. Oder fragen Sie an der Information.',
  },
  en: {
    countdown: 'Back to the start in {n} s',
    countdownWarning: (n) =>
      `${plural('en', n, { one: '{n} second', other: '{n} seconds' })} left, then the screen starts again. For more time, tap “More time”.`,
    moreTime: 'More time',
    moreBelow: 'There is more below',
    busyTitle: 'Very many numbers are being taken right now.',
    busyText: 'Please wait one minute, then try again. Or ask at the information desk.',
  },
  tr: {
    countdown: '{n} sn sonra başa dönülür',
    countdownWarning: (n) =>
      `${n} saniye sonra ekran baştan başlar. Daha fazla süre için “Daha fazla süre” düğmesine dokunun.`,
    moreTime: 'Daha fazla süre',
    moreBelow: 'Aşağıda devamı var',
    busyTitle: 'Şu anda çok fazla numara alınıyor.',
    busyText: 'Lütfen bir dakika bekleyin, sonra tekrar deneyin. Ya da danışmaya sorun.',
  },
  ar: {
    countdown: 'العودة إلى البداية خلال {n} ث',
    countdownWarning: (n) =>
      `${plural('ar', n, {
        zero: 'بقي {n} ثانية',
        one: 'بقيت ثانية واحدة',
        two: 'بقيت ثانيتان',
        few: 'بقيت {n} ثوانٍ',
        many: 'بقيت {n} ثانية',
        other: 'بقيت {n} ثانية',
      })}، ثم تبدأ الشاشة من جديد. للحصول على وقت إضافي، المس «وقت إضافي».`,
    moreTime: 'وقت إضافي',
    moreBelow: 'المزيد في الأسفل',
    busyTitle: 'يتم سحب أرقام كثيرة جدًا الآن.',
    busyText: 'يرجى الانتظار دقيقة واحدة ثم المحاولة مرة أخرى. أو اسأل في مكتب الاستعلامات.',
  },
  uk: {
    countdown: 'Повернення на початок через {n} с',
    countdownWarning: (n) =>
      `${plural('uk', n, {
        one: 'Залишилася {n} секунда',
        few: 'Залишилося {n} секунди',
        other: 'Залишилося {n} секунд',
      })}, потім екран почнеться спочатку. Щоб отримати більше часу, торкніться «Більше часу».`,
    moreTime: 'Більше часу',
    moreBelow: 'Нижче є ще',
    busyTitle: 'Зараз беруть дуже багато номерів.',
    busyText: 'Будь ласка, зачекайте хвилину і спробуйте ще раз. Або запитайте на інформаційній стійці.',
  },
  ru: {
    countdown: 'Возврат в начало через {n} с',
    countdownWarning: (n) =>
      `${plural('ru', n, {
        one: 'Осталась {n} секунда',
        few: 'Осталось {n} секунды',
        other: 'Осталось {n} секунд',
      })}, затем экран начнётся сначала. Чтобы получить больше времени, нажмите «Больше времени».`,
    moreTime: 'Больше времени',
    moreBelow: 'Ниже есть ещё',
    busyTitle: 'Сейчас берут очень много номеров.',
    busyText: 'Пожалуйста, подождите минуту и попробуйте ещё раз. Или спросите у информационной стойки.',
  },
};

export function screenMessages(language: Language): ScreenMessages {
  return catalogue(MESSAGES, language);
}
