// @vitest-environment happy-dom
/**
 * The counter desk against a small fake of the server's counter: it starts the service, parks
 * and returns visitors, lists the next ones and calls a listed visitor by number.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CounterTicket, CounterView, TicketView } from '../core/api.ts';
import { FakeSocket } from '../test/helpers/fake-socket.ts';
import { formatClock } from './staff-format.ts';
import { calledTicket, deskOffice, deskView, idle, mountDesk, sentOf } from './staff-test-fixtures.tsx';

let fake: FakeSocket;
vi.mock('./socket.ts', () => ({ connect: () => fake }));

const { CounterDesk } = await import('../counter/desk.tsx');

const ticket = calledTicket();
const mount = () => mountDesk(CounterDesk, deskOffice);

beforeEach(() => {
  fake = new FakeSocket();
});
afterEach(() => cleanup());

const brief = (id: string, number: string, concernId: string, waitingMinutes: number, appointmentAt?: string) =>
  ({ ticketId: id, number, concernId, waitingMinutes, ...(appointmentAt ? { appointmentAt } : {}) }) as CounterTicket;

const sent = (event: string) => sentOf(fake, event);

/**
 * A small fake of the server's counter: current visitor, next and parked lists, answering
 * start, park, return and call by number the way the server does.
 */
function fakeCounter(initial: Partial<CounterView>) {
  let state: CounterView = { ...deskView(null), ...initial };
  const toTicket = (t: CounterTicket): TicketView => ({
    ...ticket,
    id: t.ticketId,
    number: t.number,
    concernId: t.concernId,
    concernName: deskOffice.concerns.find((c) => c.id === t.concernId)?.name ?? t.concernId,
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
    expect(sent('counter:start')).toEqual([]);
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
    expect(sent('counter:start')).toEqual([{ counterId: 'desk-1' }]);
    expect(screen.getByTestId('notice').textContent).toContain('W-001 ist da');
    expect(screen.queryByTestId('action-recall')).toBeNull();
    expect(screen.queryByTestId('action-start')).toBeNull();
    expect(screen.getByTestId('current').getAttribute('data-started')).toBe('true');
    await idle();
    fireEvent.keyDown(window, { key: 'r' });
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('schon bei Ihnen'));
    fireEvent.keyDown(window, { key: 's' });
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('läuft schon seit'));
    expect(sent('counter:recall')).toEqual([]);
    expect(sent('counter:start')).toHaveLength(1);
  });

  it('parks the visitor (K), lists them under "Geparkt" and returns them', async () => {
    fakeCounter({ current: ticket });
    mount();
    await screen.findByTestId('current-number');
    expect(screen.getByTestId('parked-empty').textContent).toBe('Niemand ist geparkt.');
    fireEvent.keyDown(window, { key: 'k' });
    await screen.findByTestId('current-empty');
    expect(sent('counter:park')).toEqual([{ counterId: 'desk-1' }]);
    expect(screen.getByTestId('notice').textContent).toContain('W-001 ist geparkt');
    const row = screen.getByTestId('parked-t1');
    expect(row.textContent).toContain('W-001');
    expect(row.textContent).toContain('Wohngeld');
    expect(screen.getByTestId('parked-total').textContent).toBe('1');
    await idle();
    fireEvent.click(screen.getByTestId('return-t1'));
    await waitFor(() => expect(screen.queryByTestId('parked-t1')).toBeNull());
    expect(sent('counter:returnParked')).toEqual([{ counterId: 'desk-1', ticketId: 't1' }]);
    expect(screen.getByTestId('notice').textContent).toContain('W-001 ist zurück');
    expect(screen.getByTestId('next-t1').textContent).toContain('W-001');
  });

  it('calls a parked visitor at once with "Jetzt aufrufen"', async () => {
    fakeCounter({ current: null, parked: [brief('t7', 'W-007', 'housing', 30)] });
    mount();
    fireEvent.click(await screen.findByTestId('call-specific-t7'));
    await waitFor(() => expect(screen.getByTestId('current-number').textContent).toBe('W-007'));
    expect(sent('counter:callSpecific')).toEqual([{ counterId: 'desk-1', ticketId: 't7' }]);
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
    expect(sent('counter:callSpecific')).toEqual([]);
    fireEvent.click(screen.getByTestId('call-specific-t2'));
    fireEvent.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(screen.getByTestId('current-number').textContent).toBe('W-002'));
    expect(sent('counter:callSpecific')).toEqual([{ counterId: 'desk-1', ticketId: 't2' }]);
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
