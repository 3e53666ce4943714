/**
 * Visits: whether visitors may choose several concerns at the kiosk (and how many), and the
 * outcomes a clerk picks when completing a concern ("Unterlagen fehlen"), in their order at the
 * counter, with names in German and other languages.
 */
import { useSignal } from '@preact/signals';
import {
  DEFAULT_KIOSK_MAX_CONCERNS,
  LANGUAGES,
  type Language,
  MAX_VISIT_CONCERNS,
  type OfficeConfig,
  type OutcomeConfig,
} from '../core/types.ts';
import { CheckField, fieldId, IconButton, Issues, Section, SelectField, TextField } from './config-fields.tsx';
import { AddButton, focusSoon, MoveButtons } from './config-entries.tsx';
import { ConfigPage, type ConfigTabProps } from './config-page.tsx';
import { moved, slugify, uniqueId } from './config-ids.ts';
import type { ConfigModel } from './config-model.ts';
import { NameField } from './config-name-id.tsx';
import { languageName } from './config-words.ts';

/** Most outcomes an office may configure (the counter shows them as one row of keys). */
export const MAX_OUTCOMES = 12;

const TRANSLATED: Language[] = LANGUAGES.filter((l) => l !== 'de');

/** The id of a new outcome, from its German name ("Unterlagen fehlen" → "unterlagen-fehlen"). */
export function suggestOutcomeId(name: string, otherIds: string[]): string {
  return uniqueId(slugify(name), otherIds, 'ergebnis');
}

/** The kiosk's maximum as the page shows it: 1 means "one concern only". */
export function kioskMaximum(office: OfficeConfig): number {
  return Math.min(MAX_VISIT_CONCERNS, Math.max(1, office.kioskMaxConcerns ?? DEFAULT_KIOSK_MAX_CONCERNS));
}

/** Adds an outcome with an empty name at the end (unless the list is full); returns its index or -1. */
export function addOutcome(office: OfficeConfig): number {
  const list = office.outcomes ?? [];
  if (list.length >= MAX_OUTCOMES) return -1;
  office.outcomes = [...list, { id: '', name: '' }];
  return list.length;
}

export function VisitsPage({ model, fail }: ConfigTabProps) {
  const language = useSignal<Language>('en');
  return (
    <ConfigPage model={model} fail={fail} page="visits">
      {(draft) => {
        const max = kioskMaximum(draft);
        const outcomes = draft.outcomes ?? [];
        const add = () => {
          let index = -1;
          model.edit((o) => {
            index = addOutcome(o);
          }, 'outcomes');
          if (index >= 0) focusSoon(`outcomes.${index}.name`);
        };
        return (
          <>
            <Section title="Mehrere Anliegen am Kiosk" testId="visits-kiosk">
              <CheckField
                model={model}
                path="kioskMaxConcerns.multi"
                label="Besucher können am Kiosk mehrere Anliegen wählen („Ich habe noch ein Anliegen“)"
                hint="Am Empfang sind immer bis zu fünf Anliegen möglich."
                value={max > 1}
                testId="kiosk-multi"
                update={(o, on) => {
                  o.kioskMaxConcerns = on ? Math.max(2, DEFAULT_KIOSK_MAX_CONCERNS) : 1;
                }}
              />
              {max > 1 ? (
                <div class="cfg-grid">
                  <SelectField
                    model={model}
                    path="kioskMaxConcerns"
                    label="Höchstens so viele Anliegen je Nummer"
                    value={String(max)}
                    testId="kiosk-max"
                    options={Array.from({ length: MAX_VISIT_CONCERNS - 1 }, (_, i) => ({
                      value: String(i + 2),
                      label: `${i + 2} Anliegen`,
                    }))}
                    update={(o, v) => {
                      o.kioskMaxConcerns = Number(v);
                    }}
                  />
                </div>
              ) : null}
            </Section>
            <Section title="Ergebnisse beim Abschließen" testId="visits-outcomes">
              <p class="cfg-field__hint">
                In dieser Reihenfolge stehen sie am Platz zur Wahl. Höchstens {MAX_OUTCOMES}. Ergebnisse enthalten nie
                persönliche Angaben.
              </p>
              <div class="cfg-inline">
                <label class="cfg-field__label" for="cfg-outcome-language">
                  Zweite Sprache
                </label>
                <select
                  id="cfg-outcome-language"
                  class="staff-input cfg-input cfg-select cfg-outcome-language"
                  value={language.value}
                  data-testid="outcome-language"
                  onChange={(e) => {
                    language.value = e.currentTarget.value as Language;
                  }}
                >
                  {TRANSLATED.map((l) => (
                    <option key={l} value={l}>
                      {languageName(l)}
                    </option>
                  ))}
                </select>
              </div>
              <Issues issues={model.issues.value.filter((i) => i.path === 'outcomes')} id="cfg-outcomes-issues" />
              {outcomes.length === 0 ? (
                <p class="staff-muted" data-testid="outcomes-empty">
                  Noch keine Ergebnisse. Der Platz schließt dann ohne Ergebnis ab.
                </p>
              ) : (
                <ol class="cfg-outcomes" data-testid="outcome-list">
                  {outcomes.map((outcome, i) => (
                    <OutcomeRow
                      key={`${i}`}
                      model={model}
                      draft={draft}
                      index={i}
                      outcome={outcome}
                      language={language.value}
                    />
                  ))}
                </ol>
              )}
              <AddButton testId="outcome-add" disabled={outcomes.length >= MAX_OUTCOMES} onClick={add}>
                + Neues Ergebnis
              </AddButton>
            </Section>
          </>
        );
      }}
    </ConfigPage>
  );
}

interface OutcomeRowProps {
  model: ConfigModel;
  draft: OfficeConfig;
  index: number;
  outcome: OutcomeConfig;
  language: Language;
}

function OutcomeRow({ model, draft, index, outcome, language }: OutcomeRowProps) {
  const base = `outcomes.${index}`;
  const list = draft.outcomes ?? [];
  const at = (o: OfficeConfig) => (o.outcomes ?? [])[index] as OutcomeConfig;
  const savedIds = new Set(model.saved.value?.outcomes?.map((o) => o.id) ?? []);
  const isNew = !savedIds.has(outcome.id) || list.filter((o) => o.id === outcome.id).length > 1;
  const item = { model, base, current: outcome, isNew, at };
  const otherIds = list.filter((_, i) => i !== index).map((o) => o.id);
  const title = outcome.name.trim() || `Ergebnis ${index + 1}`;
  return (
    <li class="cfg-outcome" data-testid={`outcome-${index}`} data-outcome={outcome.id}>
      <span class="cfg-served__rank">{index + 1}.</span>
      <NameField
        item={item}
        label="Name (Deutsch)"
        maxLength={60}
        testId={`outcome-name-${index}`}
        suggestId={(name) => suggestOutcomeId(name, otherIds)}
      />
      <TextField
        model={model}
        path={`${base}.names.${language}`}
        label={`Name (${languageName(language)})`}
        value={outcome.names?.[language] ?? ''}
        maxLength={60}
        dir={language === 'ar' ? 'rtl' : 'auto'}
        lang={language}
        testId={`outcome-translation-${index}`}
        update={(o, v) => {
          const item = at(o);
          item.names = { ...(item.names ?? {}), [language]: v };
        }}
      />
      <div class="cfg-outcome__id">
        <span class="cfg-field__label">Kennung</span>
        <span class="mono" id={fieldId(`${base}.id`)} tabIndex={-1} data-testid={`outcome-id-${index}`}>
          {outcome.id || '–'}
        </span>
        <span class="cfg-field__hint">{isNew ? 'Bleibt nach dem Speichern fest.' : 'Fest, für die Statistik.'}</span>
        <Issues issues={model.issuesAt(`${base}.id`)} id={`${fieldId(`${base}.id`)}-issues`} />
      </div>
      <div class="cfg-outcome__tools">
        <MoveButtons
          index={index}
          count={list.length}
          up={`${title} nach vorn`}
          down={`${title} nach hinten`}
          testId={(direction) => `outcome-${direction}-${index}`}
          onMove={(delta) =>
            model.edit((o) => {
              o.outcomes = moved(o.outcomes ?? [], index, delta);
            }, 'outcomes')
          }
        />
        <IconButton
          label={`${title} entfernen`}
          danger
          testId={`outcome-remove-${index}`}
          onClick={() =>
            model.edit((o) => {
              o.outcomes = (o.outcomes ?? []).filter((_, i) => i !== index);
            }, 'outcomes')
          }
        >
          ×
        </IconButton>
      </div>
    </li>
  );
}
