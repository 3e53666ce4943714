/**
 * The office as a whole: its name, the wording of the spoken announcements, kiosk and device
 * settings, the queue's rules, how long ticket details are kept, and the whole configuration as
 * a JSON file (export and import).
 *
 * Over 400 lines: several small sections of one page, editing one draft; each section is its own
 * component below.
 */
import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { announcementText } from '../core/announcement.ts';
import { LANGUAGES, type Language, type OfficeConfig } from '../core/types.ts';
import { ConfirmDialog } from '../ui/staff-shell.tsx';
import { ContactSection, RemoteSection } from './config-contact.tsx';
import { CheckField, NumberField, Section, SelectField, TextField } from './config-fields.tsx';
import { ConfigPage } from './config-page.tsx';
import type { ConfigIssue, ConfigModel } from './config-model.ts';
import { issuePlace, issueText, languageName } from './config-words.ts';

export interface OfficePageProps {
  model: ConfigModel;
  fail: (code: string) => void;
}

export const EXPORT_URL = '/api/admin/config/export';

/** The announcement as it will be spoken: placeholders filled in. */
export function announcementPreview(template: string, number: string, counter: string): string {
  return template.replaceAll('{number}', number).replaceAll('{counter}', counter);
}

/** What is missing in a template: the number or the counter placeholder. */
export function templateWarnings(template: string): string[] {
  if (!template.trim()) return [];
  const out: string[] = [];
  if (!template.includes('{number}')) out.push('Es fehlt {number}: Die Ansage nennt keine Nummer.');
  if (!template.includes('{counter}')) out.push('Es fehlt {counter}: Die Ansage nennt keinen Platz.');
  return out;
}

const SPEECH_LANG: Record<Language, string> = {
  de: 'de-DE',
  en: 'en-GB',
  tr: 'tr-TR',
  ar: 'ar',
  uk: 'uk-UA',
  ru: 'ru-RU',
};

function speak(text: string, lang: Language) {
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = SPEECH_LANG[lang];
  synth.cancel();
  synth.speak(utterance);
}

interface PendingImport {
  fileName: string;
  office: Record<string, unknown>;
}

export function OfficePage({ model, fail }: OfficePageProps) {
  return (
    <ConfigPage
      model={model}
      fail={fail}
      title="Amt und Ansagen"
      intro="Allgemeine Einstellungen des Amts. Änderungen gelten nach dem Speichern sofort, auch an Kiosk und Anzeigen."
    >
      {(draft) => (
        <div class="cfg-columns">
          <div class="cfg-stack">
            <Section title="Amt">
              <TextField
                model={model}
                path="name"
                label="Name des Amts"
                hint="Steht auf dem Kiosk, den Anzeigen und dem Zettel."
                value={draft.name}
                maxLength={120}
                testId="office-name"
                wide
                update={(o, v) => {
                  o.name = v;
                }}
              />
              <p class="cfg-field__hint">
                Kennung des Amts: <code>{draft.id}</code>
              </p>
            </Section>
            <ContactSection model={model} draft={draft} />
            <RemoteSection model={model} draft={draft} />
            <Announcements model={model} draft={draft} />
          </div>
          <div class="cfg-stack">
            <Section title="Kiosk und Geräte">
              <NumberField
                model={model}
                path="kioskResetSeconds"
                label="Kiosk zurück zum Anfang nach"
                unit="Sekunden"
                hint="Wenn niemand mehr tippt. Erlaubt: 5 bis 600."
                value={draft.kioskResetSeconds}
                integer
                testId="office-kiosk-reset"
                update={(o, v) => {
                  o.kioskResetSeconds = v as number;
                }}
              />
              <CheckField
                model={model}
                path="requireDevicePairing"
                label="Nur verbundene Geräte zulassen"
                hint="Dann geben nur verbundene Kiosks Nummern, und nur verbundene Anzeigen zeigen Aufrufe. Schalten Sie das erst ein, wenn alle Geräte unter „Geräte“ verbunden sind."
                value={draft.requireDevicePairing === true}
                testId="office-require-pairing"
                update={(o, v) => {
                  if (v) o.requireDevicePairing = true;
                  else delete o.requireDevicePairing;
                }}
              />
            </Section>
            <Section title="Regeln der Warteschlange">
              <div class="cfg-grid">
                <NumberField
                  model={model}
                  path="policy.appointmentLeadMinutes"
                  label="Termine: früher dran"
                  unit="Minuten vorher"
                  hint="So lange vor ihrem Termin kommen Besucher mit Termin zuerst dran."
                  value={draft.policy.appointmentLeadMinutes}
                  testId="office-lead"
                  update={(o, v) => {
                    o.policy.appointmentLeadMinutes = v as number;
                  }}
                />
                <NumberField
                  model={model}
                  path="policy.appointmentLateMinutes"
                  label="Termine: verspätet"
                  unit="Minuten danach"
                  hint="Wer später kommt, wartet wie alle ohne Termin."
                  value={draft.policy.appointmentLateMinutes}
                  testId="office-late"
                  update={(o, v) => {
                    o.policy.appointmentLateMinutes = v as number;
                  }}
                />
                <NumberField
                  model={model}
                  path="policy.appointmentCheckinMinutes"
                  label="Termine: anmelden ab"
                  unit="Minuten vorher"
                  hint="So früh können Besucher mit Termin am Kiosk einchecken. Leer: 60 Minuten."
                  value={draft.policy.appointmentCheckinMinutes}
                  integer
                  optional
                  placeholder="60"
                  testId="office-checkin"
                  update={(o, v) => {
                    o.policy.appointmentCheckinMinutes = v;
                  }}
                />
                <NumberField
                  model={model}
                  path="policy.maxWaitMinutes"
                  label="Längste Wartezeit"
                  unit="Minuten"
                  hint="Wer so lange wartet, kommt vor allen anderen ohne Termin dran."
                  value={draft.policy.maxWaitMinutes}
                  testId="office-max-wait"
                  update={(o, v) => {
                    o.policy.maxWaitMinutes = v as number;
                  }}
                />
                <NumberField
                  model={model}
                  path="policy.priorityInterleave"
                  label="Nach Terminen in Folge"
                  unit="Termine"
                  hint="Danach ruft ein Platz einmal jemanden ohne Termin, wenn jemand wartet. Leer oder 0: Termine immer zuerst."
                  value={draft.policy.priorityInterleave}
                  integer
                  optional
                  placeholder="0"
                  testId="office-interleave"
                  update={(o, v) => {
                    o.policy.priorityInterleave = v;
                  }}
                />
                <NumberField
                  model={model}
                  path="policy.preferenceMinutes"
                  label="Vorrang des eigenen Anliegens"
                  unit="Minuten"
                  hint="Jede Stufe weiter unten in der Anliegen-Liste eines Platzes zählt wie so viele Minuten weniger Wartezeit. Leer oder 0: Die Liste entscheidet nur bei Gleichstand."
                  value={draft.policy.preferenceMinutes}
                  optional
                  placeholder="0"
                  testId="office-preference"
                  update={(o, v) => {
                    o.policy.preferenceMinutes = v;
                  }}
                />
                <NumberField
                  model={model}
                  path="policy.maxCalls"
                  label="Aufrufe bis „nicht erschienen“"
                  hint="So oft wird eine Nummer aufgerufen. Danach gilt sie als nicht erschienen."
                  value={draft.policy.maxCalls}
                  integer
                  testId="office-max-calls"
                  update={(o, v) => {
                    o.policy.maxCalls = v as number;
                  }}
                />
              </div>
            </Section>
            <Section title="Statistik und Datenschutz">
              <div class="cfg-grid">
                <NumberField
                  model={model}
                  path="retentionDays"
                  label="Einzelheiten zu Nummern löschen nach"
                  unit="Tagen"
                  hint="Die Statistik bleibt. Üblich sind 90 Tage."
                  value={draft.retentionDays}
                  integer
                  testId="office-retention"
                  update={(o, v) => {
                    o.retentionDays = v as number;
                  }}
                />
                <NumberField
                  model={model}
                  path="statsTargetWaitMinutes"
                  label="Ziel für die Wartezeit"
                  unit="Minuten"
                  hint="Die Statistik zeigt, wie viele Besucher innerhalb dieser Zeit drankamen. Leer: 20 Minuten."
                  value={draft.statsTargetWaitMinutes}
                  integer
                  optional
                  placeholder="20"
                  testId="office-stats-target"
                  update={(o, v) => {
                    o.statsTargetWaitMinutes = v;
                  }}
                />
              </div>
            </Section>
            <ImportExport model={model} />
          </div>
        </div>
      )}
    </ConfigPage>
  );
}

/**
 * Plays the server's voice (espeak-ng, for lobby screens without a voice of their own) saying
 * the saved wording of `lang` for a sample call; says so when the server has no voice.
 */
function ServerListen({ saved, lang }: { saved: OfficeConfig | null; lang: Language }) {
  const problem = useSignal<string | null>(null);
  const prefix = saved?.concerns.find((c) => c.prefix.trim())?.prefix;
  const counterId = saved?.counters[0]?.id;
  if (!prefix || !counterId) return null;
  const play = async () => {
    problem.value = null;
    const query = new URLSearchParams({ number: `${prefix}-017`, counter: counterId, lang });
    try {
      const response = await fetch(`/api/speech?${query.toString()}`);
      if (!response.ok) {
        problem.value = 'Der Server hat keine Stimme: espeak-ng ist nicht installiert oder ausgelastet.';
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const audio = new Audio(url);
      audio.onended = () => URL.revokeObjectURL(url);
      await audio.play();
    } catch {
      problem.value = 'Die Stimme des Servers ließ sich nicht abspielen.';
    }
  };
  return (
    <>
      <button
        type="button"
        class="staff-btn staff-btn--quiet cfg-listen"
        data-testid={`announce-server-${lang}`}
        title="So klingt die gespeicherte Ansage auf Anzeigen ohne eigene Stimme."
        onClick={() => void play()}
      >
        Stimme des Servers
      </button>
      {problem.value && <span class="cfg-warning">{problem.value}</span>}
    </>
  );
}

function Announcements({ model, draft }: { model: ConfigModel; draft: OfficeConfig }) {
  const concern = draft.concerns.find((c) => c.prefix.trim());
  const number = `${concern?.prefix.trim() || 'W'}-017`;
  const firstCounter = draft.counters[0];
  const counter = firstCounter?.name.trim() || 'Platz 1';
  const canSpeak = typeof window !== 'undefined' && 'speechSynthesis' in window;
  return (
    <Section
      title="Ansagen"
      intro={
        <>
          Die Anzeige im Wartebereich sagt jeden Aufruf an. <code>{'{number}'}</code> steht für die Nummer,{' '}
          <code>{'{counter}'}</code> für den Platz.
        </>
      }
    >
      <SelectField
        model={model}
        path="announcements.language"
        label="Sprache der Ansage"
        value={draft.announcements.language}
        options={LANGUAGES.map((l) => ({ value: l, label: languageName(l) }))}
        testId="announce-language"
        update={(o, v) => {
          o.announcements.language = v as Language;
        }}
      />
      <div class="cfg-announce">
        {LANGUAGES.map((lang) => {
          const template = draft.announcements.templates[lang] ?? '';
          const preview = announcementPreview(template, number, counter);
          const warnings = templateWarnings(template);
          return (
            <div key={lang} class="cfg-announce__row" data-testid={`announce-${lang}`}>
              <TextField
                model={model}
                path={`announcements.templates.${lang}`}
                label={`${languageName(lang)}${lang === draft.announcements.language ? ' (wird angesagt)' : ''}`}
                value={template}
                maxLength={500}
                dir={lang === 'ar' ? 'rtl' : undefined}
                lang={lang}
                placeholder={lang === 'de' ? 'Nummer {number}, bitte zu {counter}.' : undefined}
                testId={`announce-template-${lang}`}
                wide
                update={(o, v) => {
                  o.announcements.templates = { ...o.announcements.templates, [lang]: v };
                }}
              />
              {template.trim() ? (
                <div class="cfg-announce__preview">
                  <span class="staff-muted">Beispiel:</span>{' '}
                  <span
                    class="cfg-announce__text"
                    lang={lang}
                    dir={lang === 'ar' ? 'rtl' : 'ltr'}
                    data-testid={`announce-preview-${lang}`}
                  >
                    {preview}
                  </span>
                  {canSpeak ? (
                    <button
                      type="button"
                      class="staff-btn staff-btn--quiet cfg-listen"
                      data-testid={`announce-listen-${lang}`}
                      title="Mit der Stimme dieses Browsers, wie eine Anzeige mit eigener Stimme."
                      onClick={() =>
                        speak(
                          announcementText(
                            { announcements: { templates: { [lang]: template } }, counters: draft.counters },
                            { number, counterId: firstCounter?.id, counterName: counter },
                            lang,
                          ),
                          lang,
                        )
                      }
                    >
                      Anhören
                    </button>
                  ) : null}
                  <ServerListen saved={model.saved.value} lang={lang} />
                </div>
              ) : null}
              {warnings.map((w) => (
                <p key={w} class="cfg-warning">
                  {w}
                </p>
              ))}
            </div>
          );
        })}
      </div>
    </Section>
  );
}

function ImportExport({ model }: { model: ConfigModel }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const pending = useSignal<PendingImport | null>(null);
  const readError = useSignal<string | null>(null);
  const issues = useSignal<ConfigIssue[]>([]);
  const done = useSignal<string | null>(null);
  const importing = useSignal(false);

  const pick = async (file: File | undefined) => {
    readError.value = null;
    issues.value = [];
    done.value = null;
    if (!file) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      readError.value = 'Diese Datei ist keine JSON-Datei mit Einstellungen.';
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      readError.value = 'Diese Datei enthält keine Einstellungen.';
      return;
    }
    pending.value = { fileName: file.name, office: parsed as Record<string, unknown> };
  };

  const run = async () => {
    const file = pending.value;
    pending.value = null;
    if (!file) return;
    importing.value = true;
    const result = await model.importOffice(file.office);
    importing.value = false;
    if (fileRef.current) fileRef.current.value = '';
    if (result.outcome === 'saved') done.value = `„${file.fileName}“ ist übernommen. Die Einstellungen gelten jetzt.`;
    else if (result.outcome === 'invalid') issues.value = result.issues;
    else if (result.outcome === 'conflict')
      readError.value =
        'Jemand anderes hat die Einstellungen inzwischen geändert. Bitte laden Sie sie neu und versuchen es noch einmal.';
    else readError.value = 'Die Datei wurde nicht übernommen. Bitte versuchen Sie es noch einmal.';
  };

  const current = model.saved.value;
  const file = pending.value;
  const concerns = Array.isArray(file?.office.concerns) ? file.office.concerns.length : 0;
  const counters = Array.isArray(file?.office.counters) ? file.office.counters.length : 0;
  const otherId = file && typeof file.office.id === 'string' && current && file.office.id !== current.id;

  return (
    <Section
      title="Sichern und übertragen"
      intro="Alle Einstellungen als eine Datei: zum Sichern oder um sie in ein anderes Lotse zu übernehmen. Konten und Geräte gehören nicht dazu."
      testId="config-transfer"
    >
      <div class="cfg-inline">
        <a class="staff-btn staff-btn--secondary" href={EXPORT_URL} download data-testid="config-export">
          Als Datei speichern
        </a>
        <label class="staff-btn staff-btn--secondary cfg-file">
          Aus Datei übernehmen …
          <input
            ref={fileRef}
            type="file"
            accept="application/json,.json"
            class="cfg-file__input"
            data-testid="config-import-file"
            disabled={importing.value}
            onChange={(e) => void pick(e.currentTarget.files?.[0])}
          />
        </label>
      </div>
      {model.dirty.value ? (
        <p class="cfg-warning">Ungespeicherte Änderungen gehen beim Übernehmen einer Datei verloren.</p>
      ) : null}
      {importing.value ? <p class="staff-muted">Die Datei wird übernommen …</p> : null}
      {done.value ? (
        <p class="staff-form__info" role="status" data-testid="config-import-done">
          {done.value}
        </p>
      ) : null}
      {readError.value ? (
        <p class="staff-form__error" role="alert" data-testid="config-import-error">
          {readError.value}
        </p>
      ) : null}
      {issues.value.length > 0 ? (
        <div class="cfg-summary" role="alert" data-testid="config-import-issues">
          <p class="cfg-summary__title">Die Datei wurde nicht übernommen. Das stimmt darin nicht:</p>
          <ul>
            {issues.value.map((i) => (
              <li key={`${i.path}:${i.message}`}>
                {i.path ? `${issuePlace(i.path, null)}: ` : ''}
                {issueText(i)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {file ? (
        <ConfirmDialog
          title="Einstellungen aus Datei übernehmen?"
          confirmLabel="Übernehmen"
          danger
          onCancel={() => {
            pending.value = null;
            if (fileRef.current) fileRef.current.value = '';
          }}
          onConfirm={() => void run()}
        >
          <p>
            „{file.fileName}“ ersetzt alle Einstellungen:{' '}
            {typeof file.office.name === 'string' ? `„${file.office.name}“, ` : ''}
            {concerns} Anliegen, {counters} Plätze. Kiosks und Anzeigen zeigen sofort die neuen Einstellungen.
          </p>
          {otherId ? (
            <p>
              Die Datei stammt von einem anderen Amt („{String(file.office.id)}“). Sie gilt hier als „{current?.id}“.
            </p>
          ) : null}
          {model.dirty.value ? <p>Ihre ungespeicherten Änderungen gehen verloren.</p> : null}
        </ConfirmDialog>
      ) : null}
    </Section>
  );
}
