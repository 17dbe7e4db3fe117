import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importActivityFile, sniffFormat } from '../src/index.js';
import { encodeActivity } from './helpers/fit-fixtures.js';
import { expectCode, fixture, utf8 } from './helpers/fixtures.js';

function bigGpx(points: number): Uint8Array {
  const parts = ['<?xml version="1.0"?><gpx version="1.1" creator="t"><trk><trkseg>'];
  for (let i = 0; i < points; i++) {
    parts.push(
      `<trkpt lat="${(45 + i * 1e-5).toFixed(6)}" lon="7"><time>${new Date(1.6e12 + i * 1000).toISOString()}</time></trkpt>\n`,
    );
  }
  parts.push('</trkseg></trk></gpx>');
  return utf8(parts.join(''));
}

describe('safety limits', () => {
  it('never reads a DTD: external entities (XXE) are refused', () => {
    const e = expectCode(() => importActivityFile(fixture('xxe.gpx')), 'XML_DTD_FORBIDDEN');
    expect(e.location?.line).toBe(2);
  });

  it('never expands entities: "billion laughs" is refused at its DTD', () => {
    const bytes = fixture('billion-laughs.gpx');
    const e = expectCode(() => importActivityFile(bytes), 'XML_DTD_FORBIDDEN');
    // Refused at the DTD, before the document's first element could use an entity.
    const root = new TextDecoder()
      .decode(bytes)
      .split('\n')
      .findIndex((l) => l.includes('<gpx'));
    expect(root).toBeGreaterThan(0);
    expect(e.location?.line).toBeLessThanOrEqual(root);
  });

  it('refuses a file over the upload size limit before reading it', () => {
    const e = expectCode(
      () => importActivityFile(fixture('run-tpx-v2-segments.gpx'), { maxFileBytes: 100 }),
      'LIMIT_FILE_TOO_LARGE',
    );
    expect(e.message).toMatch(/limit is 100 bytes/);
  });

  it('reads gzip-compressed files told by their bytes, not their name', () => {
    const r = importActivityFile(gzipSync(fixture('two-activities.tcx')));
    expect(r.format).toBe('tcx');
    expect(r.compressed).toBe(true);
    const fit = importActivityFile(gzipSync(encodeActivity()));
    expect(fit.format).toBe('fit');
  });

  it('stops a gzip bomb early by the compression-ratio guard', () => {
    const bomb = gzipSync(new Uint8Array(64 * 1024 * 1024), { level: 6 });
    expect(bomb.length).toBeLessThan(100_000);
    const e = expectCode(() => importActivityFile(bomb), 'LIMIT_COMPRESSION_RATIO');
    expect(e.message).toMatch(/zip bomb/);
  });

  it('stops decompression past the decompressed-size limit', () => {
    const big = gzipSync(bigGpx(20_000));
    expectCode(
      () => importActivityFile(big, { maxDecompressedBytes: 500_000, maxCompressionRatio: 1e9 }),
      'LIMIT_DECOMPRESSED_TOO_LARGE',
    );
  });

  it('refuses files with more points than allowed, in every format', () => {
    expectCode(() => importActivityFile(bigGpx(1000), { maxPoints: 999 }), 'LIMIT_TOO_MANY_POINTS');
    expectCode(
      () => importActivityFile(encodeActivity(), { maxPoints: 59 }),
      'LIMIT_TOO_MANY_POINTS',
    );
    expect(importActivityFile(bigGpx(1000), { maxPoints: 1000 }).activities[0]!.track.length).toBe(
      1000,
    );
  });

  it('refuses a file with more tracks than allowed (each costs memory even when tiny)', () => {
    const trk =
      '<trk><trkseg><trkpt lat="1" lon="1"><time>2020-01-01T00:00:00Z</time></trkpt></trkseg></trk>';
    const gpx = utf8(`<gpx version="1.1">${trk.repeat(11)}</gpx>`);
    expectCode(() => importActivityFile(gpx, { maxTracks: 10 }), 'LIMIT_TOO_MANY_TRACKS');
    expect(importActivityFile(gpx, { maxTracks: 11 }).activities).toHaveLength(11);
  });

  it('stops a parse that exceeds its time budget', () => {
    const e = expectCode(
      () => importActivityFile(bigGpx(200_000), { timeBudgetMs: 1 }),
      'LIMIT_TIME_BUDGET',
    );
    expect(e.message).toMatch(/1 ms/);
  });

  it('refuses empty, blank and unknown content with distinct codes', () => {
    expectCode(() => importActivityFile(new Uint8Array(0)), 'FORMAT_EMPTY');
    expectCode(() => importActivityFile(utf8('  \r\n ')), 'FORMAT_EMPTY');
    expectCode(() => importActivityFile(utf8('{"type":"FeatureCollection"}')), 'FORMAT_UNKNOWN');
    expectCode(() => importActivityFile(utf8('<kml><Document/></kml>')), 'FORMAT_UNKNOWN');
    expectCode(() => importActivityFile(gzipSync(new Uint8Array(0))), 'FORMAT_EMPTY');
    expectCode(
      () => importActivityFile(new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3])),
      'GZIP_INVALID',
    );
  });

  it('sniffs the format from content', () => {
    expect(sniffFormat(utf8('<?xml version="1.0"?>\n<!-- x --><gpx/>'))).toBe('gpx');
    expect(sniffFormat(utf8('\ufeff<TrainingCenterDatabase/>'))).toBe('tcx');
    expect(
      sniffFormat(
        new Uint8Array([
          0xff,
          0xfe,
          ...new Uint8Array(new Uint16Array([...'<gpx/>'].map((c) => c.charCodeAt(0))).buffer),
        ]),
      ),
    ).toBe('gpx');
    expect(sniffFormat(encodeActivity())).toBe('fit');
    expect(sniffFormat(utf8('hello'))).toBe('unknown');
  });

  it('reads UTF-16 GPX', () => {
    const text =
      '<?xml version="1.0" encoding="UTF-16"?><gpx version="1.1"><trk><trkseg><trkpt lat="1" lon="2"><time>2020-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>';
    const units = new Uint16Array([0xfeff, ...[...text].map((c) => c.charCodeAt(0))]);
    const r = importActivityFile(new Uint8Array(units.buffer));
    expect(r.activities[0]!.track.lon[0]).toBe(2);
  });
});
