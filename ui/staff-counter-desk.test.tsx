// @vitest-environment happy-dom
/**
 * The counter desk against a fake socket: it watches its counter, shows the current number,
 * asks before calling the next visitor over an open one, reacts to shortcuts and sends a lost
 * session back to the sign-in form.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CounterView, OfficePublic, TicketView } from '../core/api.ts';

type Handler = (req: unknown) => unknown;

class FakeSocket {
  connected = true;
  sent: { event: string; req: unknown }[] = [];
  handlers = new Map<string, Handler>();
  private listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  on(event: string, fn: (...args: unknown[]) => void) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)?.add(fn);
    return this;
  }
  off(event: string, fn: (...args: unknown[]) => void) {
    this.listeners.get(event)?.delete(fn);
    return this;
  }
  timeout() {
    return this;
  }
  emit(event: string, req: unknown, ack: (err: Error | null, answer: unknown) => void) {
    this.sent.push({ event, req });
    const handler = this.handlers.get(event);
    queueMicrotask(() => ack(null, handler ? handler(req) : { ok: false, error: 'INTERNAL' }));
    return this;
  }
  push(event: string, payload: unknown) {
    for (const fn of this.listeners.get(event) ?? []) fn(payload);
  }
  disconnect() {
    this.connected = false;
  }
}

let fake: FakeSocket;
vi.mock('./socket.ts', () => ({ connect: () => fake }));

const { CounterDesk } = await import('../counter/desk.tsx');

const office: OfficePublic = {
  id: 'demo',
  name: 'Testamt',
  timezone: 'Europe/Berlin',
  openingHours: { weekly: {}, closedDays: [] },
  enforceOpeningHours: false,
  concerns: [
    { id: 'housing', prefix: 'W', name: 'Wohngeld' },
    { id: 'education', prefix: 'B', name: 'Bildung und Teilhabe' },
    { id: 'online', prefix: 'O', name: 'Online', infoUrl: 'https://example.org' },
  ],
  counters: [{ id: 'desk-1', name: 'Platz 1', concernIds: ['housing', 'education'] }],
  announcements: { templates: {}, language: 'de' },
  kioskResetSeconds: 30,
  appointments: { lateMinutes: 15, checkinMinutes: 60 },
  requireDevicePairing: false,
};

const ticket: TicketView = {
  id: 't1',
  number: 'W-001',
  concernId: 'housing',
  concernName: 'Wohngeld',
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
};

const view = (current: TicketView | null): CounterView => ({
  counterId: 'desk-1',
  name: 'Platz 1',
  status: 'open',
  current,
  next: [],
  parked: [],
  waiting: [
    { concernId: 'housing', count: 2, longestWaitMinutes: 7 },
    { concernId: 'education', count: 0, longestWaitMinutes: 0 },
  ],
});

const session = () => ({ user: { username: 'clerk', role: 'clerk' as const }, signOut: vi.fn(), expire: vi.fn() });

function mount(s = session()) {
  render(
    <CounterDesk
      office={office}
      counter={office.counters[0]!}
      session={s}
      onChangeCounter={vi.fn()}
      onOfficeUpdated={vi.fn()}
    />,
  );
  return s;
}

beforeEach(() => {
  fake = new FakeSocket();
});
afterEach(() => cleanup());

describe('counter desk', () => {
  it('watches its counter and follows live updates for it only', async () => {
    fake.handlers.set('counter:watch', () => ({ ok: true, data: view(null) }));
    mount();
    await screen.findByTestId('current-empty');
    expect(fake.sent[0]).toEqual({ event: 'counter:watch', req: { counterId: 'desk-1' } });
    expect(screen.getByTestId('waiting-total').textContent).toBe('2');
    fake.push('counter:updated', { ...view(ticket), counterId: 'desk-9' });
    expect(screen.queryByTestId('current-number')).toBeNull();
    fake.push('counter:updated', view(ticket));
    await waitFor(() => expect(screen.getByTestId('current-number').textContent).toBe('W-001'));
  });

  it('calls the next visitor and says so', async () => {
    let current: TicketView | null = null;
    fake.handlers.set('counter:watch', () => ({ ok: true, data: view(current) }));
    fake.handlers.set('counter:callNext', () => {
      current = ticket;
      return { ok: true, data: { ticket } };
    });
    mount();
    fireEvent.click(await screen.findByTestId('action-call-next'));
    await waitFor(() => expect(screen.getByTestId('current-number').textContent).toBe('W-001'));
    expect(screen.getByTestId('notice').textContent).toContain('W-001 ist aufgerufen.');
  });

  it('asks before calling the next visitor while one is still open', async () => {
    fake.handlers.set('counter:watch', () => ({ ok: true, data: view(ticket) }));
    fake.handlers.set('counter:callNext', () => ({ ok: true, data: { ticket: null } }));
    mount();
    fireEvent.click(await screen.findByTestId('action-call-next'));
    expect(screen.getByTestId('confirm-dialog')).toBeTruthy();
    expect(fake.sent.some((s) => s.event === 'counter:callNext')).toBe(false);
    fireEvent.click(screen.getByTestId('confirm-cancel'));
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    fireEvent.click(screen.getByTestId('action-call-next'));
    fireEvent.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(fake.sent.some((s) => s.event === 'counter:callNext')).toBe(true));
  });

  it('runs shortcuts: C completes, T opens the transfer choice without the own and online concerns', async () => {
    fake.handlers.set('counter:watch', () => ({ ok: true, data: view(ticket) }));
    fake.handlers.set('counter:complete', () => ({ ok: true, data: { ticket: { ...ticket, status: 'done' } } }));
    fake.handlers.set('counter:transfer', () => ({ ok: true, data: { ticket: { ...ticket, status: 'waiting' } } }));
    mount();
    await screen.findByTestId('current-number');
    fireEvent.keyDown(window, { key: 't' });
    await screen.findByTestId('transfer-dialog');
    expect(screen.queryByTestId('transfer-to-housing')).toBeNull();
    expect(screen.queryByTestId('transfer-to-online')).toBeNull();
    fireEvent.click(screen.getByTestId('transfer-to-education'));
    await waitFor(() =>
      expect(fake.sent).toContainEqual({
        event: 'counter:transfer',
        req: { counterId: 'desk-1', concernId: 'education' },
      }),
    );
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('Bildung und Teilhabe'));
    fireEvent.keyDown(window, { key: 'c' });
    await waitFor(() => expect(fake.sent.some((s) => s.event === 'counter:complete')).toBe(true));
  });

  it('shows errors in German and sends a lost session back to sign-in', async () => {
    fake.handlers.set('counter:watch', () => ({ ok: true, data: view(ticket) }));
    fake.handlers.set('counter:recall', () => ({ ok: false, error: 'FORBIDDEN' }));
    fake.handlers.set('counter:noShow', () => ({ ok: false, error: 'UNAUTHENTICATED' }));
    const s = mount();
    fireEvent.click(await screen.findByTestId('action-recall'));
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('keine Berechtigung'));
    fireEvent.click(screen.getByTestId('action-no-show'));
    await waitFor(() => expect(s.expire).toHaveBeenCalled());
  });

  it('answers OFFLINE at once instead of queueing a request', async () => {
    fake.handlers.set('counter:watch', () => ({ ok: true, data: view(ticket) }));
    mount();
    await screen.findByTestId('current-number');
    fake.connected = false;
    fireEvent.click(screen.getByTestId('action-complete'));
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('Keine Verbindung'));
    expect(fake.sent.some((s) => s.event === 'counter:complete')).toBe(false);
  });
});
