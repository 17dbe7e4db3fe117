import { type Session, totpChallenge } from '@stride/client';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ApiError, api, setTokens, unwrap } from '../../api/client.js';

/** Sign in or sign up: one form, two modes; a second step asks for the code when the account has one. */
export function AuthPage({ mode }: { mode: 'login' | 'signup' }) {
  const [, navigate] = useLocation();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [challenge, setChallenge] = useState<string | null>(null);

  function signedIn(session: Session) {
    setTokens(session);
    client.setQueryData(['me'], session.athlete);
    navigate('/');
  }

  if (challenge)
    return (
      <CodeStep
        challenge={challenge}
        onSession={signedIn}
        onRestart={(message) => {
          setChallenge(null);
          setError(message);
        }}
      />
    );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? '');
    setBusy(true);
    setError(null);
    try {
      const session: Session =
        mode === 'login'
          ? await unwrap(
              api.POST('/api/v1/auth/login', {
                body: { login: field('login'), password: field('password') },
              }),
            )
          : await unwrap(
              api.POST('/api/v1/auth/signup', {
                body: {
                  handle: field('handle'),
                  email: field('email'),
                  password: field('password'),
                  display_name: field('display_name') || undefined,
                },
              }),
            );
      signedIn(session);
    } catch (e) {
      const asked = totpChallenge(e);
      if (asked) {
        setChallenge(asked);
        return;
      }
      setError(
        e instanceof ApiError ? e.message : 'Could not reach the server. Check your connection.',
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="narrow auth">
      <h1>{mode === 'login' ? 'Log in' : 'Create your account'}</h1>
      {mode === 'signup' && (
        <p className="muted">Record and upload runs and rides, and follow your friends.</p>
      )}
      <form onSubmit={submit} className="card section stack">
        {mode === 'login' ? (
          <label>
            Email or handle
            <input name="login" autoComplete="username" required />
          </label>
        ) : (
          <>
            <label>
              Handle
              <input
                name="handle"
                autoComplete="username"
                required
                minLength={3}
                maxLength={30}
                pattern="[A-Za-z0-9_.\-]+"
                aria-describedby="handle-hint"
              />
              <span id="handle-hint" className="hint">
                3–30 letters, digits, dots, dashes or underscores: your profile address
              </span>
            </label>
            <label>
              Display name
              <input name="display_name" autoComplete="name" maxLength={80} />
            </label>
            <label>
              Email
              <input name="email" type="email" autoComplete="email" required />
            </label>
          </>
        )}
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete={mode === 'login' ? 'current-password' : 'new-password'}
            required
            minLength={mode === 'signup' ? 8 : 1}
          />
          {mode === 'signup' && <span className="hint">At least 8 characters</span>}
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {mode === 'login' ? 'Log in' : 'Sign up'}
        </button>
      </form>
      <p className="center">
        {mode === 'login' ? (
          <>
            New here? <Link href="/signup">Create an account</Link>
          </>
        ) : (
          <>
            Already have an account? <Link href="/login">Log in</Link>
          </>
        )}
      </p>
    </main>
  );
}

/** The second step of a login: a code from the authenticator app, or a recovery code. */
function CodeStep({
  challenge,
  onSession,
  onRestart,
}: {
  challenge: string;
  onSession: (session: Session) => void;
  onRestart: (message: string | null) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '').trim();
    setBusy(true);
    setError(null);
    try {
      onSession(await unwrap(api.POST('/api/v1/auth/login/totp', { body: { challenge, code } })));
    } catch (e) {
      // The challenge lasts five minutes: past that, the password is asked again.
      if (e instanceof ApiError && e.code === 'INVALID_TOKEN') onRestart(e.message);
      else
        setError(
          e instanceof ApiError ? e.message : 'Could not reach the server. Check your connection.',
        );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="narrow auth">
      <h1>Two-factor login</h1>
      <form onSubmit={submit} className="card section stack">
        <label>
          Code
          <input
            name="code"
            autoComplete="one-time-code"
            autoCapitalize="off"
            spellCheck={false}
            required
            minLength={6}
            maxLength={40}
            aria-describedby="code-hint"
            // biome-ignore lint/a11y/noAutofocus: the only field of this step, reached by submitting the last one
            autoFocus
          />
          <span id="code-hint" className="hint">
            The 6 digits your authenticator app shows for Stride, or one of your recovery codes
          </span>
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          Log in
        </button>
        <button type="button" className="ghost" onClick={() => onRestart(null)}>
          Back
        </button>
      </form>
    </main>
  );
}
