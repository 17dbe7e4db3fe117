import { Zip, ZipDeflate } from 'fflate';

/** One file of a streamed zip: its name in the archive and its bytes, in as many chunks as come. */
export interface ZipEntry {
  name: string;
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

/**
 * A zip archive written as it is read: entries are deflated one after another and their bytes
 * handed on as soon as they are compressed, so an archive of any size holds only the current
 * chunk in memory (and a reader that stops reading stops the work, as the generator waits).
 */
export async function* zipStream(
  entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>,
  level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6,
): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else ready.push(data);
  });
  const take = () => {
    if (failure) throw failure;
    return ready.splice(0);
  };
  for await (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level });
    zip.add(file);
    // The last chunk must be pushed with `final`, so each is held until the next one arrives.
    let pending: Uint8Array | null = null;
    for await (const chunk of entry.chunks) {
      if (pending) file.push(pending);
      pending = chunk;
      yield* take();
    }
    file.push(pending ?? new Uint8Array(0), true);
    yield* take();
  }
  zip.end();
  yield* take();
}
