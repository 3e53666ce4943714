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
import type { OfficeConfig } from '../core/types.ts';
import { ApiError, api } from '../ui/api.ts';
import { errorCodeOf } from '../ui/staff-session.ts';
import { cleanOffice, stableJson } from './config-clean.ts';
import type { ConfigIssue } from '../core/config-issue.ts';
import { isUnder, localIssues, unique } from './config-issues.ts';

export type { ConfigIssue } from '../core/config-issue.ts';

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
    ? error.issues.filter((i): i is ConfigIssue => typeof i?.path === 'string' && typeof i?.code === 'string')
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
          issues.value = unique([...found, ...local]);
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
        return { outcome: 'invalid', issues: [{ path: '', code: 'NOT_AN_OFFICE', message: 'no settings' }] };
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
            issues: found.length > 0 ? found : [{ path: '', code: 'NOT_AN_OFFICE', message: 'no valid settings' }],
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
