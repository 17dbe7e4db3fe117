import { randomUUID } from 'node:crypto';
import { cleanCommentText, mentionedHandles } from '@stride/core';
import type { Transaction } from 'kysely';
import type { ActivityService } from '../activities/activity.service.js';
import type { AthleteService, AthleteSummary } from '../athletes/athlete.service.js';
import { isForeignKeyViolation } from '../platform/db/errors.js';
import type { CommentRow, Database } from '../platform/db/schema.js';
import { Errors, invalidField } from '../platform/errors.js';
import type { EventHub } from '../platform/events/event-hub.js';
import type { CursorKey } from '../platform/http/pagination.js';
import type { CommentRepository } from './comment.repository.js';
import type { KudosRepository, SocialCounts } from './kudos.repository.js';

/** What lists and the feed show of an activity's kudos and comments, for one viewer. */
export interface SocialSummary {
  kudos_count: number;
  comment_count: number;
  /** Whether the viewer gave kudos (false for anyone not signed in). */
  has_kudoed: boolean;
}
export const NO_SOCIAL: SocialSummary = { kudos_count: 0, comment_count: 0, has_kudoed: false };

/** A comment as sent: its author, its text, and the athletes its @mentions name. */
export interface CommentView {
  row: CommentRow;
  author: AthleteSummary;
  mentions: Array<{ handle: string; athlete_id: string }>;
  /** Whether the viewer may delete it: its author, or the activity's owner. */
  canDelete: boolean;
}

export interface Page<T> {
  items: T[];
  next: CursorKey | null;
}

/** Handles looked up per comment at most: a comment naming 200 people is not a conversation. */
const MAX_MENTIONS = 20;

/**
 * Kudos and comments on activities. Every read and write first asks whether the athlete may
 * see the activity (ActivityService.viewableMeta): to anyone who may not, its kudos and
 * comments do not exist (404), as the activity itself does not.
 */
export class SocialService {
  constructor(
    private readonly kudos: KudosRepository,
    private readonly comments: CommentRepository,
    private readonly activities: ActivityService,
    private readonly athletes: AthleteService,
    private readonly events: EventHub,
  ) {}

  /** Gives kudos (again: nothing changes); the activity's count after it. */
  async giveKudos(athleteId: string, activityId: string): Promise<SocialSummary> {
    const meta = await this.activities.viewableMeta(athleteId, activityId);
    if (meta.athlete_id === athleteId)
      throw Errors.unprocessable('you cannot give kudos to your own activity');
    return this.stored(async (tx) => {
      if (!(await this.kudos.add(tx, activityId, athleteId)))
        return this.countsIn(tx, activityId, true);
      await this.events.emit('kudos.given', tx, {
        activityId,
        ownerId: meta.athlete_id,
        giverId: athleteId,
      });
      // Last: the count's row lock is held until the commit (see KudosRepository.bump).
      return this.summary(await this.kudos.bump(tx, activityId, 'kudos_count', 1), true);
    });
  }

  /** Takes kudos back (when none were given, nothing changes); the count after it. */
  async takeBackKudos(athleteId: string, activityId: string): Promise<SocialSummary> {
    await this.activities.viewableMeta(athleteId, activityId);
    return this.stored(async (tx) => {
      if (!(await this.kudos.remove(tx, activityId, athleteId)))
        return this.countsIn(tx, activityId, false);
      return this.summary(await this.kudos.bump(tx, activityId, 'kudos_count', -1), false);
    });
  }

  /** Who gave kudos to the activity, newest first. */
  async kudosGivers(
    viewerId: string | undefined,
    activityId: string,
    limit: number,
    after?: CursorKey,
  ): Promise<Page<{ athlete: AthleteSummary; created_at: Date }>> {
    await this.activities.viewableMeta(viewerId, activityId);
    const rows = await this.kudos.list(activityId, limit, after);
    const people = new Map(
      (await this.athletes.summaries(rows.map((r) => r.athlete_id))).map((a) => [a.id, a]),
    );
    const items = rows.flatMap((r) => {
      const athlete = people.get(r.athlete_id);
      return athlete ? [{ athlete, created_at: r.created_at }] : [];
    });
    const last = rows.at(-1);
    return {
      items,
      next: rows.length === limit && last ? { at: last.created_at, id: last.athlete_id } : null,
    };
  }

  /** The activity's comments, oldest first. */
  async commentsOf(
    viewerId: string | undefined,
    activityId: string,
    limit: number,
    after?: CursorKey,
  ): Promise<Page<CommentView>> {
    const meta = await this.activities.viewableMeta(viewerId, activityId);
    const rows = await this.comments.list(activityId, limit, after);
    const items = await this.present(rows, viewerId, meta.athlete_id);
    const last = rows.at(-1);
    return {
      items,
      next: rows.length === limit && last ? { at: last.created_at, id: last.id } : null,
    };
  }

  /**
   * Adds a comment, its text cleaned as @stride/core says (400 when empty or too long). The
   * athletes it @mentions who exist are told, when they may see the activity (the listener
   * of `comment.added` checks), in the transaction that stores it.
   */
  async addComment(athleteId: string, activityId: string, raw: string): Promise<CommentView> {
    const cleaned = cleanCommentText(raw);
    if (!cleaned.ok) throw invalidField('body.text', cleaned.message.replace(/^a comment /, ''));
    const meta = await this.activities.viewableMeta(athleteId, activityId);
    const mentioned = await this.athletes.byHandles(
      mentionedHandles(cleaned.text).slice(0, MAX_MENTIONS),
    );
    const row = await this.stored(async (tx) => {
      const row = await this.comments.insert(tx, {
        id: randomUUID(),
        activity_id: activityId,
        athlete_id: athleteId,
        text: cleaned.text,
      });
      await this.events.emit('comment.added', tx, {
        activityId,
        ownerId: meta.athlete_id,
        authorId: athleteId,
        commentId: row.id,
        mentionedIds: mentioned.map((a) => a.id),
      });
      await this.kudos.bump(tx, activityId, 'comment_count', 1);
      return row;
    });
    return (await this.present([row], athleteId, meta.athlete_id))[0]!;
  }

  /**
   * Deletes a comment: its author may, and so may the activity's owner; anyone else who may
   * see the activity is told it is not theirs (403), anyone who may not that it is not there.
   */
  async deleteComment(athleteId: string, activityId: string, commentId: string): Promise<void> {
    const meta = await this.activities.viewableMeta(athleteId, activityId);
    const comment = await this.comments.find(activityId, commentId);
    if (!comment) throw Errors.notFound('no such comment');
    if (comment.athlete_id !== athleteId && meta.athlete_id !== athleteId)
      throw Errors.forbidden(
        'only the comment’s author or the athlete whose activity this is may delete it',
      );
    await this.kudos.transaction(async (tx) => {
      if (await this.comments.delete(tx, activityId, commentId))
        await this.kudos.bump(tx, activityId, 'comment_count', -1);
    });
  }

  /** Kudos and comment counts of these activities, and the viewer's kudos: two queries. */
  async summariesOf(
    viewerId: string | undefined,
    activityIds: readonly string[],
  ): Promise<Map<string, SocialSummary>> {
    const [counts, given] = await Promise.all([
      this.kudos.countsOf(activityIds),
      viewerId ? this.kudos.givenBy(viewerId, activityIds) : new Set<string>(),
    ]);
    const out = new Map<string, SocialSummary>();
    for (const c of counts)
      out.set(c.activity_id, {
        kudos_count: c.kudos_count,
        comment_count: c.comment_count,
        has_kudoed: given.has(c.activity_id),
      });
    return out;
  }

  /** What the athlete gave and wrote, for their data export. */
  async exportOf(athleteId: string) {
    const [kudos, comments] = await Promise.all([
      this.kudos.allGivenBy(athleteId),
      this.comments.allBy(athleteId),
    ]);
    return { kudos, comments };
  }

  /** Removes the athlete's kudos and comments from counts and rows (their account is going). */
  forgetAthlete(tx: Transaction<Database>, athleteId: string): Promise<void> {
    return this.kudos.forgetAthlete(tx, athleteId);
  }

  /** Runs a write; the activity or athlete deleted meanwhile (a foreign key) is a 404. */
  private async stored<T>(work: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
    try {
      return await this.kudos.transaction(work);
    } catch (error) {
      if (isForeignKeyViolation(error)) throw Errors.notFound('no such activity');
      throw error;
    }
  }

  private async countsIn(
    tx: Transaction<Database>,
    activityId: string,
    hasKudoed: boolean,
  ): Promise<SocialSummary> {
    const [counts] = await this.kudos.countsOf([activityId], tx);
    return counts ? this.summary(counts, hasKudoed) : { ...NO_SOCIAL, has_kudoed: hasKudoed };
  }

  private summary(counts: SocialCounts, hasKudoed: boolean): SocialSummary {
    return {
      kudos_count: counts.kudos_count,
      comment_count: counts.comment_count,
      has_kudoed: hasKudoed,
    };
  }

  /** Comments with their authors and mentioned athletes: one query of each for the page. */
  private async present(
    rows: CommentRow[],
    viewerId: string | undefined,
    ownerId: string,
  ): Promise<CommentView[]> {
    const handles = [
      ...new Set(rows.flatMap((r) => mentionedHandles(r.text).map((h) => h.toLowerCase()))),
    ];
    const [authors, named] = await Promise.all([
      this.athletes.summaries([...new Set(rows.map((r) => r.athlete_id))]),
      this.athletes.byHandles(handles),
    ]);
    const byId = new Map(authors.map((a) => [a.id, a]));
    const byHandle = new Map(named.map((a) => [a.handle.toLowerCase(), a]));
    return rows.flatMap((row) => {
      const author = byId.get(row.athlete_id);
      if (!author) return [];
      const mentions = mentionedHandles(row.text).flatMap((h) => {
        const a = byHandle.get(h.toLowerCase());
        return a ? [{ handle: a.handle, athlete_id: a.id }] : [];
      });
      return [
        {
          row,
          author,
          mentions,
          canDelete: !!viewerId && (viewerId === row.athlete_id || viewerId === ownerId),
        },
      ];
    });
  }
}
