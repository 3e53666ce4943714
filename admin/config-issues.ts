/**
 * Issues of the configuration draft: the checks done here as well as on the server (so they
 * show at once), placing the server's whole-configuration issues at their field, and the page
 * an issue belongs to.
 */
import type { OfficeConfig } from '../core/types.ts';
import type { ConfigIssue } from './config-model.ts';

/** Whether an issue at `issuePath` belongs to `path` (the same path or below it). */
export function isUnder(issuePath: string, path: string): boolean {
  if (path === '') return true;
  return issuePath === path || issuePath.startsWith(`${path}.`);
}

/**
 * Checks the server makes only once everything else is valid (duplicates, counters serving
 * concerns that are gone), done here too so they show at once, next to their fields.
 */
export function localIssues(office: OfficeConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const seenIds = new Set<string>();
  const seenPrefixes = new Set<string>();
  office.concerns.forEach((c, i) => {
    const id = c.id.trim();
    const prefix = c.prefix.trim().toUpperCase();
    if (id && seenIds.has(id)) issues.push({ path: `concerns.${i}.id`, message: `duplicate concern id ${id}` });
    if (prefix && seenPrefixes.has(prefix))
      issues.push({ path: `concerns.${i}.prefix`, message: `duplicate prefix ${prefix}` });
    seenIds.add(id);
    seenPrefixes.add(prefix);
  });
  const counterIds = new Set<string>();
  office.counters.forEach((counter, i) => {
    const id = counter.id.trim();
    if (id && counterIds.has(id)) issues.push({ path: `counters.${i}.id`, message: `duplicate counter id ${id}` });
    counterIds.add(id);
    for (const concernId of counter.concernIds) {
      if (!seenIds.has(concernId))
        issues.push({
          path: `counters.${i}.concernIds`,
          message: `counter ${counter.id} serves unknown concern ${concernId}`,
        });
    }
  });
  const outcomeIds = new Set<string>();
  (office.outcomes ?? []).forEach((outcome, i) => {
    const id = outcome.id.trim();
    if (id && outcomeIds.has(id)) issues.push({ path: `outcomes.${i}.id`, message: `duplicate outcome id ${id}` });
    outcomeIds.add(id);
  });
  return issues;
}

/**
 * The server names some issues for the whole configuration ("duplicate prefix W"); they are
 * placed at the field they are about, so the page can show them there.
 */
export function placeIssues(issues: ConfigIssue[], office: OfficeConfig): ConfigIssue[] {
  return issues.map((issue) => {
    if (issue.path !== '') return issue;
    const m = issue.message;
    let match = /^duplicate concern id (.+)$/.exec(m);
    if (match) {
      const last = office.concerns.map((c) => c.id.trim()).lastIndexOf(match[1] as string);
      if (last >= 0) return { path: `concerns.${last}.id`, message: m };
    }
    match = /^duplicate prefix (.+)$/.exec(m);
    if (match) {
      const last = office.concerns.map((c) => c.prefix.trim().toUpperCase()).lastIndexOf(match[1] as string);
      if (last >= 0) return { path: `concerns.${last}.prefix`, message: m };
    }
    match = /^duplicate counter id (.+)$/.exec(m);
    if (match) {
      const last = office.counters.map((c) => c.id.trim()).lastIndexOf(match[1] as string);
      if (last >= 0) return { path: `counters.${last}.id`, message: m };
    }
    match = /^counter (.+) serves unknown concern (.+)$/.exec(m);
    if (match) {
      const index = office.counters.findIndex((c) => c.id.trim() === match?.[1]);
      if (index >= 0) return { path: `counters.${index}.concernIds`, message: m };
    }
    return issue;
  });
}

/** The issues without repeats. */
export function unique(issues: ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The configuration page an issue belongs to (`#concerns`), for a link from the summary. */
export function issueTab(path: string): string {
  const head = path.split('.')[0];
  if (head === 'concerns') return 'concerns';
  if (head === 'counters') return 'setup-counters';
  if (head === 'outcomes' || head === 'kioskMaxConcerns') return 'visits';
  if (head === 'openingHours' || head === 'timezone' || head === 'enforceOpeningHours') return 'hours';
  return 'office';
}
