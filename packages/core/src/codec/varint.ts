/**
 * Unsigned LEB128 varints and zig-zag mapping with plain arithmetic (not 32-bit bitwise ops), so
 * integers up to 2^53 — millisecond epoch timestamps — survive.
 */
export class ByteWriter {
  buf: Uint8Array;
  pos = 0;
  constructor(capacity = 1024) {
    this.buf = new Uint8Array(capacity);
  }

  private ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + extra));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  /** Non-negative integer up to 2^53. */
  uvarint(v: number): void {
    this.ensure(8);
    const buf = this.buf;
    let pos = this.pos;
    while (v >= 0x80) {
      buf[pos++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    buf[pos++] = v;
    this.pos = pos;
  }

  /** Signed integer, zig-zag mapped (0, -1, 1, -2, … → 0, 1, 2, 3, …). */
  svarint(v: number): void {
    this.uvarint(v >= 0 ? 2 * v : -2 * v - 1);
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }
}

export function uvarintLength(v: number): number {
  let len = 1;
  while (v >= 0x80) {
    v = Math.floor(v / 0x80);
    len++;
  }
  return len;
}

export function zigzag(v: number): number {
  return v >= 0 ? 2 * v : -2 * v - 1;
}

export class ByteReader {
  pos = 0;
  constructor(
    private readonly buf: Uint8Array,
    private readonly onTruncated: () => never,
  ) {}

  byte(): number {
    if (this.pos >= this.buf.length) this.onTruncated();
    return this.buf[this.pos++]!;
  }

  uvarint(): number {
    const buf = this.buf;
    let pos = this.pos;
    let result = 0;
    let mul = 1;
    for (;;) {
      if (pos >= buf.length || mul > 2 ** 56) this.onTruncated();
      const b = buf[pos++]!;
      result += (b & 0x7f) * mul;
      if (b < 0x80) break;
      mul *= 0x80;
    }
    this.pos = pos;
    return result;
  }

  svarint(): number {
    const z = this.uvarint();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }
}
