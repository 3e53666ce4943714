/** The office's public data for a staff app: loaded once when the app mounts, with a retry. */
import { type Signal, useSignal } from '@preact/signals';
import type { JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import type { OfficePublic } from '../core/api.ts';
import { api } from './api.ts';
import { errorText } from './staff-errors.ts';
import { errorCodeOf } from './staff-session.ts';
import { LoadingCard } from './staff-shell.tsx';

export interface OfficeData {
  /** Null until the first load succeeds; the app replaces it when the office changes. */
  office: Signal<OfficePublic | null>;
  /** The card to show while `office` is null: "loading", or the error with a retry button. */
  pending: () => JSX.Element;
}

/** Loads `GET /api/office`; `title` heads the card shown until it has arrived. */
export function useOfficeData(title: string): OfficeData {
  const office = useSignal<OfficePublic | null>(null);
  const loadError = useSignal<string | null>(null);
  const load = async () => {
    loadError.value = null;
    try {
      office.value = await api<OfficePublic>('GET', '/api/office');
    } catch (error) {
      loadError.value = errorText(errorCodeOf(error));
    }
  };
  useEffect(() => {
    void load();
  }, []);
  return { office, pending: () => <LoadingCard title={title} error={loadError.value} onRetry={() => void load()} /> };
}
