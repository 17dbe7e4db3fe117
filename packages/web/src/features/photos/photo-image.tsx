import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';

/** The parts of a photo's path as the API writes it: `/api/v1/activities/…/photos/…/size`. */
const PHOTO_PATH = /^\/api\/v1\/activities\/([^/]+)\/photos\/([^/]+)\/(large|thumb)$/;

/**
 * A photo's bytes. An <img> cannot send the bearer token, so the bytes are fetched with it and
 * shown from a blob: URL; the browser keeps them (the server marks them immutable), and so does
 * the query cache while the page shows them.
 */
function usePhotoBlob(url: string) {
  return useQuery({
    queryKey: ['photo', url],
    queryFn: async ({ signal }) => {
      const parts = PHOTO_PATH.exec(url);
      if (!parts) throw new Error(`not a photo path: ${url}`);
      const { data, response } = await api.GET('/api/v1/activities/{id}/photos/{photoId}/{size}', {
        params: {
          path: { id: parts[1]!, photoId: parts[2]!, size: parts[3] as 'large' | 'thumb' },
        },
        parseAs: 'blob',
        signal,
      });
      if (!response.ok || !data) throw new Error(`photo not available (${response.status})`);
      return data as Blob;
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}

/** A blob: URL for `blob` while the component shows it, revoked after. */
function useObjectUrl(blob: Blob | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) return;
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => {
      URL.revokeObjectURL(made);
      setUrl(undefined);
    };
  }, [blob]);
  return url;
}

/** One size of a photo, by the path the API gives it; a grey box until its bytes arrive. */
export function PhotoImage({
  url,
  alt,
  className,
  width,
  height,
}: {
  url: string;
  alt: string;
  className?: string;
  width?: number;
  height?: number;
}) {
  const blob = usePhotoBlob(url);
  const src = useObjectUrl(blob.data);
  if (!src)
    return (
      <span
        className={`${className ?? ''} photo-placeholder`}
        role="img"
        aria-label={blob.isError ? `${alt} (could not be loaded)` : alt}
        data-state={blob.isError ? 'error' : 'loading'}
      />
    );
  return (
    <img
      src={src}
      alt={alt}
      className={className}
      data-photo={url}
      {...(width ? { width } : {})}
      {...(height ? { height } : {})}
    />
  );
}
