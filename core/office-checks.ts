/**
 * Checks of an office configuration that are not errors but leave something unusable: a
 * concern no counter serves gives out numbers nobody can call, a counter without concerns can
 * call nobody. The server refuses tickets for such a concern (`CONCERN_UNSERVED`), the public
 * office info marks it, and the admin app shows these as warnings. Pure.
 */
import type { OfficeConfig } from './types.ts';

export type ConfigWarningCode = 'CONCERN_UNSERVED' | 'COUNTER_WITHOUT_CONCERNS';

export interface ConfigWarning {
  /** Where in the configuration (`concerns.2`, `counters.0.concernIds`). */
  path: string;
  code: ConfigWarningCode;
  /** The id of the concern or counter concerned. */
  id: string;
}

type Served = Pick<OfficeConfig, 'counters'>;

/** Whether some counter serves this concern. */
export function isServed(office: Served, concernId: string): boolean {
  return office.counters.some((c) => c.concernIds.includes(concernId));
}

/** Whether tickets can be given for this concern: not info-only and served at a counter. */
export function isUnserved(office: Served, concern: { id: string; infoUrl?: string | undefined }): boolean {
  return concern.infoUrl === undefined && !isServed(office, concern.id);
}

/** Everything in the configuration that works but cannot be used as meant. */
export function configWarnings(office: Pick<OfficeConfig, 'concerns' | 'counters'>): ConfigWarning[] {
  const warnings: ConfigWarning[] = [];
  office.concerns.forEach((concern, i) => {
    if (isUnserved(office, concern)) warnings.push({ path: `concerns.${i}`, code: 'CONCERN_UNSERVED', id: concern.id });
  });
  office.counters.forEach((counter, i) => {
    if (counter.concernIds.length === 0)
      warnings.push({ path: `counters.${i}.concernIds`, code: 'COUNTER_WITHOUT_CONCERNS', id: counter.id });
  });
  return warnings;
}
