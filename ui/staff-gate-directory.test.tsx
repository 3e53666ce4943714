// @vitest-environment happy-dom
/** The sign-in screen with a directory: the OpenID button when the server offers it, and why a provider sign-in failed. */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StaffGate } from './staff-gate.tsx';

const unauthenticated = { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: '' } } };

function serve(oidc: boolean | null) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string) => {
      if (path === '/api/me') return new Response(JSON.stringify(unauthenticated.body), { status: 401 });
      if (path === '/api/auth/methods' && oidc !== null)
        return new Response(JSON.stringify({ password: true, ldap: false, oidc }), { status: 200 });
      return new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: '' } }), { status: 404 });
    }),
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  history.replaceState(null, '', '/');
});

const gate = (role: 'clerk' | 'admin') => (
  <StaffGate appName={role === 'admin' ? 'Verwaltung' : 'Schalter'} requiredRole={role}>
    {() => <p data-testid="app">app</p>}
  </StaffGate>
);

describe('directory sign-in on the staff sign-in screen', () => {
  it('offers "Mit Dienstkonto anmelden" leading to the provider for the app it is in', async () => {
    serve(true);
    render(gate('admin'));
    const link = await screen.findByTestId('login-oidc');
    expect(link.textContent).toBe('Mit Dienstkonto anmelden');
    expect(link.getAttribute('href')).toBe('/api/auth/oidc/start?app=admin');
    cleanup();
    render(gate('clerk'));
    expect((await screen.findByTestId('login-oidc')).getAttribute('href')).toBe('/api/auth/oidc/start?app=counter');
  });

  it('shows no button without OpenID Connect, nor when the server cannot say', async () => {
    for (const oidc of [false, null]) {
      serve(oidc);
      render(gate('clerk'));
      await screen.findByTestId('login-username');
      await waitFor(() => expect(vi.mocked(fetch).mock.calls.map((c) => c[0])).toContain('/api/auth/methods'));
      expect(screen.queryByTestId('login-oidc')).toBeNull();
      cleanup();
    }
  });

  it('explains a failed provider sign-in in German and clears it from the address', async () => {
    history.replaceState(null, '', '/counter?signin_error=NO_ROLE');
    serve(true);
    render(gate('clerk'));
    const message = await screen.findByTestId('login-message');
    await waitFor(() => expect(message.textContent).toContain('nicht freigeschaltet'));
    expect(location.search).toBe('');
    expect(location.pathname).toBe('/counter');
  });
});
