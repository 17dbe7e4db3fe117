import type { TwoFactorSetup } from '@stride/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, errorMessage, unwrap } from '../../api/client.js';
import { Section } from '../../components/section.js';

const KEY = ['two-factor'];

const field = (event: FormEvent<HTMLFormElement>, name: string) =>
  String(new FormData(event.currentTarget).get(name) ?? '').trim();

/**
 * Two-factor login: set up with an authenticator app (its otpauth link, or the secret typed
 * in), confirmed by a first code; the recovery codes shown once; turned off with the password
 * and a code.
 */
export function TwoFactor() {
  const client = useQueryClient();
  const status = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/two-factor', { signal })),
  });
  const [setup, setSetup] = useState<TwoFactorSetup | null>(null);
  const [recovery, setRecovery] = useState<string[] | null>(null);
  const refresh = () => void client.invalidateQueries({ queryKey: KEY });

  const begin = useMutation({
    mutationFn: (password: string) =>
      unwrap(api.POST('/api/v1/me/two-factor', { body: { password } })),
    onSuccess: setSetup,
  });
  const confirm = useMutation({
    mutationFn: (code: string) =>
      unwrap(api.POST('/api/v1/me/two-factor/confirm', { body: { code } })),
    onSuccess: (answer) => {
      setSetup(null);
      setRecovery(answer.recovery_codes);
      refresh();
    },
  });
  const disable = useMutation({
    mutationFn: (body: { password: string; code: string }) =>
      unwrap(api.DELETE('/api/v1/me/two-factor', { body })),
    onSuccess: refresh,
  });

  return (
    <Section id="two-factor-title" title="Two-factor login" className="card section stack">
      {recovery ? (
        <RecoveryCodes codes={recovery} onDone={() => setRecovery(null)} />
      ) : setup ? (
        <>
          <p>
            Add Stride to your authenticator app: open the link on this phone, or type the secret
            into the app. Then enter the code it shows.
          </p>
          <p>
            <a href={setup.otpauth_uri}>Open in an authenticator app</a>
          </p>
          <p>
            Secret: <code className="secret">{setup.secret.match(/.{1,4}/g)?.join(' ')}</code>
          </p>
          <details>
            <summary>The full otpauth link</summary>
            <p className="secret">{setup.otpauth_uri}</p>
          </details>
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              confirm.mutate(field(e, 'code'));
            }}
          >
            <label>
              Code from the app
              <input
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9 ]{6,7}"
                required
              />
            </label>
            {confirm.isError && (
              <p role="alert" className="error">
                {errorMessage(confirm.error)}
              </p>
            )}
            <div className="row">
              <button type="submit" disabled={confirm.isPending}>
                Turn on
              </button>
              <button type="button" className="ghost" onClick={() => setSetup(null)}>
                Cancel
              </button>
            </div>
          </form>
        </>
      ) : status.data?.enabled ? (
        <>
          <p>
            On: logging in asks for a code from your authenticator app.{' '}
            {status.data.recovery_codes_left} of 10 recovery codes left.
          </p>
          <form
            className="stack"
            aria-label="Turn two-factor login off"
            onSubmit={(e) => {
              e.preventDefault();
              disable.mutate({ password: field(e, 'password'), code: field(e, 'code') });
            }}
          >
            <label>
              Password
              <input name="password" type="password" autoComplete="current-password" required />
            </label>
            <label>
              Code from the app, or a recovery code
              <input name="code" autoComplete="one-time-code" required minLength={6} />
            </label>
            {disable.isError && (
              <p role="alert" className="error">
                {errorMessage(disable.error)}
              </p>
            )}
            <button type="submit" className="danger" disabled={disable.isPending}>
              Turn off
            </button>
          </form>
        </>
      ) : status.data ? (
        <>
          <p className="muted">
            Off. With it on, logging in also asks for a code from an authenticator app on your
            phone, so a stolen password is not enough.
          </p>
          <form
            className="stack"
            aria-label="Set up two-factor login"
            onSubmit={(e) => {
              e.preventDefault();
              begin.mutate(field(e, 'password'));
            }}
          >
            <label>
              Password
              <input name="password" type="password" autoComplete="current-password" required />
            </label>
            {begin.isError && (
              <p role="alert" className="error">
                {errorMessage(begin.error)}
              </p>
            )}
            <button type="submit" disabled={begin.isPending}>
              Set up
            </button>
          </form>
        </>
      ) : (
        <p className="muted">{status.isError ? errorMessage(status.error) : 'Loading…'}</p>
      )}
    </Section>
  );
}

/** The recovery codes, shown this once. */
function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <>
      <p role="status">
        Two-factor login is on. Keep these recovery codes somewhere safe: each signs you in once if
        you lose your phone. They are not shown again.
      </p>
      <ul className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="ghost"
        onClick={() => void navigator.clipboard?.writeText(codes.join('\n')).catch(() => {})}
      >
        Copy the codes
      </button>
      <button type="button" onClick={onDone}>
        I have saved them
      </button>
    </>
  );
}
