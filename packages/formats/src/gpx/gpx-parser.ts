import { FormatError, Warnings } from '../errors.js';
import type { Budget } from '../limits.js';
import { mapSport } from '../sport.js';
import type { ImportedActivity, ImportedCourse, ImportResult, Pause, Waypoint } from '../types.js';
import { SampleBuilder } from '../xml/samples.js';
import { parseIsoTime, parseNumber, parseXml, type XmlHandler } from '../xml/sax.js';

type PointKind = 'trkpt' | 'rtept' | 'wpt' | null;

/** A point's own children whose text is read (waypoints also have name, desc and sym). */
const POINT_LEAVES = new Set(['time', 'ele', 'name', 'desc', 'sym']);

/**
 * Extension leaf names (any namespace prefix) → channel: Garmin TPX v1/v2, PowerExtension,
 * Apple, and Cluetrust gpxdata (Suunto converters, SportTracks), whose `distance` is the
 * device's cumulative distance in metres.
 */
const EXTENSION_CHANNEL: Record<string, 'hr' | 'cad' | 'temp' | 'power' | 'speed' | 'dist'> = {
  hr: 'hr',
  heartrate: 'hr',
  HeartRate: 'hr',
  cad: 'cad',
  cadence: 'cad',
  atemp: 'temp',
  temp: 'temp',
  temperature: 'temp',
  power: 'power',
  PowerInWatts: 'power',
  Watts: 'power',
  watts: 'power',
  speed: 'speed',
  distance: 'dist',
};

interface Collection {
  kind: 'trk' | 'rte';
  name?: string;
  type?: string;
  builder: SampleBuilder;
  segmentStarts: number[];
  timed: number;
  untimed: number;
  pauses: Pause[];
  pauseStart: number;
}

/**
 * GPX 1.0/1.1 → activities (one per <trk> with at least one time), courses (<rte>, and <trk>
 * without any time) and waypoints. A track timed on only some points stays an activity: its
 * untimed points are kept with a NaN time (MISSING_TIME) and core's cleaning drops them, so
 * the activity is made of its timed points. Consecutive track points with one time and one
 * position are one sample (see SampleBuilder). Segment gaps inside a <trk> become pauses.
 * OpenTracks' legacy pause markers (trkpt lat=100 lon=0 = pause, lat=200 lon=0 = resume)
 * become pauses and are not kept as points.
 */
export class GpxMapper implements XmlHandler {
  wantText = false;
  creator: string | undefined;
  private metadataName: string | undefined;
  private inMetadata = false;
  /** Element depth, so <name> counts only as a direct child of metadata/trk/rte (not author). */
  private depth = 0;
  private ownerDepth = -1;
  private current: Collection | null = null;
  private point: PointKind = null;
  private lat = Number.NaN;
  private lon = Number.NaN;
  private time = Number.NaN;
  private ele = Number.NaN;
  private hr = Number.NaN;
  private cad = Number.NaN;
  private temp = Number.NaN;
  private power = Number.NaN;
  private speed = Number.NaN;
  private dist = Number.NaN;
  /** Element depth of the open point: its own values (time, ele, name) are its children. */
  private pointDepth = -1;
  private wpt: Waypoint | null = null;
  private lastTime = Number.NaN;
  private points = 0;
  readonly activities: ImportedActivity[] = [];
  readonly courses: ImportedCourse[] = [];
  readonly waypoints: Waypoint[] = [];
  sawRoot = false;

  constructor(
    private readonly warnings: Warnings,
    private readonly budget: Budget,
  ) {}

  open(name: string, attributes: Record<string, string>): void {
    const depth = ++this.depth;
    if (this.point !== null) {
      // Inside a point: its own values, and extension leaves at any depth. A <time> inside
      // extensions is something else (GraphHopper's gh:time is a duration in ms).
      if (depth === this.pointDepth + 1 && POINT_LEAVES.has(name)) this.wantText = true;
      else if (name in EXTENSION_CHANNEL) this.wantText = true;
      return;
    }
    switch (name) {
      case 'trkpt':
      case 'rtept':
      case 'wpt':
        this.pointDepth = depth;
        this.startPoint(name, attributes);
        return;
      case 'trkseg':
        if (this.current) this.current.segmentStarts.push(this.current.builder.length);
        return;
      case 'trk':
      case 'rte':
        this.budget.addTrack();
        this.current = newCollection(name);
        this.lastTime = Number.NaN;
        this.ownerDepth = depth;
        return;
      case 'metadata':
        this.inMetadata = true;
        this.ownerDepth = depth;
        return;
      case 'gpx':
        this.sawRoot = true;
        this.creator = attributes.creator;
        return;
      case 'name':
      case 'type':
        this.wantText = (this.current !== null || this.inMetadata) && depth === this.ownerDepth + 1;
        return;
    }
  }

  close(name: string, text: string): void {
    const depth = this.depth--;
    if (this.point !== null) {
      if (name === this.point && depth === this.pointDepth) this.endPoint();
      else if (text) this.pointValue(name, text, depth === this.pointDepth + 1);
      return;
    }
    switch (name) {
      case 'trk':
      case 'rte':
        if (this.current) this.finishCollection(this.current);
        this.current = null;
        return;
      case 'metadata':
        this.inMetadata = false;
        return;
      case 'name':
        if (depth !== this.ownerDepth + 1) return;
        if (this.current) this.current.name = text.trim() || undefined;
        else if (this.inMetadata) this.metadataName = text.trim() || undefined;
        return;
      case 'type':
        if (depth !== this.ownerDepth + 1) return;
        if (this.current) this.current.type = text.trim() || undefined;
        return;
    }
  }

  private startPoint(kind: 'trkpt' | 'rtept' | 'wpt', attributes: Record<string, string>): void {
    this.point = kind;
    this.lat = parseNumber(attributes.lat ?? '');
    this.lon = parseNumber(attributes.lon ?? '');
    this.time = this.ele = this.hr = this.cad = this.temp = this.power = this.speed = Number.NaN;
    this.dist = Number.NaN;
    this.wpt = kind === 'wpt' ? { lat: this.lat, lon: this.lon } : null;
  }

  private pointValue(name: string, text: string, own: boolean): void {
    if (own && name === 'time') this.time = parseIsoTime(text);
    else if (own && name === 'ele') this.ele = parseNumber(text);
    else if (own && this.wpt && (name === 'name' || name === 'desc' || name === 'sym')) {
      const value = text.trim();
      if (name === 'name') this.wpt.name = value;
      else if (name === 'desc') this.wpt.description = value;
      else this.wpt.symbol = value;
    } else {
      const channel = EXTENSION_CHANNEL[name];
      if (channel) this[channel] = parseNumber(text);
    }
  }

  private endPoint(): void {
    const kind = this.point;
    this.point = null;
    const { lat, lon, time } = this;
    // Impossible but finite coordinates are kept (core cleans); 1e999 or text is no position.
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) {
      this.warnings.add('POINT_SKIPPED', 'A point without a valid lat/lon was skipped');
      return;
    }
    if (kind === 'wpt') {
      const w = this.wpt!;
      if (!Number.isNaN(this.ele)) w.elevation = this.ele;
      if (!Number.isNaN(time)) w.time = time;
      this.waypoints.push(w);
      this.wpt = null;
      return;
    }
    const c = this.current;
    if (!c) return;
    if (lon === 0 && (lat === 100 || lat === 200)) {
      this.pauseMarker(c, lat === 100, time);
      return;
    }
    this.budget.addPoints(1);
    const b = c.builder;
    if (b.begin(time, lat, lon) && c.segmentStarts[c.segmentStarts.length - 1] === b.length) {
      // A segment opening on the time and place the last one ended at has no gap to pause on.
      c.segmentStarts.pop();
    }
    b.value('elevation', this.ele);
    b.value('heartRate', this.hr);
    b.value('cadence', this.cad);
    b.value('temperature', this.temp);
    b.value('power', this.power);
    b.value('speed', this.speed);
    // Only a track point's distance is the device's running total (a route point's is the
    // length of its leg).
    if (kind === 'trkpt') b.value('distance', this.dist);
    if (Number.isNaN(time)) c.untimed++;
    else {
      if (time < this.lastTime)
        this.warnings.add('TIME_BACKWARDS', 'Time goes backwards between points');
      this.lastTime = time;
      c.timed++;
    }
    if ((++this.points & 4095) === 0) this.budget.tick();
  }

  /** Finishes a track or route left open by a damaged file. */
  flushOpen(): void {
    if (this.current) this.finishCollection(this.current);
    this.current = null;
    this.point = null;
  }

  private pauseMarker(c: Collection, pause: boolean, time: number): void {
    this.warnings.add(
      'PAUSE_MARKERS',
      'Points at latitude 100/200 (OpenTracks pause/resume markers) were read as pauses',
    );
    if (pause) c.pauseStart = time;
    else if (!Number.isNaN(c.pauseStart) && time >= c.pauseStart) {
      c.pauses.push({ start: c.pauseStart, end: time });
      c.pauseStart = Number.NaN;
    }
  }

  private finishCollection(c: Collection): void {
    const track = c.builder.build();
    const name = c.name ?? this.metadataName;
    if (track.length === 0) {
      this.warnings.add(
        'EMPTY_TRACK',
        `An empty ${c.kind === 'trk' ? 'track' : 'route'} was skipped`,
      );
      return;
    }
    if (c.kind === 'rte' || c.timed === 0) {
      if (c.kind === 'trk') {
        this.warnings.add(
          'TRACK_WITHOUT_TIME',
          'A track has no timestamps; it was read as a course (a planned route), not an activity',
        );
      }
      this.courses.push({ kind: c.kind === 'rte' ? 'route' : 'track', name, track });
      return;
    }
    if (c.untimed > 0) {
      this.warnings.add('MISSING_TIME', `${c.untimed} points have no time`);
    }
    const pauses = c.pauses;
    // A gap between two segments of one track is a pause (GPX 1.1: "a new segment starts when
    // the receiver lost its fix or was turned off and on").
    for (const start of c.segmentStarts) {
      if (start <= 0 || start >= track.length) continue;
      const before = track.time[start - 1]!;
      const after = track.time[start]!;
      if (after > before) pauses.push({ start: before, end: after });
    }
    pauses.sort((a, b) => a.start - b.start);
    let startTime = Number.NaN;
    for (let k = 0; k < track.length; k++) {
      const t = track.time[k]!;
      if (!Number.isNaN(t)) {
        startTime = t;
        break;
      }
    }
    const activity: ImportedActivity = {
      track,
      sport: mapSport(c.type),
      startTime,
      laps: [],
      pauses,
    };
    if (c.type) activity.sourceSport = c.type;
    if (name) activity.name = name;
    if (this.creator) activity.device = { name: this.creator };
    this.activities.push(activity);
  }
}

function newCollection(kind: 'trk' | 'rte'): Collection {
  return {
    kind,
    // Route points are geometry: Gaia GPS gives every point of a route its creation time.
    builder: new SampleBuilder(kind === 'trk'),
    segmentStarts: [],
    timed: 0,
    untimed: 0,
    pauses: [],
    pauseStart: Number.NaN,
  };
}

export function parseGpx(bytes: Uint8Array, budget: Budget): Omit<ImportResult, 'compressed'> {
  const warnings = new Warnings();
  const mapper = new GpxMapper(warnings, budget);
  const outcome = parseXml(bytes, mapper, budget);
  if (outcome.error) {
    // Keep what was read before the damage (a cut-off upload is the common case).
    mapper.flushOpen();
    const { message, location } = outcome.error;
    if (mapper.activities.length === 0 && mapper.courses.length === 0) {
      throw new FormatError(
        'XML_MALFORMED',
        `The GPX file is not well-formed XML: ${message}`,
        location,
      );
    }
    warnings.add(
      'XML_MALFORMED',
      `The file is damaged after this point and was read up to it: ${message}`,
      location,
    );
  }
  if (!mapper.sawRoot)
    throw new FormatError('XML_WRONG_ROOT', 'The file has no <gpx> root element');
  if (mapper.activities.length === 0 && mapper.courses.length === 0) {
    throw new FormatError(
      'NO_ACTIVITY',
      mapper.waypoints.length > 0
        ? 'The GPX file holds only waypoints, no track or route'
        : 'The GPX file holds no track points',
    );
  }
  const result: Omit<ImportResult, 'compressed'> = {
    format: 'gpx',
    activities: mapper.activities,
    courses: mapper.courses,
    waypoints: mapper.waypoints,
    warnings: warnings.list,
  };
  if (mapper.creator) result.creator = mapper.creator;
  return result;
}
