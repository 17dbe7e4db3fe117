import Flatbush from 'flatbush';
import type { Track } from '../track.js';
import { TrackChunks } from './chunks.js';
import { Crossings, findStartCrossings } from './crossings.js';
import { effortsFrom, type SegmentMatch } from './match.js';
import { type MatchOptions, measuring, tolerances } from './options.js';
import type { PreparedSegment } from './prepare.js';

export interface SegmentIndexOptions {
  /** Recent adds stay in a linear list until it holds more than this many … (default 1024) */
  minDelta?: number;
  /** … and more than this share of the indexed segments (default 1/32); then all is rebuilt. */
  deltaShare?: number;
}

/** Bytes of one segment's object and typed-array header (measured on Node 20, with the bench). */
const SEGMENT_OVERHEAD_BYTES = 240;
/** Bytes of one entry of the id map and of the slot array (measured likewise). */
const SLOT_BYTES = 40;
/** Degrees of margin on float32 bounding boxes (float32 spacing is 1.5e-5° at 180°). */
const BBOX_PAD_DEG = 3e-5;

/**
 * All segments of an area, for matching one activity against every one of them.
 *
 * Candidates come from a static flatbush tree over the segments' start points (float32, ~21
 * bytes a segment): a step can cross a start gate only if the gate's start point lies within
 * the gate half-width of the step, so one query per short track chunk (grown by that
 * half-width) finds them. Start points filter far better than bounding boxes where segments
 * are dense: a long segment's box covers a whole district and would make it a candidate for
 * every activity there. Each candidate is then checked only on the chunks that hit it.
 *
 * Flatbush trees are static, so a segment added later goes to the end of the slot list, past
 * the tree, where queries scan it linearly; when that tail holds more than
 * max(minDelta, deltaShare × tree size) segments the tree is rebuilt over every slot. Amortised,
 * an add costs 1/deltaShare (32) times one segment's share of a rebuild, and a match scans at
 * most that share of the segments linearly. A removed segment leaves a hole that queries
 * skip; when holes pass a quarter of the slots, the rebuild also compacts. Adding a segment
 * whose id is present replaces it.
 */
export class SegmentIndex {
  /** Slots: [0, treeCount) are in the tree, the rest is the linear tail; null = removed. */
  private items: (PreparedSegment | null)[] = [];
  /** Start point of every slot (lat, lon), removed ones included: the tree is built from it. */
  private starts = new Float64Array(2048);
  private tree: Flatbush | null = null;
  private treeCount = 0;
  private holes = 0;
  private readonly ids = new Map<string, number>();
  private boxTree: Flatbush | null = null;
  private boxCount = 0;
  private segmentBytes = 0;
  private readonly minDelta: number;
  private readonly deltaShare: number;
  // Scratch reused across matches (matching allocates little beyond its results).
  private readonly chunks = new TrackChunks();
  private readonly crossings = new Crossings();
  private hits = new Float64Array(1024);
  private nHits = 0;
  private chunk = 0;
  private readonly collect = (slot: number): boolean => {
    if (this.items[slot]) this.hit(slot * this.chunks.n + this.chunk);
    return false;
  };

  constructor(segments: readonly PreparedSegment[] = [], options: SegmentIndexOptions = {}) {
    this.minDelta = options.minDelta ?? 1024;
    this.deltaShare = options.deltaShare ?? 1 / 32;
    if (segments.length > 1024) this.starts = new Float64Array(2 * segments.length);
    for (const s of segments) this.put(s);
    if (this.items.length) this.rebuild();
  }

  get size(): number {
    return this.ids.size;
  }

  add(segment: PreparedSegment | readonly PreparedSegment[]): void {
    if (Array.isArray(segment)) for (const s of segment as readonly PreparedSegment[]) this.put(s);
    else this.put(segment as PreparedSegment);
    const tail = this.items.length - this.treeCount;
    if (tail > Math.max(this.minDelta, this.deltaShare * this.treeCount)) this.rebuild();
  }

  remove(id: string): boolean {
    const slot = this.ids.get(id);
    if (slot === undefined) return false;
    this.ids.delete(id);
    this.segmentBytes -= bytesOf(this.items[slot]!);
    this.items[slot] = null;
    this.holes++;
    if (this.holes > this.items.length / 4) this.rebuild();
    return true;
  }

  /** Candidate segments whose geometry can intersect this lat/lon box (bounding boxes meet). */
  search(minLat: number, minLon: number, maxLat: number, maxLon: number): PreparedSegment[] {
    const out: PreparedSegment[] = [];
    const meets = (s: PreparedSegment | null): s is PreparedSegment =>
      !!s && s.minLat <= maxLat && s.maxLat >= minLat && s.minLon <= maxLon && s.maxLon >= minLon;
    const tree = this.boxes();
    if (tree) {
      for (const slot of tree.search(minLon, minLat, maxLon, maxLat)) {
        const s = this.items[slot]!;
        if (meets(s)) out.push(s);
      }
    }
    for (let slot = this.boxCount; slot < this.items.length; slot++) {
      const s = this.items[slot]!;
      if (meets(s)) out.push(s);
    }
    return out;
  }

  /** Every effort of the track on any indexed segment, by start time. */
  match(track: Track, options: MatchOptions = {}): SegmentMatch[] {
    const out: SegmentMatch[] = [];
    if (this.ids.size === 0) return out;
    const tol = tolerances(options);
    const chunks = this.chunks;
    chunks.build(track, tol.gateHalfWidthM);
    const nc = chunks.n;
    if (nc === 0) return out;
    const box = chunks.box;
    this.nHits = 0;
    if (this.tree) {
      for (let c = 0; c < nc; c++) {
        this.chunk = c;
        const b = 4 * c;
        this.tree.search(box[b + 1]!, box[b]!, box[b + 3]!, box[b + 2]!, this.collect);
      }
    }
    const [a0, o0, a1, o1] = chunks.all;
    const starts = this.starts;
    for (let slot = this.treeCount; slot < this.items.length; slot++) {
      const la = starts[2 * slot]!;
      const lo = starts[2 * slot + 1]!;
      if (la < a0! || la > a1! || lo < o0! || lo > o1! || !this.items[slot]) continue;
      for (let c = 0; c < nc; c++) {
        const b = 4 * c;
        if (la >= box[b]! && la <= box[b + 2]! && lo >= box[b + 1]! && lo <= box[b + 3]!)
          this.hit(slot * nc + c);
      }
    }
    // Hits sorted by (slot, chunk): each candidate's chunks in track order.
    const hits = this.hits.subarray(0, this.nHits).sort();
    const cr = this.crossings;
    const measure = measuring(options);
    let h = 0;
    while (h < hits.length) {
      const slot = Math.floor(hits[h]! / nc);
      const segment = this.items[slot]!;
      cr.clear();
      for (; h < hits.length && Math.floor(hits[h]! / nc) === slot; h++) {
        const c = hits[h]! - slot * nc;
        findStartCrossings(
          track,
          segment.geometry,
          chunks.from[c]!,
          chunks.to[c]!,
          c === 0,
          tol.gateHalfWidthM,
          cr,
        );
      }
      if (cr.n > 0) effortsFrom(track, segment, cr, tol, measure, out);
    }
    return out.sort((p, q) => p.startTime - q.startTime || (p.segmentId < q.segmentId ? -1 : 1));
  }

  /** Approximate bytes the index holds: trees, slots, id map, scratch and the segments. */
  memoryBytes(): number {
    const trees = (this.tree?.data.byteLength ?? 0) + (this.boxTree?.data.byteLength ?? 0);
    const slots = SLOT_BYTES * this.items.length + this.starts.byteLength;
    return trees + slots + this.hits.byteLength + this.segmentBytes;
  }

  private put(s: PreparedSegment): void {
    const slot = this.items.length;
    const known = this.ids.size;
    this.ids.set(s.id, slot); // one map operation in the common case: a new id
    if (this.ids.size === known) this.replace(s.id, slot);
    if (2 * slot + 2 > this.starts.length) {
      const next = new Float64Array(Math.max(2 * this.starts.length, 2 * slot + 2));
      next.set(this.starts);
      this.starts = next;
    }
    this.items.push(s);
    this.starts[2 * slot] = s.startLat;
    this.starts[2 * slot + 1] = s.startLon;
    this.segmentBytes += bytesOf(s);
  }

  /** The id was present: its old slot (found by a scan, as replacing is rare) becomes a hole. */
  private replace(id: string, slot: number): void {
    for (let k = slot - 1; k >= 0; k--) {
      const old = this.items[k];
      if (old?.id === id) {
        this.segmentBytes -= bytesOf(old);
        this.items[k] = null;
        this.holes++;
        return;
      }
    }
  }

  private hit(key: number): void {
    if (this.nHits === this.hits.length) {
      const next = new Float64Array(this.hits.length * 2);
      next.set(this.hits);
      this.hits = next;
    }
    this.hits[this.nHits++] = key;
  }

  /** One static tree over every slot again; compacts first when holes are a quarter. */
  private rebuild(): void {
    if (this.holes > this.items.length / 4) this.compact();
    const n = this.items.length;
    this.treeCount = n;
    this.boxTree = null;
    this.boxCount = 0;
    if (n === 0) {
      this.tree = null;
      return;
    }
    const starts = this.starts;
    const tree = new Flatbush(n, 16, Float32Array);
    for (let slot = 0; slot < n; slot++) {
      const la = starts[2 * slot]!;
      const lo = starts[2 * slot + 1]!;
      tree.add(lo, la, lo, la);
    }
    tree.finish();
    this.tree = tree;
  }

  private compact(): void {
    const live: PreparedSegment[] = [];
    for (const s of this.items) if (s) live.push(s);
    this.items = live;
    this.holes = 0;
    for (let slot = 0; slot < live.length; slot++) {
      const s = live[slot]!;
      this.ids.set(s.id, slot);
      this.starts[2 * slot] = s.startLat;
      this.starts[2 * slot + 1] = s.startLon;
    }
  }

  /** The bounding-box tree for `search`, built on first use (matching never needs it). */
  private boxes(): Flatbush | null {
    const n = this.treeCount;
    if (this.boxCount === n) return this.boxTree;
    const tree = new Flatbush(n, 16, Float32Array);
    for (let slot = 0; slot < n; slot++) {
      const s = this.items[slot];
      if (!s) {
        const la = this.starts[2 * slot]!; // a hole keeps a point box; queries skip it
        const lo = this.starts[2 * slot + 1]!;
        tree.add(lo, la, lo, la);
      } else {
        tree.add(
          s.minLon - BBOX_PAD_DEG,
          s.minLat - BBOX_PAD_DEG,
          s.maxLon + BBOX_PAD_DEG,
          s.maxLat + BBOX_PAD_DEG,
        );
      }
    }
    tree.finish();
    this.boxTree = tree;
    this.boxCount = n;
    return tree;
  }
}

function bytesOf(s: PreparedSegment): number {
  return s.geometry.byteLength + 2 * s.id.length + SEGMENT_OVERHEAD_BYTES;
}
