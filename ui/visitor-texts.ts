/**
 * Sentences about waiting that the kiosk and the phone page both show, in every language,
 * with correct plural forms (Arabic, Ukrainian and Russian have several).
 * Short sentences, direct address, no abbreviations.
 */
import { type Language, type PluralForms, plural } from './i18n.ts';

const AHEAD_NONE: Record<Language, string> = {
  de: 'Vor Ihnen wartet niemand.',
  en: 'Nobody is waiting ahead of you.',
  tr: 'Sizden önce kimse beklemiyor.',
  ar: 'لا أحد ينتظر قبلك.',
  uk: 'Перед вами нікого немає.',
  ru: 'Перед вами никого нет.',
};

const AHEAD: Record<Language, PluralForms> = {
  de: { one: 'Vor Ihnen wartet {n} Person.', other: 'Vor Ihnen warten {n} Personen.' },
  en: { one: 'There is {n} person ahead of you.', other: 'There are {n} people ahead of you.' },
  tr: { other: 'Sizden önce {n} kişi bekliyor.' },
  ar: {
    one: 'ينتظر قبلك شخص واحد.',
    two: 'ينتظر قبلك شخصان.',
    few: 'ينتظر قبلك {n} أشخاص.',
    many: 'ينتظر قبلك {n} شخصًا.',
    other: 'ينتظر قبلك {n} شخص.',
  },
  uk: {
    one: 'Перед вами чекає {n} людина.',
    few: 'Перед вами чекають {n} людини.',
    many: 'Перед вами чекають {n} людей.',
    other: 'Перед вами чекають {n} людини.',
  },
  ru: {
    one: 'Перед вами ждёт {n} человек.',
    few: 'Перед вами ждут {n} человека.',
    many: 'Перед вами ждут {n} человек.',
    other: 'Перед вами ждут {n} человека.',
  },
};

const WAIT_SOON: Record<Language, string> = {
  de: 'Sie sind gleich dran.',
  en: 'It is your turn soon.',
  tr: 'Birazdan sıra size gelecek.',
  ar: 'سيأتي دورك قريبًا.',
  uk: 'Скоро ваша черга.',
  ru: 'Скоро ваша очередь.',
};

const WAIT: Record<Language, PluralForms> = {
  de: { one: 'Sie warten etwa {n} Minute.', other: 'Sie warten etwa {n} Minuten.' },
  en: { one: 'You will wait about {n} minute.', other: 'You will wait about {n} minutes.' },
  tr: { other: 'Yaklaşık {n} dakika bekleyeceksiniz.' },
  ar: {
    two: 'ستنتظر حوالي دقيقتين.',
    few: 'ستنتظر حوالي {n} دقائق.',
    many: 'ستنتظر حوالي {n} دقيقة.',
    other: 'ستنتظر حوالي {n} دقيقة.',
  },
  uk: {
    one: 'Ви чекатимете приблизно {n} хвилину.',
    few: 'Ви чекатимете приблизно {n} хвилини.',
    many: 'Ви чекатимете приблизно {n} хвилин.',
    other: 'Ви чекатимете приблизно {n} хвилини.',
  },
  ru: {
    one: 'Вы будете ждать примерно {n} минуту.',
    few: 'Вы будете ждать примерно {n} минуты.',
    many: 'Вы будете ждать примерно {n} минут.',
    other: 'Вы будете ждать примерно {n} минуты.',
  },
};

/** "Vor Ihnen warten 3 Personen." */
export function aheadText(language: Language, waitingAhead: number): string {
  const n = Math.max(0, Math.round(waitingAhead));
  if (n === 0) return AHEAD_NONE[language];
  return plural(language, n, AHEAD[language]);
}

/** "Sie warten etwa 15 Minuten." (0 or 1 minute: "Sie sind gleich dran.") */
export function waitText(language: Language, minutes: number): string {
  const n = Math.max(0, Math.round(minutes));
  if (n <= 1) return WAIT_SOON[language];
  return plural(language, n, WAIT[language]);
}
