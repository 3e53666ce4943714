/** Edits of the concerns list that need care: a free letter, an id from the name, renaming and removing. */
import type { OfficeConfig } from '../core/types.ts';
import { slugify, uniqueId } from './config-ids.ts';

/** Capital letters only: what a concern's letter may hold. */
export const upper = (text: string) => text.toUpperCase().replace(/[^A-Z]/g, '');

/**
 * A free letter for a new concern: the first letter of its name, else of another word in it,
 * else any letter of it ("Wohnsitz anmelden" with W taken → A); empty when none is free.
 */
export function suggestPrefix(name: string, taken: string[]): string {
  const letters = (text: string) => upper(text.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
  const words = name.trim().split(/\s+/).filter(Boolean);
  const candidates = [...words.map((w) => letters(w).slice(0, 1)), ...letters(name).split('')];
  return candidates.find((c) => c && !taken.includes(c)) ?? '';
}

/** The id of a new concern, from its German name and unique among the others. */
export function suggestConcernId(name: string, otherIds: string[]): string {
  return uniqueId(slugify(name), otherIds, 'anliegen');
}

/**
 * A new concern's id changed while typing: counters that already serve it follow (unless either
 * id belongs to another concern too; the duplicate is then reported instead).
 */
export function renameConcernId(office: OfficeConfig, from: string, to: string): void {
  if (!from || from === to) return;
  if (office.concerns.filter((c) => c.id === from || c.id === to).length > 1) return;
  for (const counter of office.counters) counter.concernIds = counter.concernIds.map((id) => (id === from ? to : id));
}

/** Removes a concern and takes it out of every counter's list. */
export function removeConcern(office: OfficeConfig, index: number): void {
  const [gone] = office.concerns.splice(index, 1);
  if (!gone) return;
  for (const counter of office.counters) counter.concernIds = counter.concernIds.filter((id) => id !== gone.id);
}
