/**
 * The whole configuration as a JSON file: saved for backup, or taken over from a file after the
 * admin confirms (the server checks it like any change).
 */
import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { ConfirmDialog } from '../ui/staff-shell.tsx';
import { Section } from './config-fields.tsx';
import type { ConfigIssue, ConfigModel } from './config-model.ts';
import { issuePlace, issueText } from './config-words.ts';

export const EXPORT_URL = '/api/admin/config/export';

interface PendingImport {
  fileName: string;
  office: Record<string, unknown>;
}

export function ImportExport({ model }: { model: ConfigModel }) {
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
