/**
 * A list an admin page loads from the server (accounts, devices): the items, a load error to
 * show, a reload, and one way to report a failed action. An expired session goes back to
 * sign-in (`fail`); other errors become readable German text.
 */
import { type Signal, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../ui/api.ts';
import { errorText } from '../ui/staff-errors.ts';
import { errorCodeOf } from '../ui/staff-session.ts';
import type { Notice } from '../ui/staff-shell.tsx';

export interface AdminList<T> {
  items: Signal<T[] | null>;
  loadError: Signal<string | null>;
  notice: Signal<Notice | null>;
  load: () => Promise<void>;
  /** Reports a failed action in the notice banner. */
  failed: (error: unknown) => void;
  /** True while an action of `act` runs. */
  busy: Signal<boolean>;
  /**
   * Runs an action on the list (not while another runs): on success `done` as the notice and a
   * reload; on failure the error as the notice (and a reload with `reloadOnError`). True when it
   * went through.
   */
  act: (request: () => Promise<unknown>, done: string, options?: { reloadOnError?: boolean }) => Promise<boolean>;
}

export function useAdminList<T>(
  path: string,
  pick: (answer: unknown) => T[],
  fail: (code: string) => void,
  refreshMs?: number,
): AdminList<T> {
  const items = useSignal<T[] | null>(null);
  const loadError = useSignal<string | null>(null);
  const notice = useSignal<Notice | null>(null);

  const failed = (error: unknown) => {
    const code = errorCodeOf(error);
    if (code === 'UNAUTHENTICATED') fail(code);
    else notice.value = { kind: 'error', text: errorText(code) };
  };

  const load = async () => {
    try {
      items.value = pick(await api<unknown>('GET', path));
      loadError.value = null;
    } catch (error) {
      const code = errorCodeOf(error);
      if (code === 'UNAUTHENTICATED') fail(code);
      else loadError.value = errorText(code);
    }
  };

  const busy = useSignal(false);
  const act = async (request: () => Promise<unknown>, done: string, options: { reloadOnError?: boolean } = {}) => {
    if (busy.value) return false;
    busy.value = true;
    try {
      await request();
      notice.value = { kind: 'success', text: done };
      await load();
      return true;
    } catch (error) {
      failed(error);
      if (options.reloadOnError) await load();
      return false;
    } finally {
      busy.value = false;
    }
  };

  useEffect(() => {
    void load();
    if (!refreshMs) return;
    const timer = setInterval(() => void load(), refreshMs);
    return () => clearInterval(timer);
  }, []);

  return { items, loadError, notice, load, failed, busy, act };
}
