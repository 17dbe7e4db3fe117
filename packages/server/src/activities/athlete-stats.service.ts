import { type SportFamily, sportFamily } from '@stride/core';
import type { FollowService } from '../athletes/follow.service.js';
import { authorizeOwner } from './access.js';
import type { ActivityMeta, ActivityRepository, Totals } from './activity.repository.js';

/** Strava's "recent" totals cover the last four weeks. */
const RECENT_DAYS = 28;
const FAMILIES = ['run', 'ride', 'swim'] as const;
const WINDOWS = ['recent', 'ytd', 'all'] as const;

/** Strava's ActivityStats shape: `{recent,ytd,all}_{run,ride,swim}_totals`. */
export type AthleteStats = Record<
  `${(typeof WINDOWS)[number]}_${(typeof FAMILIES)[number]}_totals`,
  Totals
>;

const isTotalled = (f: SportFamily): f is (typeof FAMILIES)[number] =>
  (FAMILIES as readonly string[]).includes(f);

const zero = (): Totals => ({
  count: 0,
  distance: 0,
  moving_time: 0,
  elapsed_time: 0,
  elevation_gain: 0,
});

/**
 * An athlete's totals by sport family, counting only the activities the viewer may see (the
 * same rule as lists), so totals never reveal an activity the viewer cannot open. Runs, rides
 * and swims, as in Strava's API (walks, hikes and the rest are not totalled). The year starts
 * on 1 January UTC. Others get the totals of what they are shown of each activity (the visible
 * part when some of it is hidden), never the real ones.
 */
export class AthleteStatsService {
  constructor(
    private readonly activities: ActivityRepository,
    private readonly follows: FollowService,
    /** Renders an activity's others' view (their totals are what others are shown). */
    private readonly renderOthersView: (meta: ActivityMeta) => Promise<unknown>,
  ) {}

  async stats(viewerId: string, athleteId: string, now = new Date()): Promise<AthleteStats> {
    await authorizeOwner(this.follows, athleteId, viewerId);
    const followees = new Set(await this.follows.followeeIds(viewerId));
    if (viewerId !== athleteId) {
      // Usually none: the render job has made them; after a change to views, reads catch up.
      for (const meta of await this.activities.withoutOthersView(athleteId, viewerId, followees))
        await this.renderOthersView(meta);
    }
    const ytd = new Date(Date.UTC(now.getUTCFullYear(), 0, 1));
    const recent = new Date(now.getTime() - RECENT_DAYS * 86_400_000);
    const rows = await this.activities.totalsBySport(athleteId, viewerId, followees, ytd, recent);
    const out = {} as AthleteStats;
    for (const w of WINDOWS) for (const f of FAMILIES) out[`${w}_${f}_totals`] = zero();
    for (const row of rows) {
      const family = sportFamily(row.sport_type);
      if (!isTotalled(family)) continue;
      for (const w of WINDOWS) {
        const sum = out[`${w}_${family}_totals`];
        const add = row.windows[w];
        sum.count += add.count;
        sum.distance += add.distance;
        sum.moving_time += add.moving_time;
        sum.elapsed_time += add.elapsed_time;
        sum.elevation_gain += add.elevation_gain;
      }
    }
    return out;
  }
}
