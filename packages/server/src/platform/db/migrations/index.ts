import type { Migration } from 'kysely';
import * as accounts from './2026-11-23T0000-accounts.js';
import * as jobs from './2026-11-23T0100-jobs.js';
import * as activities from './2026-11-23T0200-activities.js';
import * as privacy from './2026-11-23T0300-privacy.js';
import * as leaderboards from './2026-12-02T0100-leaderboards.js';
import * as segments from './2026-12-02T0200-segments.js';
import * as segmentStreams from './2026-12-02T0300-segment-streams.js';
import * as jobClaims from './2026-12-02T0400-job-claims.js';
import * as athleteMaxHr from './2026-12-02T0500-athlete-max-hr.js';
import * as uploadArchives from './2026-12-02T0600-upload-archives.js';
import * as activityViews from './2026-12-07T0100-activity-views.js';
import * as sessionsTwoFactor from './2026-12-07T0300-sessions-two-factor.js';
import * as rebasedOthersViews from './2026-12-07T0400-rebased-others-views.js';
import * as followRequestsBlocks from './2026-12-07T1200-follow-requests-blocks.js';
import * as uploadWarnings from './2026-12-07T1300-upload-warnings.js';
import * as multisport from './2026-12-07T1500-multisport.js';
import * as notifications from './2026-12-07T1630-notifications.js';
import * as activityPhotos from './2026-12-07T1640-activity-photos.js';
import * as athleteSearch from './2026-12-07T1700-athlete-search.js';
import * as feedInboxes from './2026-12-07T1710-feed-inboxes.js';
import * as kudosComments from './2026-12-07T1800-kudos-comments.js';
import * as liveLinks from './2026-12-07T1900-live-links.js';
import * as training from './2026-12-07T2000-training.js';

/**
 * Every migration, in order, as a static import map (bundlers and tests see them all; nothing is
 * read from the file system at run time). Forward-only: add a new file, never edit a shipped one.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-23T0000-accounts': accounts,
  '2026-11-23T0100-jobs': jobs,
  '2026-11-23T0200-activities': activities,
  '2026-11-23T0300-privacy': privacy,
  '2026-12-02T0100-leaderboards': leaderboards,
  '2026-12-02T0200-segments': segments,
  '2026-12-02T0300-segment-streams': segmentStreams,
  '2026-12-02T0400-job-claims': jobClaims,
  '2026-12-02T0500-athlete-max-hr': athleteMaxHr,
  '2026-12-02T0600-upload-archives': uploadArchives,
  '2026-12-07T0100-activity-views': activityViews,
  '2026-12-07T0300-sessions-two-factor': sessionsTwoFactor,
  '2026-12-07T0400-rebased-others-views': rebasedOthersViews,
  '2026-12-07T1200-follow-requests-blocks': followRequestsBlocks,
  '2026-12-07T1300-upload-warnings': uploadWarnings,
  '2026-12-07T1500-multisport': multisport,
  '2026-12-07T1630-notifications': notifications,
  '2026-12-07T1640-activity-photos': activityPhotos,
  '2026-12-07T1700-athlete-search': athleteSearch,
  '2026-12-07T1710-feed-inboxes': feedInboxes,
  '2026-12-07T1800-kudos-comments': kudosComments,
  '2026-12-07T1900-live-links': liveLinks,
  '2026-12-07T2000-training': training,
};
