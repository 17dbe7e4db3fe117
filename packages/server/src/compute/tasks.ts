import type { Track } from '@stride/core';
import {
  type ComputeInput,
  computeActivity,
  type ExportFormat,
  encodeStreams,
  exportActivity,
  STREAM_KEYS,
  streamsFor,
} from '../activities/activity-compute.js';
import type { ActivityRow } from '../platform/db/schema.js';
import { othersExport, othersView } from '../privacy/others-view.js';
import { importFile } from '../uploads/file-import.js';

/**
 * The CPU-heavy work of the server, each a pure function of one cloneable input: parsing and
 * computing files, encoding streams, rendering what a viewer sees of an activity, writing
 * exports. The compute pool runs them in worker threads so the event loop keeps answering.
 */
export const tasks = {
  importFile,
  computeActivity: (input: { track: Track; options: ComputeInput }) =>
    computeActivity(input.track, input.options),
  encodeStreams,
  othersView,
  /** Every stream of the whole track (the owner's view), as JSON. */
  ownerStreams: (input: { track: Track; row: Pick<ActivityRow, 'sport_type' | 'source'> }) =>
    JSON.stringify(streamsFor(input.track, STREAM_KEYS, input.row)),
  ownerExport: (input: { row: ActivityRow; track: Track; format: ExportFormat }) =>
    exportActivity(input.row, input.track, input.format),
  othersExport,
};

export type Tasks = typeof tasks;
export type TaskName = keyof Tasks;
