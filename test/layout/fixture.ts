/**
 * The office the layout suite renders: the demo office with eight concerns, long names in all six
 * languages and a long list of documents, as a real office has them.
 */
import type { Concern, OfficeConfig } from '../../core/types.ts';
import { loadOfficeConfig } from '../../server/office-config.ts';

const LONG_DOCUMENTS: Concern['documentsByLanguage'] & { de: string[] } = {
  de: [
    'Personalausweis oder Reisepass mit aktueller Meldebescheinigung',
    'Mietvertrag mit allen Nachträgen und der letzten Mieterhöhung',
    'Einkommensnachweise aller Haushaltsmitglieder der letzten drei Monate',
    'Kontoauszüge der letzten drei Monate',
    'Bescheid über Arbeitslosengeld, Bürgergeld oder Rente',
    'Nachweis über Unterhaltszahlungen',
    'Schwerbehindertenausweis, falls vorhanden',
    'Heizkostenabrechnung und Nebenkostenabrechnung des Vorjahres',
  ],
  en: [
    'Identity card or passport with a current certificate of registration',
    'Rental contract with all amendments and the last rent increase',
    'Proof of income of every household member for the last three months',
    'Bank statements of the last three months',
    'Notice of unemployment benefit, citizen’s income or pension',
    'Proof of maintenance payments',
    'Severe disability card, if you have one',
    'Heating and service charge statements of last year',
  ],
  tr: [
    'Güncel ikamet belgesiyle birlikte kimlik kartı veya pasaport',
    'Tüm ekleri ve son kira artışıyla birlikte kira sözleşmesi',
    'Son üç ayın tüm hane üyelerine ait gelir belgeleri',
    'Son üç ayın banka hesap dökümleri',
    'İşsizlik parası, vatandaşlık geliri veya emeklilik kararı',
    'Nafaka ödemelerinin belgesi',
    'Varsa ağır engelli kartı',
    'Geçen yılın ısınma ve yan gider hesapları',
  ],
  ar: [
    'بطاقة الهوية أو جواز السفر مع شهادة تسجيل حديثة',
    'عقد الإيجار مع جميع الملاحق وآخر زيادة في الإيجار',
    'إثبات دخل جميع أفراد الأسرة لآخر ثلاثة أشهر',
    'كشوف الحساب المصرفي لآخر ثلاثة أشهر',
    'قرار إعانة البطالة أو دخل المواطن أو المعاش',
    'إثبات دفعات النفقة',
    'بطاقة الإعاقة الشديدة إن وجدت',
    'فواتير التدفئة والتكاليف الإضافية للعام الماضي',
  ],
  uk: [
    'Посвідчення особи або паспорт з актуальною довідкою про реєстрацію',
    'Договір оренди з усіма доповненнями та останнім підвищенням орендної плати',
    'Підтвердження доходу всіх членів домогосподарства за останні три місяці',
    'Виписки з банківського рахунку за останні три місяці',
    'Рішення про допомогу з безробіття, громадянський дохід або пенсію',
    'Підтвердження сплати аліментів',
    'Посвідчення особи з інвалідністю, якщо є',
    'Рахунки за опалення та комунальні послуги за минулий рік',
  ],
  ru: [
    'Удостоверение личности или паспорт с актуальной справкой о регистрации',
    'Договор аренды со всеми дополнениями и последним повышением арендной платы',
    'Справки о доходах всех членов семьи за последние три месяца',
    'Выписки с банковского счёта за последние три месяца',
    'Решение о пособии по безработице, гражданском доходе или пенсии',
    'Подтверждение выплаты алиментов',
    'Удостоверение инвалида, если есть',
    'Счета за отопление и коммунальные услуги за прошлый год',
  ],
};

const MORE_CONCERNS: Concern[] = [
  {
    id: 'disability',
    prefix: 'S',
    name: 'Schwerbehindertenausweis und Nachteilsausgleiche',
    names: {
      de: 'Schwerbehindertenausweis und Nachteilsausgleiche',
      en: 'Severe disability card and compensation for disadvantages',
      tr: 'Ağır engelli kartı ve dezavantaj denkleştirmeleri',
      ar: 'بطاقة الإعاقة الشديدة وتعويضات الأضرار',
      uk: 'Посвідчення особи з інвалідністю та компенсації',
      ru: 'Удостоверение инвалида и компенсации',
    },
    descriptions: {
      de: 'Sie beantragen einen Ausweis oder Merkzeichen, oder Sie haben Fragen zum Grad der Behinderung.',
      en: 'You apply for a card or markings, or you have questions about the degree of disability.',
      tr: 'Bir kart veya işaret için başvuruyorsunuz ya da engellilik derecesi hakkında sorularınız var.',
      ar: 'تقدم طلبًا للحصول على بطاقة أو علامات، أو لديك أسئلة حول درجة الإعاقة.',
      uk: 'Ви подаєте заяву на посвідчення або позначки, або маєте запитання щодо ступеня інвалідності.',
      ru: 'Вы подаёте заявление на удостоверение или отметки, или у вас есть вопросы о степени инвалидности.',
    },
    documents: ['Personalausweis', 'Ärztliche Befunde und Krankenhausberichte', 'Lichtbild'],
    pictogram: 'certificate',
    serviceMinutes: 10,
  },
  {
    id: 'residence',
    prefix: 'A',
    name: 'Aufenthaltsbescheinigung und Wohnsitzbestätigung',
    names: {
      de: 'Aufenthaltsbescheinigung und Wohnsitzbestätigung',
      en: 'Residence certificate and confirmation of address',
      tr: 'İkamet belgesi ve adres onayı',
      ar: 'شهادة الإقامة وتأكيد العنوان',
      uk: 'Довідка про перебування та підтвердження місця проживання',
      ru: 'Справка о пребывании и подтверждение места жительства',
    },
    descriptions: {
      de: 'Sie brauchen eine Bescheinigung über Ihren Aufenthalt oder Ihren Wohnsitz.',
      en: 'You need a certificate of your stay or your place of residence.',
      tr: 'Kalışınız veya ikamet yeriniz hakkında bir belgeye ihtiyacınız var.',
      ar: 'تحتاج إلى شهادة عن إقامتك أو مكان سكنك.',
      uk: 'Вам потрібна довідка про ваше перебування або місце проживання.',
      ru: 'Вам нужна справка о вашем пребывании или месте жительства.',
    },
    documents: ['Personalausweis oder Pass'],
    pictogram: 'documents',
    serviceMinutes: 5,
  },
];

/** The concern whose ticket shows the long list of documents. */
export const LONG_CONCERN = 'housing';

export function layoutOffice(): OfficeConfig {
  const office = loadOfficeConfig(undefined);
  const concerns = office.concerns.map((c) =>
    c.id === LONG_CONCERN ? { ...c, documents: LONG_DOCUMENTS.de, documentsByLanguage: LONG_DOCUMENTS } : c,
  );
  // The online concern stays last, as offices list it.
  const online = concerns.filter((c) => c.infoUrl);
  const walkIn = concerns.filter((c) => !c.infoUrl);
  return {
    ...office,
    name: 'Bürgerbüro und Sozialamt der Stadt – Front Office im Technischen Rathaus',
    concerns: [...walkIn, ...MORE_CONCERNS, ...online],
    counters: office.counters.map((c) =>
      c.id === 'desk-1' ? { ...c, concernIds: [...c.concernIds, 'disability', 'residence'] } : c,
    ),
  };
}
