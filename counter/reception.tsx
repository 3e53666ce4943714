/**
 * Reception ("Empfang"): a receptionist gives a ticket to a visitor inside the office. Pick the
 * concerns (type to filter, digits pick, Enter gives out the number), the visitor's language, and
 * where the ticket goes: the chosen counter's printer, or the QR code on this screen. The number
 * appears at once, large. Staff tickets ignore opening hours and quotas.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { IssueAnswer, OfficePublic } from '../core/api.ts';
import { LANGUAGES } from '../core/types.ts';
import { hyphenate } from '../ui/hyphenate.ts';
import { LANGUAGE_NAMES } from '../ui/i18n.ts';
import { QrCode } from '../ui/qr.tsx';
import type { StaffSession } from '../ui/staff-gate.tsx';
import { StaffHeader } from '../ui/staff-shell.tsx';
import { type ReceptionState, useReceptionState } from './reception-state.ts';
import './reception.css';

export interface ReceptionProps {
  office: OfficePublic;
  session: StaffSession;
  /** The counter remembered at this workstation: its printer is offered first. */
  counterId: string | null;
  onDesk: () => void;
}

export function Reception({ office, session, counterId, onDesk }: ReceptionProps) {
  const state = useReceptionState(office, counterId, session.expire);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const name = (id: string) => office.concerns.find((c) => c.id === id)?.name ?? id;
  const visible = state.visible();

  const onKeyDown = (event: KeyboardEvent) => {
    if (/^[1-9]$/.test(event.key)) {
      event.preventDefault();
      const concern = visible[Number(event.key) - 1];
      if (concern) state.pick(concern.id);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const first = visible[0];
      if (state.filter.value.trim() && first) state.pick(first.id);
      else void state.issue();
    } else if (event.key === 'Backspace' && !state.filter.value) {
      const lastPicked = state.picked.value.at(-1);
      if (lastPicked) state.unpick(lastPicked);
    } else if (event.key === 'Escape') {
      state.filter.value = '';
    }
  };

  return (
    <div class="staff-page reception-page">
      <StaffHeader title="Empfang" subtitle={office.name} username={session.user.username} onSignOut={session.signOut}>
        <button type="button" class="staff-btn staff-btn--quiet" data-testid="open-desk" onClick={onDesk}>
          Zum Schalter
        </button>
      </StaffHeader>
      <main class="reception">
        <section class="panel reception__draft" aria-labelledby="reception-title">
          <h1 id="reception-title" class="panel__title">
            Neue Nummer
          </h1>
          <label class="reception__filter">
            <span>Anliegen suchen</span>
            <input
              ref={input}
              type="text"
              class="staff-input"
              data-testid="reception-filter"
              value={state.filter.value}
              placeholder="Tippen, z. B. „wohn“"
              autocomplete="off"
              onInput={(e) => {
                state.filter.value = (e.target as HTMLInputElement).value;
              }}
              onKeyDown={onKeyDown}
            />
          </label>
          <p class="reception__keys staff-muted" data-testid="reception-keys">
            Tippen filtert · <kbd class="staff-kbd">1</kbd>–<kbd class="staff-kbd">9</kbd> wählt ·{' '}
            <kbd class="staff-kbd">Enter</kbd> gibt die Nummer aus · <kbd class="staff-kbd">⌫</kbd> zurück
          </p>
          <ol class="reception__concerns" data-testid="reception-concerns">
            {visible.map((concern, i) => {
              const chosen = state.picked.value.includes(concern.id);
              return (
                <li key={concern.id}>
                  <button
                    type="button"
                    class={`staff-btn reception__concern ${chosen ? 'reception__concern--chosen' : ''}`}
                    data-testid={`reception-concern-${concern.id}`}
                    aria-pressed={chosen}
                    onClick={() => {
                      if (chosen) state.unpick(concern.id);
                      else state.pick(concern.id);
                      input.current?.focus();
                    }}
                  >
                    {i < 9 ? (
                      <span class="staff-kbd" aria-hidden="true">
                        {i + 1}
                      </span>
                    ) : null}
                    <span class="reception__prefix">{concern.prefix}</span>
                    <span class="staff-btn__label">{hyphenate(concern.name)}</span>
                  </button>
                </li>
              );
            })}
            {visible.length === 0 ? <li class="staff-muted">Kein Anliegen passt.</li> : null}
          </ol>
          <Picked state={state} name={name} />
          <Options office={office} state={state} refocus={() => input.current?.focus()} />
          {state.error.value ? (
            <p class="staff-form__error" role="alert" data-testid="reception-error">
              {state.error.value}
            </p>
          ) : null}
          <button
            type="button"
            class="staff-btn staff-btn--big staff-btn--primary reception__issue"
            data-testid="reception-issue"
            disabled={state.picked.value.length === 0 || state.busy.value}
            aria-busy={state.busy.value}
            onClick={() => {
              void state.issue().then(() => input.current?.focus());
            }}
          >
            {state.prints() ? 'Nummer drucken' : 'Nummer ausgeben'} <kbd class="staff-kbd">Enter</kbd>
          </button>
        </section>
        <Issued answer={state.last.value} name={name} />
      </main>
    </div>
  );
}

function Picked({ state, name }: { state: ReceptionState; name: (id: string) => string }) {
  const picked = state.picked.value;
  return (
    <div class="reception__picked" aria-live="polite">
      <span class="reception__label">Gewählt ({picked.length}/5):</span>
      {picked.length === 0 ? <span class="staff-muted">noch nichts</span> : null}
      <ol class="reception__chips" data-testid="reception-picked">
        {picked.map((id, i) => (
          <li key={id} class="reception__chip" data-concern={id}>
            {i + 1}. {name(id)}
            <button
              type="button"
              class="reception__remove"
              aria-label={`${name(id)} entfernen`}
              data-testid={`reception-remove-${id}`}
              onClick={() => state.unpick(id)}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}

function Options({ office, state, refocus }: { office: OfficePublic; state: ReceptionState; refocus: () => void }) {
  const desk = office.counters.find((c) => c.id === state.deskId.value);
  return (
    <div class="reception__options">
      <div class="reception__languages">
        <span class="reception__label">Sprache:</span>
        {LANGUAGES.map((language) => (
          <button
            key={language}
            type="button"
            lang={language}
            class={`staff-btn reception__language ${state.language.value === language ? 'staff-btn--primary' : 'staff-btn--quiet'}`}
            aria-pressed={state.language.value === language}
            data-testid={`reception-language-${language}`}
            onClick={() => {
              state.changeLanguage(language);
              refocus();
            }}
          >
            {LANGUAGE_NAMES[language]}
          </button>
        ))}
      </div>
      <label class="reception__desk">
        <span class="reception__label">Platz:</span>
        <select
          class="staff-input"
          data-testid="reception-desk"
          value={state.deskId.value}
          onChange={(e) => {
            state.deskId.value = (e.target as HTMLSelectElement).value;
            refocus();
          }}
        >
          <option value="">Ohne Platz (QR-Code am Bildschirm)</option>
          {office.counters.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
              {c.hasPrinter ? ' (mit Drucker)' : ''}
            </option>
          ))}
        </select>
      </label>
      {desk?.hasPrinter ? (
        <label class="reception__qr-only">
          <input
            type="checkbox"
            data-testid="reception-qr-only"
            checked={state.qrOnly.value}
            onChange={(e) => {
              state.qrOnly.value = (e.target as HTMLInputElement).checked;
            }}
          />
          QR-Code zeigen statt drucken
        </label>
      ) : null}
    </div>
  );
}

const PRINT_TEXT: Record<string, string> = {
  printed: 'Gedruckt.',
  pending: 'Wird gedruckt …',
  failed: 'Drucken ging nicht. Bitte den QR-Code zeigen.',
  none: 'Nicht gedruckt: QR-Code zum Abfotografieren.',
};

function Issued({ answer, name }: { answer: IssueAnswer | null; name: (id: string) => string }) {
  if (!answer) {
    return (
      <section class="panel reception__issued reception__issued--empty" data-testid="reception-empty">
        <p class="staff-muted">Die ausgegebene Nummer erscheint hier, groß.</p>
      </section>
    );
  }
  const { ticket, print } = answer;
  const showQr = print.status === 'none' || print.status === 'failed';
  return (
    <section
      class="panel reception__issued"
      aria-live="polite"
      data-testid="reception-issued"
      data-print={print.status}
    >
      <div class="reception__number" data-testid="reception-number">
        {ticket.number}
      </div>
      <ol class="reception__parts">
        {ticket.concerns.map((p) => (
          <li key={p.concernId}>{name(p.concernId)}</li>
        ))}
      </ol>
      <p class="reception__print" data-testid="reception-print">
        {PRINT_TEXT[print.status]}
      </p>
      <p class="staff-muted reception__language-note">Sprache: {LANGUAGE_NAMES[ticket.language]}</p>
      {showQr ? (
        <QrCode
          value={new URL(ticket.statusUrl, window.location.origin).href}
          label={`QR-Code für ${ticket.number}`}
          size="14rem"
          testid="reception-qr"
        />
      ) : null}
    </section>
  );
}
