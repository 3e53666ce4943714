/**
 * A run of number fields described by a table: each entry names a numeric key of one object in
 * the configuration (the queue's rules, the office itself, a concern) and how to label it.
 */
import type { OfficeConfig } from '../core/types.ts';
import { NumberField } from './config-fields.tsx';
import type { ConfigModel } from './config-model.ts';

/** The keys of `T` that hold a number (or nothing). */
export type NumberKey<T> = {
  [K in keyof T]-?: NonNullable<T[K]> extends number ? K : never;
}[keyof T] &
  string;

export interface NumberSpec<T> {
  key: NumberKey<T>;
  label: string;
  /** Shown after the field: "Minuten". */
  unit?: string;
  hint: string;
  testId: string;
  integer?: boolean;
  /** An empty field means "not set" (else it is reported as missing). */
  optional?: boolean;
  placeholder?: string;
}

export interface NumberFieldsProps<T> {
  model: ConfigModel;
  /** Path of the object in the configuration (`policy`, `concerns.2`); empty: the office itself. */
  base: string;
  /** The object as the draft has it now. */
  values: T;
  /** The same object in the office being edited. */
  at: (office: OfficeConfig) => T;
  specs: readonly NumberSpec<T>[];
}

export function NumberFields<T extends object>({ model, base, values, at, specs }: NumberFieldsProps<T>) {
  return (
    <>
      {specs.map((spec) => (
        <NumberField
          key={spec.key}
          model={model}
          path={base ? `${base}.${spec.key}` : spec.key}
          label={spec.label}
          unit={spec.unit}
          hint={spec.hint}
          value={values[spec.key] as number | undefined}
          integer={spec.integer}
          optional={spec.optional}
          placeholder={spec.placeholder}
          testId={spec.testId}
          update={(o, v) => {
            (at(o) as Record<string, number | undefined>)[spec.key] = v;
          }}
        />
      ))}
    </>
  );
}
