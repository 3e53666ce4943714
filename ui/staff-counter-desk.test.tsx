// @vitest-environment happy-dom
/**
 * The counter desk against a fake socket: it watches its counter, shows the current number,
 * asks before calling the next visitor over an open one, reacts to shortcuts and sends a lost
 * session back to the sign-in form.
 * Slips are asked first and can be undone. Starting, parking and the lists:
 * `staff-counter-lists.test.tsx`.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CounterView, TicketView } from '../core/api.ts';
import { FakeSocket } from '../test/helpers/fake-socket.ts';
import { calledTicket, clerkSession, deskOffice, deskView, idle, mountDesk, sentOf } from './staff-test-fixtures.tsx';

let fake: FakeSocket;
vi.mock('./socket.ts', () => ({ connect: () => fake }));

const { CounterDesk } = await import('../counter/desk.tsx');

const office = deskOffice;
const ticket = calledTicket();
const view = deskView;

const session = clerkSession;
const mount = (s = session(), onChangeCounter = vi.fn()) => mountDesk(CounterDesk, office, s, onChangeCounter);
const sent = (event: string) => sentOf(fake, event);

beforeEach(() => {
  fake = new FakeSocket();
});
afterEach(() => cleanup());

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
    expect(sent('counter:noShow')).toEqual([]);

    fireEvent.click(screen.getByTestId('action-no-show'));
    fireEvent.click(await screen.findByTestId('confirm-ok'));
    const bar = await screen.findByTestId('undo-bar');
    expect(bar.textContent).toContain('W-001 ist als „nicht erschienen“ vermerkt.');
    expect(screen.getByTestId('undo-seconds').textContent).toMatch(/\((1[45]) s\)/);
    await idle();
    fireEvent.keyDown(window, { key: 'z' });
    await waitFor(() => expect(sent('counter:undo')).toEqual([{ counterId: 'desk-1' }]));
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
    expect(sent('counter:recall')).toEqual([]);
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
    expect(sent('counter:requeue')).toEqual([{ counterId: 'desk-1' }]);
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
