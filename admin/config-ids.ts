/** Ids from names and moving items in lists, for the configuration pages. */

/** A lower-case id from a German name: "Bürger Service" → "buerger-service". */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** `base`, or `base-2`, `base-3` … whichever is not taken yet. */
export function uniqueId(base: string, taken: Iterable<string>, fallback: string): string {
  const used = new Set(taken);
  const start = base || fallback;
  if (!used.has(start)) return start;
  for (let n = 2; ; n++) {
    const candidate = `${start.slice(0, 36)}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** Moves the item at `index` by `delta` places (returns a new array; out of range: unchanged). */
export function moved<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}
