import { type ReactNode, useId, useRef } from 'react';

/**
 * A Delete button behind a confirmation dialog (focus moves to Cancel, the safe choice; Escape
 * cancels). `onConfirm` does the deleting; on success the caller leaves the page, which closes it.
 */
export function ConfirmDelete({
  title,
  label,
  children,
  busy,
  error,
  onConfirm,
}: {
  title: string;
  /** The Delete button's accessible name, where several are on one page. */
  label?: string;
  children: ReactNode;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  return (
    <>
      <button
        type="button"
        className="danger ghost"
        aria-label={label}
        onClick={() => {
          dialog.current?.showModal();
          cancel.current?.focus();
        }}
      >
        Delete
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} className="dialog">
        <h2 id={titleId}>{title}</h2>
        {children}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="row">
          <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
            Delete
          </button>
          <button
            type="button"
            ref={cancel}
            className="ghost"
            onClick={() => dialog.current?.close()}
          >
            Cancel
          </button>
        </div>
      </dialog>
    </>
  );
}
