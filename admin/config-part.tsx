/**
 * One object of the configuration that a form edits (the office, its queue rules, a concern, a
 * counter, a kiosk): where it is in the draft, how the draft has it now, and a text field bound
 * to one of its string keys. The number fields of such an object are in `config-number-fields.tsx`,
 * its name and id in `config-name-id.tsx`.
 */
import type { OfficeConfig } from '../core/types.ts';
import { TextField, type TextFieldProps } from './config-fields.tsx';
import type { ConfigModel } from './config-model.ts';

export interface DraftPart<T> {
  model: ConfigModel;
  /** Path of the object in the configuration (`policy`, `counters.2`); empty: the office itself. */
  base: string;
  /** The object as the draft has it now. */
  current: T;
  /** The same object in the office being edited. */
  at: (office: OfficeConfig) => T;
}

/** The path of `key` of the part (`counters.2` + `area` → `counters.2.area`). */
export function partPath(part: DraftPart<unknown>, key: string): string {
  return part.base ? `${part.base}.${key}` : key;
}

/** The office itself as a part (its name, time zone, kiosk settings). */
export function officePart(model: ConfigModel, draft: OfficeConfig): DraftPart<OfficeConfig> {
  return { model, base: '', current: draft, at: (o) => o };
}

/** The keys of `T` that hold a string (or nothing). */
export type StringKey<T> = {
  [K in keyof T]-?: NonNullable<T[K]> extends string ? K : never;
}[keyof T] &
  string;

export type PartTextFieldProps<T> = Omit<TextFieldProps, 'model' | 'path' | 'value' | 'update'> & {
  part: DraftPart<T>;
  field: StringKey<T>;
};

/** A text field for one string of the part: empty while unset, what is typed is stored as typed. */
export function PartTextField<T extends object>({ part, field, ...rest }: PartTextFieldProps<T>) {
  return (
    <TextField
      {...rest}
      model={part.model}
      path={partPath(part, field)}
      value={(part.current[field] as string | undefined) ?? ''}
      update={(o, v) => {
        (part.at(o) as Record<string, string>)[field] = v;
      }}
    />
  );
}
