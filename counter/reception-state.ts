/**
 * Reception's draft ticket: the concerns picked (in order, up to five), the visitor's language,
 * the desk whose printer prints it, and the last ticket given out. One idempotency key per draft,
 * so a double click or a repeated request never gives two tickets.
 */
import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import type { ConcernPublic, IssueAnswer, OfficePublic } from '../core/api.ts';
import { type Language, MAX_VISIT_CONCERNS } from '../core/types.ts';
import { api } from '../ui/api.ts';
import { randomKey } from '../ui/random.ts';
import { errorText } from '../ui/staff-errors.ts';
import { errorCodeOf } from '../ui/staff-session.ts';

/** Concerns reception can give out: every concern served at a counter. */
export function receptionConcerns(office: OfficePublic): ConcernPublic[] {
  return office.concerns.filter((c) => !c.infoUrl && !c.unserved);
}

/** Concerns whose name or prefix contains `filter` (case-insensitive). */
export function filterConcerns(concerns: ConcernPublic[], filter: string): ConcernPublic[] {
  const q = filter.trim().toLocaleLowerCase('de');
  if (!q) return concerns;
  return concerns.filter((c) => c.name.toLocaleLowerCase('de').includes(q) || c.prefix.toLocaleLowerCase('de') === q);
}

export function useReceptionState(office: OfficePublic, defaultDeskId: string | null, onExpired: () => void) {
  const desk = office.counters.find((c) => c.id === defaultDeskId);
  const picked = useSignal<string[]>([]);
  const filter = useSignal('');
  const language = useSignal<Language>('de');
  const deskId = useSignal(desk?.id ?? '');
  const qrOnly = useSignal(false);
  const busy = useSignal(false);
  const error = useSignal<string | null>(null);
  const last = useSignal<IssueAnswer | null>(null);
  const key = useRef(randomKey());

  /** A changed draft is a new request: it gets a new key. */
  const changed = () => {
    key.current = randomKey();
    error.value = null;
  };

  const visible = () => filterConcerns(receptionConcerns(office), filter.value);

  const pick = (concernId: string) => {
    if (picked.value.includes(concernId)) return;
    if (picked.value.length >= MAX_VISIT_CONCERNS) {
      error.value = errorText('TOO_MANY_CONCERNS');
      return;
    }
    picked.value = [...picked.value, concernId];
    filter.value = '';
    changed();
  };

  const unpick = (concernId: string) => {
    picked.value = picked.value.filter((id) => id !== concernId);
    changed();
  };

  const prints = () => !qrOnly.value && office.counters.some((c) => c.id === deskId.value && c.hasPrinter === true);

  const issue = async () => {
    if (busy.value || picked.value.length === 0) return;
    busy.value = true;
    error.value = null;
    try {
      const answer = await api<IssueAnswer>('POST', '/api/tickets', {
        concernIds: picked.value,
        language: language.value,
        idempotencyKey: key.current,
        ...(deskId.value ? { counterId: deskId.value } : {}),
        ...(prints() ? {} : { print: false }),
      });
      last.value = answer;
      picked.value = [];
      filter.value = '';
      language.value = 'de';
      key.current = randomKey();
    } catch (failure) {
      const code = errorCodeOf(failure);
      if (code === 'UNAUTHENTICATED') onExpired();
      else error.value = errorText(code);
    } finally {
      busy.value = false;
    }
  };

  const changeLanguage = (next: Language) => {
    language.value = next;
    changed();
  };

  return {
    picked,
    filter,
    language,
    deskId,
    qrOnly,
    busy,
    error,
    last,
    visible,
    pick,
    unpick,
    prints,
    issue,
    changeLanguage,
  };
}

export type ReceptionState = ReturnType<typeof useReceptionState>;
