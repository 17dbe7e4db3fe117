import type { BlobStore } from '../platform/blobs/blob-store.js';
import type { ActivityRow, ActivityViewRow, ViewAudience } from '../platform/db/schema.js';
import type { ActivityView, PrivacyService } from '../privacy/privacy.service.js';
import { STREAM_KEYS, type streamsFor } from './activity-compute.js';
import type { StoredEvent } from './activity.repository.js';
import type { ActivityViewRepository } from './activity-view.repository.js';
import { detailBody, summaryBody } from './activity.presenter.js';

type Streams = ReturnType<typeof streamsFor>;

/** A rendered view as reads use it: JSON ready to send, streams and hidden samples on demand. */
export interface StoredView {
  audience: ViewAudience;
  revision: number;
  /** The summary in the API's shape, without its athlete (JSON). */
  summary: string;
  /** The detail's fields beyond the summary, without segment efforts (JSON). */
  detail: string;
  /** The privacy-filtered view behind it, for segment efforts, streams and exports. */
  view: ActivityView;
}

/** The most recently read views' streams kept decoded (a detail page reads them right after). */
const STREAM_CACHE_SIZE = 64;

/**
 * The activities' read model: what the owner and what everyone else see of each activity,
 * rendered once through the privacy choke point and stored (summary and detail as JSON ready
 * to send, every stream as a blob, the hidden sample ranges), then served as is. A view is used
 * only while it was rendered from the activity's current revision, which every change to the
 * activity and to its owner's privacy rules advances: a stale view is never served. Renders
 * run in a job after each change; a read that finds none current renders it then.
 */
export class ActivityViews {
  private readonly streamCache = new Map<string, Promise<Streams | null>>();

  constructor(
    private readonly views: ActivityViewRepository,
    private readonly privacy: PrivacyService,
    private readonly eventsOf: (activityId: string) => Promise<StoredEvent[]>,
    private readonly blobs: BlobStore,
  ) {}

  static audienceOf(row: ActivityRow, viewerId: string | undefined): ViewAudience {
    return viewerId === row.athlete_id ? 'owner' : 'others';
  }

  /** The current view of `row` for this audience: stored, or rendered (and stored) now. */
  async current(row: ActivityRow, audience: ViewAudience): Promise<StoredView> {
    const stored = await this.views.findCurrent(row.id, audience, row.revision);
    return stored ? this.fromStored(row, stored) : this.render(row, audience);
  }

  /** Renders both views of a complete activity ahead of any read (the render job). */
  async renderAll(row: ActivityRow): Promise<void> {
    if (!isFinal(row)) return;
    for (const audience of ['owner', 'others'] as const) {
      const stored = await this.views.findCurrent(row.id, audience, row.revision);
      if (!stored) await this.render(row, audience);
    }
  }

  /** Renders a view through the privacy filter; stores it when the activity is final. */
  async render(row: ActivityRow, audience: ViewAudience): Promise<StoredView> {
    const view = await this.privacy.view(row, audience === 'owner' ? row.athlete_id : undefined);
    const events = await this.eventsOf(row.id);
    const summary = JSON.stringify(summaryBody(view));
    const detail = JSON.stringify(detailBody(view, events));
    if (!isFinal(row)) return { audience, revision: row.revision, summary, detail, view };
    const streams = await view.streams(STREAM_KEYS);
    const hidden = await view.hidden();
    const streamsKey = streams
      ? `activities/${row.id}/views/${audience}-${row.revision}.json`
      : null;
    if (streamsKey) {
      await this.blobs.put(streamsKey, new TextEncoder().encode(JSON.stringify(streams)));
      this.streamCache.set(streamsKey, Promise.resolve(streams));
    }
    await this.views.save({
      activity_id: row.id,
      audience,
      revision: row.revision,
      summary,
      detail,
      streams_key: streamsKey,
      hidden: hidden
        ? JSON.stringify({ length: hidden.length, ranges: ranges(hidden) } satisfies HiddenSamples)
        : null,
    });
    return { audience, revision: row.revision, summary, detail, view };
  }

  private fromStored(row: ActivityRow, stored: ActivityViewRow): StoredView {
    const live = () => this.privacy.view(row, stored.audience === 'owner' ? row.athlete_id : undefined);
    const hidden = stored.hidden ? (JSON.parse(stored.hidden) as HiddenSamples) : null;
    let geometry: ActivityView['geometry'] | undefined;
    const view: ActivityView = {
      row,
      isOwner: stored.audience === 'owner',
      get geometry() {
        geometry ??= geometryFromSummary(stored.summary);
        return geometry;
      },
      // Exports are rare: they re-read the track through the privacy filter.
      track: async () => (await live()).track(),
      streams: async (keys) => {
        const all = await this.streams(stored.streams_key);
        if (!all) return null;
        const out: Streams = {};
        for (const k of keys) if (all[k]) out[k] = all[k];
        return out;
      },
      hidden: async () => (hidden ? mask(hidden.ranges, hidden.length) : null),
    };
    return {
      audience: stored.audience,
      revision: stored.revision,
      summary: stored.summary,
      detail: stored.detail,
      view,
    };
  }

  private streams(key: string | null): Promise<Streams | null> {
    if (!key) return Promise.resolve(null);
    let hit = this.streamCache.get(key);
    if (hit) {
      this.streamCache.delete(key);
    } else {
      hit = this.blobs.get(key).then((bytes) =>
        bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as Streams) : null,
      );
      hit.catch(() => this.streamCache.delete(key));
    }
    this.streamCache.set(key, hit);
    if (this.streamCache.size > STREAM_CACHE_SIZE) {
      this.streamCache.delete(this.streamCache.keys().next().value!);
    }
    return hit;
  }
}

/** Which samples of the stored track a view hides, as ranges. */
interface HiddenSamples {
  length: number;
  ranges: Array<[number, number]>;
}

/** Complete and computed: nothing about it changes without a new revision. */
const isFinal = (row: ActivityRow) => row.state === 'complete' && row.algorithm_version !== null;

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

function geometryFromSummary(summary: string): ActivityView['geometry'] {
  const s = JSON.parse(summary) as {
    start_latlng: [number, number] | null;
    end_latlng: [number, number] | null;
    map: { summary_polyline: string | null };
  };
  return { polyline: s.map.summary_polyline, start: s.start_latlng, end: s.end_latlng, bbox: null };
}
