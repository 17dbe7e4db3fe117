import { SPORT_TYPES } from '@stride/core';
import { parse } from 'csv-parse/sync';

/** What a Strava export's activities.csv says about one activity file. */
export interface StravaActivityMeta {
  name?: string;
  description?: string;
  sport_type?: string;
}

/** Activity files by name, as any archive holds them: .gpx, .tcx or .fit, optionally .gz. */
const ACTIVITY_FILE = /\.(gpx|tcx|fit)(\.gz)?$/i;

export function isActivityFileName(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  // macOS archivers add "._name" resource forks beside every file; they hold no activity.
  return ACTIVITY_FILE.test(base) && !base.startsWith('._') && !name.startsWith('__MACOSX/');
}

/** The shallowest `activities.csv` of the archive, where Strava puts it. */
export function findActivitiesCsv<T extends { name: string }>(
  entries: readonly T[],
): T | undefined {
  return entries
    .filter((e) => /(^|\/)activities\.csv$/i.test(e.name) && !e.name.startsWith('__MACOSX/'))
    .sort((a, b) => a.name.split('/').length - b.name.split('/').length)[0];
}

const BY_KEY = new Map<string, string>(SPORT_TYPES.map((s) => [key(s), s]));

/**
 * Strava's "Activity Type" as the export spells it ("Virtual Ride", "E-Bike Ride", "Nordic
 * Ski") onto Stride's sport types; undefined for a type Stride does not know, or one written in
 * another language, so that the file's own sport decides.
 */
export function stravaSportType(type: string | undefined): string | undefined {
  return type ? BY_KEY.get(key(type)) : undefined;
}

function key(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, '');
}

/**
 * Reads activities.csv into its files' names, descriptions and sports, keyed by the archive
 * entry name (the CSV's `Filename` is relative to the folder the CSV sits in). Columns are
 * found by header name, first occurrence: Strava's export repeats some headers, and adds
 * columns over time. Rows without a file (manual entries) are left out.
 */
export function readActivitiesCsv(
  bytes: Uint8Array,
  csvPath: string,
): Map<string, StravaActivityMeta> {
  const rows = parse(bytes, {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as string[][];
  const byFile = new Map<string, StravaActivityMeta>();
  const header = rows[0];
  if (!header) return byFile;
  const column = (name: string) => header.findIndex((h) => h.trim() === name);
  const file = column('Filename');
  if (file < 0) return byFile;
  const name = column('Activity Name');
  const description = column('Activity Description');
  const type = column('Activity Type');
  const folder = csvPath.slice(0, csvPath.lastIndexOf('/') + 1);
  const cell = (row: string[], i: number) => (i >= 0 ? row[i]?.trim() || undefined : undefined);
  for (const row of rows.slice(1)) {
    const path = cell(row, file);
    if (!path) continue;
    byFile.set(folder + path.replace(/^\.?\//, ''), {
      name: cell(row, name)?.slice(0, 255),
      description: cell(row, description),
      sport_type: stravaSportType(cell(row, type)),
    });
  }
  return byFile;
}
