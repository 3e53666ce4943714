/**
 * Texts of the lobby screen in its language (`?lang=`, else the office's announcement language),
 * in all six visitor languages. Plain words, no abbreviations; German is the fallback.
 */
import { catalogue, type Language, plural } from '../ui/i18n.ts';

export interface DisplayMessages {
  numberColumn: string;
  counterColumn: string;
  noCalls: string;
  recentTitle: string;
  waitingTitle: string;
  waitingCount: (n: number) => string;
  waitMinutes: (n: number) => string;
  openingHours: string;
  offline: string;
  soundPrompt: string;
  again: string;
  /** For whoever sets the screen up: the screen is too small for the viewing distance. */
  tooSmall: (distanceM: number, actualMm: number, requiredMm: number) => string;
  /** The office is closed now. */
  closed: string;
  /** Label before the office's phone number (shown while it is closed). */
  phone: string;
  /** For whoever sets the screen up: the area asked for has no counters. */
  unknownArea: (area: string) => string;
  knownAreas: (areas: string) => string;
}

const de: DisplayMessages = {
  numberColumn: 'Nummer',
  counterColumn: 'Bitte gehen Sie zu',
  noCalls: 'Ihre Nummer erscheint hier, wenn Sie dran sind.',
  recentTitle: 'Letzte Aufrufe',
  waitingTitle: 'Wartezeit',
  waitingCount: (n) =>
    n === 0 ? 'Niemand wartet' : plural('de', n, { one: '{n} Person wartet', other: '{n} Personen warten' }),
  waitMinutes: (n) => (n <= 1 ? 'kaum Wartezeit' : `etwa ${n} Minuten`),
  openingHours: 'Öffnungszeiten',
  offline: 'Keine Verbindung. Die Anzeige ist vielleicht nicht aktuell.',
  soundPrompt: 'Ton einschalten — bitte berühren',
  again: 'erneut',
  tooSmall: (d, a, r) => `Bildschirm zu klein für ${d} m Abstand: Ziffern ${a} mm statt ${r} mm hoch.`,
  closed: 'Zurzeit geschlossen.',
  phone: 'Telefon',
  unknownArea: (a) => `Den Bereich „${a}“ gibt es nicht. Diese Anzeige zeigt darum keine Aufrufe.`,
  knownAreas: (a) =>
    `Bekannte Bereiche: ${a}. Bitte den Bereich in den Geräte-Einstellungen oder in der Adresse (area=…) ändern.`,
};

const en: DisplayMessages = {
  numberColumn: 'Number',
  counterColumn: 'Please go to',
  noCalls: 'Your number appears here when it is your turn.',
  recentTitle: 'Last calls',
  waitingTitle: 'Waiting time',
  waitingCount: (n) =>
    n === 0 ? 'Nobody is waiting' : plural('en', n, { one: '{n} person waiting', other: '{n} people waiting' }),
  waitMinutes: (n) => (n <= 1 ? 'hardly any wait' : `about ${n} minutes`),
  openingHours: 'Opening hours',
  offline: 'No connection. The screen may not be up to date.',
  soundPrompt: 'Touch here to turn on the sound',
  again: 'again',
  tooSmall: (d, a, r) => `Screen too small for ${d} m distance: digits ${a} mm high instead of ${r} mm.`,
  closed: 'Closed at the moment.',
  phone: 'Phone',
  unknownArea: (a) => `There is no area "${a}". This screen therefore shows no calls.`,
  knownAreas: (a) => `Known areas: ${a}. Please change the area in the device settings or in the address (area=…).`,
};

const tr: DisplayMessages = {
  numberColumn: 'Numara',
  counterColumn: 'Lütfen şuraya gidin',
  noCalls: 'Sıra size gelince numaranız burada görünür.',
  recentTitle: 'Son çağrılar',
  waitingTitle: 'Bekleme süresi',
  waitingCount: (n) => (n === 0 ? 'Kimse beklemiyor' : plural('tr', n, { other: '{n} kişi bekliyor' })),
  waitMinutes: (n) => (n <= 1 ? 'neredeyse hiç bekleme yok' : `yaklaşık ${n} dakika`),
  openingHours: 'Çalışma saatleri',
  offline: 'Bağlantı yok. Ekran güncel olmayabilir.',
  soundPrompt: 'Sesi açmak için buraya dokunun',
  again: 'tekrar',
  tooSmall: (d, a, r) => `Ekran ${d} m mesafe için çok küçük: rakamlar ${r} mm yerine ${a} mm.`,
  closed: 'Şu anda kapalı.',
  phone: 'Telefon',
  unknownArea: (a) => `"${a}" adında bir bölüm yok. Bu ekran bu yüzden çağrı göstermiyor.`,
  knownAreas: (a) => `Bilinen bölümler: ${a}. Lütfen bölümü cihaz ayarlarında veya adreste (area=…) değiştirin.`,
};

const ar: DisplayMessages = {
  numberColumn: 'الرقم',
  counterColumn: 'يرجى التوجه إلى',
  noCalls: 'سيظهر رقمك هنا عندما يأتي دورك.',
  recentTitle: 'آخر النداءات',
  waitingTitle: 'وقت الانتظار',
  waitingCount: (n) =>
    n === 0
      ? 'لا أحد ينتظر'
      : plural('ar', n, {
          one: 'شخص واحد ينتظر',
          two: 'شخصان ينتظران',
          few: '{n} أشخاص ينتظرون',
          many: '{n} شخصًا ينتظرون',
          other: '{n} شخص ينتظرون',
        }),
  waitMinutes: (n) =>
    n <= 1
      ? 'انتظار قصير جدًا'
      : plural('ar', n, {
          two: 'حوالي دقيقتين',
          few: 'حوالي {n} دقائق',
          many: 'حوالي {n} دقيقة',
          other: 'حوالي {n} دقيقة',
        }),
  openingHours: 'أوقات الدوام',
  offline: 'لا يوجد اتصال. قد لا تكون الشاشة محدثة.',
  soundPrompt: 'المس هنا لتشغيل الصوت',
  again: 'مرة أخرى',
  tooSmall: (d, a, r) => `الشاشة صغيرة جدًا لمسافة ${d} م: ارتفاع الأرقام ${a} مم بدلًا من ${r} مم.`,
  closed: 'مغلق حاليًا.',
  phone: 'الهاتف',
  unknownArea: (a) => `لا توجد منطقة باسم «${a}». لذلك لا تعرض هذه الشاشة أي نداءات.`,
  knownAreas: (a) => `المناطق المعروفة: ${a}. يرجى تغيير المنطقة في إعدادات الجهاز أو في العنوان (area=…).`,
};

const uk: DisplayMessages = {
  numberColumn: 'Номер',
  counterColumn: 'Будь ласка, підійдіть до',
  noCalls: 'Ваш номер зʼявиться тут, коли настане ваша черга.',
  recentTitle: 'Останні виклики',
  waitingTitle: 'Час очікування',
  waitingCount: (n) =>
    n === 0
      ? 'Ніхто не чекає'
      : plural('uk', n, {
          one: '{n} людина чекає',
          few: '{n} людини чекають',
          many: '{n} людей чекають',
          other: '{n} людини чекають',
        }),
  waitMinutes: (n) =>
    n <= 1
      ? 'майже без очікування'
      : plural('uk', n, {
          one: 'приблизно {n} хвилина',
          few: 'приблизно {n} хвилини',
          many: 'приблизно {n} хвилин',
          other: 'приблизно {n} хвилини',
        }),
  openingHours: 'Години роботи',
  offline: 'Немає зʼєднання. Дані на екрані можуть бути неактуальними.',
  soundPrompt: 'Торкніться тут, щоб увімкнути звук',
  again: 'повторно',
  tooSmall: (d, a, r) => `Екран замалий для відстані ${d} м: цифри ${a} мм замість ${r} мм.`,
  closed: 'Зараз зачинено.',
  phone: 'Телефон',
  unknownArea: (a) => `Зони «${a}» не існує. Тому цей екран не показує викликів.`,
  knownAreas: (a) => `Відомі зони: ${a}. Змініть зону в налаштуваннях пристрою або в адресі (area=…).`,
};

const ru: DisplayMessages = {
  numberColumn: 'Номер',
  counterColumn: 'Пожалуйста, подойдите к',
  noCalls: 'Ваш номер появится здесь, когда подойдёт ваша очередь.',
  recentTitle: 'Последние вызовы',
  waitingTitle: 'Время ожидания',
  waitingCount: (n) =>
    n === 0
      ? 'Никто не ждёт'
      : plural('ru', n, {
          one: '{n} человек ждёт',
          few: '{n} человека ждут',
          many: '{n} человек ждут',
          other: '{n} человека ждут',
        }),
  waitMinutes: (n) =>
    n <= 1
      ? 'почти без ожидания'
      : plural('ru', n, {
          one: 'примерно {n} минута',
          few: 'примерно {n} минуты',
          many: 'примерно {n} минут',
          other: 'примерно {n} минуты',
        }),
  openingHours: 'Часы работы',
  offline: 'Нет связи. Данные на экране могут быть неактуальными.',
  soundPrompt: 'Коснитесь здесь, чтобы включить звук',
  again: 'повторно',
  tooSmall: (d, a, r) => `Экран слишком мал для расстояния ${d} м: цифры ${a} мм вместо ${r} мм.`,
  closed: 'Сейчас закрыто.',
  phone: 'Телефон',
  unknownArea: (a) => `Зоны «${a}» не существует. Поэтому этот экран не показывает вызовы.`,
  knownAreas: (a) => `Известные зоны: ${a}. Измените зону в настройках устройства или в адресе (area=…).`,
};

export const DISPLAY_MESSAGES: Record<Language, DisplayMessages> = { de, en, tr, ar, uk, ru };

export function displayMessages(language: Language): DisplayMessages {
  return catalogue(DISPLAY_MESSAGES, language);
}
