/**
 * Form pieces of the staff apps: a labelled input and a labelled choice (label above, the
 * `staff-input` below), and a submit button that is disabled and says so while the form works.
 */
import type { ComponentChildren, Ref } from 'preact';

/** What a `StaffInput` may say besides its value. */
interface InputAttributes {
  type?: 'text' | 'password' | 'date';
  name?: string;
  autoComplete?: string;
  autoCapitalize?: 'none';
  spellcheck?: boolean;
  min?: string | undefined;
  max?: string | undefined;
}

export interface StaffInputProps extends InputAttributes {
  label: string;
  testId: string;
  value: string;
  /** Every change of the text (`input` events). */
  onValue: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
}

export function StaffInput({ label, testId, value, onValue, inputRef, ...input }: StaffInputProps) {
  return (
    <label class="staff-field">
      <span class="staff-field__label">{label}</span>
      <input
        ref={inputRef}
        // Preact types text, password and date inputs apart; every attribute here suits all three.
        type={(input.type ?? 'text') as 'text'}
        name={input.name}
        autoComplete={input.autoComplete}
        autoCapitalize={input.autoCapitalize}
        spellcheck={input.spellcheck}
        min={input.min}
        max={input.max}
        class="staff-input"
        data-testid={testId}
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
    </label>
  );
}

export interface StaffSelectProps<V extends string> {
  label: string;
  testId: string;
  value: V;
  options: readonly SelectOption<V>[];
  onValue: (value: V) => void;
}

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

/** The `<option>`s of a select. */
export function SelectOptions<V extends string>({ options }: { options: readonly SelectOption<V>[] }) {
  return (
    <>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}

/** The options of a table of labels, in its order. */
export function optionsOf<V extends string>(labels: Record<V, string>): SelectOption<V>[] {
  return (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value] }));
}

export function StaffSelect<V extends string>({ label, testId, value, options, onValue }: StaffSelectProps<V>) {
  return (
    <label class="staff-field">
      <span class="staff-field__label">{label}</span>
      <select
        class="staff-input"
        data-testid={testId}
        value={value}
        onChange={(e) => onValue(e.currentTarget.value as V)}
      >
        <SelectOptions options={options} />
      </select>
    </label>
  );
}

export interface SubmitButtonProps {
  testId: string;
  busy: boolean;
  /** What the button says while the form works, e.g. "Wird gespeichert …". */
  busyLabel: string;
  /** Classes beside `staff-btn staff-btn--primary`, e.g. `staff-btn--big`. */
  variant?: string;
  children: ComponentChildren;
}

export function SubmitButton({ testId, busy, busyLabel, variant, children }: SubmitButtonProps) {
  return (
    <button
      type="submit"
      class={variant ? `staff-btn staff-btn--primary ${variant}` : 'staff-btn staff-btn--primary'}
      data-testid={testId}
      disabled={busy}
    >
      {busy ? busyLabel : children}
    </button>
  );
}
