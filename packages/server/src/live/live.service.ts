import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Static } from 'typebox';
import type { ActivityService } from '../activities/activity.service.js';
import type { AthleteService } from '../athletes/athlete.service.js';
import type { FollowService } from '../athletes/follow.service.js';
import type { Database, LiveLinkRow } from '../platform/db/schema.js';
import { Errors } from '../platform/errors.js';
import type { EventHub } from '../platform/events/event-hub.js';
import type { PubSub } from '../platform/pubsub/pubsub.js';
import type { PrivacyService } from '../privacy/privacy.service.js';
import type { LiveEvent } from './live.schemas.js';
import type { LiveLinkRepository } from './live-link.repository.js';
import {
  applyBatch,
  type BatchOutcome,
  endSession,
  type HiddenMask,
  type LiveBatch,
  trackOf,
  visibleOf,
} from './live-session.js';
import {
  compareIds,
  type LiveMeta,
  type LiveRecord,
  type LiveSession,
  type LiveStore,
  type LiveWrite,
} from './live-store.js';

/** Who is looking: the owner sees everything, anyone else what the privacy rules leave. */
export type LiveRole = 'owner' | 'others';

/** Safety links last this long unless asked otherwise, and never longer than the maximum. */
export const LINK_DEFAULT_S = 24 * 3600;
export const LINK_MAX_S = 7 * 24 * 3600;
/** Open safety links one activity may have. */
export const LINKS_PER_ACTIVITY = 20;
/** A point stamped further ahead of the server's clock than this is refused. */
const FUTURE_S = 3600;

/** The pub/sub channel of a live session's events. */
export const liveChannel = (activityId: string) => `live:${activityId}`;

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Live tracking: the recorder's batches kept in the live-state port (never in the database),
 * merged by time, fanned out over pub/sub, and read by the owner, by approved followers when
 * the activity's visibility lets them see it, and by holders of a safety link. Others get the
 * points through the privacy filter (`PrivacyService.liveMask`); anything they may not see is
 * answered 404.
 */
export class LiveService {
  constructor(
    private readonly store: LiveStore,
    private readonly links: LiveLinkRepository,
    private readonly deps: {
      activities: ActivityService;
      athletes: AthleteService;
      follows: FollowService;
      privacy: PrivacyService;
      pubsub: PubSub;
      db: Kysely<Database>;
      events: EventHub;
    },
    private readonly now: () => number = Date.now,
  ) {}

  /** Merges the owner's batch into the live session (a seq already received changes nothing). */
  async post(athleteId: string, activityId: string, batch: LiveBatch): Promise<BatchOutcome> {
    const row = await this.deps.activities.owned(athleteId, activityId);
    if (row.state === 'complete')
      throw Errors.conflict('this activity is saved: its live session is over');
    const latest = this.now() / 1000 + FUTURE_S;
    if (batch.points.some((p) => p.t > latest))
      throw Errors.unprocessable('a point is timed more than an hour ahead of the server’s clock');
    const mask = await this.deps.privacy.liveMask(athleteId, activityId);
    const hidden: HiddenMask = mask ?? (() => null);
    let startedForFollowers = false;
    const outcome = await this.write(activityId, (session) => {
      const applied = applyBatch(session, batch, row, hidden, this.now());
      const meta = applied.write?.meta;
      startedForFollowers =
        (!session?.meta || session.meta.state === 'ended') &&
        !!meta?.followers &&
        row.visibility !== 'only_me';
      return applied;
    });
    // Followers hear that the athlete is live once per session (a job names each of them).
    if (startedForFollowers)
      await this.deps.db
        .transaction()
        .execute((tx) => this.deps.events.emit('live.started', tx, { activityId, athleteId }));
    return outcome;
  }

  /** The owner stops sharing: viewers get `ended`, and the points are served no more. */
  async stop(athleteId: string, activityId: string): Promise<void> {
    await this.deps.activities.owned(athleteId, activityId);
    await this.end(activityId, 'ended');
  }

  /** Ends the session, if there is one: on save (`saved`) or discard (`ended`). */
  end(activityId: string, state: 'ended' | 'saved'): Promise<boolean> {
    return this.write(activityId, (session) => endSession(session, state, this.now()));
  }

  /** The role of a signed-in viewer (or anonymous: none) of a live activity; 404 when none. */
  async viewer(viewerId: string | undefined, activityId: string): Promise<LiveRole> {
    const session = await this.store.session(activityId);
    if (!session) throw notLive();
    const meta = session.meta;
    if (viewerId && viewerId === meta.athlete_id) return 'owner';
    if (!viewerId || !(await this.followerMaySee(viewerId, meta))) throw notLive();
    return 'others';
  }

  /** The activity an open safety link shows; 404 when expired, revoked or unknown. */
  async linkActivity(token: string): Promise<string> {
    const link = await this.links.findOpen(hashOf(token), new Date(this.now()));
    if (!link) throw Errors.notFound('no such live link, or it has expired');
    return link.activity_id;
  }

  /** Whether the link still opens its activity (a stream asks at each heart-beat). */
  async linkOpen(token: string): Promise<boolean> {
    return !!(await this.links.findOpen(hashOf(token), new Date(this.now())));
  }

  /** Whether a viewer may still look (session alive; for others, still allowed). */
  async stillViewing(viewerId: string | undefined, activityId: string): Promise<boolean> {
    try {
      await this.viewer(viewerId, activityId);
      return true;
    } catch {
      return false;
    }
  }

  /** Whether the session is still there (not expired after its silence). */
  async alive(activityId: string): Promise<boolean> {
    return !!(await this.store.session(activityId));
  }

  /** The session as this role sees it: every (visible) point so far, totals, state. */
  async snapshot(activityId: string, role: LiveRole) {
    const session = await this.store.session(activityId);
    if (!session) throw notLive();
    return this.snapshotOf(session, role, await this.maskOf(session.meta, role));
  }

  /**
   * What a polling viewer missed since event `since`: the events after it, or a new snapshot
   * when some of them are no longer kept (or the id is not one of this session's).
   */
  async poll(activityId: string, role: LiveRole, since: string | undefined) {
    const records = since === undefined ? null : await this.replay(activityId, since);
    if (records)
      return {
        snapshot: null,
        events: records.flatMap((r) => eventOf(r, role) ?? []),
        last_event_id: records.at(-1)?.id ?? since!,
      };
    const snapshot = await this.snapshot(activityId, role);
    return { snapshot, events: [], last_event_id: snapshot.last_event_id };
  }

  /**
   * The events after `lastId` for a resuming viewer; null when some are no longer kept, or the
   * id is not one of this session's (then the viewer needs a snapshot).
   */
  async replay(activityId: string, lastId: string): Promise<LiveRecord[] | null> {
    const session = await this.store.session(activityId);
    const last = session?.meta.last_event_id;
    if (!last || compareIds(lastId, last) > 0) return null;
    const replay = await this.store.after(activityId, lastId);
    return replay.complete || lastId === last ? replay.records : null;
  }

  /** Calls `handler` with each new event of the session; returns the function that stops it. */
  subscribe(activityId: string, handler: (record: LiveRecord) => void) {
    return this.deps.pubsub.subscribe(liveChannel(activityId), (message) =>
      handler(JSON.parse(message) as LiveRecord),
    );
  }

  /** The live sessions of athletes I follow that I may see ("live now"). */
  async liveNow(viewerId: string) {
    const followees = await this.deps.follows.followeeIds(viewerId);
    const metas = await this.store.sessionsOf(followees);
    const out = [];
    for (const meta of metas) {
      if (meta.state !== 'recording' && meta.state !== 'paused') continue;
      if (!(await this.followerMaySee(viewerId, meta))) continue;
      const athlete = await this.deps.athletes.findById(meta.athlete_id);
      if (!athlete) continue;
      out.push({
        activity_id: meta.activity_id,
        athlete: {
          id: athlete.id,
          handle: athlete.handle,
          display_name: athlete.display_name,
        },
        sport_type: meta.sport_type,
        state: meta.state,
        last_seen_at: new Date(meta.last_seen_ms).toISOString(),
        totals: meta.others_totals,
      });
    }
    return out.sort((a, b) => b.last_seen_at.localeCompare(a.last_seen_at));
  }

  /** A new safety link for the owner's activity: the token is shown this once. */
  async createLink(athleteId: string, activityId: string, expiresInS = LINK_DEFAULT_S) {
    const row = await this.deps.activities.owned(athleteId, activityId);
    if (row.state === 'complete')
      throw Errors.conflict('this activity is saved: there is nothing live to share');
    const now = new Date(this.now());
    const open = (await this.links.ofActivity(activityId)).filter((l) => isOpen(l, now));
    if (open.length >= LINKS_PER_ACTIVITY)
      throw Errors.unprocessable(`at most ${LINKS_PER_ACTIVITY} open live links per activity`);
    const token = randomBytes(32).toString('base64url');
    const link = await this.links.create({
      id: randomUUID(),
      activity_id: activityId,
      athlete_id: athleteId,
      token_hash: hashOf(token),
      expires_at: new Date(now.getTime() + Math.min(expiresInS, LINK_MAX_S) * 1000),
    });
    return { ...linkJson(link, now), token, url: `/live/${token}` };
  }

  async listLinks(athleteId: string, activityId: string) {
    await this.deps.activities.owned(athleteId, activityId);
    const now = new Date(this.now());
    return (await this.links.ofActivity(activityId)).map((l) => linkJson(l, now));
  }

  async revokeLink(athleteId: string, activityId: string, linkId: string): Promise<void> {
    await this.deps.activities.owned(athleteId, activityId);
    if (!(await this.links.revoke(activityId, linkId, new Date(this.now()))))
      throw Errors.notFound('no such live link');
  }

  /** A session is shared with followers when its owner says so and the visibility allows. */
  private async followerMaySee(viewerId: string, meta: LiveMeta): Promise<boolean> {
    if (!meta.followers) return false;
    const row = await this.deps.activities.findById(meta.activity_id);
    if (!row || row.visibility === 'only_me') return false;
    const access = await this.deps.follows.access(viewerId, meta.athlete_id);
    return access.following && !access.blocked;
  }

  private async maskOf(meta: LiveMeta, role: LiveRole): Promise<HiddenMask | null> {
    if (role === 'owner') return null;
    return (await this.deps.privacy.liveMask(meta.athlete_id, meta.activity_id)) ?? (() => null);
  }

  private snapshotOf(session: LiveSession, role: LiveRole, mask: HiddenMask | null) {
    const { meta } = session;
    const track = trackOf(session.batches);
    const points = mask ? visibleOf(track, mask) : track;
    return {
      activity_id: meta.activity_id,
      athlete_id: meta.athlete_id,
      sport_type: meta.sport_type,
      state: meta.state,
      saved_activity_id: meta.saved_activity_id,
      last_seen_at: new Date(meta.last_seen_ms).toISOString(),
      totals: role === 'owner' ? meta.totals : meta.others_totals,
      points,
      last_event_id: meta.last_event_id,
      ...(role === 'owner' ? { followers: meta.followers } : {}),
    };
  }

  /** Runs a session update and tells every process of the events it wrote. */
  private async write<T>(
    activityId: string,
    work: (session: LiveSession | undefined) => { write?: LiveWrite; result: T },
  ): Promise<T> {
    let written: LiveRecord[] = [];
    const result = await this.store.update(activityId, (session) => {
      const outcome = work(session);
      written = outcome.write?.events ?? [];
      return outcome;
    });
    for (const record of written)
      await this.deps.pubsub.publish(liveChannel(activityId), JSON.stringify(record));
    return result;
  }
}

/** One stored event as this role receives it (null when it carries nothing for them). */
export function eventOf(record: LiveRecord, role: LiveRole): Static<typeof LiveEvent> | null {
  const json = role === 'owner' ? record.owner : record.others;
  return json
    ? { id: record.id, ...(JSON.parse(json) as Omit<Static<typeof LiveEvent>, 'id'>) }
    : null;
}

const notLive = () => Errors.notFound('no such live activity');

const isOpen = (l: LiveLinkRow, now: Date) => !l.revoked_at && l.expires_at > now;

function linkJson(l: LiveLinkRow, now: Date) {
  return {
    id: l.id,
    activity_id: l.activity_id,
    created_at: l.created_at.toISOString(),
    expires_at: l.expires_at.toISOString(),
    revoked_at: l.revoked_at?.toISOString() ?? null,
    active: isOpen(l, now),
  };
}
