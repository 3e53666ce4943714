/**
 * The name and id fields of a configured item (counter, kiosk, outcome). While an item is new its
 * id follows its name, as long as nobody has typed an id of their own; once saved, the id is fixed.
 */
import type { ComponentChildren } from 'preact';
import type { OfficeConfig } from '../core/types.ts';
import { TextField } from './config-fields.tsx';
import type { DraftPart } from './config-part.tsx';

interface Named {
  id: string;
  name: string;
}

/** The item the fields edit: where it is in the configuration, and whether it is still unsaved. */
export interface NamedItem<T extends Named> extends DraftPart<T> {
  isNew: boolean;
}

export interface NameFieldProps<T extends Named> {
  item: NamedItem<T>;
  label: string;
  hint?: ComponentChildren;
  maxLength: number;
  testId: string;
  /** The id a name suggests, unique among the other items of `office`. */
  suggestId: (name: string, office: OfficeConfig) => string;
}

/** The name; on a new item the id still equal to the suggestion for the old name follows the new one. */
export function NameField<T extends Named>(props: NameFieldProps<T>) {
  const { model, base, current, isNew, at } = props.item;
  const { suggestId } = props;
  return (
    <TextField
      model={model}
      path={`${base}.name`}
      label={props.label}
      hint={props.hint}
      value={current.name}
      maxLength={props.maxLength}
      testId={props.testId}
      update={(o, v) => {
        const item = at(o);
        if (isNew && (item.id === '' || item.id === suggestId(item.name, o))) item.id = suggestId(v, o);
        item.name = v;
      }}
    />
  );
}

export interface IdFieldProps<T extends Named> {
  item: NamedItem<T>;
  hint: ComponentChildren;
  testId: string;
}

/** The id in lower case, editable only while the item is new. */
export function IdField<T extends Named>({ item, hint, testId }: IdFieldProps<T>) {
  const { model, base, current, isNew, at } = item;
  return (
    <TextField
      model={model}
      path={`${base}.id`}
      label="Kennung"
      hint={hint}
      value={current.id}
      readOnly={!isNew}
      maxLength={40}
      transform={(t) => t.toLowerCase()}
      testId={testId}
      update={(o, v) => {
        at(o).id = v;
      }}
    />
  );
}
