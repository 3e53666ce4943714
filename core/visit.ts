/**
 * A visit: one ticket, one number, one or more concerns ("parts") served one after another.
 * The part now due is the first one still waiting or called; `Ticket.concernId` names it, and
 * the ticket's call fields describe it. A part that ends keeps what the statistics need
 * (counter, wait, service time, outcome); the next part then waits with the visit's original
 * arrival time, so nobody waits a second time from the back of the line. Pure.
 */
import { isServed } from './office-checks.ts';
import { fail, ok, type Result } from './result.ts';
import {
  DEFAULT_KIOSK_MAX_CONCERNS,
  MAX_VISIT_CONCERNS,
  type OfficeConfig,
  type Ticket,
  type VisitPart,
} from './types.ts';

/** The visit's parts; a ticket stored before visits had parts reads as one part of its own. */
export function visitParts(ticket: Ticket): VisitPart[] {
  if (ticket.concerns?.length) return ticket.concerns;
  const part: VisitPart = { concernId: ticket.concernId, status: ticket.status, dueAt: ticket.issuedAt };
  if (ticket.counterId !== undefined) part.counterId = ticket.counterId;
  if (ticket.firstCalledAt !== undefined) part.firstCalledAt = ticket.firstCalledAt;
  const serviceStart = ticket.servedAt ?? ticket.calledAt;
  if (ticket.status === 'done' && serviceStart !== undefined) part.serviceStart = serviceStart;
  if (ticket.closedAt !== undefined) part.closedAt = ticket.closedAt;
  const from = ticket.transferredFrom?.at(-1);
  if (from !== undefined) part.transferredFrom = from;
  return [part];
}

const isOpen = (p: VisitPart) => p.status === 'waiting' || p.status === 'called';

/** Index of the part now due (first waiting or called), or -1 when the visit is over. */
export function currentPartIndex(parts: readonly VisitPart[]): number {
  return parts.findIndex(isOpen);
}

/** The parts after the current one that still wait. */
export function laterParts(ticket: Ticket): VisitPart[] {
  const parts = visitParts(ticket);
  const i = currentPartIndex(parts);
  return i < 0 ? [] : parts.slice(i + 1).filter(isOpen);
}

/** The ticket with its current part changed by `patch` (nothing changes when the visit is over). */
export function patchCurrentPart(ticket: Ticket, patch: Partial<VisitPart>): Ticket {
  const parts = visitParts(ticket);
  const i = currentPartIndex(parts);
  if (i < 0) return ticket;
  return { ...ticket, concerns: parts.map((p, j) => (j === i ? { ...p, ...patch } : p)) };
}

/** Closes every part that is still open with `status` (end of the visit). */
export function closeOpenParts(parts: readonly VisitPart[], status: 'cancelled', now: number): VisitPart[] {
  return parts.map((p) => (isOpen(p) ? { ...p, status, closedAt: now } : p));
}

/** Most concerns the kiosk offers for one ticket (`kioskMaxConcerns`, 1..5, default 3). */
export function kioskMaxConcerns(office: OfficeConfig): number {
  const max = Math.floor(office.kioskMaxConcerns ?? DEFAULT_KIOSK_MAX_CONCERNS);
  return Math.min(MAX_VISIT_CONCERNS, Math.max(1, max));
}

/**
 * Checks the concerns asked for one visit: 1..`max` distinct, each known and not info-only.
 * Unknown and info-only concerns are refused as when drawing a one-concern ticket.
 */
export function checkVisitConcerns(office: OfficeConfig, concernIds: readonly string[], max: number): Result<string[]> {
  if (concernIds.length === 0 || new Set(concernIds).size !== concernIds.length) return fail('VALIDATION_FAILED');
  if (concernIds.length > max) return fail('TOO_MANY_CONCERNS');
  for (const id of concernIds) {
    const concern = office.concerns.find((c) => c.id === id);
    if (!concern) return fail('UNKNOWN_CONCERN');
    if (concern.infoUrl) return fail('INFO_ONLY_CONCERN');
    if (!isServed(office, id)) return fail('CONCERN_UNSERVED');
  }
  return ok([...concernIds]);
}

/** Whether `outcome` is one of the office's outcomes (absent is always allowed). */
export function isKnownOutcome(office: OfficeConfig, outcome: string | undefined): boolean {
  return outcome === undefined || (office.outcomes ?? []).some((o) => o.id === outcome);
}
