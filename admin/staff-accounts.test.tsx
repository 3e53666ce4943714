// @vitest-environment happy-dom
/**
 * The accounts page against a stubbed admin API: making an account an admin asks first (and
 * cancelling changes nothing), and an admin limits the counters an account may work at.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StaffAccountsPanel, type StaffAccount } from './staff-accounts.tsx';

function serve(users: StaffAccount[]) {
  const patches: { path: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      if (method === 'GET' && path === '/api/admin/users') return new Response(JSON.stringify({ users }));
      if (method === 'GET' && path === '/api/office')
        return new Response(
          JSON.stringify({
            counters: [
              { id: 'desk-1', name: 'Platz 1', concernIds: [] },
              { id: 'desk-2', name: 'Platz 2', concernIds: [] },
            ],
          }),
        );
      if (method === 'PATCH') {
        const body = JSON.parse(String(init?.body));
        patches.push({ path, body });
        const name = decodeURIComponent(path.split('/').pop() as string);
        const user = users.find((u) => u.username === name) as StaffAccount;
        Object.assign(user, body);
        if (Array.isArray(body.counters) && body.counters.length === 0) delete user.counters;
        return new Response(JSON.stringify({ user }));
      }
      return new Response('{}', { status: 404 });
    }),
  );
  return patches;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const accounts = (): StaffAccount[] => [
  { username: 'admin', role: 'admin', disabled: false, createdAt: '2026-12-01T08:00:00.000Z' },
  { username: 'm.yilmaz', role: 'clerk', disabled: false, createdAt: '2026-12-02T08:00:00.000Z' },
];

describe('accounts page', () => {
  it('making a clerk an admin needs a confirmation; cancelling leaves the role', async () => {
    const patches = serve(accounts());
    render(<StaffAccountsPanel me="admin" fail={() => undefined} />);
    const select = (await screen.findByTestId('user-role-m.yilmaz')) as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'admin' } });
    await screen.findByTestId('confirm-dialog');
    expect(patches).toEqual([]);
    expect(select.value).toBe('clerk');
    fireEvent.click(screen.getByTestId('confirm-cancel'));
    await waitFor(() => expect(screen.queryByTestId('confirm-dialog')).toBeNull());
    expect(patches).toEqual([]);

    fireEvent.change(select, { target: { value: 'admin' } });
    fireEvent.click(await screen.findByTestId('confirm-ok'));
    await waitFor(() => expect(patches).toEqual([{ path: '/api/admin/users/m.yilmaz', body: { role: 'admin' } }]));
    await waitFor(() => expect((screen.getByTestId('user-role-m.yilmaz') as HTMLSelectElement).value).toBe('admin'));
  });

  it('an admin limits an account to some counters and lifts the limit again', async () => {
    const patches = serve(accounts());
    render(<StaffAccountsPanel me="admin" fail={() => undefined} />);
    const button = await screen.findByTestId('user-counters-m.yilmaz');
    await waitFor(() => expect(button.textContent).toBe('Alle Plätze'));
    fireEvent.click(button);
    fireEvent.click(await screen.findByTestId('user-counter-desk-2'));
    fireEvent.click(screen.getByTestId('user-counters-save'));
    await waitFor(() =>
      expect(patches).toEqual([{ path: '/api/admin/users/m.yilmaz', body: { counters: ['desk-2'] } }]),
    );
    await waitFor(() => expect(screen.getByTestId('user-counters-m.yilmaz').textContent).toBe('Platz 2'));

    fireEvent.click(screen.getByTestId('user-counters-m.yilmaz'));
    const ticked = (await screen.findByTestId('user-counter-desk-2')) as HTMLInputElement;
    expect(ticked.checked).toBe(true);
    fireEvent.click(ticked);
    fireEvent.click(screen.getByTestId('user-counters-save'));
    await waitFor(() => expect(patches[1]).toEqual({ path: '/api/admin/users/m.yilmaz', body: { counters: [] } }));
    await waitFor(() => expect(screen.getByTestId('user-counters-m.yilmaz').textContent).toBe('Alle Plätze'));
  });
});
