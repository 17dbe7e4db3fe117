import { type ReactNode, useRef } from 'react';

/**
 * Discard, asked twice: the button opens a native <dialog> whose first button, "Keep it", has
 * the focus (Escape keeps too); only "Discard" inside it deletes.
 */
export function DiscardButton({
  disabled,
  children,
  onDiscard,
}: {
  disabled: boolean;
  /** What is lost, said in the dialog. */
  children: ReactNode;
  onDiscard(): void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button
        type="button"
        className="ghost danger"
        disabled={disabled}
        onClick={() => dialog.current?.showModal()}
      >
        Discard
      </button>
      <dialog ref={dialog} className="rec-dialog" aria-label="Discard this activity?">
        <h2>Discard this activity?</h2>
        {children}
        <div className="rec-dialog-actions">
          <button type="button" className="ghost" onClick={() => dialog.current?.close()}>
            Keep it
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              dialog.current?.close();
              onDiscard();
            }}
          >
            Discard
          </button>
        </div>
      </dialog>
    </>
  );
}
