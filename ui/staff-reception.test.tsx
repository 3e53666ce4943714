// @vitest-environment happy-dom
/**
 * Reception against a stubbed `fetch`: concerns by typing + Enter, digits and touch (in the order
 * picked, removable, at most five), the language, the desk's printer or the QR code on screen,
 * the number at once; one idempotency key per draft (kept when a request is repeated, new after
 * a ticket), and a double Enter gives one request.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IssueAnswer, TicketView } from '../core/api.ts';
import { Reception } from '../counter/reception.tsx';
import { clerkSession, testOffice } from './staff-test-fixtures.tsx';

const office = testOffice({
  concerns: [
    { id: 'housing', prefix: 'W', name: 'Wohngeld' },
    { id: 'education', prefix: 'B', name: 'Bildung und Teilhabe' },
    { id: 'online', prefix: 'O', name: 'Online beantragen', infoUrl: 'https://example.org' },
    { id: 'subsistence', prefix: 'H', name: 'Hilfe zum Lebensunterhalt' },
    { id: 'documents', prefix: 'U', name: 'Unterlagen abgeben' },
    { id: 'certificates', prefix: 'C', name: 'Bescheinigungen' },
    { id: 'registration', prefix: 'M', name: 'Meldewesen' },
  ],
  counters: [
    { id: 'desk-1', name: 'Platz 1', concernIds: ['housing'], hasPrinter: true },
    { id: 'desk-2', name: 'Platz 2', concernIds: ['education'] },
  ],
});

const ticket = (number: string): TicketView => ({
  id: 't1',
  number,
  concernId: 'housing',
  concernName: 'Wohngeld',
  concerns: [
    { concernId: 'housing', concernName: 'Wohngeld', status: 'waiting', due: true },
    { concernId: 'education', concernName: 'Bildung und Teilhabe', status: 'waiting' },
  ],
  status: 'waiting',
  waitingAhead: 0,
  estimatedWaitMinutes: 0,
  statusUrl: '/t/abc123',
  language: 'tr',
  issuedAt: new Date().toISOString(),
  callCount: 0,
  documents: [],
});

let bodies: Record<string, unknown>[];
let answers: (() => Response)[];

const json = (status: number, body: unknown) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  bodies = [];
  answers = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)));
      await new Promise((r) => setTimeout(r, 5));
      return (answers.shift() ?? json(500, { error: { code: 'INTERNAL' } }))();
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function mount(counterId: string | null = null) {
  const session = clerkSession('empfang');
  render(<Reception office={office} session={session} counterId={counterId} onDesk={vi.fn()} />);
  return session;
}

const picked = () => [...screen.getByTestId('reception-picked').querySelectorAll('li')].map((li) => li.dataset.concern);

describe('reception', () => {
  it('picks by typing + Enter and by digits, in order; Backspace takes the last back; no info-only concern', async () => {
    mount();
    const input = screen.getByTestId('reception-filter') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    expect(screen.queryByTestId('reception-concern-online')).toBeNull();
    fireEvent.input(input, { target: { value: 'bild' } });
    expect(screen.getByTestId('reception-concerns').querySelectorAll('li')).toHaveLength(1);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(picked()).toEqual(['education']);
    expect(input.value).toBe('');
    fireEvent.keyDown(input, { key: '1' });
    fireEvent.keyDown(input, { key: '3' });
    expect(picked()).toEqual(['education', 'housing', 'subsistence']);
    fireEvent.keyDown(input, { key: 'Backspace' });
    expect(picked()).toEqual(['education', 'housing']);
    fireEvent.click(screen.getByTestId('reception-remove-education'));
    expect(picked()).toEqual(['housing']);
    expect(bodies).toEqual([]);
  });

  it('stops at five concerns with a German message', () => {
    mount();
    const input = screen.getByTestId('reception-filter');
    for (const key of ['1', '2', '3', '4', '5', '6']) fireEvent.keyDown(input, { key });
    expect(picked()).toHaveLength(5);
    expect(screen.getByTestId('reception-error').textContent).toContain('höchstens fünf');
  });

  it('prints at the remembered counter with its printer; a double Enter sends one request', async () => {
    mount('desk-1');
    answers.push(json(201, { ticket: ticket('W-001'), print: { status: 'printed' } } satisfies IssueAnswer));
    const input = screen.getByTestId('reception-filter');
    expect(screen.getByTestId('reception-issue').textContent).toContain('Nummer drucken');
    fireEvent.keyDown(input, { key: '1' });
    fireEvent.keyDown(input, { key: '2' });
    fireEvent.click(screen.getByTestId('reception-language-tr'));
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('reception-number').textContent).toBe('W-001'));
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({ concernIds: ['housing', 'education'], language: 'tr', counterId: 'desk-1' });
    expect(bodies[0]).not.toHaveProperty('print');
    expect(String(bodies[0]?.idempotencyKey).length).toBeGreaterThanOrEqual(8);
    expect(screen.getByTestId('reception-print').textContent).toContain('Gedruckt');
    expect(screen.queryByTestId('reception-qr')).toBeNull();
    expect(picked()).toEqual([]);
  });

  it('shows the QR code without a printer; a failed request repeated keeps its key, the next ticket gets a new one', async () => {
    mount('desk-2');
    answers.push(json(503, { error: { code: 'OFFLINE' } }));
    answers.push(json(201, { ticket: ticket('W-002'), print: { status: 'none' } }));
    answers.push(json(201, { ticket: ticket('W-003'), print: { status: 'none' } }));
    const input = screen.getByTestId('reception-filter');
    expect(screen.getByTestId('reception-issue').textContent).toContain('Nummer ausgeben');
    fireEvent.keyDown(input, { key: '1' });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('reception-error')).toBeTruthy());
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('reception-number').textContent).toBe('W-002'));
    expect(bodies[0]).toMatchObject({ concernIds: ['housing'], counterId: 'desk-2', print: false, language: 'de' });
    expect(bodies[1]?.idempotencyKey).toBe(bodies[0]?.idempotencyKey);
    const qr = screen.getByTestId('reception-qr');
    expect(qr.dataset.value).toBe(`${window.location.origin}/t/abc123`);
    fireEvent.keyDown(input, { key: '2' });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('reception-number').textContent).toBe('W-003'));
    expect(bodies[2]?.idempotencyKey).not.toBe(bodies[0]?.idempotencyKey);
  });
});
