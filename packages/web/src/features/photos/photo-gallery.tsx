import { useState } from 'react';
import { AddPhotos } from './add-photos.js';
import { PhotoImage } from './photo-image.js';
import { PhotoViewer } from './photo-viewer.js';
import { usePhotos } from './use-photos.js';

/**
 * The activity's photos: a grid of thumbs, each opening the viewer; the owner adds photos here.
 * Shown to others only when there are photos.
 */
export function PhotoGallery({ activityId, owner }: { activityId: string; owner: boolean }) {
  const photos = usePhotos(activityId);
  const [open, setOpen] = useState<number | null>(null);
  const items = photos.data ?? [];
  if (!owner && items.length === 0) return null;
  return (
    <section className="card section photos" aria-labelledby="photos-title">
      <div className="section-head">
        <h2 id="photos-title">Photos</h2>
        {owner && <AddPhotos activityId={activityId} count={items.length} />}
      </div>
      {photos.isError && (
        <p role="alert" className="error">
          The photos could not be loaded.
        </p>
      )}
      {items.length > 0 ? (
        <ul className="photo-grid" aria-label="Photos of this activity">
          {items.map((p, i) => (
            <li key={p.id}>
              <button
                type="button"
                className="photo-thumb"
                onClick={() => setOpen(i)}
                aria-label={`Open photo ${i + 1} of ${items.length}${p.caption ? `: ${p.caption}` : ''}`}
              >
                <PhotoImage url={p.urls.thumb} alt="" className="photo-thumb-image" />
              </button>
            </li>
          ))}
        </ul>
      ) : (
        photos.isSuccess && <p className="muted">Add photos from your run or ride: up to 20.</p>
      )}
      {open !== null && items.length > 0 && (
        <PhotoViewer
          activityId={activityId}
          photos={items}
          index={Math.min(open, items.length - 1)}
          owner={owner}
          onIndex={setOpen}
          onClose={() => setOpen(null)}
        />
      )}
    </section>
  );
}
