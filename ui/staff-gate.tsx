/**
 * Sign-in for the staff apps. `StaffGate` checks the session (`GET /api/me`), shows the sign-in
 * form when there is none, and renders the app only for a signed-in user with the needed role.
 * Everything below the gate is unmounted on sign-out, so sockets made there close with it.
 * An account signed in with a generated password first chooses its own.
 */
import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Role, StaffUser } from '../core/types.ts';
import { PasswordChange } from './password-change.tsx';
import { fetchSignInMethods, serviceAccountHref, takeSignInError } from './sign-in-methods.ts';
import { errorText } from './staff-errors.ts';
import { StaffInput, SubmitButton } from './staff-form.tsx';
import { errorCodeOf, fetchMe, hasRole, signIn, signOut } from './staff-session.ts';
import { StaffCard } from './staff-shell.tsx';

export interface StaffSession {
  user: StaffUser;
  /** Ends the session on the server and returns to the sign-in form. */
  signOut: () => void;
  /** The server no longer knows the session (an `UNAUTHENTICATED` answer): sign in again. */
  expire: () => void;
}

export interface LoginFormProps {
  /** Heading, e.g. "Schalter – Anmeldung". */
  title: string;
  /** A message shown above the form (e.g. why the user was signed out). */
  message?: string;
  /** Resolves with an error text, or `null` when signed in. */
  onSubmit: (username: string, password: string) => Promise<string | null>;
  /** With OpenID Connect configured: where "Mit Dienstkonto anmelden" leads. */
  serviceAccountHref?: string | undefined;
}

export function LoginForm({ title, message, onSubmit, serviceAccountHref: oidcHref }: LoginFormProps) {
  const username = useSignal('');
  const password = useSignal('');
  const busy = useSignal(false);
  const error = useSignal<string | null>(null);
  const userRef = useRef<HTMLInputElement>(null);
  useEffect(() => userRef.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy.value) return;
    if (!username.value.trim() || !password.value) {
      error.value = 'Bitte geben Sie Benutzername und Passwort ein.';
      return;
    }
    busy.value = true;
    error.value = null;
    const failure = await onSubmit(username.value.trim(), password.value);
    busy.value = false;
    if (failure) {
      error.value = failure;
      password.value = '';
    }
  };

  return (
    <StaffCard title={title}>
      <form class="staff-form" onSubmit={submit} noValidate>
        {error.value ? (
          <p class="staff-form__error" role="alert" data-testid="login-error">
            {error.value}
          </p>
        ) : message ? (
          <p class="staff-form__info" role="status" data-testid="login-message">
            {message}
          </p>
        ) : null}
        <StaffInput
          label="Benutzername"
          testId="login-username"
          inputRef={userRef}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellcheck={false}
          value={username.value}
          onValue={(v) => {
            username.value = v;
          }}
        />
        <StaffInput
          label="Passwort"
          testId="login-password"
          type="password"
          name="password"
          autoComplete="current-password"
          value={password.value}
          onValue={(v) => {
            password.value = v;
          }}
        />
        <SubmitButton testId="login-submit" busy={busy.value} busyLabel="Anmeldung läuft …" variant="staff-btn--big">
          Anmelden
        </SubmitButton>
      </form>
      {oidcHref ? (
        <div class="staff-form staff-form--alternative">
          <p class="staff-muted">oder mit dem Konto der Stadtverwaltung:</p>
          <a class="staff-btn staff-btn--big" href={oidcHref} data-testid="login-oidc">
            Mit Dienstkonto anmelden
          </a>
        </div>
      ) : null}
    </StaffCard>
  );
}

export interface StaffGateProps {
  /** Name of the app in headings: "Schalter", "Verwaltung". */
  appName: string;
  /** Role the app needs; an admin may open every app. */
  requiredRole: Role;
  children: (session: StaffSession) => ComponentChildren;
}

type GatePhase = 'checking' | 'signed-out' | 'signed-in' | 'failed';

const ROLE_NAMES: Record<Role, string> = { admin: 'Verwaltung', clerk: 'Schalter' };

export function StaffGate({ appName, requiredRole, children }: StaffGateProps) {
  const phase = useSignal<GatePhase>('checking');
  const user = useSignal<StaffUser | null>(null);
  const message = useSignal<string | undefined>(undefined);
  const oidcHref = useSignal<string | undefined>(undefined);

  const check = async () => {
    phase.value = 'checking';
    try {
      const me = await fetchMe();
      if (me && hasRole(me.role, requiredRole)) {
        user.value = me;
        phase.value = 'signed-in';
      } else {
        if (me)
          message.value = `Dieses Konto darf die ${ROLE_NAMES[requiredRole]} nicht öffnen. Bitte melden Sie sich mit einem anderen Konto an.`;
        phase.value = 'signed-out';
      }
    } catch (error) {
      message.value = errorText(errorCodeOf(error));
      phase.value = 'failed';
    }
  };

  useEffect(() => {
    const failed = takeSignInError();
    void check().then(() => {
      if (failed && phase.value === 'signed-out') message.value = errorText(failed);
    });
    void fetchSignInMethods().then((methods) => {
      if (methods.oidc) oidcHref.value = serviceAccountHref(requiredRole === 'admin' ? 'admin' : 'counter');
    });
  }, []);

  const submit = async (username: string, password: string): Promise<string | null> => {
    try {
      const signed = await signIn(username, password);
      if (!hasRole(signed.role, requiredRole)) {
        await signOut();
        return `Dieses Konto darf die ${ROLE_NAMES[requiredRole]} nicht öffnen.`;
      }
      message.value = undefined;
      user.value = signed;
      phase.value = 'signed-in';
      return null;
    } catch (error) {
      return errorText(errorCodeOf(error));
    }
  };

  if (phase.value === 'checking') {
    return (
      <StaffCard title={appName}>
        <p class="staff-muted">Anmeldung wird geprüft …</p>
      </StaffCard>
    );
  }
  if (phase.value === 'failed') {
    return (
      <StaffCard title={appName}>
        <p class="staff-form__error" role="alert">
          {message.value}
        </p>
        <button type="button" class="staff-btn staff-btn--big staff-btn--primary" onClick={() => void check()}>
          Noch einmal versuchen
        </button>
      </StaffCard>
    );
  }
  const current = user.value;
  if (phase.value === 'signed-out' || !current) {
    return (
      <LoginForm
        title={`${appName} – Anmeldung`}
        message={message.value}
        onSubmit={submit}
        serviceAccountHref={oidcHref.value}
      />
    );
  }
  if (current.mustChangePassword) {
    return (
      <PasswordChange
        appName={appName}
        onChanged={(changed) => {
          user.value = changed;
        }}
      />
    );
  }
  const session: StaffSession = {
    user: current,
    signOut: () => {
      user.value = null;
      message.value = 'Sie sind abgemeldet.';
      phase.value = 'signed-out';
      void signOut();
    },
    expire: () => {
      user.value = null;
      message.value = 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich neu an.';
      phase.value = 'signed-out';
    },
  };
  return <>{children(session)}</>;
}
