import { ImplausibleActivityError } from '@stride/core';
import {
  type ImportedActivity,
  importActivityFile,
  isFormatError,
  warningText,
} from '@stride/formats';
import {
  type AthleteProfile,
  type ComputedActivity,
  computeActivity,
} from '../activities/activity-compute.js';

export interface FileImportInput {
  bytes: Uint8Array;
  /**
   * The sport the athlete chose (at upload, or since), over the file's own: never applied to
   * every leg of a multisport file, only to the one activity `only` names.
   */
  sport: string | undefined;
  athlete: AthleteProfile | null;
  /** Only the activity at this index of the file (a recompute), or all of them. */
  only?: number;
}

/** One activity of a file, parsed and computed, ready to store (or refused, and why). */
export type ImportedFileActivity = {
  /** Its index among the file's activities that have a track (stable: ids derive from it). */
  index: number;
  sport: string;
  name: string | null;
  deviceName: string | null;
  /** Its place among the sessions of a multisport file, or null for a file of one sport. */
  multisport: { index: number; count: number } | null;
} & (
  | { computed: ComputedActivity; refused?: undefined }
  /** Its numbers are impossible and could not be repaired (core's plausibility screen). */
  | { computed?: undefined; refused: string }
);

export type FileImport =
  | {
      ok: true;
      activities: ImportedFileActivity[];
      /** What the reader recovered or skipped in the file (each activity's computed warnings include them). */
      warnings: string[];
    }
  | { ok: false; error: string };

/**
 * Parses a device file and computes each of its activities: the heavy, CPU-bound part of an
 * upload, kept pure (bytes in, plain data out) so it runs in a worker thread of the compute pool.
 * A file that is not an activity, or cannot be read, is an answer with the reason, not a throw.
 */
export function importFile(input: FileImportInput): FileImport {
  let tracks: ImportedActivity[];
  let warnings: string[];
  try {
    const result = importActivityFile(input.bytes);
    warnings = result.warnings.map(warningText);
    tracks = result.activities.filter((a) => a.track.length > 0);
    if (!tracks.length) {
      const what = result.courses.length
        ? 'a planned route, not a recorded activity'
        : 'no recorded activity';
      return { ok: false, error: `This file holds ${what}.` };
    }
  } catch (error) {
    if (!isFormatError(error)) throw error;
    return { ok: false, error: error.message };
  }
  const activities: ImportedFileActivity[] = [];
  for (const [index, activity] of tracks.entries()) {
    if (input.only !== undefined && index !== input.only) continue;
    // A sport chosen at upload is for the file's activity, not for every leg of a triathlon.
    const chosen = input.only !== undefined || !activity.multisport ? input.sport : undefined;
    const sport = chosen || activity.sport || 'Workout';
    const about = {
      index,
      sport,
      name: activity.name ?? null,
      deviceName: deviceName(activity),
      multisport: activity.multisport ?? null,
    };
    try {
      activities.push({
        ...about,
        computed: computeImported(activity, sport, input.athlete, warnings),
      });
    } catch (error) {
      if (!(error instanceof ImplausibleActivityError)) throw error;
      activities.push({ ...about, refused: error.message });
    }
  }
  return { ok: true, activities, warnings };
}

function deviceName(a: ImportedActivity): string | null {
  const d = a.device;
  if (!d) return null;
  return d.name ?? ([d.manufacturer, d.product].filter(Boolean).join(' ') || null);
}

/** A device file's activity computed as devices do: the file's laps, pauses, lengths and totals. */
function computeImported(
  activity: ImportedActivity,
  sport: string,
  athlete: AthleteProfile | null,
  warnings: string[],
): ComputedActivity {
  return computeActivity(activity.track, {
    warnings,
    sport,
    athlete,
    pauses: activity.pauses,
    laps: activity.laps,
    deviceTotals: activity.deviceTotals,
    lengths: activity.lengths,
    poolLengthM: activity.poolLengthM,
    indoor: activity.indoor,
    // Most devices measure altitude with a barometer, some (and phone apps) by GPS: the
    // altitude's own noise tells which, and so which smoothing its gain needs.
    elevationSource: 'auto',
  });
}
