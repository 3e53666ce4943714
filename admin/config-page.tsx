/**
 * Frame of a configuration page (loading and error states) and the save bar (save, discard,
 * conflict, issue summary whose entries lead to their field, also on another page).
 */
import { signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { OfficeConfig } from '../core/types.ts';
import { errorText } from '../ui/staff-errors.ts';
import { ConfirmDialog } from '../ui/staff-shell.tsx';
import { fieldId } from './config-fields.tsx';
import { issueTab } from './config-issues.ts';
import type { ConfigModel } from './config-model.ts';
import { CONFIG_PAGE_TEXTS, type ConfigPageName } from './config-page-texts.ts';
import { ConfigWarnings } from './config-warnings.tsx';
import { issuePlace, issueText } from './config-words.ts';
import './config.css';

/** The path whose field should get the focus (set by the issue summary, read by the pages). */
export const focusRequest = signal<string | null>(null);

/** Focuses the field of `path`, or the nearest one above it (`concerns.2.names.en` → `concerns.2.names` …). */
export function focusField(path: string): boolean {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const element = document.getElementById(fieldId(parts.slice(0, n).join('.')));
    if (element) {
      element.focus();
      element.scrollIntoView?.({ block: 'center' });
      return true;
    }
  }
  return false;
}

/** What each configuration page gets from the admin app: the shared draft, and where failures go. */
export interface ConfigTabProps {
  model: ConfigModel;
  /** Shows a failed answer (a lost session returns to the sign-in form). */
  fail: (code: string) => void;
}

export interface ConfigPageProps extends ConfigTabProps {
  /** Which page: its title and introduction are in `config-page-texts.ts`. */
  page: ConfigPageName;
  /** Called with the path of an issue chosen in the summary, before its field gets the focus. */
  onShowIssue?: (path: string) => void;
  children: (draft: OfficeConfig) => ComponentChildren;
}

/** Frame of a configuration page: loads the configuration once and shows the save bar. */
export function ConfigPage({ model, fail, page, onShowIssue, children }: ConfigPageProps) {
  const { title, intro } = CONFIG_PAGE_TEXTS[page];
  useEffect(() => model.ensureLoaded(), [model]);
  const error = model.error.value;
  useEffect(() => {
    if (error === 'UNAUTHENTICATED') fail(error);
  }, [error]);

  // A field chosen in the issue summary (maybe on another page): show it, then focus it.
  const wanted = focusRequest.value;
  useEffect(() => {
    if (!wanted || !model.draft.value) return;
    onShowIssue?.(wanted);
    const timer = setTimeout(() => {
      if (focusField(wanted)) focusRequest.value = null;
    }, 0);
    return () => clearTimeout(timer);
  }, [wanted, model.draft.value !== null]);

  const draft = model.draft.value;
  if (!draft) {
    return (
      <div class="cfg">
        <h2 class="cfg__title">{title}</h2>
        {model.phase.value === 'failed' ? (
          <div class="cfg-load-error">
            <p class="staff-form__error" role="alert">
              Die Einstellungen konnten nicht geladen werden. {errorText(error ?? 'INTERNAL')}
            </p>
            <button
              type="button"
              class="staff-btn staff-btn--primary"
              data-testid="config-retry"
              onClick={() => void model.load()}
            >
              Noch einmal versuchen
            </button>
          </div>
        ) : (
          <p class="staff-muted">Einstellungen werden geladen …</p>
        )}
      </div>
    );
  }
  return (
    <div class="cfg">
      <SaveBar model={model} />
      <header class="cfg__head">
        <h2 class="cfg__title">{title}</h2>
        <p class="cfg__intro">{intro}</p>
      </header>
      {children(draft)}
    </div>
  );
}

/** The two steps the save bar asks about first: what is lost by each. */
const CONFIRMS = {
  discard: {
    title: 'Änderungen verwerfen?',
    confirmLabel: 'Verwerfen',
    text: 'Alle Änderungen seit dem letzten Speichern gehen verloren, auf allen Seiten der Einstellungen.',
  },
  force: {
    title: 'Ihre Fassung speichern?',
    confirmLabel: 'Ihre Fassung speichern',
    text: 'Die Änderungen der anderen Person gehen dabei verloren. Ihre Fassung gilt dann für alle.',
  },
} as const;

/** Save and discard, what the state is, and every issue as a link to its field. */
export function SaveBar({ model }: { model: ConfigModel }) {
  const [confirm, setConfirm] = useState<keyof typeof CONFIRMS | null>(null);
  const [savedNote, setSavedNote] = useState(false);
  const dirty = model.dirty.value;
  const saving = model.saving.value;
  const issues = model.issues.value;
  const conflict = model.conflict.value;
  const error = model.error.value;

  useEffect(() => {
    if (dirty) setSavedNote(false);
  }, [dirty]);

  const save = async () => {
    const outcome = await model.save();
    if (outcome === 'saved') setSavedNote(true);
  };

  const showIssue = (path: string) => {
    const tab = issueTab(path);
    if (location.hash !== `#${tab}`) location.hash = `#${tab}`;
    focusRequest.value = path;
  };

  let status: ComponentChildren;
  if (saving) status = 'Wird gespeichert …';
  else if (dirty) status = 'Sie haben Änderungen, die noch nicht gespeichert sind.';
  else if (savedNote) status = 'Gespeichert. Kiosks und Anzeigen zeigen die Änderung sofort.';
  else status = 'Alle Änderungen sind gespeichert.';

  return (
    <div class={`cfg-savebar ${dirty ? 'cfg-savebar--dirty' : ''}`} data-testid="config-savebar">
      <div class="cfg-savebar__row">
        <p class="cfg-savebar__status" role="status" data-testid="config-status" data-dirty={dirty ? 'true' : 'false'}>
          {status}
        </p>
        <div class="cfg-savebar__actions">
          <button
            type="button"
            class="staff-btn staff-btn--quiet"
            data-testid="config-discard"
            disabled={!dirty || saving}
            onClick={() => setConfirm('discard')}
          >
            Änderungen verwerfen
          </button>
          <button
            type="button"
            class="staff-btn staff-btn--primary"
            data-testid="config-save"
            disabled={!dirty || saving || conflict !== null}
            onClick={() => void save()}
          >
            {saving ? 'Wird gespeichert …' : 'Speichern'}
          </button>
        </div>
      </div>
      {conflict ? (
        <div class="cfg-conflict" role="alert" data-testid="config-conflict">
          <p>
            {conflict === 'server'
              ? 'Jemand anderes hat die Einstellungen inzwischen gespeichert. Ihre Änderungen sind noch nicht gespeichert.'
              : 'Jemand anderes hat die Einstellungen gerade gespeichert. Ihre Änderungen beruhen auf der alten Fassung.'}
          </p>
          <div class="cfg-conflict__actions">
            <button
              type="button"
              class="staff-btn staff-btn--secondary"
              data-testid="config-reload"
              onClick={() => void model.load()}
            >
              Neue Fassung laden (Ihre Änderungen gehen verloren)
            </button>
            <button
              type="button"
              class="staff-btn staff-btn--quiet"
              data-testid="config-force"
              onClick={() => setConfirm('force')}
            >
              Ihre Fassung trotzdem speichern
            </button>
          </div>
        </div>
      ) : error && error !== 'UNAUTHENTICATED' && error !== 'CONFIG_CHANGED' ? (
        <p class="staff-form__error" role="alert" data-testid="config-error">
          Nicht gespeichert. {errorText(error)}
        </p>
      ) : null}
      {issues.length > 0 ? (
        <div class="cfg-summary" role="alert" data-testid="config-issues">
          <p class="cfg-summary__title">
            Nicht gespeichert: {issues.length === 1 ? 'Eine Angabe muss' : `${issues.length} Angaben müssen`} noch
            geändert werden.
          </p>
          <ul>
            {issues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>
                <button type="button" class="cfg-summary__link" onClick={() => showIssue(issue.path)}>
                  {issuePlace(issue.path, model.draft.value)}
                </button>
                {`: ${issueText(issue)}`}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {model.draft.value ? <ConfigWarnings office={model.draft.value} onShow={showIssue} /> : null}
      {confirm ? (
        <ConfirmDialog
          title={CONFIRMS[confirm].title}
          confirmLabel={CONFIRMS[confirm].confirmLabel}
          danger
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            setConfirm(null);
            if (confirm === 'discard') model.discard();
            else
              void model.save({ force: true }).then((outcome) => {
                if (outcome === 'saved') setSavedNote(true);
              });
          }}
        >
          <p>{CONFIRMS[confirm].text}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
