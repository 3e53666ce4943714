// @vitest-environment happy-dom
/**
 * The counter desk with a visit of several concerns, against a fake socket: the parts (done, now,
 * later), the documents checklist (ticks never sent), completing with an outcome by one key,
 * "Gleich hier weiter" only where this counter serves the next concern, adding a concern, a
 * transfer with an outcome, and the next list naming a visitor's further concerns.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CounterView, TicketView } from '../core/api.ts';
import { FakeSocket } from '../test/helpers/fake-socket.ts';
import { calledTicket, counterView, mountDesk, sentOf, testOffice } from './staff-test-fixtures.tsx';

let fake: FakeSocket;
vi.mock('./socket.ts', () => ({ connect: () => fake }));

const { CounterDesk } = await import('../counter/desk.tsx');

const office = testOffice({
  concerns: [
    { id: 'housing', prefix: 'W', name: 'Wohngeld', documents: ['Mietvertrag'] },
    { id: 'education', prefix: 'B', name: 'Bildung und Teilhabe', documents: ['Ausweis', 'Schulbescheinigung'] },
    { id: 'subsistence', prefix: 'H', name: 'Hilfe zum Lebensunterhalt' },
    { id: 'certificates', prefix: 'C', name: 'Bescheinigungen' },
    { id: 'online', prefix: 'O', name: 'Online', infoUrl: 'https://example.org' },
  ],
  counters: [{ id: 'desk-1', name: 'Platz 1', concernIds: ['housing', 'education'] }],
  outcomes: [
    { id: 'done', name: 'Erledigt' },
    { id: 'documents-missing', name: 'Unterlagen fehlen' },
  ],
});

/** W-001: Wohngeld done ("Unterlagen fehlen"), Bildung und Teilhabe now, then `later`. */
const visit = (later: string): TicketView =>
  calledTicket({
    concernId: 'education',
    concernName: 'Education and participation',
    concerns: [
      { concernId: 'housing', concernName: 'Housing', status: 'done', outcome: 'documents-missing' },
      { concernId: 'education', concernName: 'Education', status: 'called', due: true },
      { concernId: later, concernName: later, status: 'waiting' },
    ],
    language: 'en',
    servedAt: new Date().toISOString(),
    documents: ['ID card'],
  });

const view = (current: TicketView | null): CounterView =>
  counterView(current, {
    next: [
      { ticketId: 't2', number: 'W-002', concernId: 'housing', waitingMinutes: 3, laterConcernIds: ['education'] },
      { ticketId: 't3', number: 'W-003', concernId: 'housing', waitingMinutes: 2 },
    ],
    waiting: [{ concernId: 'housing', count: 2, longestWaitMinutes: 3 }],
  });

const mount = () => mountDesk(CounterDesk, office);
const sent = (event: string) => sentOf(fake, event);

beforeEach(() => {
  fake = new FakeSocket();
});
afterEach(() => cleanup());

describe('a visit with several concerns at the counter', () => {
  it('shows the parts and the German documents checklist; ticks stay on screen', async () => {
    fake.handlers.set('counter:watch', () => ({ ok: true, data: view(visit('subsistence')) }));
    mount();
    await screen.findByTestId('visit-parts');
    // German for the clerk, although the visitor's ticket is in English.
    expect(screen.getByTestId('current-concern').textContent).toBe('Bildung und Teilhabe · Sprache: Englisch');
    expect(screen.getByTestId('visit-part-0').dataset.state).toBe('done');
    expect(screen.getByTestId('visit-part-0').textContent).toContain('Unterlagen fehlen');
    expect(screen.getByTestId('visit-part-1').dataset.state).toBe('now');
    expect(screen.getByTestId('visit-part-1').textContent).toContain('Bildung und Teilhabe');
    expect(screen.getByTestId('visit-part-2').dataset.state).toBe('later');
    expect(screen.getByTestId('documents').textContent).toContain('Schulbescheinigung');
    expect(screen.getByTestId('documents').textContent).not.toContain('ID card');
    const before = fake.sent.length;
    fireEvent.click(screen.getByTestId('document-1'));
    expect(screen.getByTestId('documents-count').textContent).toBe('1/2');
    expect(fake.sent.length).toBe(before);
  });

  it('C then a digit completes with that outcome; here the next concern continues by default', async () => {
    fake.handlers.set('counter:watch', () => ({ ok: true, data: view(visit('housing')) }));
    fake.handlers.set('counter:complete', () => ({ ok: true, data: { ticket: visit('housing') } }));
    mount();
    await screen.findByTestId('visit-parts');
    fireEvent.keyDown(window, { key: 'c' });
    await screen.findByTestId('complete-dialog');
    expect(screen.getByTestId('complete-continue-here').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('outcome-documents-missing').textContent).toContain('2');
    fireEvent.keyDown(document, { key: '2' });
    await waitFor(() =>
      expect(sent('counter:complete')).toEqual([
        { counterId: 'desk-1', outcome: 'documents-missing', continueHere: true },
      ]),
    );
    expect(screen.queryByTestId('complete-dialog')).toBeNull();
  });

  it('W lets the visitor wait for the next concern; one touch on an outcome completes', async () => {
    fake.handlers.set('counter:watch', () => ({ ok: true, data: view(visit('housing')) }));
    fake.handlers.set('counter:complete', () => ({
      ok: true,
      data: { ticket: { ...visit('housing'), status: 'waiting' } },
    }));
    mount();
    fireEvent.click(await screen.findByTestId('action-complete'));
    fireEvent.keyDown(document, { key: 'w' });
    expect(screen.getByTestId('complete-wait').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByTestId('outcome-done'));
    await waitFor(() => expect(sent('counter:complete')).toEqual([{ counterId: 'desk-1', outcome: 'done' }]));
  });

  it('offers no "Gleich hier weiter" when this counter does not serve the next concern', async () => {
    fake.handlers.set('counter:watch', () => ({ ok: true, data: view(visit('subsistence')) }));
    mount();
    fireEvent.click(await screen.findByTestId('action-complete'));
    await screen.findByTestId('complete-dialog');
    expect(screen.queryByTestId('complete-continue-here')).toBeNull();
    expect(screen.getByTestId('complete-next').textContent).toContain('Hilfe zum Lebensunterhalt');
    expect(screen.getByTestId('complete-wait').getAttribute('aria-pressed')).toBe('true');
    fireEvent.keyDown(document, { key: '9' });
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByTestId('complete-dialog')).toBeNull();
    expect(sent('counter:complete')).toEqual([]);
  });

  it('A adds a concern: neither online-only ones nor those already in the visit are offered', async () => {
    fake.handlers.set('counter:watch', () => ({ ok: true, data: view(visit('subsistence')) }));
    fake.handlers.set('counter:addConcern', () => ({ ok: true, data: { ticket: visit('subsistence') } }));
    mount();
    await screen.findByTestId('visit-parts');
    fireEvent.keyDown(window, { key: 'a' });
    await screen.findByTestId('add-concern-dialog');
    expect(screen.queryByTestId('add-concern-online')).toBeNull();
    expect(screen.queryByTestId('add-concern-housing')).toBeNull();
    expect(screen.queryByTestId('add-concern-subsistence')).toBeNull();
    fireEvent.click(screen.getByTestId('add-concern-certificates'));
    await waitFor(() =>
      expect(sent('counter:addConcern')).toEqual([{ counterId: 'desk-1', concernId: 'certificates' }]),
    );
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('„Bescheinigungen“ gehört jetzt'));
  });

  it('transfers with an optional outcome of the part served here', async () => {
    fake.handlers.set('counter:watch', () => ({ ok: true, data: view(visit('subsistence')) }));
    fake.handlers.set('counter:transfer', () => ({ ok: true, data: { ticket: visit('subsistence') } }));
    mount();
    fireEvent.click(await screen.findByTestId('action-transfer'));
    fireEvent.click(screen.getByTestId('transfer-outcome-done'));
    fireEvent.click(screen.getByTestId('transfer-to-certificates'));
    await waitFor(() =>
      expect(sent('counter:transfer')).toEqual([{ counterId: 'desk-1', concernId: 'certificates', outcome: 'done' }]),
    );
  });

  it('names the further concerns of a waiting visitor in the next list', async () => {
    fake.handlers.set('counter:watch', () => ({ ok: true, data: view(null) }));
    mount();
    expect((await screen.findByTestId('later-t2')).textContent).toBe('2 Anliegen · danach Bildung und Teilhabe');
    expect(screen.queryByTestId('later-t3')).toBeNull();
  });
});
