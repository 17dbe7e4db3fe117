import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type ZipEntry, zipStream } from './zip-stream.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

async function collect(stream: AsyncIterable<Uint8Array>) {
  const chunks: Uint8Array[] = [];
  for await (const c of stream) chunks.push(c);
  return { chunks, files: unzipSync(Buffer.concat(chunks)) };
}

describe('zipStream', () => {
  it('writes entries of many chunks, one chunk and none into a valid zip', async () => {
    async function* parts() {
      for (let i = 0; i < 50; i++) yield bytes(`line ${i}\n`);
    }
    const { files } = await collect(
      zipStream([
        { name: 'many.txt', chunks: parts() },
        { name: 'one.json', chunks: [bytes('{"a":1}')] },
        { name: 'empty.txt', chunks: [] },
      ]),
    );
    expect(Object.keys(files)).toEqual(['many.txt', 'one.json', 'empty.txt']);
    expect(text(files['many.txt'])).toBe(
      Array.from({ length: 50 }, (_, i) => `line ${i}\n`).join(''),
    );
    expect(text(files['one.json'])).toBe('{"a":1}');
    expect(files['empty.txt']).toHaveLength(0);
  });

  it('hands bytes on before it reads the next entry, so memory stays bounded', async () => {
    const big = new Uint8Array(1 << 20).map((_, i) => (i * 7919) % 251);
    let produced = 0;
    async function* entries(): AsyncGenerator<ZipEntry> {
      for (let i = 0; i < 4; i++) {
        produced++;
        yield { name: `f${i}.bin`, chunks: [big] };
      }
    }
    const stream = zipStream(entries());
    const first = await stream.next();
    expect(first.done).toBe(false);
    // One entry produced (and perhaps the next requested); never the whole archive up front.
    expect(produced).toBeLessThanOrEqual(2);
    const rest: Uint8Array[] = [first.value as Uint8Array];
    for await (const c of stream) rest.push(c);
    expect(produced).toBe(4);
    const files = unzipSync(Buffer.concat(rest));
    expect(files['f3.bin']).toEqual(big);
  });
});
