/**
 * Form pieces of the configuration pages: labelled fields that edit the shared draft
 * (`ConfigModel.edit`) and show the server's issues for their path next to them, the page frame
 * with loading and error states, and the save bar (save, discard, conflict, issue summary).
 *
 * Over 400 lines: every field kind of the configuration pages shares the draft binding and the
 * issue display here, so the pages stay declarative; each field component is small.
 */
import { signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import type { OfficeConfig } from '../core/types.ts';
import { errorText } from '../ui/staff-errors.ts';
import { ConfirmDialog } from '../ui/staff-shell.tsx';
import { issueTab } from './config-issues.ts';
import type { ConfigIssue, ConfigModel } from './config-model.ts';
import { ConfigWarnings } from './config-warnings.tsx';
import { issuePlace, issueText } from './config-words.ts';
import './config.css';

/** The DOM id of the input that edits `path` (`concerns.2.prefix` → `cfg-concerns-2-prefix`). */
export function fieldId(path: string): string {
  return `cfg-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

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

export function Issues({ issues, id }: { issues: ConfigIssue[]; id: string }) {
  if (issues.length === 0) return null;
  return (
    <ul class="cfg-issues" id={id} data-testid="field-issues">
      {issues.map((issue) => (
        <li key={`${issue.path}:${issue.code}:${issue.message}`}>{issueText(issue)}</li>
      ))}
    </ul>
  );
}

interface FieldFrameProps {
  label: ComponentChildren;
  hint?: ComponentChildren;
  issues: ConfigIssue[];
  inputId: string;
  wide?: boolean;
  children: (describedBy: string | undefined) => ComponentChildren;
}

function FieldFrame({ label, hint, issues, inputId, wide, children }: FieldFrameProps) {
  const hintId = `${inputId}-hint`;
  const issuesId = `${inputId}-issues`;
  const describedBy = [hint ? hintId : '', issues.length > 0 ? issuesId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`cfg-field ${wide ? 'cfg-field--wide' : ''} ${issues.length > 0 ? 'cfg-field--invalid' : ''}`}>
      <label class="cfg-field__label" for={inputId}>
        {label}
      </label>
      {children(describedBy)}
      {hint ? (
        <p class="cfg-field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <Issues issues={issues} id={issuesId} />
    </div>
  );
}

interface EditProps<V> {
  model: ConfigModel;
  /** Path of the value in the configuration; issues there are shown, and cleared on edit. */
  path: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  value: V;
  update: (office: OfficeConfig, value: V) => void;
  testId: string;
  wide?: boolean;
  disabled?: boolean;
}

export interface TextFieldProps extends EditProps<string> {
  placeholder?: string;
  readOnly?: boolean;
  maxLength?: number;
  dir?: 'ltr' | 'rtl' | 'auto';
  lang?: string;
  list?: string;
  type?: 'text' | 'url' | 'time' | 'date';
  /** Changes the typed text before it is stored (e.g. upper case). */
  transform?: (text: string) => string;
}

export function TextField(props: TextFieldProps) {
  const { model, path, label, hint, value, update, testId, wide, transform } = props;
  const id = fieldId(path);
  const issues = model.issuesAt(path);
  return (
    <FieldFrame label={label} hint={hint} issues={issues} inputId={id} wide={wide}>
      {(describedBy) => (
        <input
          id={id}
          class="staff-input cfg-input"
          type={props.type ?? 'text'}
          value={value}
          placeholder={props.placeholder}
          readOnly={props.readOnly}
          disabled={props.disabled}
          maxLength={props.maxLength}
          dir={props.dir}
          lang={props.lang}
          list={props.list}
          autoComplete="off"
          spellcheck={props.type === 'url' ? false : undefined}
          aria-invalid={issues.length > 0 ? 'true' : undefined}
          aria-describedby={describedBy}
          data-testid={testId}
          onInput={(e) => {
            const raw = e.currentTarget.value;
            const next = transform ? transform(raw) : raw;
            if (next !== raw) e.currentTarget.value = next;
            model.edit((o) => update(o, next), path);
          }}
        />
      )}
    </FieldFrame>
  );
}

export interface LinesFieldProps extends EditProps<string[]> {
  rows?: number;
  dir?: 'ltr' | 'rtl' | 'auto';
  lang?: string;
}

/** A list of short texts, one per line (documents to bring). */
export function LinesField(props: LinesFieldProps) {
  const { model, path, label, hint, value, update, testId, wide } = props;
  const id = fieldId(path);
  const issues = model.issuesAt(path);
  return (
    <FieldFrame label={label} hint={hint} issues={issues} inputId={id} wide={wide}>
      {(describedBy) => (
        <textarea
          id={id}
          class="staff-input cfg-input cfg-textarea"
          rows={props.rows ?? 4}
          value={value.join('\n')}
          dir={props.dir}
          lang={props.lang}
          aria-invalid={issues.length > 0 ? 'true' : undefined}
          aria-describedby={describedBy}
          data-testid={testId}
          onInput={(e) => {
            const lines = e.currentTarget.value.split('\n');
            model.edit((o) => update(o, lines), path);
          }}
        />
      )}
    </FieldFrame>
  );
}

/** "12", "1,5" → number; "" → undefined; anything else → NaN (the server names it). */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().replace(',', '.');
  if (t === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

function formatNumber(value: number | undefined | null): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value).replace('.', ',') : '';
}

export interface NumberFieldProps extends EditProps<number | undefined> {
  /** Shown after the field: "Minuten". */
  unit?: string;
  /** Whole numbers only (sets the keyboard on touch devices). */
  integer?: boolean;
  /** An empty field means "not set" (else it is reported as missing). */
  optional?: boolean;
  placeholder?: string;
}

export function NumberField(props: NumberFieldProps) {
  const { model, path, label, hint, value, update, testId, unit, integer, optional } = props;
  const id = fieldId(path);
  const issues = model.issuesAt(path);
  const [text, setText] = useState(formatNumber(value));
  // Follow outside changes (discard, reload) without disturbing what is being typed.
  useEffect(() => {
    const typed = parseNumber(text);
    const same =
      typed === value || (typed !== undefined && Number.isNaN(typed) && value !== undefined && Number.isNaN(value));
    if (!same) setText(formatNumber(value));
  }, [value]);
  return (
    <FieldFrame label={label} hint={hint} issues={issues} inputId={id}>
      {(describedBy) => (
        <span class="cfg-number">
          <input
            id={id}
            class="staff-input cfg-input cfg-input--number"
            type="text"
            inputMode={integer ? 'numeric' : 'decimal'}
            value={text}
            placeholder={props.placeholder}
            disabled={props.disabled}
            autoComplete="off"
            aria-invalid={issues.length > 0 ? 'true' : undefined}
            aria-describedby={describedBy}
            data-testid={testId}
            onInput={(e) => {
              const raw = e.currentTarget.value;
              setText(raw);
              const parsed = parseNumber(raw);
              const next = parsed === undefined && !optional ? Number.NaN : parsed;
              model.edit((o) => update(o, next), path);
            }}
          />
          {unit ? <span class="cfg-number__unit">{unit}</span> : null}
        </span>
      )}
    </FieldFrame>
  );
}

export interface CheckFieldProps extends EditProps<boolean> {}

export function CheckField({ model, path, label, hint, value, update, testId, disabled }: CheckFieldProps) {
  const id = fieldId(path);
  const hintId = `${id}-hint`;
  const issues = model.issuesAt(path);
  return (
    <div class="cfg-field cfg-field--wide">
      <label class="cfg-check" for={id}>
        <input
          id={id}
          type="checkbox"
          class="cfg-check__box"
          checked={value}
          disabled={disabled}
          aria-describedby={hint ? hintId : undefined}
          data-testid={testId}
          onChange={(e) => {
            const checked = e.currentTarget.checked;
            model.edit((o) => update(o, checked), path);
          }}
        />
        <span class="cfg-check__label">{label}</span>
      </label>
      {hint ? (
        <p class="cfg-field__hint cfg-check__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <Issues issues={issues} id={`${id}-issues`} />
    </div>
  );
}

export interface SelectFieldProps extends EditProps<string> {
  options: { value: string; label: string }[];
}

export function SelectField({ model, path, label, hint, value, update, testId, options }: SelectFieldProps) {
  const id = fieldId(path);
  const issues = model.issuesAt(path);
  return (
    <FieldFrame label={label} hint={hint} issues={issues} inputId={id}>
      {(describedBy) => (
        <select
          id={id}
          class="staff-input cfg-input cfg-select"
          value={value}
          aria-describedby={describedBy}
          aria-invalid={issues.length > 0 ? 'true' : undefined}
          data-testid={testId}
          onChange={(e) => {
            const next = e.currentTarget.value;
            model.edit((o) => update(o, next), path);
          }}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/** A small square button with an accessible name (move up/down, remove). */
export function IconButton({
  label,
  onClick,
  disabled,
  testId,
  danger,
  children,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  testId?: string;
  danger?: boolean;
  children: ComponentChildren;
}) {
  return (
    <button
      type="button"
      class={`cfg-icon-btn ${danger ? 'cfg-icon-btn--danger' : ''}`}
      aria-label={label}
      title={label}
      disabled={disabled}
      data-testid={testId}
      onClick={onClick}
    >
      <span aria-hidden="true">{children}</span>
    </button>
  );
}

export function Section({
  title,
  intro,
  children,
  testId,
}: {
  title: string;
  intro?: ComponentChildren;
  children: ComponentChildren;
  testId?: string;
}) {
  const id = useId();
  return (
    <section class="panel cfg-section" aria-labelledby={id} data-testid={testId}>
      <h3 id={id} class="panel__title">
        {title}
      </h3>
      {intro ? <p class="cfg-section__intro">{intro}</p> : null}
      {children}
    </section>
  );
}

export interface ConfigPageProps {
  model: ConfigModel;
  fail: (code: string) => void;
  title: string;
  intro?: ComponentChildren;
  /** Called with the path of an issue chosen in the summary, before its field gets the focus. */
  onShowIssue?: (path: string) => void;
  children: (draft: OfficeConfig) => ComponentChildren;
}

/** Frame of a configuration page: loads the configuration once and shows the save bar. */
export function ConfigPage({ model, fail, title, intro, onShowIssue, children }: ConfigPageProps) {
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
        {intro ? <p class="cfg__intro">{intro}</p> : null}
      </header>
      {children(draft)}
    </div>
  );
}

/** Save and discard, what the state is, and every issue as a link to its field. */
export function SaveBar({ model }: { model: ConfigModel }) {
  const [confirm, setConfirm] = useState<'discard' | 'force' | null>(null);
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
      {confirm === 'discard' ? (
        <ConfirmDialog
          title="Änderungen verwerfen?"
          confirmLabel="Verwerfen"
          danger
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            setConfirm(null);
            model.discard();
          }}
        >
          <p>Alle Änderungen seit dem letzten Speichern gehen verloren, auf allen Seiten der Einstellungen.</p>
        </ConfirmDialog>
      ) : null}
      {confirm === 'force' ? (
        <ConfirmDialog
          title="Ihre Fassung speichern?"
          confirmLabel="Ihre Fassung speichern"
          danger
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            setConfirm(null);
            void model.save({ force: true }).then((outcome) => {
              if (outcome === 'saved') setSavedNote(true);
            });
          }}
        >
          <p>Die Änderungen der anderen Person gehen dabei verloren. Ihre Fassung gilt dann für alle.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
