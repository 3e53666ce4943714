/**
 * Sections of a concern's form that stand on their own: the pictogram at the kiosk, the
 * translations of its texts, and its numbers (daily quota, usual duration, weight, info only).
 */
import { type Concern, LANGUAGES, type Language, type OfficeConfig } from '../core/types.ts';
import { PICTOGRAMS, Pictogram } from '../ui/pictograms.tsx';
import { CheckField, fieldId, LinesField, Section, TextField } from './config-fields.tsx';
import type { ConfigModel } from './config-model.ts';
import { NumberFields, type NumberSpec } from './config-number-fields.tsx';
import { PartTextField } from './config-part.tsx';
import { languageName } from './config-words.ts';

export interface ConcernSectionProps {
  model: ConfigModel;
  /** Path of the concern in the configuration: `concerns.2`. */
  base: string;
  concern: Concern;
  /** The concern in the office being edited. */
  at: (office: OfficeConfig) => Concern;
}

const PICTOGRAM_NAMES: Record<string, string> = {
  house: 'Haus',
  school: 'Schule',
  wallet: 'Geld',
  documents: 'Unterlagen',
  certificate: 'Bescheinigung',
  phone: 'Telefon',
};

/** The languages a concern's texts are translated into (German is the original). */
export const TRANSLATED: Language[] = LANGUAGES.filter((l) => l !== 'de');

/** The translated one-line texts of a concern; the German text is the placeholder. */
const TRANSLATED_TEXTS = [
  { field: 'names', label: 'Name', testId: 'concern-name' },
  { field: 'descriptions', label: 'Beschreibung', testId: 'concern-description' },
] as const;

const NUMBER_FIELDS: readonly NumberSpec<Concern>[] = [
  {
    key: 'dailyQuota',
    label: 'Nummern pro Tag',
    hint: 'Leer lassen: keine Grenze. Danach sagt der Kiosk, wann es wieder Nummern gibt.',
    integer: true,
    optional: true,
    placeholder: 'unbegrenzt',
    testId: 'concern-quota',
  },
  {
    key: 'serviceMinutes',
    label: 'Übliche Dauer',
    unit: 'Minuten',
    hint: 'Für die geschätzte Wartezeit, bis Lotse genug echte Zeiten kennt.',
    optional: true,
    testId: 'concern-service-minutes',
  },
  {
    key: 'weight',
    label: 'Gewichtung',
    hint: 'Normal ist 1. Bei 2 zählt jede Minute Wartezeit doppelt: Diese Besucher kommen früher dran.',
    optional: true,
    placeholder: '1',
    testId: 'concern-weight',
  },
];

export function PictogramSection({ model, base, concern: c, at, index }: ConcernSectionProps & { index: number }) {
  return (
    <Section title="Bild am Kiosk" intro="Das Bild hilft Menschen, die wenig lesen.">
      <fieldset class="cfg-pictos" id={fieldId(`${base}.pictogram`)} tabIndex={-1}>
        <legend class="visually-hidden">Bild wählen</legend>
        {[...Object.keys(PICTOGRAMS), ''].map((key) => (
          <label key={key || 'none'} class={`cfg-picto ${(c.pictogram ?? '') === key ? 'cfg-picto--selected' : ''}`}>
            <input
              type="radio"
              name={`pictogram-${index}`}
              value={key}
              checked={(c.pictogram ?? '') === key}
              data-testid={`concern-pictogram-${key || 'none'}`}
              onChange={() =>
                model.edit((o) => {
                  const concern = at(o);
                  if (key) concern.pictogram = key;
                  else delete concern.pictogram;
                }, `${base}.pictogram`)
              }
            />
            {key ? <Pictogram name={key} size="2.4rem" /> : <span class="cfg-picto__none">–</span>}
            <span class="cfg-picto__name">{key ? (PICTOGRAM_NAMES[key] ?? key) : 'Kein Bild'}</span>
          </label>
        ))}
      </fieldset>
    </Section>
  );
}

export function TranslationsSection({
  model,
  base,
  concern: c,
  at,
  language,
  onLanguage,
}: ConcernSectionProps & { language: Language; onLanguage: (language: Language) => void }) {
  const rtl = language === 'ar';
  return (
    <Section
      title="Übersetzungen"
      intro="Besucher können am Kiosk ihre Sprache wählen. Fehlt eine Übersetzung, steht dort der deutsche Text."
    >
      <fieldset class="cfg-langs">
        <legend class="visually-hidden">Sprache der Übersetzung</legend>
        {TRANSLATED.map((lang) => {
          const done = Boolean(c.names?.[lang]?.trim());
          const invalid =
            model.issuesAt(`${base}.names.${lang}`).length +
              model.issuesAt(`${base}.descriptions.${lang}`).length +
              model.issuesAt(`${base}.documentsByLanguage.${lang}`).length >
            0;
          return (
            <button
              key={lang}
              type="button"
              class={`cfg-lang ${lang === language ? 'cfg-lang--active' : ''} ${invalid ? 'cfg-lang--invalid' : ''}`}
              aria-pressed={lang === language}
              data-testid={`concern-lang-${lang}`}
              onClick={() => onLanguage(lang)}
            >
              {languageName(lang)}
              <span class={`cfg-lang__state ${done ? '' : 'cfg-lang__state--missing'}`}>{done ? '✓' : 'fehlt'}</span>
            </button>
          );
        })}
      </fieldset>
      <div class="cfg-grid">
        {TRANSLATED_TEXTS.map((t) => (
          <TextField
            key={t.field}
            model={model}
            path={`${base}.${t.field}.${language}`}
            label={`${t.label} (${languageName(language)})`}
            value={c[t.field]?.[language] ?? ''}
            placeholder={t.field === 'names' ? c.name : c.description}
            maxLength={500}
            dir={rtl ? 'rtl' : undefined}
            lang={language}
            testId={`${t.testId}-${language}`}
            wide
            update={(o, v) => {
              const concern = at(o);
              concern[t.field] = { ...(concern[t.field] ?? {}), [language]: v };
            }}
          />
        ))}
        <LinesField
          model={model}
          path={`${base}.documentsByLanguage.${language}`}
          label={`Unterlagen (${languageName(language)}), eine pro Zeile`}
          value={c.documentsByLanguage?.[language] ?? []}
          dir={rtl ? 'rtl' : undefined}
          lang={language}
          rows={3}
          testId={`concern-documents-${language}`}
          wide
          update={(o, lines) => {
            const concern = at(o);
            concern.documentsByLanguage = { ...(concern.documentsByLanguage ?? {}), [language]: lines };
          }}
        />
      </div>
    </Section>
  );
}

export function NumbersSection({ model, base, concern: c, at }: ConcernSectionProps) {
  return (
    <Section title="Nummern und Wartezeit">
      <div class="cfg-grid cfg-grid--3">
        <NumberFields part={{ model, base, current: c, at }} specs={NUMBER_FIELDS} />
      </div>
      <CheckField
        model={model}
        path={`${base}.infoOnly`}
        label="Nur Hinweis: Besucher erledigen das online und bekommen keine Nummer"
        hint="Der Kiosk zeigt dann die Internetadresse und einen QR-Code für das Handy."
        value={c.infoUrl !== undefined}
        testId="concern-info-only"
        update={(o, checked) => {
          const concern = at(o);
          if (checked) concern.infoUrl = concern.infoUrl ?? '';
          else delete concern.infoUrl;
        }}
      />
      {c.infoUrl !== undefined ? (
        <PartTextField
          part={{ model, base, current: c, at }}
          field="infoUrl"
          label="Internetadresse des Online-Antrags"
          type="url"
          placeholder="https://"
          testId="concern-info-url"
          wide
        />
      ) : null}
    </Section>
  );
}
