/**
 * Concerns: what visitors can choose at the kiosk. A list (in kiosk order, movable) and the
 * form of the chosen concern: name, letter, description, pictogram, documents, translations,
 * daily quota, info-only link, weight and usual duration.
 * The list is in `config-concern-list.tsx`, the form's larger sections in
 * `config-concern-sections.tsx`, the edits themselves are pure functions in
 * `config-concern-edits.ts`.
 */
import { useSignal } from '@preact/signals';
import type { Concern, Language, OfficeConfig } from '../core/types.ts';
import { NumbersSection, PictogramSection, TRANSLATED, TranslationsSection } from './config-concern-sections.tsx';
import { RemoveButton, RemoveDialog } from './config-entries.tsx';
import { LinesField, Section, TextField } from './config-fields.tsx';
import { ConfigPage, type ConfigTabProps } from './config-page.tsx';
import { ConcernList } from './config-concern-list.tsx';
import { removeConcern, renameConcernId, suggestConcernId, suggestPrefix, upper } from './config-concern-edits.ts';
import type { ConfigModel } from './config-model.ts';
import { PartTextField } from './config-part.tsx';

export function ConcernsPage({ model, fail }: ConfigTabProps) {
  const selected = useSignal(0);
  const language = useSignal<Language>('en');
  const removing = useSignal<number | null>(null);

  const showIssue = (path: string) => {
    const match = /^concerns\.(\d+)(?:\.(names|descriptions|documentsByLanguage)\.([a-z]{2}))?/.exec(path);
    if (!match) return;
    selected.value = Number(match[1]);
    const lang = match[3] as Language | undefined;
    if (lang && TRANSLATED.includes(lang)) language.value = lang;
  };

  return (
    <ConfigPage model={model} fail={fail} page="concerns" onShowIssue={showIssue}>
      {(draft) => {
        const count = draft.concerns.length;
        const index = Math.min(selected.value, count - 1);
        const concern = draft.concerns[index];
        return (
          <div class="cfg-split">
            <ConcernList
              model={model}
              draft={draft}
              selected={index}
              onSelect={(i) => {
                selected.value = i;
              }}
            />
            {concern ? (
              <ConcernForm
                key={index}
                model={model}
                draft={draft}
                index={index}
                concern={concern}
                language={language.value}
                onLanguage={(l) => {
                  language.value = l;
                }}
                onRemove={() => {
                  removing.value = index;
                }}
              />
            ) : null}
            <RemoveDialog
              removing={removing}
              entries={draft.concerns}
              nameOf={(c) => c.name.trim() || 'Neues Anliegen'}
              onRemove={(i) => {
                model.edit((o) => removeConcern(o, i), ['concerns', 'counters']);
                selected.value = Math.max(0, i - 1);
              }}
            >
              {(i) => <RemovalNote draft={draft} index={i} />}
            </RemoveDialog>
          </div>
        );
      }}
    </ConfigPage>
  );
}

interface ConcernFormProps {
  model: ConfigModel;
  draft: OfficeConfig;
  index: number;
  concern: Concern;
  language: Language;
  onLanguage: (language: Language) => void;
  onRemove: () => void;
}

function ConcernForm({ model, draft, index, concern: c, language, onLanguage, onRemove }: ConcernFormProps) {
  const base = `concerns.${index}`;
  const at = (o: OfficeConfig) => o.concerns[index] as Concern;
  const savedIds = new Set(model.saved.value?.concerns.map((s) => s.id) ?? []);
  const sameId = draft.concerns.filter((other) => other.id === c.id).length;
  const isNew = !savedIds.has(c.id) || sameId > 1;
  const otherIds = draft.concerns.filter((_, i) => i !== index).map((o) => o.id);
  const otherPrefixes = draft.concerns.filter((_, i) => i !== index).map((o) => o.prefix);
  const example = `${c.prefix || 'W'}-001`;
  const servedBy = draft.counters.filter((counter) => counter.concernIds.includes(c.id));
  const part = { model, base, current: c, at };

  return (
    <div class="cfg-form" data-testid="concern-form">
      <div class="cfg-form__head">
        <h3 class="cfg-form__title">
          <span class="chip chip--prefix">{c.prefix || '?'}</span> {c.name.trim() || 'Neues Anliegen'}
        </h3>
        <RemoveButton
          testId="concern-remove"
          disabled={draft.concerns.length <= 1}
          title={draft.concerns.length <= 1 ? 'Das letzte Anliegen kann nicht entfernt werden.' : undefined}
          onClick={onRemove}
        >
          Anliegen entfernen
        </RemoveButton>
      </div>
      {c.infoUrl === undefined ? (
        <p
          class={`cfg-form__served ${servedBy.length === 0 ? 'cfg-form__served--none' : ''}`}
          data-testid="concern-served-by"
        >
          {servedBy.length > 0
            ? `Bedient an: ${servedBy.map((s) => s.name).join(', ')}`
            : 'Noch kein Platz bedient dieses Anliegen. Kiosk und Empfang bieten es erst an, wenn ein Platz es unter „Plätze einrichten“ übernimmt.'}
        </p>
      ) : null}

      <Section title="Name und Nummer">
        <div class="cfg-grid">
          <TextField
            model={model}
            path={`${base}.name`}
            label="Name (Deutsch)"
            hint="Kurz und in einfachen Worten, so wie Besucher es sagen würden."
            value={c.name}
            maxLength={80}
            testId="concern-name"
            wide
            update={(o, v) => {
              const concern = at(o);
              if (isNew) {
                if (concern.id === '' || concern.id === suggestConcernId(concern.name, otherIds)) {
                  const id = suggestConcernId(v, otherIds);
                  renameConcernId(o, concern.id, id);
                  concern.id = id;
                }
                if (concern.prefix === '' || concern.prefix === suggestPrefix(concern.name, otherPrefixes))
                  concern.prefix = suggestPrefix(v, otherPrefixes);
              }
              concern.name = v;
            }}
          />
          <PartTextField
            part={part}
            field="prefix"
            label="Buchstabe vor der Nummer"
            hint={
              <>
                Ein bis drei Großbuchstaben. Die Nummern heißen dann <span class="cfg-nowrap">{example}</span>,{' '}
                <span class="cfg-nowrap">{example.replace('001', '002')}</span> …
              </>
            }
            maxLength={3}
            transform={upper}
            testId="concern-prefix"
          />
          <TextField
            model={model}
            path={`${base}.id`}
            label="Kennung"
            hint={
              isNew
                ? 'Für Technik und Statistik. Nach dem Speichern bleibt sie fest.'
                : 'Für Technik und Statistik. Sie bleibt fest, damit die Statistik stimmt.'
            }
            value={c.id}
            readOnly={!isNew}
            maxLength={40}
            transform={(t) => t.toLowerCase()}
            testId="concern-id"
            update={(o, v) => {
              renameConcernId(o, at(o).id, v);
              at(o).id = v;
            }}
          />
          <PartTextField
            part={part}
            field="description"
            label="Beschreibung (Deutsch)"
            hint="Ein Satz, der Besuchern sagt, ob sie hier richtig sind. Zum Beispiel: Sie wollen Wohngeld beantragen."
            maxLength={300}
            testId="concern-description"
            wide
          />
        </div>
      </Section>

      <PictogramSection model={model} base={base} concern={c} at={at} index={index} />
      <Section title="Unterlagen" intro="Was Besucher mitbringen sollen. Es steht auf dem Kiosk und auf dem Zettel.">
        <LinesField
          model={model}
          path={`${base}.documents`}
          label="Unterlagen (Deutsch), eine pro Zeile"
          value={c.documents ?? []}
          testId="concern-documents"
          wide
          update={(o, lines) => {
            at(o).documents = lines;
          }}
        />
      </Section>

      <TranslationsSection model={model} base={base} concern={c} at={at} language={language} onLanguage={onLanguage} />
      <NumbersSection model={model} base={base} concern={c} at={at} />
    </div>
  );
}

/** What removing concern `index` means: it leaves the kiosk and the counters that serve it. */
function RemovalNote({ draft, index }: { draft: OfficeConfig; index: number }) {
  const concern = draft.concerns[index] as Concern;
  const counters = draft.counters.filter((c) => c.concernIds.includes(concern.id));
  const orphaned = counters.filter((c) => c.concernIds.length === 1);
  return (
    <>
      <p>Nach dem Speichern verschwindet das Anliegen vom Kiosk.</p>
      {counters.length > 0 ? (
        <p>
          {counters.map((c) => c.name).join(', ')} {counters.length === 1 ? 'bedient' : 'bedienen'} es. Es wird dort
          herausgenommen.
        </p>
      ) : null}
      {orphaned.length > 0 ? (
        <p class="staff-form__error">
          {orphaned.map((c) => c.name).join(', ')} {orphaned.length === 1 ? 'hat' : 'haben'} danach kein Anliegen mehr.
          Wählen Sie dort ein anderes, bevor Sie speichern.
        </p>
      ) : null}
    </>
  );
}
