/**
 * Issues of the configuration draft: the checks done here as well as on the server (so they
 * show at once), and the page an issue belongs to. The server names every issue with a path
 * and a code (`core/config-issue.ts`).
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
    if (id && seenIds.has(id))
      issues.push({
        path: `concerns.${i}.id`,
        code: 'DUPLICATE_CONCERN_ID',
        params: { id },
        message: `duplicate concern id ${id}`,
      });
    if (prefix && seenPrefixes.has(prefix))
      issues.push({
        path: `concerns.${i}.prefix`,
        code: 'DUPLICATE_PREFIX',
        params: { id: prefix },
        message: `duplicate prefix ${prefix}`,
      });
    seenIds.add(id);
    seenPrefixes.add(prefix);
  });
  const counterIds = new Set<string>();
  office.counters.forEach((counter, i) => {
    const id = counter.id.trim();
    if (id && counterIds.has(id))
      issues.push({
        path: `counters.${i}.id`,
        code: 'DUPLICATE_COUNTER_ID',
        params: { id },
        message: `duplicate counter id ${id}`,
      });
    counterIds.add(id);
    if (counter.concernIds.length === 0)
      issues.push({
        path: `counters.${i}.concernIds`,
        code: 'COUNTER_WITHOUT_CONCERNS',
        message: 'a counter serves at least one concern',
      });
    for (const concernId of counter.concernIds) {
      if (!seenIds.has(concernId))
        issues.push({
          path: `counters.${i}.concernIds`,
          code: 'UNKNOWN_CONCERN',
          params: { id: concernId },
          message: `counter ${counter.id} serves unknown concern ${concernId}`,
        });
    }
  });
  const outcomeIds = new Set<string>();
  (office.outcomes ?? []).forEach((outcome, i) => {
    const id = outcome.id.trim();
    if (id && outcomeIds.has(id))
      issues.push({ path: `outcomes.${i}.id`, code: 'DUPLICATE_OUTCOME_ID', message: 'duplicate outcome id' });
    outcomeIds.add(id);
  });
  return issues;
}

/** The issues without repeats. */
export function unique(issues: ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.code}\u0000${i.params?.id ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The configuration page an issue belongs to (`#concerns`), for a link from the summary. */
export function issueTab(path: string): string {
  const head = path.split('.')[0];
  if (/^concerns\.\d+\.(slotMinutes|slotCapacity|appointmentOnly)$/.test(path)) return 'appointments';
  if (head === 'concerns') return 'concerns';
  if (head === 'counters') return 'setup-counters';
  if (head === 'kiosks') return 'setup-kiosks';
  if (head === 'appointmentHours' || path.startsWith('policy.appointmentGrace')) return 'appointments';
  if (head === 'outcomes' || head === 'kioskMaxConcerns') return 'visits';
  if (head === 'openingHours' || head === 'timezone' || head === 'enforceOpeningHours') return 'hours';
  return 'office';
}
