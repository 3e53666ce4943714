/**
 * Shared fixtures of the staff app tests (`staff-*.test.tsx`, `counter-pause.test.tsx`): the
 * test office, a called ticket, a counter's view, a clerk's session and the desk mounted on it.
 * The desk itself is passed in: each test file imports it after mocking `socket.ts`.
 */
import { render, screen, waitFor } from '@testing-library/preact';
import type { FunctionComponent } from 'preact';
import { expect, vi } from 'vitest';
import type { CounterView, OfficePublic, TicketView } from '../core/api.ts';
import type { CounterDeskProps } from '../counter/desk.tsx';
import type { FakeSocket } from '../test/helpers/fake-socket.ts';

/** "Testamt" with one counter `desk-1`; concerns, counters and outcomes as the test needs them. */
export function testOffice(parts: Pick<OfficePublic, 'concerns' | 'counters'> & Partial<OfficePublic>): OfficePublic {
  return {
    id: 'demo',
    name: 'Testamt',
    timezone: 'Europe/Berlin',
    openingHours: { weekly: {}, closedDays: [] },
    enforceOpeningHours: false,
    announcements: { templates: {}, language: 'de' },
    kioskResetSeconds: 30,
    appointments: { lateMinutes: 15, checkinMinutes: 60 },
    requireDevicePairing: false,
    outcomes: [],
    kioskMaxConcerns: 3,
    ...parts,
  };
}

/** W-001 (Wohngeld) called five minutes after it was drawn, to `desk-1`. */
export function calledTicket(parts: Partial<TicketView> = {}): TicketView {
  return {
    id: 't1',
    number: 'W-001',
    concernId: 'housing',
    concernName: 'Wohngeld',
    concerns: [{ concernId: 'housing', concernName: 'Wohngeld', status: 'called', due: true }],
    status: 'called',
    waitingAhead: 0,
    estimatedWaitMinutes: 0,
    statusUrl: '/t/abc',
    language: 'de',
    issuedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    calledAt: new Date().toISOString(),
    counterId: 'desk-1',
    counterName: 'Platz 1',
    callCount: 1,
    documents: [],
    ...parts,
  };
}

/** `desk-1` open, nobody next or parked, up to three calls. */
export function counterView(current: TicketView | null, parts: Partial<CounterView> = {}): CounterView {
  return {
    counterId: 'desk-1',
    name: 'Platz 1',
    status: 'open',
    current,
    next: [],
    parked: [],
    maxCalls: 3,
    waiting: [],
    ...parts,
  };
}

export const clerkSession = (username = 'clerk') => ({
  user: { username, role: 'clerk' as const },
  signOut: vi.fn(),
  expire: vi.fn(),
});

/** Renders the desk of the office's first counter for a clerk; returns the session. */
export function mountDesk(
  CounterDesk: FunctionComponent<CounterDeskProps>,
  office: OfficePublic,
  session = clerkSession(),
  onChangeCounter = vi.fn(),
) {
  render(
    <CounterDesk
      office={office}
      counter={office.counters[0]!}
      session={session}
      onChangeCounter={onChangeCounter}
      onOfficeUpdated={vi.fn()}
    />,
  );
  return session;
}

/** The requests the desk sent for one event, in order. */
export const sentOf = (fake: FakeSocket, event: string) => fake.sent.filter((s) => s.event === event).map((s) => s.req);

/** Wohngeld and Bildung und Teilhabe at `desk-1`, and an online-only concern. */
export const deskOffice = testOffice({
  concerns: [
    { id: 'housing', prefix: 'W', name: 'Wohngeld' },
    { id: 'education', prefix: 'B', name: 'Bildung und Teilhabe' },
    { id: 'online', prefix: 'O', name: 'Online', infoUrl: 'https://example.org' },
  ],
  counters: [{ id: 'desk-1', name: 'Platz 1', concernIds: ['housing', 'education'] }],
});

/** `desk-1` of `deskOffice` with two visitors waiting for Wohngeld. */
export const deskView = (current: TicketView | null): CounterView =>
  counterView(current, {
    waiting: [
      { concernId: 'housing', count: 2, longestWaitMinutes: 7 },
      { concernId: 'education', count: 0, longestWaitMinutes: 0 },
    ],
  });

/** Every button (and shortcut) waits for the running request and the refresh after it. */
export const idle = () =>
  waitFor(() => expect(screen.getByTestId('action-call-next').hasAttribute('disabled')).toBe(false));
