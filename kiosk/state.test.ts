// @vitest-environment happy-dom
/**
 * The kiosk's choice of concerns: one touch draws the ticket where a ticket holds one concern;
 * elsewhere concerns are collected (marked, removable, up to the maximum), confirmed, and sent
 * as one request with one idempotency key.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConcernPublic, OfficePublic, TicketView } from '../core/api.ts';
import {
  addAnotherConcern,
  busy,
  chooseConcern,
  chosen,
  drawTicket,
  maxConcerns,
  office,
  officeUpdated,
  removeConcern,
  resetKiosk,
  SETTLE_MS,
  screen,
} from './state.ts';

const concern = (id: string, extra: Partial<ConcernPublic> = {}): ConcernPublic => ({
  id,
  prefix: id.slice(0, 1).toUpperCase(),
  name: id,
  ...extra,
});
const housing = concern('housing');
const education = concern('education');
const certificates = concern('certificates');
const subsistence = concern('subsistence');
const online = concern('online', { infoUrl: 'https://example.org/form' });

function officeWith(max: number): OfficePublic {
  return {
    id: 'test',
    name: 'Test',
    timezone: 'Europe/Berlin',
    openingHours: {},
    enforceOpeningHours: false,
    concerns: [housing, education, certificates, subsistence, online],
    counters: [],
    announcements: {},
    kioskResetSeconds: 30,
    appointments: { lateMinutes: 15, checkinMinutes: 60 },
    requireDevicePairing: false,
    outcomes: [],
    kioskMaxConcerns: max,
  } as unknown as OfficePublic;
}

let sent: Record<string, unknown>[] = [];
let now = Date.parse('2026-11-23T08:30:00Z');

function ticketFor(body: Record<string, unknown>): TicketView {
  const ids = (body.concernIds as string[] | undefined) ?? [body.concernId as string];
  return {
    id: 't1',
    number: 'W-001',
    concernId: ids[0] ?? '',
    concernName: ids[0] ?? '',
    concerns: ids.map((id, i) => ({
      concernId: id,
      concernName: id,
      status: 'waiting',
      ...(i === 0 ? { due: true } : {}),
    })),
    status: 'waiting',
    waitingAhead: 0,
    estimatedWaitMinutes: 0,
    statusUrl: '/t/abc',
    language: 'de',
    issuedAt: new Date(now).toISOString(),
    callCount: 0,
    documents: [],
  } as TicketView;
}

/** Past the time in which a double tap's second touch is ignored. */
const settle = () => {
  now += SETTLE_MS + 1;
  vi.setSystemTime(now);
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
  sent = [];
  vi.stubGlobal('fetch', async (_url: string, init: { body: string }) => {
    const body = JSON.parse(init.body) as Record<string, unknown>;
    sent.push(body);
    await Promise.resolve();
    return new Response(JSON.stringify({ ticket: ticketFor(body), print: { status: 'printed' } }), {
      status: 201,
      headers: { 'content-type': 'application/json' },
    });
  });
});

afterEach(() => {
  settle();
  resetKiosk();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('one concern per ticket (kioskMaxConcerns 1)', () => {
  it('draws the ticket at the first touch, with concernId as before', async () => {
    office.value = officeWith(1);
    expect(maxConcerns()).toBe(1);
    await chooseConcern(housing);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ concernId: 'housing', language: 'de' });
    expect(sent[0]?.concernIds).toBeUndefined();
    expect(screen.value.kind).toBe('ticket');
  });
});

describe('several concerns per ticket', () => {
  beforeEach(() => {
    office.value = officeWith(3);
  });

  it('confirms a chosen concern before drawing, then sends both in order with one key', async () => {
    await chooseConcern(housing);
    expect(screen.value.kind).toBe('confirm');
    expect(chosen.value.map((c) => c.id)).toEqual(['housing']);
    expect(sent).toHaveLength(0);
    settle();
    addAnotherConcern();
    expect(screen.value.kind).toBe('start');
    settle();
    await chooseConcern(education);
    expect(screen.value.kind).toBe('confirm');
    const first = drawTicket();
    const second = drawTicket(); // a double tap on "Ticket ziehen"
    await Promise.all([first, second]);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.concernIds).toEqual(['housing', 'education']);
    expect(typeof sent[0]?.idempotencyKey).toBe('string');
    expect(screen.value.kind).toBe('ticket');
    expect(chosen.value).toEqual([]);
    expect(busy.value).toBe(false);
  });

  it('removes a chosen concern touched again, or by "Entfernen"; none left goes back to the start', async () => {
    await chooseConcern(housing);
    settle();
    addAnotherConcern();
    settle();
    await chooseConcern(housing); // touched again on the list: off it
    expect(chosen.value).toEqual([]);
    expect(screen.value.kind).toBe('start');
    await chooseConcern(education);
    settle();
    removeConcern('education');
    expect(chosen.value).toEqual([]);
    expect(screen.value.kind).toBe('start');
  });

  it('ignores the second touch of a double tap that lands on the new screen', async () => {
    await chooseConcern(housing);
    removeConcern('housing'); // at once: the same double tap
    addAnotherConcern();
    expect(chosen.value.map((c) => c.id)).toEqual(['housing']);
    expect(screen.value.kind).toBe('confirm');
  });

  it('takes no more than the maximum', async () => {
    for (const c of [housing, education, certificates]) {
      await chooseConcern(c);
      settle();
      addAnotherConcern();
      settle();
    }
    await chooseConcern(subsistence);
    expect(chosen.value.map((c) => c.id)).toEqual(['housing', 'education', 'certificates']);
    await drawTicket();
    expect(sent[0]?.concernIds).toEqual(['housing', 'education', 'certificates']);
  });

  it('shows an info-only concern without choosing it; the reset forgets the choice', async () => {
    await chooseConcern(housing);
    settle();
    addAnotherConcern();
    await chooseConcern(online);
    expect(screen.value.kind).toBe('info');
    expect(chosen.value.map((c) => c.id)).toEqual(['housing']);
    resetKiosk();
    expect(chosen.value).toEqual([]);
    expect(screen.value.kind).toBe('start');
    expect(sent).toHaveLength(0);
  });

  it('drops a chosen concern the office no longer offers', async () => {
    await chooseConcern(housing);
    settle();
    addAnotherConcern();
    settle();
    await chooseConcern(education);
    const next = officeWith(3);
    next.concerns = next.concerns.filter((c) => c.id !== 'housing');
    officeUpdated(next);
    expect(chosen.value.map((c) => c.id)).toEqual(['education']);
    next.concerns = next.concerns.filter((c) => c.id !== 'education');
    officeUpdated({ ...next });
    expect(chosen.value).toEqual([]);
    expect(screen.value.kind).toBe('start');
  });

  it('says nothing about a quota of one concern when several were asked', async () => {
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(JSON.stringify({ error: { code: 'QUOTA_REACHED' } }), {
          status: 409,
          headers: { 'content-type': 'application/json' },
        }),
    );
    await chooseConcern(housing);
    settle();
    addAnotherConcern();
    settle();
    await chooseConcern(education);
    await drawTicket();
    expect(screen.value).toEqual({ kind: 'quota' });
  });
});
