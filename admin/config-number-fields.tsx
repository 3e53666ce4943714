/**
 * A run of number fields described by a table: each entry names a numeric key of one object in
 * the configuration (the queue's rules, the office itself, a concern) and how to label it.
 */
import { NumberField } from './config-fields.tsx';
import { type DraftPart, partPath } from './config-part.tsx';

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
  part: DraftPart<T>;
  specs: readonly NumberSpec<T>[];
}

export function NumberFields<T extends object>({ part, specs }: NumberFieldsProps<T>) {
  return (
    <>
      {specs.map((spec) => (
        <NumberField
          key={spec.key}
          model={part.model}
          path={partPath(part, spec.key)}
          label={spec.label}
          unit={spec.unit}
          hint={spec.hint}
          value={part.current[spec.key] as number | undefined}
          integer={spec.integer}
          optional={spec.optional}
          placeholder={spec.placeholder}
          testId={spec.testId}
          update={(o, v) => {
            (part.at(o) as Record<string, number | undefined>)[spec.key] = v;
          }}
        />
      ))}
    </>
  );
}
