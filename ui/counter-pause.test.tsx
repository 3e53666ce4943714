// @vitest-environment happy-dom
/** Pausing at the counter asks for a reason (common ones or own words) and sends it along. */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CounterView } from '../core/api.ts';
import { pauseReasonText } from '../counter/pause.tsx';
import { FakeSocket } from '../test/helpers/fake-socket.ts';
import { counterView, mountDesk, sentOf, testOffice } from './staff-test-fixtures.tsx';

let fake: FakeSocket;
vi.mock('./socket.ts', () => ({ connect: () => fake }));

const { CounterDesk } = await import('../counter/desk.tsx');

const office = testOffice({
  concerns: [{ id: 'housing', prefix: 'W', name: 'Wohngeld' }],
  counters: [{ id: 'desk-1', name: 'Platz 1', concernIds: ['housing'] }],
});

let state: CounterView;

const mount = () => mountDesk(CounterDesk, office);

beforeEach(() => {
  fake = new FakeSocket();
  state = counterView(null);
  fake.handlers.set('counter:watch', () => ({ ok: true, data: state }));
  fake.handlers.set('counter:setStatus', (req) => {
    const r = req as { status: CounterView['status']; reason?: string };
    state = { ...state, status: r.status };
    if (r.status === 'paused' && r.reason) state.pauseReason = r.reason;
    else delete state.pauseReason;
    return { ok: true, data: state };
  });
});
afterEach(() => cleanup());

const statusRequests = () => sentOf(fake, 'counter:setStatus');

describe('pause with a reason', () => {
  it('pauses with a common reason and shows it', async () => {
    mount();
    fireEvent.click(await screen.findByTestId('action-pause'));
    expect(screen.getByTestId('pause-dialog')).toBeTruthy();
    // Nothing is sent before the clerk confirms.
    expect(statusRequests()).toEqual([]);
    fireEvent.click(screen.getByTestId('pause-reason-lunch'));
    fireEvent.click(screen.getByTestId('pause-confirm'));
    await waitFor(() => expect(screen.getByTestId('pause-reason').textContent).toBe('Grund: Mittagspause'));
    expect(statusRequests()).toEqual([{ counterId: 'desk-1', status: 'paused', reason: 'Mittagspause' }]);
    expect(screen.queryByTestId('pause-dialog')).toBeNull();

    // Every button waits until the running request and the refresh after it are answered.
    await waitFor(() => expect(screen.getByTestId('action-resume').hasAttribute('disabled')).toBe(false));
    fireEvent.click(screen.getByTestId('action-resume'));
    await waitFor(() => expect(screen.queryByTestId('pause-reason')).toBeNull());
    expect(statusRequests().at(-1)).toEqual({ counterId: 'desk-1', status: 'open' });
  });

  it('takes the own words, and asks for them when "other" is chosen without text', async () => {
    mount();
    await screen.findByTestId('action-pause');
    fireEvent.keyDown(window, { key: 'p' });
    await screen.findByTestId('pause-dialog');
    fireEvent.click(screen.getByTestId('pause-reason-other'));
    fireEvent.click(screen.getByTestId('pause-confirm'));
    expect(screen.getByRole('alert').textContent).toContain('Bitte schreiben Sie kurz den Grund');
    expect(statusRequests()).toEqual([]);
    fireEvent.input(screen.getByTestId('pause-reason-text'), { target: { value: '  Akten holen ' } });
    fireEvent.click(screen.getByTestId('pause-confirm'));
    await waitFor(() =>
      expect(statusRequests()).toEqual([{ counterId: 'desk-1', status: 'paused', reason: 'Akten holen' }]),
    );
  });

  it('cancels with Escape', async () => {
    mount();
    fireEvent.click(await screen.findByTestId('action-pause'));
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByTestId('pause-dialog')).toBeNull();
    expect(statusRequests()).toEqual([]);
  });

  it('builds the reason text', () => {
    expect(pauseReasonText('break', '')).toBe('Kurze Pause');
    expect(pauseReasonText('other', '  ')).toBeNull();
    expect(pauseReasonText('other', 'x'.repeat(300))).toHaveLength(200);
    expect(pauseReasonText('unknown', '')).toBeNull();
  });
});
