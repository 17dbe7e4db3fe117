import type { Track } from '@stride/core';
import { FormatError, Warnings } from '../errors.js';
import type { Budget } from '../limits.js';
import { mapSport } from '../sport.js';
import type {
  DeviceInfo,
  DeviceTotals,
  ImportedActivity,
  ImportedCourse,
  ImportResult,
  Lap,
  Pause,
} from '../types.js';
import { SampleBuilder } from '../xml/samples.js';
import { parseIsoTime, parseNumber, parseXml, type XmlHandler } from '../xml/sax.js';
import { sumLapTotals } from './lap-totals.js';

interface OpenActivity {
  kind: 'activity' | 'course';
  sport?: string;
  name?: string;
  id?: string;
  builder: SampleBuilder;
  laps: Lap[];
  pauses: Pause[];
  device: DeviceInfo;
}

/** Leaf elements whose text we read, by parent context. */
const POINT_LEAVES = new Set([
  'Time',
  'LatitudeDegrees',
  'LongitudeDegrees',
  'AltitudeMeters',
  'DistanceMeters',
  'Value',
  'Cadence',
  'Watts',
  'Speed',
  'RunCadence',
]);
const LAP_LEAVES = new Set([
  'TotalTimeSeconds',
  'DistanceMeters',
  'MaximumSpeed',
  'Calories',
  'Value',
  'Cadence',
  'TriggerMethod',
  'AvgSpeed',
  'AvgRunCadence',
  'MaxRunCadence',
  'AvgWatts',
  'MaxWatts',
]);

/**
 * TCX (Garmin Training Center v2) → one activity per <Activity> (and a course per <Course>).
 * Laps keep the file's own totals; a new <Track> inside one lap after a time gap is a pause
 * (Garmin starts a new Track when the timer resumes). Trackpoints without a position keep
 * their time and sensor values with NaN lat/lon.
 */
class TcxMapper implements XmlHandler {
  wantText = false;
  private readonly stack: string[] = [];
  private current: OpenActivity | null = null;
  private lap: Lap | null = null;
  private inPoint = false;
  private inCreator = false;
  /** True from a <Track> opening until its first point. */
  private trackOpened = false;
  private points = 0;
  private time = Number.NaN;
  private lat = Number.NaN;
  private lon = Number.NaN;
  private alt = Number.NaN;
  private dist = Number.NaN;
  private hr = Number.NaN;
  private cad = Number.NaN;
  private power = Number.NaN;
  private speed = Number.NaN;
  author: string | undefined;
  sawRoot = false;
  readonly activities: ImportedActivity[] = [];
  readonly courses: ImportedCourse[] = [];

  constructor(
    private readonly warnings: Warnings,
    private readonly budget: Budget,
  ) {}

  open(name: string, attributes: Record<string, string>): void {
    const parent = this.stack[this.stack.length - 1];
    this.stack.push(name);
    if (this.inPoint) {
      this.wantText = POINT_LEAVES.has(name);
      return;
    }
    switch (name) {
      case 'Trackpoint':
        this.inPoint = true;
        this.time = this.lat = this.lon = this.alt = this.dist = Number.NaN;
        this.hr = this.cad = this.power = this.speed = Number.NaN;
        return;
      case 'Track':
        this.trackOpened = this.current !== null;
        return;
      case 'Lap':
        if (this.current) {
          const start = parseIsoTime(attributes.StartTime ?? '');
          const index = this.current.builder.length;
          this.lap = {
            startTime: start,
            endTime: start,
            startIndex: index,
            endIndex: index,
            totals: {},
          };
        }
        return;
      case 'Activity':
      case 'Course':
        this.budget.addTrack();
        this.current = {
          kind: name === 'Activity' ? 'activity' : 'course',
          sport: attributes.Sport,
          // A course's points are a plan: never folded, whatever times they carry.
          builder: new SampleBuilder(name === 'Activity'),
          laps: [],
          pauses: [],
          device: {},
        };
        return;
      case 'Creator':
        this.inCreator = this.current !== null;
        return;
      case 'TrainingCenterDatabase':
        this.sawRoot = true;
        return;
    }
    if (this.inCreator)
      this.wantText =
        name === 'Name' ||
        name === 'ProductID' ||
        name === 'VersionMajor' ||
        name === 'VersionMinor';
    else if (this.lap && (LAP_LEAVES.has(name) || parent === 'Lap')) this.wantText = true;
    else if (
      this.current &&
      (name === 'Id' || name === 'Name') &&
      parent === this.current.kind.replace(/^./, (c) => c.toUpperCase())
    )
      this.wantText = true;
    else if (name === 'Name' && parent === 'Author') this.wantText = true;
  }

  close(name: string, text: string): void {
    this.stack.pop();
    const parent = this.stack[this.stack.length - 1];
    if (this.inPoint) {
      if (name === 'Trackpoint') this.endPoint();
      else if (text) this.pointValue(name, parent, text);
      return;
    }
    const c = this.current;
    switch (name) {
      case 'Lap':
        if (c && this.lap) {
          this.lap.endIndex = c.builder.length;
          const timer = this.lap.totals.timerS;
          if (timer !== undefined) this.lap.endTime = this.lap.startTime + timer;
          if (this.lap.endIndex > this.lap.startIndex && this.prevTime > this.lap.endTime) {
            this.lap.endTime = this.prevTime;
          }
          c.laps.push(this.lap);
        }
        this.lap = null;
        return;
      case 'Activity':
      case 'Course':
        if (c) this.finish(c);
        this.current = null;
        return;
      case 'Creator':
        this.inCreator = false;
        return;
    }
    if (!text) return;
    if (this.inCreator && c) {
      if (name === 'Name') c.device.name = text.trim();
      else if (name === 'ProductID') c.device.product = text.trim();
      else if (name === 'VersionMajor') c.device.softwareVersion = text.trim();
      else if (name === 'VersionMinor' && c.device.softwareVersion)
        c.device.softwareVersion += `.${text.trim()}`;
    } else if (this.lap && this.stack.includes('Lap')) {
      this.lapValue(this.lap.totals, name, parent, text);
    } else if (c && name === 'Id') c.id = text.trim();
    else if (c && name === 'Name') c.name = text.trim();
    else if (name === 'Name' && parent === 'Author') this.author = text.trim();
  }

  private lapValue(t: DeviceTotals, name: string, parent: string | undefined, text: string): void {
    const v = parseNumber(text);
    if (parent === 'AverageHeartRateBpm') t.avgHr = v;
    else if (parent === 'MaximumHeartRateBpm') t.maxHr = v;
    else if (name === 'TotalTimeSeconds') t.timerS = v;
    else if (name === 'DistanceMeters') t.distanceM = v;
    else if (name === 'MaximumSpeed') t.maxSpeedMps = v;
    else if (name === 'Calories') t.calories = v;
    else if (name === 'Cadence' || name === 'AvgRunCadence') t.avgCadence = v;
    else if (name === 'MaxRunCadence') t.maxCadence = v;
    else if (name === 'AvgSpeed') t.avgSpeedMps = v;
    else if (name === 'AvgWatts') t.avgPower = v;
    else if (name === 'MaxWatts') t.maxPower = v;
    else if (name === 'TriggerMethod' && this.lap) this.lap.trigger = text.trim();
    for (const key of Object.keys(t) as (keyof DeviceTotals)[]) {
      if (!Number.isFinite(t[key])) delete t[key];
    }
  }

  private pointValue(name: string, parent: string | undefined, text: string): void {
    switch (name) {
      case 'Time':
        this.time = parseIsoTime(text);
        return;
      case 'LatitudeDegrees':
        this.lat = parseNumber(text);
        return;
      case 'LongitudeDegrees':
        this.lon = parseNumber(text);
        return;
      case 'AltitudeMeters':
        this.alt = parseNumber(text);
        return;
      case 'DistanceMeters':
        this.dist = parseNumber(text);
        return;
      case 'Value':
        if (parent === 'HeartRateBpm') this.hr = parseNumber(text);
        return;
      case 'Cadence':
      case 'RunCadence':
        this.cad = parseNumber(text);
        return;
      case 'Watts':
        this.power = parseNumber(text);
        return;
      case 'Speed':
        this.speed = parseNumber(text);
        return;
    }
  }

  private endPoint(): void {
    this.inPoint = false;
    const c = this.current;
    if (!c) return;
    this.budget.addPoints(1);
    const b = c.builder;
    const finite = Number.isFinite(this.lat) && Number.isFinite(this.lon);
    const before = b.length;
    const folded = b.begin(
      this.time,
      finite ? this.lat : Number.NaN,
      finite ? this.lon : Number.NaN,
    );
    if (this.trackOpened) {
      this.trackOpened = false;
      // First point of a new Track: a gap since the previous point within one lap is a pause
      // (a point folded into the previous one has no gap).
      const lap = this.lap;
      if (!folded && c.kind === 'activity' && lap && lap.startIndex < before) {
        if (this.time > this.prevTime) c.pauses.push({ start: this.prevTime, end: this.time });
      }
    }
    this.prevTime = this.time;
    b.value('elevation', this.alt);
    b.value('distance', this.dist);
    b.value('heartRate', this.hr);
    b.value('cadence', this.cad);
    b.value('power', this.power);
    b.value('speed', this.speed);
    if (Number.isNaN(this.time)) this.warnings.add('MISSING_TIME', 'A trackpoint has no time');
    if ((++this.points & 4095) === 0) this.budget.tick();
  }

  private prevTime = Number.NaN;

  /** Finishes an activity left open by a damaged file. */
  flushOpen(): void {
    this.inPoint = false;
    if (this.current && this.lap) {
      this.lap.endIndex = this.current.builder.length;
      this.current.laps.push(this.lap);
    }
    this.lap = null;
    if (this.current) this.finish(this.current);
    this.current = null;
  }

  private finish(c: OpenActivity): void {
    const track = c.builder.build();
    if (c.kind === 'course') {
      if (track.length > 0) this.courses.push({ kind: 'track', name: c.name, track });
      return;
    }
    if (track.length === 0)
      this.warnings.add('EMPTY_TRACK', 'An activity has no trackpoints (only lap totals)');
    let startTime = parseIsoTime(c.id ?? '');
    for (let k = 0; k < track.length && Number.isNaN(startTime); k++) startTime = track.time[k]!;
    if (Number.isNaN(startTime)) startTime = c.laps[0]?.startTime ?? Number.NaN;
    const pauses = [...c.pauses, ...lapGaps(c.laps, c.pauses)].sort((a, b) => a.start - b.start);
    const activity: ImportedActivity = {
      track,
      sport: mapSport(c.sport),
      startTime,
      laps: c.laps,
      pauses,
    };
    if (c.sport) activity.sourceSport = c.sport;
    // TCX has no indoor flag: an activity is indoor here when none of its points has a fix.
    const fixes = countFixes(track);
    if (track.length > 0 && fixes === 0) activity.indoor = true;
    if ((c.sport ?? 'Other') === 'Other' && fixes === 0) {
      // Garmin Connect writes a pool swim as Sport="Other" (TCX knows only Running, Biking and
      // Other): one point per length, each at a multiple of the pool's length, and no
      // position. Nothing else looks like that.
      const pool = poolLength(track);
      if (pool !== undefined) {
        activity.sport = mapSport('swimming', 'lapSwimming');
        activity.poolLengthM = pool;
      }
    }
    if (c.name) activity.name = c.name;
    if (c.device.name || c.device.product) activity.device = c.device;
    if (c.laps.length > 0) activity.deviceTotals = sumLapTotals(c.laps);
    this.activities.push(activity);
  }
}

function countFixes(track: Track): number {
  let n = 0;
  for (let i = 0; i < track.length; i++) if (!Number.isNaN(track.lat[i]!)) n++;
  return n;
}

/**
 * TCX has no pause events, but a lap's TotalTimeSeconds is its timer time: when the next lap
 * starts later than this one's timer ran out (its start, plus its timer, plus the pauses
 * already seen inside it as Track breaks) and its last point was written, the timer stood
 * still in between. Gaps under a second are the rounding of whole-second StartTimes.
 */
function lapGaps(laps: readonly Lap[], inside: readonly Pause[]): Pause[] {
  const out: Pause[] = [];
  for (let k = 0; k + 1 < laps.length; k++) {
    const lap = laps[k]!;
    const timer = lap.totals.timerS;
    const next = laps[k + 1]!.startTime;
    if (timer === undefined || !Number.isFinite(lap.startTime) || !(next > lap.startTime)) continue;
    let paused = 0;
    for (const p of inside)
      if (p.start >= lap.startTime && p.end <= next) paused += p.end - p.start;
    // endTime is at least the time of the lap's last point (see close).
    const stopped = Math.max(lap.startTime + timer + paused, lap.endTime);
    if (next - stopped >= 1) out.push({ start: stopped, end: next });
  }
  return out;
}

/** Lengths a pool is built to, in metres: 15 m hotel pools up to 100 m (50 m is the longest common). */
const POOL_MIN_M = 15;
const POOL_MAX_M = 100;
/** At least this many lengths, so a few round distances by chance are not a pool. */
const POOL_MIN_LENGTHS = 4;

/**
 * The pool length when every distance of the track is a whole number of one length (Garmin's
 * pool swim export: one point per length), else undefined. The length is the smallest step
 * between two points; 1 cm of slack covers the decimal writing of yard pools (22.86 m).
 */
function poolLength(track: Track): number | undefined {
  const d = track.distance;
  if (!d) return undefined;
  let step = Number.POSITIVE_INFINITY;
  let last = Number.NaN;
  let lengths = 0;
  for (let i = 0; i < track.length; i++) {
    const v = d[i]!;
    if (Number.isNaN(v)) continue;
    if (!Number.isNaN(last)) {
      if (v < last) return undefined;
      if (v > last) {
        step = Math.min(step, v - last);
        lengths++;
      }
    }
    last = v;
  }
  if (lengths < POOL_MIN_LENGTHS || step < POOL_MIN_M || step > POOL_MAX_M) return undefined;
  for (let i = 0; i < track.length; i++) {
    const v = d[i]!;
    if (!Number.isNaN(v) && Math.abs(v - Math.round(v / step) * step) > 0.01) return undefined;
  }
  return Math.round(step * 100) / 100;
}

export function parseTcx(bytes: Uint8Array, budget: Budget): Omit<ImportResult, 'compressed'> {
  const warnings = new Warnings();
  const mapper = new TcxMapper(warnings, budget);
  const outcome = parseXml(bytes, mapper, budget);
  if (outcome.error) {
    mapper.flushOpen();
    const { message, location } = outcome.error;
    if (mapper.activities.every((a) => a.track.length === 0) && mapper.courses.length === 0) {
      throw new FormatError(
        'XML_MALFORMED',
        `The TCX file is not well-formed XML: ${message}`,
        location,
      );
    }
    warnings.add(
      'XML_MALFORMED',
      `The file is damaged after this point and was read up to it: ${message}`,
      location,
    );
  }
  if (!mapper.sawRoot) {
    throw new FormatError(
      'XML_WRONG_ROOT',
      'The file has no <TrainingCenterDatabase> root element',
    );
  }
  if (mapper.activities.length === 0 && mapper.courses.length === 0) {
    throw new FormatError('NO_ACTIVITY', 'The TCX file holds no activity or course');
  }
  const result: Omit<ImportResult, 'compressed'> = {
    format: 'tcx',
    activities: mapper.activities,
    courses: mapper.courses,
    waypoints: [],
    warnings: warnings.list,
  };
  if (mapper.author) result.creator = mapper.author;
  return result;
}
