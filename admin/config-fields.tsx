/**
 * Form pieces of the configuration pages: labelled fields that edit the shared draft
 * (`ConfigModel.edit`) and show the server's issues for their path next to them. The page frame
 * and the save bar are in `config-page.tsx`.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import type { OfficeConfig } from '../core/types.ts';
import type { ConfigIssue, ConfigModel } from './config-model.ts';
import { issueText } from './config-words.ts';
import './config.css';

/** The DOM id of the input that edits `path` (`concerns.2.prefix` → `cfg-concerns-2-prefix`). */
export function fieldId(path: string): string {
  return `cfg-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
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

/** What the input of a field needs to be found and read out: its id, whether it is wrong, what describes it. */
interface InputLinks {
  id: string;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
}

interface FieldFrameProps {
  field: Pick<EditProps<unknown>, 'model' | 'path' | 'label' | 'hint'>;
  wide?: boolean;
  children: (links: InputLinks) => ComponentChildren;
}

/** Label, hint and the issues at the field's path around its input. */
function FieldFrame({ field: { model, path, label, hint }, wide, children }: FieldFrameProps) {
  const inputId = fieldId(path);
  const issues = model.issuesAt(path);
  const hintId = `${inputId}-hint`;
  const issuesId = `${inputId}-issues`;
  const describedBy = [hint ? hintId : '', issues.length > 0 ? issuesId : ''].filter(Boolean).join(' ') || undefined;
  const invalid = issues.length > 0 ? 'true' : undefined;
  return (
    <div class={`cfg-field ${wide ? 'cfg-field--wide' : ''} ${issues.length > 0 ? 'cfg-field--invalid' : ''}`}>
      <label class="cfg-field__label" for={inputId}>
        {label}
      </label>
      {children({ id: inputId, 'aria-invalid': invalid, 'aria-describedby': describedBy })}
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
  const { model, path, value, update, testId, transform } = props;
  return (
    <FieldFrame field={props} wide={props.wide}>
      {(links) => (
        <input
          {...links}
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
  const { model, path, value, update, testId } = props;
  return (
    <FieldFrame field={props} wide={props.wide}>
      {(links) => (
        <textarea
          {...links}
          class="staff-input cfg-input cfg-textarea"
          rows={props.rows ?? 4}
          value={value.join('\n')}
          dir={props.dir}
          lang={props.lang}
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
  const { model, path, value, update, testId, unit, integer, optional } = props;
  const [text, setText] = useState(formatNumber(value));
  // Follow outside changes (discard, reload) without disturbing what is being typed.
  useEffect(() => {
    const typed = parseNumber(text);
    const same =
      typed === value || (typed !== undefined && Number.isNaN(typed) && value !== undefined && Number.isNaN(value));
    if (!same) setText(formatNumber(value));
  }, [value]);
  return (
    <FieldFrame field={props}>
      {(links) => (
        <span class="cfg-number">
          <input
            {...links}
            class="staff-input cfg-input cfg-input--number"
            type="text"
            inputMode={integer ? 'numeric' : 'decimal'}
            value={text}
            placeholder={props.placeholder}
            disabled={props.disabled}
            autoComplete="off"
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

export function SelectField(props: SelectFieldProps) {
  const { model, path, value, update, testId, options } = props;
  return (
    <FieldFrame field={props}>
      {(links) => (
        <select
          {...links}
          class="staff-input cfg-input cfg-select"
          value={value}
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
