// @vitest-environment happy-dom
/** Office data for the staff apps: a failed load says so and the retry button loads again. */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorText } from './staff-errors.ts';
import { useOfficeData } from './staff-office.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function Probe() {
  const { office, pending } = useOfficeData('Schalter');
  const current = office.value;
  return current ? <p data-testid="office">{current.name}</p> : pending();
}

describe('useOfficeData', () => {
  it('shows the error of a failed load and loads again on retry', async () => {
    const replies = [
      { status: 500, body: { error: { code: 'INTERNAL', message: '' } } },
      { status: 200, body: { name: 'Bürgeramt Mitte' } },
    ];
    const fetch = vi.fn(async () => {
      const reply = replies.shift() ?? { status: 404, body: {} };
      return new Response(JSON.stringify(reply.body), { status: reply.status });
    });
    vi.stubGlobal('fetch', fetch);
    render(<Probe />);
    expect((await screen.findByRole('alert')).textContent).toBe(errorText('INTERNAL'));
    expect(screen.getByRole('heading').textContent).toBe('Schalter');
    fireEvent.click(screen.getByRole('button', { name: 'Noch einmal versuchen' }));
    expect((await screen.findByTestId('office')).textContent).toBe('Bürgeramt Mitte');
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
