/**
 * The configuration draft as the server expects it (`cleanOffice`), and comparing two
 * configurations whatever their key order (`stableJson`).
 */
import { LANGUAGES, type Language, type OfficeConfig, type Translations, type Weekday } from '../core/types.ts';

/** Deep copy of plain JSON data. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** JSON with sorted keys, so two equal configurations compare equal whatever the key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    }
    return v;
  });
}

function cleanText(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}

function cleanTranslations(value: Translations | undefined): Translations | undefined {
  if (!value) return undefined;
  const out: Translations = {};
  for (const lang of LANGUAGES) {
    const text = cleanText(value[lang]);
    if (text) out[lang] = text;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function cleanList(list: string[] | undefined): string[] | undefined {
  if (!list) return undefined;
  const out = list.map((s) => s.trim()).filter((s) => s.length > 0);
  return out.length > 0 ? out : undefined;
}

function setOrDelete<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

/**
 * The draft as the server expects it: texts trimmed, empty optional texts, translations,
 * document lines and opening days left out; the German name, description and documents are
 * the main fields (`name`, `description`, `documents`), so their `de` translations follow
 * them (apps prefer a translation when there is one). Numbers are left as they are: a field
 * left empty where a number is required reaches the server as `null` and is named there.
 */
export function cleanOffice(draft: OfficeConfig): OfficeConfig {
  const office = copy(draft);
  office.name = office.name.trim();
  office.timezone = office.timezone.trim();
  for (const concern of office.concerns) {
    concern.id = concern.id.trim();
    concern.prefix = concern.prefix.trim().toUpperCase();
    concern.name = concern.name.trim();
    setOrDelete(concern, 'description', cleanText(concern.description));
    setOrDelete(concern, 'pictogram', cleanText(concern.pictogram));
    // An info-only concern keeps its address even when empty, so the server names it as missing.
    if (typeof concern.infoUrl === 'string') concern.infoUrl = concern.infoUrl.trim();
    else delete concern.infoUrl;
    setOrDelete(concern, 'documents', cleanList(concern.documents));

    const names = cleanTranslations(concern.names);
    if (names) {
      delete names.de;
      setOrDelete(concern, 'names', Object.keys(names).length > 0 ? { de: concern.name, ...names } : undefined);
    } else delete concern.names;

    const descriptions = cleanTranslations(concern.descriptions);
    if (descriptions) {
      delete descriptions.de;
      const hasOthers = Object.keys(descriptions).length > 0;
      setOrDelete(
        concern,
        'descriptions',
        hasOthers ? { ...(concern.description ? { de: concern.description } : {}), ...descriptions } : undefined,
      );
    } else delete concern.descriptions;

    if (concern.documentsByLanguage) {
      const byLanguage: Partial<Record<Language, string[]>> = {};
      for (const lang of LANGUAGES) {
        if (lang === 'de') continue;
        const list = cleanList(concern.documentsByLanguage[lang]);
        if (list) byLanguage[lang] = list;
      }
      setOrDelete(concern, 'documentsByLanguage', Object.keys(byLanguage).length > 0 ? byLanguage : undefined);
    }
    for (const key of ['dailyQuota', 'weight', 'serviceMinutes', 'slotMinutes', 'slotCapacity'] as const) {
      if (concern[key] === undefined || concern[key] === null) delete concern[key];
    }
  }
  for (const counter of office.counters) {
    counter.id = counter.id.trim();
    counter.name = counter.name.trim();
    setOrDelete(counter, 'area', cleanText(counter.area));
    setOrDelete(counter, 'spokenName', cleanText(counter.spokenName));
    setOrDelete(counter, 'printer', cleanText(counter.printer));
  }
  if (office.outcomes) {
    for (const outcome of office.outcomes) {
      outcome.id = outcome.id.trim();
      outcome.name = outcome.name.trim();
      const names = cleanTranslations(outcome.names);
      if (names) delete names.de;
      const hasOthers = names !== undefined && Object.keys(names).length > 0;
      setOrDelete(outcome, 'names', hasOthers ? { de: outcome.name, ...names } : undefined);
    }
  }
  const weekly = office.openingHours.weekly;
  for (const day of Object.keys(weekly) as Weekday[]) {
    if (!weekly[day] || weekly[day].length === 0) delete weekly[day];
  }
  office.openingHours.closedDays = [...new Set(office.openingHours.closedDays.filter((d) => d.length > 0))].sort();
  office.announcements.templates = cleanTranslations(office.announcements.templates) ?? {};
  if (office.statsTargetWaitMinutes === undefined || office.statsTargetWaitMinutes === null)
    delete office.statsTargetWaitMinutes;
  if (office.appointmentHours) {
    const own = office.appointmentHours.weekly;
    for (const day of Object.keys(own) as Weekday[]) if (!own[day] || own[day].length === 0) delete own[day];
    office.appointmentHours.closedDays = [
      ...new Set(office.appointmentHours.closedDays.filter((d) => d.length > 0)),
    ].sort();
  }
  for (const key of [
    'priorityInterleave',
    'preferenceMinutes',
    'appointmentCheckinMinutes',
    'appointmentGraceMinutes',
  ] as const) {
    if (office.policy[key] === undefined || office.policy[key] === null) delete office.policy[key];
  }
  return office;
}
