/**
 * The wording of the spoken announcements in every language, with a sample call filled in and
 * played with the browser's voice or the server's.
 */
import { useSignal } from '@preact/signals';
import { announcementText } from '../core/announcement.ts';
import { LOCALES } from '../core/languages.ts';
import { LANGUAGES, type Language, type OfficeConfig } from '../core/types.ts';
import { Section, SelectField, TextField } from './config-fields.tsx';
import type { ConfigModel } from './config-model.ts';
import { languageName } from './config-words.ts';

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

function speak(text: string, lang: Language) {
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = LOCALES[lang];
  synth.cancel();
  synth.speak(utterance);
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

export function Announcements({ model, draft }: { model: ConfigModel; draft: OfficeConfig }) {
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
