/** The audit log of staff actions (who did what, when). No visitor data: tickets by number only. */
import type { StaffUser } from '../core/types.ts';
import { logger } from './logger.ts';
import type { Clock } from './queue-service.ts';
import type { AuditEntry, Store } from './store/store.ts';

const log = logger('audit');

export class AuditLog {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  record(user: StaffUser | null, action: string, target?: string, detail?: string): void {
    const entry: AuditEntry = { at: this.clock(), username: user?.username ?? '-', action };
    if (target) entry.target = target;
    if (detail) entry.detail = detail.slice(0, 200);
    this.store.appendAudit(entry).catch((error: unknown) => log.error({ err: error }, 'audit write failed'));
  }

  async recent(limit = 200) {
    return (await this.store.listAudit(limit)).map((e) => ({ ...e, at: new Date(e.at).toISOString() }));
  }
}
