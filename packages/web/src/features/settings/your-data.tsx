import type { Me } from '@stride/client';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { api, errorMessage, saveDownload, unwrap } from '../../api/client.js';
import { Section } from '../../components/section.js';
import { useSignOut } from '../auth/use-sign-out.js';

/**
 * Download my data (one zip) and delete my account. Deleting asks for the handle typed out, so
 * it cannot happen by a slip, and the password, which the server checks.
 */
export function YourData({ me }: { me: Me }) {
  const signOut = useSignOut();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [typed, setTyped] = useState('');
  const download = useMutation({
    mutationFn: () =>
      saveDownload(api.GET('/api/v1/me/export', { parseAs: 'blob' }), 'stride-export.zip'),
  });
  const remove = useMutation({
    mutationFn: (password: string) => unwrap(api.DELETE('/api/v1/me', { body: { password } })),
    onSuccess: signOut,
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    remove.mutate(String(new FormData(event.currentTarget).get('password') ?? ''));
  }

  return (
    <Section id="your-data-title" title="Your data" className="card section stack">
      <p>Everything Stride holds about you: profile, activities, GPX tracks, original files.</p>
      <div className="row">
        <button type="button" disabled={download.isPending} onClick={() => download.mutate()}>
          {download.isPending ? 'Preparing…' : 'Download my data'}
        </button>
        <button type="button" className="danger ghost" onClick={() => dialog.current?.showModal()}>
          Delete my account
        </button>
      </div>
      {download.isError && (
        <p role="alert" className="error">
          {errorMessage(download.error)}
        </p>
      )}
      <dialog ref={dialog} aria-labelledby={titleId} className="dialog">
        <form onSubmit={submit} className="stack">
          <h2 id={titleId}>Delete your account?</h2>
          <p>
            Every activity, file, follow and setting is deleted for good. Download your data first
            if you want to keep it.
          </p>
          <label>
            <span>
              Type your handle, <strong>{me.handle}</strong>, to confirm
            </span>
            <input
              name="handle"
              autoComplete="off"
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
            />
          </label>
          <label>
            Password
            <input name="password" type="password" required autoComplete="current-password" />
          </label>
          {remove.isError && (
            <p role="alert" className="error">
              {errorMessage(remove.error)}
            </p>
          )}
          <div className="row">
            <button
              type="submit"
              className="danger"
              disabled={remove.isPending || typed.trim().toLowerCase() !== me.handle.toLowerCase()}
            >
              Delete my account
            </button>
            <button type="button" className="ghost" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </Section>
  );
}
