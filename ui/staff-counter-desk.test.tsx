// @vitest-environment happy-dom
/**
 * The counter desk against a fake socket: it watches its counter, shows the current number,
 * asks before calling the next visitor over an open one, reacts to shortcuts and sends a lost
 * session back to the sign-in form. It starts the service, parks and returns visitors, and
 * calls a listed visitor by number.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CounterTicket, CounterView, OfficePublic, TicketView } from '../core/api.ts';
import { formatClock } from './staff-format.ts';
import { FakeSocket } from '../test/helpers/fake-socket.ts';

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
  outcomes: [],
  kioskMaxConcerns: 3,
};

const ticket: TicketView = {
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
};

const view = (current: TicketView | null): CounterView => ({
  counterId: 'desk-1',
  name: 'Platz 1',
  status: 'open',
  current,
  next: [],
  parked: [],
  maxCalls: 3,
  waiting: [
    { concernId: 'housing', count: 2, longestWaitMinutes: 7 },
    { concernId: 'education', count: 0, longestWaitMinutes: 0 },
  ],
});

const session = () => ({ user: { username: 'clerk', role: 'clerk' as const }, signOut: vi.fn(), expire: vi.fn() });

function mount(s = session(), onChangeCounter = vi.fn()) {
  render(
    <CounterDesk
      office={office}
      counter={office.counters[0]!}
      session={s}
      onChangeCounter={onChangeCounter}
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
    fireEvent.click(await screen.findByTestId('confirm-ok'));
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

describe('slips at the counter: asked first, undone after', () => {
  it('asks before "Nicht erschienen" (Escape keeps the visitor), then offers "Rückgängig", which Z sends', async () => {
    let current: TicketView | null = ticket;
    let undo: CounterView['undo'];
    fake.handlers.set('counter:watch', () => ({ ok: true, data: { ...view(current), ...(undo ? { undo } : {}) } }));
    fake.handlers.set('counter:noShow', () => {
      current = null;
      undo = { action: 'no-show', ticketId: 't1', number: 'W-001', until: new Date().toISOString(), secondsLeft: 15 };
      return { ok: true, data: { ticket: { ...ticket, status: 'no-show' } } };
    });
    fake.handlers.set('counter:undo', () => {
      current = ticket;
      undo = undefined;
      return { ok: true, data: { ticket } };
    });
    mount();
    await screen.findByTestId('current-number');
    fireEvent.keyDown(window, { key: 'x' });
    expect((await screen.findByTestId('confirm-dialog')).textContent).toContain('W-001 nicht erschienen?');
    fireEvent.keyDown(document, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('confirm-dialog')).toBeNull());
    expect(sentOf('counter:noShow')).toEqual([]);

    fireEvent.click(screen.getByTestId('action-no-show'));
    fireEvent.click(await screen.findByTestId('confirm-ok'));
    const bar = await screen.findByTestId('undo-bar');
    expect(bar.textContent).toContain('W-001 ist als „nicht erschienen“ vermerkt.');
    expect(screen.getByTestId('undo-seconds').textContent).toMatch(/\((1[45]) s\)/);
    await idle();
    fireEvent.keyDown(window, { key: 'z' });
    await waitFor(() => expect(sentOf('counter:undo')).toEqual([{ counterId: 'desk-1' }]));
    await waitFor(() => expect(screen.queryByTestId('undo-bar')).toBeNull());
    expect(screen.getByTestId('current-number').textContent).toBe('W-001');
    expect(screen.getByTestId('notice').textContent).toContain('Rückgängig gemacht');
  });

  it('after the third call the recall button says so and stays off; R explains that the clerk decides', async () => {
    fake.handlers.set('counter:watch', () => ({ ok: true, data: view({ ...ticket, callCount: 2 }) }));
    mount();
    expect((await screen.findByTestId('action-recall')).textContent).toContain('letzter Aufruf');
    cleanup();
    fake = new FakeSocket();
    fake.handlers.set('counter:watch', () => ({ ok: true, data: view({ ...ticket, callCount: 3 }) }));
    mount();
    const recall = await screen.findByTestId('action-recall');
    await waitFor(() => expect(recall.hasAttribute('disabled')).toBe(true));
    expect(recall.textContent).toContain('3 Aufrufe erreicht');
    fireEvent.keyDown(window, { key: 'r' });
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('„Nicht erschienen“'));
    expect(sentOf('counter:recall')).toEqual([]);
  });

  it('shows an Arabic visitor’s concern in German, with the language noted', async () => {
    const arabic = { ...ticket, language: 'ar' as const, concernName: 'إعانة السكن' };
    fake.handlers.set('counter:watch', () => ({ ok: true, data: view(arabic) }));
    mount();
    expect((await screen.findByTestId('current-concern')).textContent).toBe('Wohngeld · Sprache: Arabisch');
  });

  it('"Platz wechseln" with a visitor called asks first; "Zurück in die Warteschlange" sends them back, then the picker opens', async () => {
    let current: TicketView | null = ticket;
    fake.handlers.set('counter:watch', () => ({ ok: true, data: view(current) }));
    fake.handlers.set('counter:requeue', () => {
      current = null;
      return { ok: true, data: { ticket: { ...ticket, status: 'waiting' } } };
    });
    const onChangeCounter = vi.fn();
    mount(session(), onChangeCounter);
    await screen.findByTestId('current-number');
    fireEvent.click(screen.getByTestId('change-counter'));
    await screen.findByTestId('leave-dialog');
    expect(onChangeCounter).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('leave-requeue'));
    await waitFor(() => expect(onChangeCounter).toHaveBeenCalledTimes(1));
    expect(sentOf('counter:requeue')).toEqual([{ counterId: 'desk-1' }]);
  });

  it('"Platz wechseln" with nobody called opens the picker at once', async () => {
    fake.handlers.set('counter:watch', () => ({ ok: true, data: view(null) }));
    const onChangeCounter = vi.fn();
    mount(session(), onChangeCounter);
    await screen.findByTestId('current-empty');
    fireEvent.click(screen.getByTestId('change-counter'));
    expect(onChangeCounter).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('leave-dialog')).toBeNull();
  });
});

const brief = (id: string, number: string, concernId: string, waitingMinutes: number, appointmentAt?: string) =>
  ({ ticketId: id, number, concernId, waitingMinutes, ...(appointmentAt ? { appointmentAt } : {}) }) as CounterTicket;

const sentOf = (event: string) => fake.sent.filter((s) => s.event === event).map((s) => s.req);

/** Every button (and shortcut) waits for the running request and the refresh after it. */
const idle = () => waitFor(() => expect(screen.getByTestId('action-call-next').hasAttribute('disabled')).toBe(false));

/**
 * A small fake of the server's counter: current visitor, next and parked lists, answering
 * start, park, return and call by number the way the server does.
 */
function fakeCounter(initial: Partial<CounterView>) {
  let state: CounterView = { ...view(null), ...initial };
  const toTicket = (t: CounterTicket): TicketView => ({
    ...ticket,
    id: t.ticketId,
    number: t.number,
    concernId: t.concernId,
    concernName: office.concerns.find((c) => c.id === t.concernId)?.name ?? t.concernId,
  });
  fake.handlers.set('counter:watch', () => ({ ok: true, data: state }));
  fake.handlers.set('counter:start', () => {
    if (!state.current) return { ok: false, error: 'NO_CURRENT_TICKET' };
    state = { ...state, current: { ...state.current, servedAt: new Date().toISOString() } };
    return { ok: true, data: { ticket: state.current } };
  });
  fake.handlers.set('counter:park', () => {
    const current = state.current;
    if (!current) return { ok: false, error: 'NO_CURRENT_TICKET' };
    const parked = brief(current.id, current.number, current.concernId, 5);
    state = { ...state, current: null, parked: [...state.parked, parked] };
    return { ok: true, data: { ticket: { ...current, status: 'waiting', parked: true } } };
  });
  fake.handlers.set('counter:returnParked', (req) => {
    const { ticketId } = req as { ticketId: string };
    const back = state.parked.find((t) => t.ticketId === ticketId);
    if (!back) return { ok: false, error: 'UNKNOWN_TICKET' };
    state = { ...state, parked: state.parked.filter((t) => t !== back), next: [back, ...state.next] };
    return { ok: true, data: { ticket: { ...toTicket(back), status: 'waiting' } } };
  });
  fake.handlers.set('counter:callSpecific', (req) => {
    const { ticketId } = req as { ticketId: string };
    const target = [...state.next, ...state.parked].find((t) => t.ticketId === ticketId);
    if (!target) return { ok: false, error: 'UNKNOWN_TICKET' };
    const called = toTicket(target);
    state = {
      ...state,
      current: called,
      next: state.next.filter((t) => t !== target),
      parked: state.parked.filter((t) => t !== target),
    };
    return { ok: true, data: { ticket: called } };
  });
  return { get: () => state };
}

describe('counter desk: start, park, lists', () => {
  it('shows the new shortcuts on the buttons and in the key line, keeping the old ones', async () => {
    fakeCounter({ current: null });
    mount();
    await screen.findByTestId('current-empty');
    expect(screen.getByTestId('action-start').getAttribute('aria-keyshortcuts')).toBe('S');
    expect(screen.getByTestId('action-park').getAttribute('aria-keyshortcuts')).toBe('K');
    // Nobody is called: the visitor's buttons wait.
    for (const id of ['action-start', 'action-recall', 'action-park', 'action-complete', 'action-no-show']) {
      expect(screen.getByTestId(id).hasAttribute('disabled')).toBe(true);
    }
    const keys = screen.getByTestId('key-legend').textContent ?? '';
    for (const part of [
      'NAufrufen',
      'SPerson ist da',
      'RErneut aufrufen',
      'CErledigt',
      'XNicht erschienen',
      'KParken',
      'TWeiterleiten',
      'PPause',
    ]) {
      expect(keys).toContain(part);
    }
    // S without a visitor says so and sends nothing.
    fireEvent.keyDown(window, { key: 's' });
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('niemand'));
    expect(sentOf('counter:start')).toEqual([]);
  });

  it('starts the service: "Im Gespräch seit", and recall is gone (also by key)', async () => {
    const counter = fakeCounter({ current: ticket });
    mount();
    expect((await screen.findByTestId('action-recall')).hasAttribute('disabled')).toBe(false);
    expect(screen.getByTestId('current').getAttribute('data-started')).toBe('false');
    fireEvent.click(screen.getByTestId('action-start'));
    const serving = await screen.findByTestId('in-service');
    const servedAt = counter.get().current?.servedAt ?? '';
    expect(serving.textContent).toContain(`Im Gespräch seit ${formatClock(servedAt, 'Europe/Berlin')} Uhr`);
    expect(sentOf('counter:start')).toEqual([{ counterId: 'desk-1' }]);
    expect(screen.getByTestId('notice').textContent).toContain('W-001 ist da');
    expect(screen.queryByTestId('action-recall')).toBeNull();
    expect(screen.queryByTestId('action-start')).toBeNull();
    expect(screen.getByTestId('current').getAttribute('data-started')).toBe('true');
    await idle();
    fireEvent.keyDown(window, { key: 'r' });
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('schon bei Ihnen'));
    fireEvent.keyDown(window, { key: 's' });
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('läuft schon seit'));
    expect(sentOf('counter:recall')).toEqual([]);
    expect(sentOf('counter:start')).toHaveLength(1);
  });

  it('parks the visitor (K), lists them under "Geparkt" and returns them', async () => {
    fakeCounter({ current: ticket });
    mount();
    await screen.findByTestId('current-number');
    expect(screen.getByTestId('parked-empty').textContent).toBe('Niemand ist geparkt.');
    fireEvent.keyDown(window, { key: 'k' });
    await screen.findByTestId('current-empty');
    expect(sentOf('counter:park')).toEqual([{ counterId: 'desk-1' }]);
    expect(screen.getByTestId('notice').textContent).toContain('W-001 ist geparkt');
    const row = screen.getByTestId('parked-t1');
    expect(row.textContent).toContain('W-001');
    expect(row.textContent).toContain('Wohngeld');
    expect(screen.getByTestId('parked-total').textContent).toBe('1');
    await idle();
    fireEvent.click(screen.getByTestId('return-t1'));
    await waitFor(() => expect(screen.queryByTestId('parked-t1')).toBeNull());
    expect(sentOf('counter:returnParked')).toEqual([{ counterId: 'desk-1', ticketId: 't1' }]);
    expect(screen.getByTestId('notice').textContent).toContain('W-001 ist zurück');
    expect(screen.getByTestId('next-t1').textContent).toContain('W-001');
  });

  it('calls a parked visitor at once with "Jetzt aufrufen"', async () => {
    fakeCounter({ current: null, parked: [brief('t7', 'W-007', 'housing', 30)] });
    mount();
    fireEvent.click(await screen.findByTestId('call-specific-t7'));
    await waitFor(() => expect(screen.getByTestId('current-number').textContent).toBe('W-007'));
    expect(sentOf('counter:callSpecific')).toEqual([{ counterId: 'desk-1', ticketId: 't7' }]);
    expect(screen.queryByTestId('parked-t7')).toBeNull();
    expect(screen.getByTestId('notice').textContent).toContain('W-007 ist aufgerufen.');
  });

  it('lists the next visitors and calls one by number, asking first while a visitor is open', async () => {
    const appointmentAt = '2026-11-23T09:30:00.000Z';
    fakeCounter({
      current: ticket,
      next: [brief('t3', 'B-003', 'education', 12, appointmentAt), brief('t2', 'W-002', 'housing', 0)],
      waiting: [
        { concernId: 'housing', count: 4, longestWaitMinutes: 9 },
        { concernId: 'education', count: 1, longestWaitMinutes: 12 },
      ],
    });
    mount();
    const first = await screen.findByTestId('next-t3');
    expect(first.textContent).toContain('B-003');
    expect(first.textContent).toContain('Bildung und Teilhabe');
    expect(first.textContent).toContain('Wartezeit 12 Min.');
    expect(first.textContent).toContain(`Termin ${formatClock(appointmentAt, 'Europe/Berlin')} Uhr`);
    expect(screen.getByTestId('next-t2').textContent).toContain('Wartezeit unter 1 Min.');
    // In the order of the server.
    const numbers = [...screen.getByTestId('next-list').querySelectorAll('li')].map((li) =>
      li.getAttribute('data-number'),
    );
    expect(numbers).toEqual(['B-003', 'W-002']);
    // Five wait in all; the list shows the first few.
    expect(screen.getByTestId('next-more').textContent).toBe('Insgesamt warten 5 Personen.');

    fireEvent.click(screen.getByTestId('call-specific-t2'));
    const dialog = screen.getByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('W-001 ist noch offen');
    expect(dialog.textContent).toContain('Nicht erschienen');
    expect(screen.getByTestId('confirm-ok').textContent).toBe('W-002 aufrufen');
    fireEvent.click(screen.getByTestId('confirm-cancel'));
    expect(sentOf('counter:callSpecific')).toEqual([]);
    fireEvent.click(screen.getByTestId('call-specific-t2'));
    fireEvent.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(screen.getByTestId('current-number').textContent).toBe('W-002'));
    expect(sentOf('counter:callSpecific')).toEqual([{ counterId: 'desk-1', ticketId: 't2' }]);
    expect(screen.queryByTestId('next-t2')).toBeNull();
  });

  it('after the start, the warning before a call suggests parking instead', async () => {
    fakeCounter({
      current: { ...ticket, servedAt: new Date().toISOString() },
      next: [brief('t2', 'W-002', 'housing', 3)],
    });
    mount();
    await screen.findByTestId('in-service');
    fireEvent.keyDown(window, { key: 'n' });
    const dialog = screen.getByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('Parken');
    expect(screen.getByTestId('confirm-ok').textContent).toBe('Nächste Person aufrufen');
  });

  it('shows a failed call by number in German', async () => {
    fakeCounter({ current: null, next: [brief('t2', 'W-002', 'housing', 3)] });
    fake.handlers.set('counter:callSpecific', () => ({ ok: false, error: 'UNKNOWN_TICKET' }));
    mount();
    fireEvent.click(await screen.findByTestId('call-specific-t2'));
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('Diese Nummer gibt es nicht.'));
  });
});
