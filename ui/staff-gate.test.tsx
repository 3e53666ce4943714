// @vitest-environment happy-dom
/** Sign-in gate: session check, sign-in form, role check, sign-out. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StaffGate } from './staff-gate.tsx';

type Reply = { status: number; body: unknown };

function serve(routes: Record<string, Reply | ((init?: RequestInit) => Reply)>) {
  const calls: { path: string; body?: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init?: RequestInit) => {
      const key = `${init?.method ?? 'GET'} ${path}`;
      calls.push({ path: key, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      const route = routes[key];
      const reply =
        typeof route === 'function'
          ? route(init)
          : (route ?? { status: 404, body: { error: { code: 'NOT_FOUND', message: '' } } });
      return new Response(JSON.stringify(reply.body), { status: reply.status });
    }),
  );
  return calls;
}

const unauthenticated = { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: '' } } };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function signInWith(username: string, password: string) {
  fireEvent.input(screen.getByTestId('login-username'), { target: { value: username } });
  fireEvent.input(screen.getByTestId('login-password'), { target: { value: password } });
  fireEvent.click(screen.getByTestId('login-submit'));
}

describe('staff sign-in gate', () => {
  it('goes straight to the app with a valid session', async () => {
    serve({ 'GET /api/me': { status: 200, body: { user: { username: 'anna', role: 'clerk' } } } });
    render(
      <StaffGate appName="Schalter" requiredRole="clerk">
        {(s) => <p data-testid="app">Hallo {s.user.username}</p>}
      </StaffGate>,
    );
    expect((await screen.findByTestId('app')).textContent).toBe('Hallo anna');
  });

  it('signs in, shows wrong passwords in German, and signs out', async () => {
    const calls = serve({
      'GET /api/me': unauthenticated,
      'POST /api/login': (init) =>
        JSON.parse(String(init?.body)).password === 'right'
          ? { status: 200, body: { token: 'x', user: { username: 'anna', role: 'clerk' } } }
          : { status: 401, body: { error: { code: 'INVALID_CREDENTIALS', message: '' } } },
      'POST /api/logout': { status: 200, body: { ok: true } },
    });
    render(
      <StaffGate appName="Schalter" requiredRole="clerk">
        {(s) => (
          <button type="button" data-testid="app" onClick={s.signOut}>
            {s.user.username}
          </button>
        )}
      </StaffGate>,
    );
    await screen.findByTestId('login-username');
    signInWith('anna', 'wrong');
    expect((await screen.findByTestId('login-error')).textContent).toBe('Benutzername oder Passwort stimmt nicht.');
    signInWith('anna', 'right');
    fireEvent.click(await screen.findByTestId('app'));
    await screen.findByTestId('login-username');
    expect(screen.getByTestId('login-message').textContent).toContain('abgemeldet');
    await waitFor(() => expect(calls.map((c) => c.path)).toContain('POST /api/logout'));
    expect(calls.find((c) => c.path === 'POST /api/login')?.body).toEqual({ username: 'anna', password: 'wrong' });
  });

  it('keeps a clerk out of the admin app', async () => {
    serve({
      'GET /api/me': unauthenticated,
      'POST /api/login': { status: 200, body: { token: 'x', user: { username: 'anna', role: 'clerk' } } },
      'POST /api/logout': { status: 200, body: { ok: true } },
    });
    render(
      <StaffGate appName="Verwaltung" requiredRole="admin">
        {() => <p data-testid="app">admin</p>}
      </StaffGate>,
    );
    await screen.findByTestId('login-username');
    signInWith('anna', 'pw');
    expect((await screen.findByTestId('login-error')).textContent).toContain('darf die Verwaltung nicht öffnen');
    expect(screen.queryByTestId('app')).toBeNull();
  });
});
