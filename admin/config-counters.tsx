/**
 * Counters: name (what the screens show), area (floor, wing), the printer for tickets given out
 * there, and the concerns each counter serves, in its order of preference (the first one is the
 * counter's own).
 */
import { useSignal } from '@preact/signals';
import type { Counter, OfficeConfig } from '../core/types.ts';
import { EntryCards, focusSoon, MoveButtons, RemoveButton } from './config-entries.tsx';
import { fieldId, IconButton, Issues, Section } from './config-fields.tsx';
import { ConfigPage, type ConfigTabProps } from './config-page.tsx';
import { moved, slugify, uniqueId } from './config-ids.ts';
import type { ConfigModel } from './config-model.ts';
import { IdField, NameField } from './config-name-id.tsx';
import { PartTextField, type PartTextFieldProps } from './config-part.tsx';

/** A counter's text field; `test` names it in the test ids (`counter-area-2`). */
type CounterText = Omit<PartTextFieldProps<Counter>, 'part' | 'testId'> & { test: string };

/** Where the counter is and how the announcement says its name (next to name and id). */
const PLACE_TEXTS: readonly CounterText[] = [
  {
    field: 'area',
    test: 'area',
    label: 'Bereich (freiwillig)',
    hint: 'Stockwerk oder Flur. Eine Anzeige kann nur ihren Bereich zeigen.',
    maxLength: 60,
    list: 'cfg-areas',
  },
  {
    field: 'spokenName',
    test: 'spoken',
    label: 'Aussprache (freiwillig)',
    hint: 'So sagt die Ansage ihn: „Platz zwei“, „Schalter A“. Leer: wie der Name.',
    maxLength: 80,
  },
];

const PRINTER_TEXT: CounterText = {
  field: 'printer',
  test: 'printer',
  label: 'Drucker dieses Platzes (freiwillig)',
  hint: 'Für Nummern, die hier am Empfang ausgegeben werden: tcp://192.168.1.50:9100, file:/dev/usb/lp0, virtual oder none. Leer: kein Drucker.',
  maxLength: 300,
  placeholder: 'tcp://192.168.1.50:9100',
};

/** The id of a new counter, from its name ("Platz 5" → "platz-5"), unique among the others. */
export function suggestCounterId(name: string, otherIds: string[]): string {
  return uniqueId(slugify(name), otherIds, 'platz');
}

/** "Platz 5" when there are four counters named like that. */
export function nextCounterName(office: OfficeConfig): string {
  const names = new Set(office.counters.map((c) => c.name.trim()));
  for (let n = office.counters.length + 1; ; n++) if (!names.has(`Platz ${n}`)) return `Platz ${n}`;
}

export function CountersSetupPage({ model, fail }: ConfigTabProps) {
  return (
    <ConfigPage model={model} fail={fail} page="counters">
      {(draft) => {
        const areas = [...new Set(draft.counters.map((c) => c.area?.trim()).filter((a): a is string => Boolean(a)))];
        const add = () => {
          const name = nextCounterName(draft);
          const ids = draft.counters.map((c) => c.id);
          const index = draft.counters.length;
          // A new counter starts without concerns: the admin chooses them (until then it is warned of).
          model.edit((o) => {
            o.counters.push({ id: suggestCounterId(name, ids), name, concernIds: [] });
          });
          focusSoon(`counters.${index}.name`);
        };
        return (
          <>
            <datalist id="cfg-areas">
              {areas.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
            <EntryCards
              entries={draft.counters}
              card={(counter, i, onRemove) => (
                <CounterCard key={`${i}`} model={model} draft={draft} index={i} counter={counter} onRemove={onRemove} />
              )}
              add={add}
              addLabel="+ Neuer Platz"
              addTestId="counter-add"
              nameOf={(c) => c.name || 'Platz'}
              remove={(i) =>
                model.edit((o) => {
                  o.counters.splice(i, 1);
                }, 'counters')
              }
              removeNote={
                <p>Nach dem Speichern kann dort niemand mehr aufrufen. Wer dort gerade angemeldet ist, wählt neu.</p>
              }
            />
          </>
        );
      }}
    </ConfigPage>
  );
}

interface CounterCardProps {
  model: ConfigModel;
  draft: OfficeConfig;
  index: number;
  counter: Counter;
  onRemove: () => void;
}

function CounterCard({ model, draft, index, counter, onRemove }: CounterCardProps) {
  const base = `counters.${index}`;
  const at = (o: OfficeConfig) => o.counters[index] as Counter;
  const choice = useSignal('');
  const savedIds = new Set(model.saved.value?.counters.map((c) => c.id) ?? []);
  const isNew = !savedIds.has(counter.id) || draft.counters.filter((c) => c.id === counter.id).length > 1;
  const item = { model, base, current: counter, isNew, at };
  const otherIds = draft.counters.filter((_, i) => i !== index).map((c) => c.id);
  const concernOf = (id: string) => draft.concerns.find((c) => c.id === id);
  const addable = draft.concerns.filter((c) => c.infoUrl === undefined && !counter.concernIds.includes(c.id));
  const selectedChoice = addable.some((c) => c.id === choice.value) ? choice.value : (addable[0]?.id ?? '');
  const listIssues = model.issuesAt(`${base}.concernIds`);
  const title = counter.name.trim() || `Platz ${index + 1}`;
  const text = ({ test, ...spec }: CounterText) => (
    <PartTextField key={spec.field} part={item} {...spec} testId={`counter-${test}-${index}`} />
  );

  const moveConcern = (i: number, delta: number) =>
    model.edit((o) => {
      at(o).concernIds = moved(at(o).concernIds, i, delta);
    }, `${base}.concernIds`);

  return (
    <Section title={title} testId={`counter-card-${index}`}>
      <div class="cfg-card__tools">
        <MoveButtons
          index={index}
          count={draft.counters.length}
          up={`${title} nach vorn`}
          down={`${title} nach hinten`}
          testId={(direction) => `counter-${direction}-${index}`}
          onMove={(delta) =>
            model.edit((o) => {
              o.counters = moved(o.counters, index, delta);
            }, 'counters')
          }
        />
        <RemoveButton testId={`counter-remove-${index}`} disabled={draft.counters.length <= 1} onClick={onRemove} />
      </div>
      <div class="cfg-grid cfg-grid--3">
        <NameField
          item={item}
          label="Name"
          hint="So steht er auf der Anzeige: Platz 3, Zimmer 12."
          maxLength={40}
          testId={`counter-name-${index}`}
          suggestId={(name) => suggestCounterId(name, otherIds)}
        />
        {PLACE_TEXTS.map(text)}
        <IdField
          item={item}
          hint={isNew ? 'Nach dem Speichern bleibt sie fest.' : 'Sie bleibt fest, damit die Statistik stimmt.'}
          testId={`counter-id-${index}`}
        />
      </div>
      <div class="cfg-grid">{text(PRINTER_TEXT)}</div>
      <div class={`cfg-served ${listIssues.length > 0 ? 'cfg-field--invalid' : ''}`}>
        <h4 class="cfg-served__title" id={`${fieldId(`${base}.concernIds`)}-title`}>
          Anliegen dieses Platzes, das wichtigste zuerst
        </h4>
        {counter.concernIds.length === 0 ? (
          <p class="staff-muted" id={fieldId(`${base}.concernIds`)} tabIndex={-1}>
            Noch kein Anliegen. Dieser Platz kann so niemanden aufrufen. Bitte unten mindestens ein Anliegen hinzufügen.
          </p>
        ) : (
          <ol
            class="cfg-served__list"
            id={fieldId(`${base}.concernIds`)}
            tabIndex={-1}
            aria-labelledby={`${fieldId(`${base}.concernIds`)}-title`}
          >
            {counter.concernIds.map((id, i) => {
              const concern = concernOf(id);
              const name = concern?.name.trim() || id;
              return (
                <li key={id} class="cfg-served__item" data-testid={`counter-${index}-concern-${id}`}>
                  <span class="cfg-served__rank">{i + 1}.</span>
                  <span class="chip chip--prefix">{concern?.prefix || '?'}</span>
                  <span class="cfg-served__name">
                    {name}
                    {!concern ? <em class="cfg-danger-text"> (gibt es nicht mehr)</em> : null}
                  </span>
                  <MoveButtons
                    index={i}
                    count={counter.concernIds.length}
                    up={`${name} weiter nach oben`}
                    down={`${name} weiter nach unten`}
                    testId={(direction) => `counter-${index}-concern-${direction}-${id}`}
                    onMove={(delta) => moveConcern(i, delta)}
                  />
                  <IconButton
                    label={`${name} von diesem Platz nehmen`}
                    danger
                    testId={`counter-${index}-concern-remove-${id}`}
                    onClick={() =>
                      model.edit((o) => {
                        at(o).concernIds = at(o).concernIds.filter((x) => x !== id);
                      }, `${base}.concernIds`)
                    }
                  >
                    ×
                  </IconButton>
                </li>
              );
            })}
          </ol>
        )}
        <Issues issues={listIssues} id={`${fieldId(`${base}.concernIds`)}-issues`} />
        {addable.length > 0 ? (
          <div class="cfg-served__add">
            <label class="cfg-field__label" for={`cfg-add-concern-${index}`}>
              Anliegen hinzufügen
            </label>
            <div class="cfg-inline">
              <select
                id={`cfg-add-concern-${index}`}
                class="staff-input cfg-input cfg-select"
                value={selectedChoice}
                data-testid={`counter-add-concern-${index}`}
                onChange={(e) => {
                  choice.value = e.currentTarget.value;
                }}
              >
                {addable.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.prefix} – {c.name.trim() || c.id || 'Neues Anliegen'}
                  </option>
                ))}
              </select>
              <button
                type="button"
                class="staff-btn staff-btn--secondary"
                data-testid={`counter-add-concern-btn-${index}`}
                disabled={!selectedChoice}
                onClick={() => {
                  const id = selectedChoice;
                  model.edit((o) => {
                    if (!at(o).concernIds.includes(id)) at(o).concernIds.push(id);
                  }, `${base}.concernIds`);
                  choice.value = '';
                }}
              >
                Hinzufügen
              </button>
            </div>
          </div>
        ) : null}
      </div>
    </Section>
  );
}
