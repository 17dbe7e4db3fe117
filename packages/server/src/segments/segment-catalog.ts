import {
  decodePolyline,
  type MatchOptions,
  type PreparedSegment,
  prepareSegment,
  SegmentIndex,
  type SegmentMatch,
  type Track,
} from '@stride/core';
import type { SegmentSport } from '../platform/db/schema.js';
import type { IndexedSegment, SegmentRepository } from './segment.repository.js';

const LOAD_PAGE = 5_000;

/** Prepares a stored segment for core's matcher. */
export function prepareStored(s: Pick<IndexedSegment, 'id' | 'polyline'>): PreparedSegment {
  const { lat, lon } = decodePolyline(s.polyline);
  return prepareSegment({ id: s.id, lat, lon });
}

/**
 * This process's in-memory index of every segment, one per segment sport, so matching an
 * activity never asks the database for candidates. It is loaded on first use and kept current
 * from the `segment_changes` log: before each match, one query reads the latest version, and
 * when another process (or this one) added or removed segments since, only those are applied
 * (`SegmentIndex.add` / `remove`) — no full reload. The log keeps only its last changes: a
 * process so far behind that some of the changes it needs are gone reloads everything instead
 * (applying the rest would leave out what the missing ones added or removed). Syncs run one
 * after another, each reading the version after the previous finished, so a caller never gets
 * an index older than the segments committed before it asked.
 */
export class SegmentCatalog {
  private readonly indexes = new Map<SegmentSport, SegmentIndex>();
  private loadedVersion = -1;
  private loads = 0;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly segments: SegmentRepository) {}

  /** The change version the index reflects (-1 before the first load). */
  get version(): number {
    return this.loadedVersion;
  }

  /** Brings the index up to the latest committed change; returns that version. */
  sync(): Promise<number> {
    const next = this.tail.then(
      () => this.syncNow(),
      () => this.syncNow(),
    );
    this.tail = next;
    return next;
  }

  /**
   * Efforts of `track` on segments of `sport`, with the version the index had. Synchronous
   * after `sync()`, so the version and the matches agree.
   */
  match(
    track: Track,
    sport: SegmentSport,
    options?: MatchOptions,
  ): { version: number; matches: SegmentMatch[] } {
    const index = this.indexes.get(sport);
    return { version: this.loadedVersion, matches: index ? index.match(track, options) : [] };
  }

  /** Segments indexed, the index's own estimate of its memory, and full loads so far. */
  stats(): { segments: number; memoryBytes: number; loads: number } {
    let segments = 0;
    let memoryBytes = 0;
    for (const index of this.indexes.values()) {
      segments += index.size;
      memoryBytes += index.memoryBytes();
    }
    return { segments, memoryBytes, loads: this.loads };
  }

  private index(sport: SegmentSport): SegmentIndex {
    let index = this.indexes.get(sport);
    if (!index) {
      index = new SegmentIndex();
      this.indexes.set(sport, index);
    }
    return index;
  }

  private add(rows: readonly IndexedSegment[]): void {
    const bySport = new Map<SegmentSport, PreparedSegment[]>();
    for (const row of rows) {
      const list = bySport.get(row.sport_type) ?? [];
      list.push(prepareStored(row));
      bySport.set(row.sport_type, list);
    }
    for (const [sport, prepared] of bySport) this.index(sport).add(prepared);
  }

  /** Everything that existed at `latest`, in fresh indexes; later changes come with the next sync. */
  private async load(latest: number): Promise<number> {
    // Dropped first, so a load that fails half-way is retried from scratch by the next sync.
    this.indexes.clear();
    this.loadedVersion = -1;
    this.loads++;
    let after: string | null = null;
    for (;;) {
      const page = await this.segments.pageForIndex(latest, after, LOAD_PAGE);
      this.add(page);
      if (page.length < LOAD_PAGE) break;
      after = page.at(-1)!.id;
    }
    this.loadedVersion = latest;
    return latest;
  }

  private async syncNow(): Promise<number> {
    const latest = await this.segments.indexVersion();
    if (this.loadedVersion < 0) return this.load(latest);
    if (latest <= this.loadedVersion) return this.loadedVersion;
    const changes = await this.segments.changesBetween(this.loadedVersion, latest);
    // Versions are gapless and pruning drops the oldest first: fewer rows than versions means
    // the log no longer reaches back to ours (read in the same query, so a prune racing this
    // sync is caught too).
    if (changes.length < latest - this.loadedVersion) return this.load(latest);
    // The last change of each segment wins (one created and deleted in between is skipped).
    const last = new Map<string, 'add' | 'remove'>();
    for (const c of changes) last.set(c.segment_id, c.op);
    const added: string[] = [];
    for (const [id, op] of last) {
      if (op === 'add') added.push(id);
      else for (const index of this.indexes.values()) if (index.remove(id)) break;
    }
    // A segment added here and removed after `latest` is already gone: its removal comes next.
    this.add(await this.segments.forIndex(added));
    this.loadedVersion = latest;
    return latest;
  }
}
