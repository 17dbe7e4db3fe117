import { fitCrc } from './crc.js';

/** Where the framer writes: a growable buffer, or nowhere during the checking pass. */
export interface Sink {
  length: number;
  byte(v: number): void;
  write(src: Uint8Array, from: number, to: number): void;
  setU32(at: number, v: number, little: boolean): void;
  reserveHeader(src: Uint8Array, at: number): void;
  finishFile(fileStart: number): void;
}

/** The checking pass writes nowhere. */
export const NULL_WRITER: Sink = {
  length: 0,
  byte() {},
  write() {},
  setU32() {},
  reserveHeader() {},
  finishFile() {},
};

export class ByteWriter implements Sink {
  private buf: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.buf = new Uint8Array(capacity);
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + extra));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  byte(v: number): void {
    this.ensure(1);
    this.buf[this.length++] = v;
  }

  write(src: Uint8Array, from: number, to: number): void {
    this.ensure(to - from);
    this.buf.set(src.subarray(from, to), this.length);
    this.length += to - from;
  }

  setU32(at: number, v: number, little: boolean): void {
    const b = this.buf;
    if (little) {
      b[at] = v & 0xff;
      b[at + 1] = (v >>> 8) & 0xff;
      b[at + 2] = (v >>> 16) & 0xff;
      b[at + 3] = (v >>> 24) & 0xff;
    } else {
      b[at] = (v >>> 24) & 0xff;
      b[at + 1] = (v >>> 16) & 0xff;
      b[at + 2] = (v >>> 8) & 0xff;
      b[at + 3] = v & 0xff;
    }
  }

  /** A 14-byte header copied from the source's protocol/profile; size and CRC set later. */
  reserveHeader(src: Uint8Array, at: number): void {
    this.ensure(14);
    const b = this.buf;
    const h = this.length;
    b[h] = 14;
    b[h + 1] = src[at + 1]!;
    b[h + 2] = src[at + 2]!;
    b[h + 3] = src[at + 3]!;
    b[h + 8] = 0x2e;
    b[h + 9] = 0x46;
    b[h + 10] = 0x49;
    b[h + 11] = 0x54;
    this.length += 14;
  }

  finishFile(fileStart: number): void {
    const dataSize = this.length - fileStart - 14;
    this.setU32(fileStart + 4, dataSize, true);
    const headerCrc = fitCrc(this.buf, fileStart, fileStart + 12);
    this.buf[fileStart + 12] = headerCrc & 0xff;
    this.buf[fileStart + 13] = headerCrc >> 8;
    const crc = fitCrc(this.buf, fileStart, this.length);
    this.byte(crc & 0xff);
    this.byte(crc >> 8);
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}
