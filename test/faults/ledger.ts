/**
 * What the fault suite checks after every fault: a ledger of what the server confirmed (tickets
 * answered 201, calls answered 200), held against a backup of what it stored afterwards.
 */
import { expect } from 'vitest';
import type { StoreExport } from '../../server/store/store.ts';
import { http } from '../helpers/server.ts';

export interface LedgerTicket {
  id: string;
  number: string;
  token: string;
}

export class Ledger {
  readonly tickets = new Map<string, LedgerTicket>();
  /** Tickets confirmed as called (call-next answered 200 with them). */
  readonly called = new Set<string>();
  /** Every answer that was neither a confirmation nor one of `allowed`. */
  readonly unexpected: string[] = [];

  /** Draws one ticket; returns the status (201 is recorded, 507/503 must carry a storage code). */
  async draw(base: string, token?: string, concernId = 'housing'): Promise<number> {
    const r = await http(base, 'POST', '/api/tickets', { concernId }, token);
    if (r.status === 201) {
      const t = r.body.ticket as { id: string; number: string; statusUrl: string };
      this.tickets.set(t.id, { id: t.id, number: t.number, token: t.statusUrl.slice(3) });
    } else if (!isStorageRefusal(r.status, r.body)) {
      this.unexpected.push(`draw: ${r.status} ${JSON.stringify(r.body)}`);
    }
    return r.status;
  }

  async callNext(base: string, token: string, counterId = 'desk-2'): Promise<number> {
    const r = await http(base, 'POST', `/api/counters/${counterId}/call-next`, undefined, token);
    if (r.status === 200 && r.body.ticket) this.called.add(r.body.ticket.id as string);
    else if (r.status !== 200 && !isStorageRefusal(r.status, r.body)) {
      this.unexpected.push(`call-next: ${r.status} ${JSON.stringify(r.body)}`);
    }
    return r.status;
  }

  /** Every confirmed ticket is stored with its number, no number twice, no confirmed call undone. */
  verify(backup: StoreExport): void {
    expect(this.unexpected).toEqual([]);
    const stored = [...(backup.liveDay?.tickets ?? []), ...backup.archive.flatMap((d) => d.tickets)];
    const byId = new Map(stored.map((t) => [t.id, t]));
    const lost = [...this.tickets.values()].filter((t) => byId.get(t.id)?.number !== t.number);
    expect(
      lost.map((t) => t.number),
      'confirmed tickets missing',
    ).toEqual([]);
    const numbers = (backup.liveDay?.tickets ?? []).map((t) => t.number);
    expect(numbers.length - new Set(numbers).size, 'numbers issued twice').toBe(0);
    const reverted = [...this.called].filter((id) => {
      const t = byId.get(id);
      return !t || t.callCount < 1 || (t.status === 'waiting' && t.calledAt === undefined);
    });
    expect(reverted, 'confirmed calls undone').toEqual([]);
  }
}

export function isStorageRefusal(status: number, body: unknown): boolean {
  const code = (body as { error?: { code?: string } } | undefined)?.error?.code;
  return (status === 507 && code === 'STORAGE_FULL') || (status === 503 && code === 'STORAGE_UNAVAILABLE');
}

export async function backupOf(base: string, adminToken: string): Promise<StoreExport> {
  const r = await http<StoreExport>(base, 'GET', '/api/backup', undefined, adminToken);
  expect(r.status).toBe(200);
  return r.body;
}

export async function waitFor(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
