/**
 * Photos for tests, made here rather than stored: a phone's JPEG with its camera's GPS position
 * and orientation in EXIF, plain PNG, WebP and AVIF, and a HEIC coded in HEVC as iPhones write
 * it (a valid container whose image this server's libvips has no decoder for).
 */
import sharp from 'sharp';

/** Where the test camera says it was: 45°45'36" N, 4°50'0" E. */
const GPS = {
  GPSLatitudeRef: 'N',
  GPSLatitude: '45/1 45/1 3600/100',
  GPSLongitudeRef: 'E',
  GPSLongitude: '4/1 50/1 0/1',
};
export const CAMERA = 'StrideTestCam';

/**
 * A JPEG `width` × `height` as stored, to be shown turned a quarter clockwise (EXIF orientation
 * 6, as a phone held upright writes it), with make, model and GPS position in its EXIF.
 */
export function jpegWithGps(width: number, height: number): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 3, background: { r: 200, g: 60, b: 40 } },
  })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: CAMERA, Model: 'One' }, IFD3: GPS })
    .toBuffer();
}

/**
 * Whether the bytes hold an EXIF GPS IFD pointer: tag 0x8825, type LONG, count 1, in either
 * byte order. Eight bytes, so compressed image data does not match by chance.
 */
export function hasGpsPointer(bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return (
    b.includes(Buffer.from([0x25, 0x88, 0x04, 0x00, 0x01, 0x00, 0x00, 0x00])) ||
    b.includes(Buffer.from([0x88, 0x25, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01]))
  );
}

/** A small image in one of sharp's output formats. */
export function image(
  format: 'jpeg' | 'png' | 'webp' | 'avif',
  width = 120,
  height = 80,
): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 4, background: { r: 30, g: 90, b: 200, alpha: 0.6 } },
  })
    .toFormat(format)
    .toBuffer();
}

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
};
/** An ISO BMFF box: size, type, body. */
const box = (type: string, ...body: Buffer[]) => {
  const content = Buffer.concat(body);
  return Buffer.concat([u32(8 + content.length), Buffer.from(type, 'latin1'), content]);
};
/** A full box: version and flags (zero) first. */
const fullBox = (type: string, version: number, ...body: Buffer[]) =>
  box(type, Buffer.from([version, 0, 0, 0]), ...body);

/**
 * A HEIC of one HEVC-coded image (ISO/IEC 23008-12): `ftyp` heic, a `meta` box naming item 1
 * as `hvc1` with its decoder configuration (`hvcC`, Main profile) and size (`ispe`), and the
 * coded bytes in `mdat`. Readers see a HEIC photo; decoding it needs an HEVC decoder.
 */
export function heicCodedInHevc(width = 640, height = 480): Buffer {
  const coded = Buffer.concat([u32(8), Buffer.from([0x26, 0x01, 0xaf, 0, 0x11, 0x22, 0x33, 0x44])]);
  const hvcC = box(
    'hvcC',
    Buffer.from([1, 0x01, 0x60, 0, 0, 0, 0x90, 0, 0, 0, 0, 0, 0x5a, 0xf0, 0, 0xfc, 0xfd, 0xf8]),
    Buffer.from([0xf8, 0, 0, 0x0f, 0]),
  );
  const meta = (dataOffset: number) =>
    fullBox(
      'meta',
      0,
      fullBox('hdlr', 0, u32(0), Buffer.from('pict'), Buffer.alloc(12), Buffer.from([0])),
      fullBox('pitm', 0, u16(1)),
      fullBox('iinf', 0, u16(1), fullBox('infe', 2, u16(1), u16(0), Buffer.from('hvc1\0'))),
      // 4-byte offsets and lengths, no base offset: item 1 is one extent, the coded bytes.
      fullBox(
        'iloc',
        0,
        Buffer.from([0x44, 0]),
        u16(1),
        u16(1),
        u16(0),
        u16(1),
        u32(dataOffset),
        u32(coded.length),
      ),
      box(
        'iprp',
        box('ipco', hvcC, fullBox('ispe', 0, u32(width), u32(height))),
        // Item 1 has property 1 (hvcC, essential) and property 2 (ispe).
        fullBox('ipma', 0, u32(1), u16(1), Buffer.from([2, 0x81, 0x02])),
      ),
    );
  const ftyp = box('ftyp', Buffer.from('heic'), u32(0), Buffer.from('mif1heic'));
  // The extent's offset is where mdat's content starts, after ftyp, meta and mdat's header.
  const dataOffset = ftyp.length + meta(0).length + 8;
  return Buffer.concat([ftyp, meta(dataOffset), box('mdat', coded)]);
}
