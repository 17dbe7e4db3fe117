import type { Photo } from '@stride/client';
import { useMutation } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useRef } from 'react';
import { api, errorMessage, unwrap } from '../../api/client.js';
import { ConfirmDelete } from '../../components/confirm-delete.js';
import { PhotoImage } from './photo-image.js';
import { useRefreshPhotos } from './use-photos.js';

/**
 * One photo at a time, large, over the page: previous and next (buttons or the arrow keys),
 * closed with its button or Escape (the modal dialog's own cancel). The owner deletes from here.
 */
export function PhotoViewer({
  activityId,
  photos,
  index,
  owner,
  onIndex,
  onClose,
}: {
  activityId: string;
  photos: Photo[];
  index: number;
  owner: boolean;
  onIndex: (index: number) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const refresh = useRefreshPhotos(activityId);
  const photo = photos[index];
  const count = photos.length;

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const remove = useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.DELETE('/api/v1/activities/{id}/photos/{photoId}', {
          params: { path: { id: activityId, photoId: id } },
        }),
      ),
    // The gallery is read again before the viewer moves on, so it never shows the photo gone.
    onSuccess: async () => {
      await refresh();
      if (count <= 1) onClose();
      else onIndex(Math.min(index, count - 2));
    },
  });

  if (!photo) return null;
  const go = (step: number) => onIndex((index + step + count) % count);
  const onKeyDown = (e: KeyboardEvent) => {
    // Keys pressed in the delete confirmation (a dialog inside this one) are its own.
    if (count < 2 || (e.target as Element).closest('dialog') !== dialog.current) return;
    if (e.key === 'ArrowRight') go(1);
    else if (e.key === 'ArrowLeft') go(-1);
  };

  return (
    <dialog
      ref={dialog}
      className="photo-viewer"
      aria-labelledby={titleId}
      // The confirmation's close reaches here too (React passes it up its tree): not this one's.
      onClose={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
      onKeyDown={onKeyDown}
    >
      <header className="photo-viewer-bar">
        <h2 id={titleId} className="photo-viewer-title">
          Photo {index + 1} of {count}
        </h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </header>
      <figure className="photo-viewer-figure">
        <PhotoImage
          key={photo.id}
          url={photo.urls.large}
          alt={photo.caption ?? `Photo ${index + 1} of ${count}`}
          className="photo-large"
          width={photo.width}
          height={photo.height}
        />
        {photo.caption && <figcaption>{photo.caption}</figcaption>}
      </figure>
      <footer className="photo-viewer-bar">
        <button
          type="button"
          className="ghost"
          disabled={count < 2}
          onClick={() => go(-1)}
          aria-label="Previous photo"
        >
          ‹ Previous
        </button>
        {owner && (
          <ConfirmDelete
            key={photo.id}
            title="Delete this photo?"
            busy={remove.isPending}
            error={remove.isError ? errorMessage(remove.error) : null}
            onConfirm={() => remove.mutate(photo.id)}
          >
            <p>It is removed for good, for you and everyone who sees this activity.</p>
          </ConfirmDelete>
        )}
        <button
          type="button"
          className="ghost"
          disabled={count < 2}
          onClick={() => go(1)}
          aria-label="Next photo"
        >
          Next ›
        </button>
      </footer>
    </dialog>
  );
}
