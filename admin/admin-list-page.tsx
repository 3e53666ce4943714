/**
 * The frame of an admin page that manages a list on the server (accounts, devices): the page
 * head with its notice banner, the list as a table (loading, load error with retry, empty), and
 * the plain form pieces of the "new …" form beside it (text field with hint, radio cards, error).
 */
import type { Signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { type SelectOption, SelectOptions } from '../ui/staff-form.tsx';
import { NoticeOf, type Notice } from '../ui/staff-shell.tsx';
import type { AdminList } from './admin-list.ts';

export function ListPageHead({
  title,
  intro,
  notice,
}: {
  title: string;
  intro: ComponentChildren;
  notice: Signal<Notice | null>;
}) {
  return (
    <>
      <header class="cfg__head">
        <h2 class="cfg__title">{title}</h2>
        <p class="cfg__intro">{intro}</p>
      </header>
      <NoticeOf notice={notice} reserveSpace={false} />
    </>
  );
}

export interface ListTableProps<T> {
  list: AdminList<T>;
  /** Id of the section's title (for aria-labelledby). */
  titleId: string;
  title: string;
  /** "Konten werden geladen …" */
  loading: string;
  /** Shown instead of an empty table; without it an empty table is shown. */
  empty?: { text: string; testId: string };
  /** Column headings; a last column for the row's buttons is added. */
  columns: string[];
  row: (item: T) => ComponentChildren;
  children?: ComponentChildren;
}

/** A panel with the list as a table, its count in the title; loading and load errors in its place. */
export function ListTable<T>({ list, titleId, title, loading, empty, columns, row, children }: ListTableProps<T>) {
  const items = list.items.value;
  let body: ComponentChildren;
  if (list.loadError.value) {
    body = (
      <div>
        <p class="staff-form__error" role="alert">
          {list.loadError.value}
        </p>
        <button type="button" class="staff-btn staff-btn--primary" onClick={() => void list.load()}>
          Noch einmal versuchen
        </button>
      </div>
    );
  } else if (!items) {
    body = <p class="staff-muted">{loading}</p>;
  } else if (items.length === 0 && empty) {
    body = (
      <p class="staff-muted" data-testid={empty.testId}>
        {empty.text}
      </p>
    );
  } else {
    body = (
      <div class="table-scroll">
        <table class="table cfg-table">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
              <th scope="col">
                <span class="visually-hidden">Aktionen</span>
              </th>
            </tr>
          </thead>
          <tbody>{items.map(row)}</tbody>
        </table>
      </div>
    );
  }
  return (
    <section class="panel" aria-labelledby={titleId}>
      <h3 id={titleId} class="panel__title">
        {title} {items ? <span class="panel__count">{items.length}</span> : null}
      </h3>
      {body}
      {children}
    </section>
  );
}

/** The error line at the top of a form, when there is one. */
export function FormProblem({ text, testId }: { text: string | null; testId?: string }) {
  return text ? (
    <p class="staff-form__error" role="alert" data-testid={testId}>
      {text}
    </p>
  ) : null;
}

/** What an input of `PlainField` may say besides its value. */
interface InputProps {
  type?: 'text' | 'search';
  placeholder?: string;
  inputMode?: 'decimal';
  maxLength?: number;
  autoComplete?: string;
  autoCapitalize?: 'none';
  spellcheck?: boolean;
  list?: string;
  'data-autofocus'?: boolean;
}

/** A labelled text input bound to a signal, with a hint below it when there is one. */
export function PlainField({
  id,
  label,
  hint,
  value,
  testId,
  after,
  ...input
}: InputProps & {
  id: string;
  label: string;
  hint?: ComponentChildren;
  value: Signal<string>;
  testId: string;
  /** Placed between the input and the hint (a datalist). */
  after?: ComponentChildren;
}) {
  return (
    <div class="cfg-field">
      <label class="cfg-field__label" for={id}>
        {label}
      </label>
      <input
        id={id}
        class="staff-input cfg-input"
        {...input}
        aria-describedby={hint ? `${id}-hint` : undefined}
        value={value.value}
        data-testid={testId}
        onInput={(e) => {
          value.value = e.currentTarget.value;
        }}
      />
      {after}
      {hint ? (
        <p class="cfg-field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled choice among `options`, bound to a signal. */
export function PlainSelect<V extends string>({
  id,
  label,
  value,
  options,
  testId,
}: {
  id: string;
  label: string;
  value: Signal<V>;
  options: readonly SelectOption<V>[];
  testId: string;
}) {
  return (
    <div class="cfg-field">
      <label class="cfg-field__label" for={id}>
        {label}
      </label>
      <select
        id={id}
        class="staff-input cfg-input cfg-select"
        value={value.value}
        data-testid={testId}
        onChange={(e) => {
          value.value = e.currentTarget.value as V;
        }}
      >
        <SelectOptions options={options} />
      </select>
    </div>
  );
}

/** A choice among a few kinds, each a card with its name and a line of explanation. */
export function RadioCards<K extends string>({
  legend,
  name,
  options,
  labels,
  hints,
  value,
  testId,
}: {
  legend: string;
  name: string;
  options: readonly K[];
  labels: Record<K, string>;
  hints: Record<K, string>;
  value: Signal<K>;
  /** The test id of the option `k`. */
  testId: (k: K) => string;
}) {
  return (
    <fieldset class="cfg-radios">
      <legend class="cfg-field__label">{legend}</legend>
      {options.map((k) => (
        <label key={k} class={`cfg-radio ${value.value === k ? 'cfg-radio--selected' : ''}`}>
          <input
            type="radio"
            name={name}
            value={k}
            checked={value.value === k}
            data-testid={testId(k)}
            onChange={() => {
              value.value = k;
            }}
          />
          <span>
            <strong>{labels[k]}</strong>
            <span class="cfg-radio__hint">{hints[k]}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** A quiet button in a row of the list (change, remove …); `danger` marks one that removes. */
export function RowButton({
  testId,
  disabled,
  danger,
  title,
  ariaLabel,
  onClick,
  children,
}: {
  testId: string;
  disabled: boolean;
  danger?: boolean;
  title?: string | undefined;
  ariaLabel?: string;
  onClick: () => void;
  children: ComponentChildren;
}) {
  return (
    <button
      type="button"
      class={danger ? 'staff-btn staff-btn--quiet cfg-danger-text' : 'staff-btn staff-btn--quiet'}
      disabled={disabled}
      title={title}
      aria-label={ariaLabel}
      data-testid={testId}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
