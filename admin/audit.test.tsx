// @vitest-environment happy-dom
/**
 * The audit log tab against a stubbed API: German sentences with counter names (an unknown id
 * plainly), the raw code as tooltip, filters by kind and account asked of the server, and the
 * CSV link carrying the same filters.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditPanel, auditUrl } from './audit.tsx';
import type { AuditRecord } from '../core/audit-text.ts';

const office = {
  timezone: 'Europe/Berlin',
  counters: [{ id: 'desk-4', name: 'Platz 4', concernIds: ['housing'] }],
  concerns: [{ id: 'housing', prefix: 'W', name: 'Wohngeld' }],
};

const entries: AuditRecord[] = [
  { at: '2026-12-03T09:05:00.000Z', username: 'maria', action: 'counter:park', target: 'desk-4', detail: 'W-017' },
  { at: '2026-12-03T09:01:00.000Z', username: 'maria', action: 'counter:sign-in', target: 'desk-9' },
  { at: '2026-12-03T09:00:00.000Z', username: 'admin', action: 'config:change', target: 'demo' },
];

function serve() {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string) => {
      asked.push(path);
      const url = new URL(path, 'http://x');
      const kind = url.searchParams.get('kind');
      const user = url.searchParams.get('username');
      const list = entries.filter(
        (e) =>
          (!kind || (kind === 'counter' ? e.action === 'counter:park' : e.action === 'config:change')) &&
          (!user || e.username === user),
      );
      return new Response(JSON.stringify({ entries: list }));
    }),
  );
  return asked;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('audit log', () => {
  it('shows German sentences with names, the raw code as tooltip', async () => {
    serve();
    render(<AuditPanel office={office} fail={vi.fn()} />);
    await screen.findByTestId('audit-table');
    const texts = screen.getAllByTestId('audit-text');
    expect(texts.map((t) => t.textContent)).toEqual([
      'maria hat an Platz 4 die Nummer W-017 zurückgestellt (holt etwas).',
      'maria hat sich an desk-9 angemeldet.',
      'admin hat die Einstellungen des Amts gespeichert.',
    ]);
    expect(texts[0]?.getAttribute('title')).toBe('Code: counter:park · desk-4 · W-017');
    expect(document.body.textContent).not.toContain('counter:park');
    // Times in the office's zone.
    expect(screen.getAllByTestId('audit-entry')[0]?.textContent).toContain('10:05');
  });

  it('filters by kind and account on the server; the CSV link carries the filters', async () => {
    const asked = serve();
    render(<AuditPanel office={office} fail={vi.fn()} />);
    await screen.findByTestId('audit-table');
    fireEvent.change(screen.getByTestId('audit-kind'), { target: { value: 'counter' } });
    await waitFor(() => expect(screen.getAllByTestId('audit-entry')).toHaveLength(1));
    expect(asked.at(-1)).toBe('/api/admin/audit?limit=200&kind=counter');
    fireEvent.change(screen.getByTestId('audit-kind'), { target: { value: '' } });
    await waitFor(() => expect(screen.getAllByTestId('audit-entry')).toHaveLength(3));
    const accounts = [...(screen.getByTestId('audit-account') as HTMLSelectElement).options].map((o) => o.value);
    expect(accounts).toEqual(['', 'admin', 'maria']);
    fireEvent.change(screen.getByTestId('audit-account'), { target: { value: 'admin' } });
    await waitFor(() => expect(screen.getAllByTestId('audit-entry')).toHaveLength(1));
    expect(screen.getByTestId('audit-text').textContent).toContain('Einstellungen');
    expect(screen.getByTestId('audit-csv').getAttribute('href')).toBe(
      '/api/admin/audit?limit=200&username=admin&format=csv',
    );
  });

  it('searches the sentences', async () => {
    serve();
    render(<AuditPanel office={office} fail={vi.fn()} />);
    await screen.findByTestId('audit-table');
    fireEvent.input(screen.getByTestId('audit-search'), { target: { value: 'platz 4' } });
    expect(screen.getAllByTestId('audit-entry')).toHaveLength(1);
    expect(auditUrl({ limit: 50, kind: 'sign-in', username: '' }, 'csv')).toBe(
      '/api/admin/audit?limit=50&kind=sign-in&format=csv',
    );
  });
});
