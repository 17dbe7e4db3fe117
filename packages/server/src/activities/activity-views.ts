import type { BlobStore } from '../platform/blobs/blob-store.js';
import type { ActivityRow, ActivityViewRow, ViewAudience } from '../platform/db/schema.js';
import type { PrivacyService } from '../privacy/privacy.service.js';
import { detailBody, summaryBody } from './activity.presenter.js';
import type { ActivityMeta, StoredEvent } from './activity.repository.js';
import type { streamsFor } from './activity-compute.js';
import type { ActivityViewRepository } from './activity-view.repository.js';

type Streams = ReturnType<typeof streamsFor>;

/** What reads need of a view beyond its JSON: streams, and which samples it hides. */
export interface ServedView {
  row: { id: string };
  isOwner: boolean;
  /** The streams of these keys as this audience sees them; null without a track. */
  streams(keys: readonly string[]): Promise<Streams | null>;
  /** Which samples of the stored track this audience may not see (1 = hidden), or null. */
  hidden(): Promise<Uint8Array | null>;
  /** [stored sample index, seconds this audience's clock runs behind the owner's from there]. */
  shifts: Array<[number, number]>;
}

/** A rendered view as reads use it: JSON ready to send, streams and hidden samples on demand. */
export interface StoredView {
  audience: ViewAudience;
  revision: number;
  /** The summary in the API's shape, without its athlete (JSON). */
  summary: string;
  /** The detail's fields beyond the summary, without segment efforts (JSON). */
  detail: string;
  view: ServedView;
}

/** Which samples of the stored track a view hides, as ranges. */
interface HiddenSamples {
  length: number;
  ranges: Array<[number, number]>;
  shifts?: Array<[number, number]>;
}

/** Characters of rendered JSON kept in memory per process (about 2 bytes each). */
const VIEW_CACHE_CHARS = 16 * 1024 * 1024;
/** The most recently read views' streams kept decoded (a detail page reads them right after). */
const STREAM_CACHE_SIZE = 64;

/**
 * The activities' read model: what the owner and what everyone else see of each activity,
 * rendered once through the privacy choke point and stored (summary and detail as JSON ready
 * to send, every stream as a blob, the hidden sample ranges), then served as is. A view is used
 * only while it was rendered from the activity's current revision, which every change to the
 * activity and to its owner's privacy rules advances: a stale view is never served. Renders
 * run in a job after each change; a read that finds none current renders it then. Views just
 * read are also kept in this process, keyed by revision, so a hot page costs no database read
 * beyond the activity's revision.
 */
export class ActivityViews {
  private readonly cache = new Map<string, StoredView>();
  private cachedChars = 0;
  private readonly streamCache = new Map<string, Promise<Streams | null>>();

  constructor(
    private readonly views: ActivityViewRepository,
    private readonly privacy: PrivacyService,
    private readonly loadRow: (id: string) => Promise<ActivityRow | undefined>,
    private readonly eventsOf: (activityId: string) => Promise<StoredEvent[]>,
    private readonly blobs: BlobStore,
  ) {}

  static audienceOf(
    row: Pick<ActivityRow, 'athlete_id'>,
    viewerId: string | undefined,
  ): ViewAudience {
    return viewerId === row.athlete_id ? 'owner' : 'others';
  }

  /** The current view of an activity for this audience: kept, stored, or rendered now. */
  async current(meta: ActivityMeta, audience: ViewAudience): Promise<StoredView> {
    const key = `${meta.id}:${audience}`;
    const kept = this.cache.get(key);
    if (kept?.revision === meta.revision) {
      this.cache.delete(key);
      this.cache.set(key, kept);
      return kept;
    }
    const stored = await this.views.findCurrent(meta.id, audience, meta.revision);
    if (stored) return this.keep(this.fromStored(stored));
    const row = await this.loadRow(meta.id);
    if (!row) throw new Error(`activity ${meta.id} vanished while its view was read`);
    return this.keep(await this.render(row, audience));
  }

  /** The current view when the summary was read with the activity (lists): no extra query. */
  summaryOf(meta: ActivityMeta, audience: ViewAudience): string | undefined {
    const kept = this.cache.get(`${meta.id}:${audience}`);
    return kept?.revision === meta.revision ? kept.summary : undefined;
  }

  /** Renders both views of a complete activity ahead of any read (the render job). */
  async renderAll(row: ActivityRow): Promise<void> {
    if (!isFinal(row)) return;
    for (const audience of ['owner', 'others'] as const) {
      const stored = await this.views.findCurrent(row.id, audience, row.revision);
      if (!stored) await this.render(row, audience);
    }
  }

  /**
   * Renders the others' views missing at the current revision of an athlete's activities that
   * others may see (started within [from, to) when given), so sums over those views — the
   * distance boards — count every activity as others see it.
   */
  async renderMissingOthers(athleteId: string, from?: Date, to?: Date): Promise<void> {
    for (const meta of await this.views.othersMissing(athleteId, from, to))
      await this.current(meta, 'others');
  }

  /** Renders a view through the privacy filter; stores it when the activity is final. */
  async render(row: ActivityRow, audience: ViewAudience): Promise<StoredView> {
    const filtered = await this.privacy.view(
      row,
      audience === 'owner' ? row.athlete_id : undefined,
    );
    const events = await this.eventsOf(row.id);
    const summary = JSON.stringify(summaryBody(filtered));
    const detail = JSON.stringify(detailBody(filtered, events));
    const streamsJson = await filtered.streamsJson();
    if (!isFinal(row)) {
      let parsed: Streams | null | undefined;
      const view: ServedView = {
        row: { id: row.id },
        isOwner: filtered.isOwner,
        streams: async (keys) => {
          parsed ??= streamsJson === null ? null : (JSON.parse(streamsJson) as Streams);
          return parsed && pick(parsed, keys);
        },
        hidden: () => filtered.hidden(),
        shifts: filtered.shifts,
      };
      return { audience, revision: row.revision, summary, detail, view };
    }
    const hidden = await filtered.hidden();
    const streamsKey =
      streamsJson === null ? null : `activities/${row.id}/views/${audience}-${row.revision}.json`;
    if (streamsKey) await this.blobs.put(streamsKey, new TextEncoder().encode(streamsJson!));
    const stored = {
      activity_id: row.id,
      audience,
      revision: row.revision,
      summary,
      detail,
      streams_key: streamsKey,
      hidden: hidden
        ? JSON.stringify({
            length: hidden.length,
            ranges: ranges(hidden),
            shifts: filtered.shifts,
          } satisfies HiddenSamples)
        : null,
    };
    await this.views.save(stored);
    return this.fromStored(stored);
  }

  private fromStored(stored: Omit<ActivityViewRow, 'rendered_at'>): StoredView {
    const hidden = stored.hidden ? (JSON.parse(stored.hidden) as HiddenSamples) : null;
    return {
      audience: stored.audience,
      revision: stored.revision,
      summary: stored.summary,
      detail: stored.detail,
      view: {
        row: { id: stored.activity_id },
        isOwner: stored.audience === 'owner',
        streams: async (keys) => {
          const all = await this.streams(stored.streams_key);
          return all && pick(all, keys);
        },
        hidden: async () => (hidden ? mask(hidden.ranges, hidden.length) : null),
        shifts: hidden?.shifts ?? [],
      },
    };
  }

  private keep(view: StoredView): StoredView {
    const key = `${view.view.row.id}:${view.audience}`;
    const old = this.cache.get(key);
    if (old) this.cachedChars -= old.summary.length + old.detail.length;
    this.cache.delete(key);
    this.cache.set(key, view);
    this.cachedChars += view.summary.length + view.detail.length;
    for (const [k, v] of this.cache) {
      if (this.cachedChars <= VIEW_CACHE_CHARS) break;
      this.cache.delete(k);
      this.cachedChars -= v.summary.length + v.detail.length;
    }
    return view;
  }

  private streams(key: string | null): Promise<Streams | null> {
    if (!key) return Promise.resolve(null);
    let hit = this.streamCache.get(key);
    if (hit) {
      this.streamCache.delete(key);
    } else {
      hit = this.blobs
        .get(key)
        .then((bytes) => (bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as Streams) : null));
      hit.catch(() => this.streamCache.delete(key));
    }
    this.streamCache.set(key, hit);
    if (this.streamCache.size > STREAM_CACHE_SIZE) {
      this.streamCache.delete(this.streamCache.keys().next().value!);
    }
    return hit;
  }
}

/** The streams of these keys, of those there are. */
function pick(all: Streams, keys: readonly string[]): Streams {
  const out: Streams = {};
  for (const k of keys) if (all[k]) out[k] = all[k];
  return out;
}

/** Complete and computed: nothing about it changes without a new revision. */
const isFinal = (row: Pick<ActivityRow, 'state' | 'algorithm_version'>) =>
  row.state === 'complete' && row.algorithm_version !== null;

/** [from, to) ranges of the set samples of a 0/1 mask. */
export function ranges(hidden: Uint8Array): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = -1;
  for (let i = 0; i <= hidden.length; i++) {
    const on = i < hidden.length && hidden[i] === 1;
    if (on && start < 0) start = i;
    if (!on && start >= 0) {
      out.push([start, i]);
      start = -1;
    }
  }
  return out;
}

/** The 0/1 mask of `length` samples with these [from, to) ranges set. */
export function mask(set: ReadonlyArray<readonly [number, number]>, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (const [from, to] of set) out.fill(1, from, Math.min(to, length));
  return out;
}
