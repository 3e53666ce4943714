/**
 * Editing the office configuration in the admin app. One model per admin session holds the
 * configuration as the server has it (`saved`, with its `version`) and a working copy (`draft`)
 * that every configuration page edits. Saving sends the whole draft (`PUT /api/admin/config`
 * with the version it was based on); the server checks it and answers with the issues by path
 * (`concerns.2.prefix`), which the pages show next to their fields. When somebody else changed
 * the configuration meanwhile, the server answers `CONFIG_CHANGED` and the page offers to load
 * it again.
 *
 * The draft may be "loose" while editing (empty lines in a documents list, empty translations);
 * `cleanOffice` turns it into what the server expects just before saving.
 */
import { batch, computed, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import { LANGUAGES, type Language, type OfficeConfig, type Translations, type Weekday } from '../core/types.ts';
import { ApiError, api } from '../ui/api.ts';
import { errorCodeOf } from '../ui/staff-session.ts';

export interface ConfigIssue {
  /** Dotted path into the office configuration (`concerns.2.prefix`); empty for the whole. */
  path: string;
  message: string;
}

export interface ConfigAnswer {
  version: string;
  office: OfficeConfig;
}

export type ConfigPhase = 'idle' | 'loading' | 'ready' | 'failed';

/**
 * `saved`: stored and live. `invalid`: the server named issues. `conflict`: somebody else saved
 * in between. `failed`: any other error (see `error`). `unchanged`: there was nothing to save.
 */
export type SaveOutcome = 'saved' | 'invalid' | 'conflict' | 'failed' | 'unchanged';

export interface ImportResult {
  outcome: SaveOutcome;
  issues: ConfigIssue[];
}

export interface ConfigModel {
  phase: Signal<ConfigPhase>;
  /** Version of `saved` on the server. */
  version: Signal<string | null>;
  saved: Signal<OfficeConfig | null>;
  draft: Signal<OfficeConfig | null>;
  issues: Signal<ConfigIssue[]>;
  saving: Signal<boolean>;
  /** Error code of the last load or save that failed for another reason than the data. */
  error: Signal<string | null>;
  /**
   * `server`: a save met `CONFIG_CHANGED`. `remote`: somebody saved while this draft had
   * unsaved changes. Either way the draft is based on an old version.
   */
  conflict: Signal<'server' | 'remote' | null>;
  /** The draft differs from the saved configuration. */
  dirty: ReadonlySignal<boolean>;
  /** Loads the configuration (unsaved changes are dropped). */
  load(): Promise<boolean>;
  /** Loads once, when a configuration page is first shown. */
  ensureLoaded(): void;
  /**
   * Changes the draft: `recipe` gets a deep copy to change in place. Issues at `clears` (and
   * below) are removed, since the user just worked on them.
   */
  edit(recipe: (office: OfficeConfig) => void, clears?: string | string[]): void;
  /** Throws away the unsaved changes. */
  discard(): void;
  /** Saves the draft. `force` saves without the version check (overwrites others' changes). */
  save(options?: { force?: boolean }): Promise<SaveOutcome>;
  /** Replaces the whole configuration (import of a JSON file); the draft follows on success. */
  importOffice(value: unknown): Promise<ImportResult>;
  /** The server said the configuration changed (`office:updated`). */
  remoteChanged(): void;
  /** Issues at `path` and below it. */
  issuesAt(path: string): ConfigIssue[];
}

const CONFIG_URL = '/api/admin/config';

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

/** Whether an issue at `issuePath` belongs to `path` (the same path or below it). */
export function isUnder(issuePath: string, path: string): boolean {
  if (path === '') return true;
  return issuePath === path || issuePath.startsWith(`${path}.`);
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
    for (const key of ['dailyQuota', 'weight', 'serviceMinutes'] as const) {
      if (concern[key] === undefined || concern[key] === null) delete concern[key];
    }
  }
  for (const counter of office.counters) {
    counter.id = counter.id.trim();
    counter.name = counter.name.trim();
    setOrDelete(counter, 'area', cleanText(counter.area));
    setOrDelete(counter, 'spokenName', cleanText(counter.spokenName));
  }
  const weekly = office.openingHours.weekly;
  for (const day of Object.keys(weekly) as Weekday[]) {
    if (!weekly[day] || weekly[day].length === 0) delete weekly[day];
  }
  office.openingHours.closedDays = [...new Set(office.openingHours.closedDays.filter((d) => d.length > 0))].sort();
  office.announcements.templates = cleanTranslations(office.announcements.templates) ?? {};
  if (office.statsTargetWaitMinutes === undefined || office.statsTargetWaitMinutes === null)
    delete office.statsTargetWaitMinutes;
  for (const key of ['priorityInterleave', 'preferenceMinutes', 'appointmentCheckinMinutes'] as const) {
    if (office.policy[key] === undefined || office.policy[key] === null) delete office.policy[key];
  }
  return office;
}

/**
 * Checks the server makes only once everything else is valid (duplicates, counters serving
 * concerns that are gone), done here too so they show at once, next to their fields.
 */
export function localIssues(office: OfficeConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const seenIds = new Set<string>();
  const seenPrefixes = new Set<string>();
  office.concerns.forEach((c, i) => {
    const id = c.id.trim();
    const prefix = c.prefix.trim().toUpperCase();
    if (id && seenIds.has(id)) issues.push({ path: `concerns.${i}.id`, message: `duplicate concern id ${id}` });
    if (prefix && seenPrefixes.has(prefix))
      issues.push({ path: `concerns.${i}.prefix`, message: `duplicate prefix ${prefix}` });
    seenIds.add(id);
    seenPrefixes.add(prefix);
  });
  const counterIds = new Set<string>();
  office.counters.forEach((counter, i) => {
    const id = counter.id.trim();
    if (id && counterIds.has(id)) issues.push({ path: `counters.${i}.id`, message: `duplicate counter id ${id}` });
    counterIds.add(id);
    for (const concernId of counter.concernIds) {
      if (!seenIds.has(concernId))
        issues.push({
          path: `counters.${i}.concernIds`,
          message: `counter ${counter.id} serves unknown concern ${concernId}`,
        });
    }
  });
  return issues;
}

/**
 * The server names some issues for the whole configuration ("duplicate prefix W"); they are
 * placed at the field they are about, so the page can show them there.
 */
export function placeIssues(issues: ConfigIssue[], office: OfficeConfig): ConfigIssue[] {
  return issues.map((issue) => {
    if (issue.path !== '') return issue;
    const m = issue.message;
    let match = /^duplicate concern id (.+)$/.exec(m);
    if (match) {
      const last = office.concerns.map((c) => c.id.trim()).lastIndexOf(match[1] as string);
      if (last >= 0) return { path: `concerns.${last}.id`, message: m };
    }
    match = /^duplicate prefix (.+)$/.exec(m);
    if (match) {
      const last = office.concerns.map((c) => c.prefix.trim().toUpperCase()).lastIndexOf(match[1] as string);
      if (last >= 0) return { path: `concerns.${last}.prefix`, message: m };
    }
    match = /^duplicate counter id (.+)$/.exec(m);
    if (match) {
      const last = office.counters.map((c) => c.id.trim()).lastIndexOf(match[1] as string);
      if (last >= 0) return { path: `counters.${last}.id`, message: m };
    }
    match = /^counter (.+) serves unknown concern (.+)$/.exec(m);
    if (match) {
      const index = office.counters.findIndex((c) => c.id.trim() === match?.[1]);
      if (index >= 0) return { path: `counters.${index}.concernIds`, message: m };
    }
    return issue;
  });
}

function unique(issues: ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const MESSAGE_RULES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Too small: expected string to have >=1 characters?$/, () => 'Bitte ausfüllen.'],
  [/^Too small: expected string to have >=(\d+)/, (m) => `Bitte mindestens ${m[1]} Zeichen.`],
  [/^Too big: expected string to have <=(\d+)/, (m) => `Höchstens ${m[1]} Zeichen.`],
  [/^Too small: expected number to be >=(\S+)$/, (m) => `Bitte mindestens ${m[1]}.`],
  [/^Too small: expected number to be >(\S+)$/, (m) => `Bitte eine Zahl größer als ${m[1]}.`],
  [/^Too big: expected number to be <=(\S+)$/, (m) => `Höchstens ${m[1]}.`],
  [/^Too big: expected number to be <(\S+)$/, (m) => `Bitte eine Zahl kleiner als ${m[1]}.`],
  [/^Too small: expected array to have >=1 items?$/, () => 'Bitte mindestens einen Eintrag wählen.'],
  [/^Too big: expected array to have <=(\d+)/, (m) => `Höchstens ${m[1]} Einträge.`],
  [/^Invalid input: expected int/, () => 'Bitte eine ganze Zahl eingeben.'],
  [/^Invalid input: expected number/, () => 'Bitte eine Zahl eingeben.'],
  [/^Invalid input: expected string/, () => 'Bitte ausfüllen.'],
  [/^Invalid URL$/, () => 'Bitte eine vollständige Internetadresse eingeben, zum Beispiel https://www.beispiel.de.'],
  [/^one to three capital letters$/, () => 'Ein bis drei Großbuchstaben, zum Beispiel W.'],
  [
    /^lower-case letters, digits, - and _$/,
    () => 'Nur kleine Buchstaben ohne Umlaute, Ziffern, - und _. Am Anfang steht ein Buchstabe oder eine Ziffer.',
  ],
  [/^expected HH:MM$/, () => 'Bitte eine Uhrzeit wie 09:30 eingeben.'],
  [/^from must be before to$/, () => 'Der Beginn muss vor dem Ende liegen.'],
  [/^expected YYYY-MM-DD$/, () => 'Bitte ein Datum wählen.'],
  [/^unknown IANA time zone$/, () => 'Diese Zeitzone ist unbekannt. Beispiel: Europe/Berlin.'],
  [/^duplicate concern id (.+)$/, (m) => `Die Kennung „${m[1]}“ hat schon ein anderes Anliegen.`],
  [/^duplicate prefix (.+)$/, (m) => `Den Buchstaben „${m[1]}“ hat schon ein anderes Anliegen.`],
  [/^duplicate counter id (.+)$/, (m) => `Die Kennung „${m[1]}“ hat schon ein anderer Platz.`],
  [
    /^counter (.*) serves unknown concern (.+)$/,
    (m) => `Der Platz bedient ein Anliegen, das es nicht mehr gibt („${m[2]}“). Bitte nehmen Sie es dort heraus.`,
  ],
  [/^duplicate kiosk id$/, () => 'Eine Kiosk-Kennung kommt zweimal vor.'],
];

/** The server's (English) issue message in plain German; unknown messages stay as they are. */
export function issueText(message: string): string {
  for (const [pattern, text] of MESSAGE_RULES) {
    const match = pattern.exec(message);
    if (match) return text(match);
  }
  return message;
}

const LANGUAGE_NAMES: Record<Language, string> = {
  de: 'Deutsch',
  en: 'Englisch',
  tr: 'Türkisch',
  ar: 'Arabisch',
  uk: 'Ukrainisch',
  ru: 'Russisch',
};

export function languageName(lang: Language): string {
  return LANGUAGE_NAMES[lang];
}

const WEEKDAY_NAMES: Record<Weekday, string> = {
  mon: 'Montag',
  tue: 'Dienstag',
  wed: 'Mittwoch',
  thu: 'Donnerstag',
  fri: 'Freitag',
  sat: 'Samstag',
  sun: 'Sonntag',
};

export function weekdayName(day: Weekday): string {
  return WEEKDAY_NAMES[day];
}

const FIELD_NAMES: Record<string, string> = {
  id: 'Kennung',
  prefix: 'Buchstabe',
  name: 'Name',
  names: 'Name',
  description: 'Beschreibung',
  descriptions: 'Beschreibung',
  documents: 'Unterlagen',
  documentsByLanguage: 'Unterlagen',
  pictogram: 'Bild',
  dailyQuota: 'Nummern pro Tag',
  infoUrl: 'Online-Adresse',
  weight: 'Gewichtung',
  serviceMinutes: 'Übliche Dauer',
  concernIds: 'Anliegen',
  area: 'Bereich',
  spokenName: 'Aussprache',
  timezone: 'Zeitzone',
  retentionDays: 'Aufbewahrung',
  kioskResetSeconds: 'Kiosk zurücksetzen nach',
  statsTargetWaitMinutes: 'Ziel für die Wartezeit',
  appointmentLeadMinutes: 'Termine: Vorlauf',
  appointmentLateMinutes: 'Termine: Verspätung',
  appointmentCheckinMinutes: 'Termine: anmelden ab',
  priorityInterleave: 'Nach Terminen in Folge',
  preferenceMinutes: 'Vorrang des eigenen Anliegens',
  maxWaitMinutes: 'Längste Wartezeit',
  maxCalls: 'Aufrufe bis „nicht erschienen“',
  language: 'Sprache der Ansage',
  templates: 'Ansage',
  closedDays: 'Geschlossene Tage',
  from: 'von',
  to: 'bis',
};

/** Where an issue is, in words: "Anliegen „Wohngeld“ – Buchstabe". */
export function issuePlace(path: string, office: OfficeConfig | null): string {
  const parts = path.split('.');
  const [head, second, third, fourth] = parts;
  const field = (key: string | undefined) => (key ? (FIELD_NAMES[key] ?? key) : '');
  const lang = (key: string | undefined) =>
    key && (LANGUAGES as readonly string[]).includes(key) ? ` (${languageName(key as Language)})` : '';
  if (path === '') return 'Einstellungen';
  if (head === 'concerns' && second !== undefined) {
    const c = office?.concerns[Number(second)];
    const label = c?.name.trim() ? `Anliegen „${c.name.trim()}“` : `Anliegen ${Number(second) + 1}`;
    return third ? `${label} – ${field(third)}${lang(fourth)}` : label;
  }
  if (head === 'counters' && second !== undefined) {
    const c = office?.counters[Number(second)];
    const label = c?.name.trim() ? `Platz „${c.name.trim()}“` : `Platz ${Number(second) + 1}`;
    return third ? `${label} – ${field(third)}` : label;
  }
  if (head === 'openingHours') {
    if (second === 'weekly' && third) return `Öffnungszeiten ${weekdayName(third as Weekday) ?? third}`;
    if (second === 'closedDays') return 'Geschlossene Tage';
    return 'Öffnungszeiten';
  }
  if (head === 'policy') return `Regeln – ${field(second)}`;
  if (head === 'announcements') return `Ansage${second === 'templates' ? lang(third) : ` – ${field(second)}`}`;
  if (head === 'kiosks') return 'Kiosks';
  return field(head);
}

/** The configuration page an issue belongs to (`#concerns`), for a link from the summary. */
export function issueTab(path: string): string {
  const head = path.split('.')[0];
  if (head === 'concerns') return 'concerns';
  if (head === 'counters') return 'setup-counters';
  if (head === 'openingHours' || head === 'timezone' || head === 'enforceOpeningHours') return 'hours';
  return 'office';
}

interface PutAnswer {
  status: number;
  body: unknown;
}

async function putConfig(office: unknown, version: string | undefined): Promise<PutAnswer> {
  let response: Response;
  try {
    response = await fetch(CONFIG_URL, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(version === undefined ? { office } : { office, version }),
    });
  } catch {
    throw new ApiError(0, 'OFFLINE');
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, body };
}

interface ErrorBody {
  error?: { code?: string; issues?: ConfigIssue[] };
}

function errorOf(body: unknown): { code: string; issues: ConfigIssue[] } {
  const error = (body as ErrorBody | undefined)?.error;
  const issues = Array.isArray(error?.issues)
    ? error.issues.filter((i): i is ConfigIssue => typeof i?.path === 'string' && typeof i?.message === 'string')
    : [];
  return { code: typeof error?.code === 'string' ? error.code : 'INTERNAL', issues };
}

export function createConfigModel(): ConfigModel {
  const phase = signal<ConfigPhase>('idle');
  const version = signal<string | null>(null);
  const saved = signal<OfficeConfig | null>(null);
  const draft = signal<OfficeConfig | null>(null);
  const issues = signal<ConfigIssue[]>([]);
  const saving = signal(false);
  const error = signal<string | null>(null);
  const conflict = signal<'server' | 'remote' | null>(null);
  const dirty = computed(() => {
    const d = draft.value;
    const s = saved.value;
    if (!d || !s) return false;
    return stableJson(cleanOffice(d)) !== stableJson(cleanOffice(s));
  });
  /** A change arrived while saving: look again afterwards. */
  let recheck = false;

  const accept = (answer: ConfigAnswer) => {
    batch(() => {
      version.value = answer.version;
      saved.value = answer.office;
      draft.value = copy(answer.office);
      issues.value = [];
      conflict.value = null;
      error.value = null;
      phase.value = 'ready';
    });
  };

  const model: ConfigModel = {
    phase,
    version,
    saved,
    draft,
    issues,
    saving,
    error,
    conflict,
    dirty,

    async load() {
      if (phase.value !== 'ready') phase.value = 'loading';
      try {
        accept(await api<ConfigAnswer>('GET', CONFIG_URL));
        return true;
      } catch (e) {
        batch(() => {
          error.value = errorCodeOf(e);
          if (phase.value !== 'ready') phase.value = 'failed';
        });
        return false;
      }
    },

    ensureLoaded() {
      if (phase.value === 'idle') void model.load();
    },

    edit(recipe, clears) {
      const current = draft.value;
      if (!current) return;
      const next = copy(current);
      recipe(next);
      batch(() => {
        draft.value = next;
        const paths = clears === undefined ? [] : Array.isArray(clears) ? clears : [clears];
        if (paths.length > 0 && issues.value.length > 0)
          issues.value = issues.value.filter((i) => !paths.some((p) => isUnder(i.path, p)));
      });
    },

    discard() {
      const s = saved.value;
      if (!s) return;
      batch(() => {
        draft.value = copy(s);
        issues.value = [];
        error.value = null;
      });
      if (conflict.value) void model.load();
    },

    async save(options = {}) {
      const d = draft.value;
      if (!d || saving.value) return 'failed';
      if (!dirty.value && !options.force) return 'unchanged';
      const office = cleanOffice(d);
      const local = localIssues(office);
      saving.value = true;
      error.value = null;
      try {
        const answer = await putConfig(office, options.force ? undefined : (version.value ?? undefined));
        if (answer.status >= 200 && answer.status < 300) {
          accept(answer.body as ConfigAnswer);
          return 'saved';
        }
        const { code, issues: found } = errorOf(answer.body);
        if (code === 'CONFIG_CHANGED') {
          conflict.value = 'server';
          error.value = code;
          return 'conflict';
        }
        if (code === 'VALIDATION_FAILED' && (found.length > 0 || local.length > 0)) {
          issues.value = unique([...placeIssues(found, office), ...local]);
          return 'invalid';
        }
        error.value = code;
        return 'failed';
      } catch (e) {
        error.value = errorCodeOf(e);
        return 'failed';
      } finally {
        saving.value = false;
        if (recheck) {
          recheck = false;
          model.remoteChanged();
        }
      }
    },

    async importOffice(value) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return { outcome: 'invalid', issues: [{ path: '', message: 'Die Datei enthält keine Einstellungen.' }] };
      }
      const current = saved.value;
      const office = { ...(value as Record<string, unknown>) };
      // The server keeps the office's id; a file from another installation is taken over as this office.
      if (current) office.id = current.id;
      saving.value = true;
      error.value = null;
      try {
        const answer = await putConfig(office, version.value ?? undefined);
        if (answer.status >= 200 && answer.status < 300) {
          accept(answer.body as ConfigAnswer);
          return { outcome: 'saved', issues: [] };
        }
        const { code, issues: found } = errorOf(answer.body);
        if (code === 'CONFIG_CHANGED') {
          conflict.value = 'server';
          error.value = code;
          return { outcome: 'conflict', issues: [] };
        }
        if (code === 'VALIDATION_FAILED') {
          return {
            outcome: 'invalid',
            issues:
              found.length > 0 ? found : [{ path: '', message: 'Die Datei enthält keine gültigen Einstellungen.' }],
          };
        }
        error.value = code;
        return { outcome: 'failed', issues: [] };
      } catch (e) {
        error.value = errorCodeOf(e);
        return { outcome: 'failed', issues: [] };
      } finally {
        saving.value = false;
      }
    },

    remoteChanged() {
      if (phase.value !== 'ready') return;
      if (saving.value) {
        recheck = true;
        return;
      }
      if (dirty.value) {
        // Is it really a change of somebody else? Only a new version says so.
        void api<ConfigAnswer>('GET', CONFIG_URL).then(
          (answer) => {
            if (answer.version !== version.value) {
              if (dirty.value) conflict.value = 'remote';
              else accept(answer);
            }
          },
          () => undefined,
        );
        return;
      }
      void model.load();
    },

    issuesAt(path) {
      return issues.value.filter((i) => isUnder(i.path, path));
    },
  };
  return model;
}

/** A lower-case id from a German name: "Bürger Service" → "buerger-service". */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** `base`, or `base-2`, `base-3` … whichever is not taken yet. */
export function uniqueId(base: string, taken: Iterable<string>, fallback: string): string {
  const used = new Set(taken);
  const start = base || fallback;
  if (!used.has(start)) return start;
  for (let n = 2; ; n++) {
    const candidate = `${start.slice(0, 36)}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** Moves the item at `index` by `delta` places (returns a new array; out of range: unchanged). */
export function moved<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}
