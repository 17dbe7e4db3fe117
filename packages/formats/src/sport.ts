/**
 * Maps a file's sport to a Strava `sport_type`. FIT sport/sub-sport names arrive in camelCase
 * as the SDK's profile spells them (`crossCountrySkiing`, `lapSwimming`); TCX uses
 * Running/Biking/Other; GPX <type> is free text (Garmin Connect writes its activity keys such as
 * `road_biking` or `treadmill_running`, Strava's own exports "running", "cycling" or numeric
 * codes). Names are compared case- and separator-insensitively. docs/sports.md has the table.
 */
export interface SportClass {
  /** Strava sport_type, or undefined when the name is unknown. */
  sport: string | undefined;
  /** True when the name itself says indoor (treadmill, trainer, pool…), false when it says outdoor. */
  indoor?: boolean;
}

/** Strava's sport types: each also maps to itself. */
const STRAVA_TYPES = [
  'AlpineSki',
  'BackcountrySki',
  'Badminton',
  'Canoeing',
  'Crossfit',
  'EBikeRide',
  'Elliptical',
  'EMountainBikeRide',
  'Golf',
  'GravelRide',
  'Handcycle',
  'HighIntensityIntervalTraining',
  'Hike',
  'IceSkate',
  'InlineSkate',
  'Kayaking',
  'Kitesurf',
  'MountainBikeRide',
  'NordicSki',
  'Pickleball',
  'Pilates',
  'Racquetball',
  'Ride',
  'RockClimbing',
  'RollerSki',
  'Rowing',
  'Run',
  'Sail',
  'Skateboard',
  'Snowboard',
  'Snowshoe',
  'Soccer',
  'Squash',
  'StairStepper',
  'StandUpPaddling',
  'Surfing',
  'Swim',
  'TableTennis',
  'Tennis',
  'TrailRun',
  'Velomobile',
  'VirtualRide',
  'VirtualRow',
  'VirtualRun',
  'Walk',
  'WeightTraining',
  'Wheelchair',
  'Windsurf',
  'Workout',
  'Yoga',
] as const;

const IN = true;
const OUT = false;

/** Sport names (FIT sports, Garmin Connect keys, TCX, free text) → sport_type and indoor flag. */
const SPORTS: Record<string, [string, boolean?]> = {
  // running
  running: ['Run'],
  run: ['Run'],
  streetrunning: ['Run', OUT],
  roadrunning: ['Run', OUT],
  trackrunning: ['Run', OUT],
  ultrarun: ['Run'],
  obstaclerun: ['Run'],
  treadmillrunning: ['Run', IN],
  indoorrunning: ['Run', IN],
  trailrunning: ['TrailRun', OUT],
  virtualrun: ['VirtualRun', IN],
  // cycling
  cycling: ['Ride'],
  biking: ['Ride'],
  bike: ['Ride'],
  ride: ['Ride'],
  roadbiking: ['Ride', OUT],
  roadcycling: ['Ride', OUT],
  cyclocross: ['Ride', OUT],
  recumbentcycling: ['Ride'],
  trackcycling: ['Ride'],
  bmx: ['Ride', OUT],
  indoorcycling: ['Ride', IN],
  indoorbiking: ['Ride', IN],
  spinning: ['Ride', IN],
  virtualride: ['VirtualRide', IN],
  virtualcycling: ['VirtualRide', IN],
  mountainbiking: ['MountainBikeRide', OUT],
  mtb: ['MountainBikeRide', OUT],
  downhillbiking: ['MountainBikeRide', OUT],
  gravelcycling: ['GravelRide', OUT],
  gravelriding: ['GravelRide', OUT],
  ebiking: ['EBikeRide'],
  ebike: ['EBikeRide'],
  ebikefitness: ['EBikeRide'],
  ebikemountain: ['EMountainBikeRide', OUT],
  emountainbiking: ['EMountainBikeRide', OUT],
  handcycling: ['Handcycle'],
  // walking and hiking
  walking: ['Walk'],
  walk: ['Walk'],
  casualwalking: ['Walk'],
  speedwalking: ['Walk'],
  indoorwalking: ['Walk', IN],
  hiking: ['Hike', OUT],
  hike: ['Hike', OUT],
  mountaineering: ['Hike', OUT],
  rucking: ['Walk'],
  // water
  swimming: ['Swim'],
  swim: ['Swim'],
  lapswimming: ['Swim', IN],
  poolswimming: ['Swim', IN],
  openwater: ['Swim', OUT],
  openwaterswimming: ['Swim', OUT],
  rowing: ['Rowing'],
  row: ['Rowing'],
  indoorrowing: ['Rowing', IN],
  virtualrow: ['VirtualRow', IN],
  paddling: ['Canoeing', OUT],
  canoeing: ['Canoeing', OUT],
  kayaking: ['Kayaking', OUT],
  whitewaterkayaking: ['Kayaking', OUT],
  standuppaddleboarding: ['StandUpPaddling', OUT],
  standuppaddling: ['StandUpPaddling', OUT],
  sup: ['StandUpPaddling', OUT],
  surfing: ['Surfing', OUT],
  windsurfing: ['Windsurf', OUT],
  kitesurfing: ['Kitesurf', OUT],
  kiteboarding: ['Kitesurf', OUT],
  sailing: ['Sail', OUT],
  // winter
  crosscountryskiing: ['NordicSki', OUT],
  nordicskiing: ['NordicSki', OUT],
  skateskiing: ['NordicSki', OUT],
  classicskiing: ['NordicSki', OUT],
  backcountryskiing: ['BackcountrySki', OUT],
  backcountryskiingsnowboarding: ['BackcountrySki', OUT],
  alpineskiing: ['AlpineSki', OUT],
  downhillskiing: ['AlpineSki', OUT],
  resortskiing: ['AlpineSki', OUT],
  resortskiingsnowboarding: ['AlpineSki', OUT],
  snowboarding: ['Snowboard', OUT],
  snowshoeing: ['Snowshoe', OUT],
  rollerskiing: ['RollerSki', OUT],
  iceskating: ['IceSkate'],
  inlineskating: ['InlineSkate', OUT],
  skateboarding: ['Skateboard', OUT],
  // gym and other sports
  training: ['Workout'],
  fitnessequipment: ['Workout', IN],
  cardio: ['Workout'],
  indoorcardio: ['Workout', IN],
  cardiotraining: ['Workout'],
  generic: ['Workout'],
  other: ['Workout'],
  workout: ['Workout'],
  multisport: ['Workout'],
  transition: ['Workout'],
  strengthtraining: ['WeightTraining'],
  weighttraining: ['WeightTraining'],
  strength: ['WeightTraining'],
  hiit: ['HighIntensityIntervalTraining'],
  crossfit: ['Crossfit'],
  yoga: ['Yoga'],
  pilates: ['Pilates'],
  elliptical: ['Elliptical', IN],
  stairclimbing: ['StairStepper', IN],
  stairstepper: ['StairStepper', IN],
  floorclimbing: ['StairStepper', IN],
  rockclimbing: ['RockClimbing'],
  climbing: ['RockClimbing'],
  indoorclimbing: ['RockClimbing', IN],
  bouldering: ['RockClimbing'],
  golf: ['Golf', OUT],
  soccer: ['Soccer'],
  tennis: ['Tennis'],
  badminton: ['Badminton'],
  squash: ['Squash', IN],
  racquetball: ['Racquetball', IN],
  tabletennis: ['TableTennis', IN],
  pickleball: ['Pickleball'],
  wheelchair: ['Wheelchair'],
  wheelchairpushrun: ['Wheelchair'],
  wheelchairpushwalk: ['Wheelchair'],
  velomobile: ['Velomobile', OUT],
};
for (const type of STRAVA_TYPES) SPORTS[normalise(type)] ??= [type];

/** Keeps the sport when it is one of `kinds`, else gives `fallback`. */
const within =
  (fallback: string, ...kinds: string[]) =>
  (base: string | undefined): string =>
    base && kinds.includes(base) ? base : fallback;

const RIDES = ['Ride', 'MountainBikeRide', 'GravelRide', 'EBikeRide', 'EMountainBikeRide'];

/**
 * FIT sub-sports: refine the sport (given its Strava type, undefined when unknown or generic),
 * or stand for it when a GPX/TCX file names only the sub-sport ("treadmill", "trail").
 */
const SUB_SPORTS: Record<
  string,
  [((base: string | undefined) => string) | string | null, boolean?]
> = {
  generic: [null],
  street: [null, OUT],
  road: [within('Ride', 'Run', ...RIDES), OUT],
  track: [within('Run', 'Ride', 'Run'), OUT],
  treadmill: [within('Run', 'Walk', 'Hike'), IN],
  indoorrunning: ['Run', IN],
  trail: [(b) => (b === 'Ride' ? 'MountainBikeRide' : within('TrailRun', 'Walk', 'Hike')(b)), OUT],
  spin: ['Ride', IN],
  indoorcycling: ['Ride', IN],
  mountain: ['MountainBikeRide', OUT],
  downhill: ['MountainBikeRide', OUT],
  enduro: ['MountainBikeRide', OUT],
  recumbent: ['Ride'],
  cyclocross: ['Ride', OUT],
  bmx: ['Ride', OUT],
  commuting: [(b) => b ?? 'Ride'],
  mixedsurface: [(b) => b ?? 'Ride', OUT],
  gravelcycling: ['GravelRide', OUT],
  ebikefitness: ['EBikeRide'],
  ebikemountain: ['EMountainBikeRide', OUT],
  ebikeenduro: ['EMountainBikeRide', OUT],
  handcycling: ['Handcycle'],
  indoorhandcycling: ['Handcycle', IN],
  trackcycling: ['Ride'],
  indoorrowing: ['Rowing', IN],
  elliptical: ['Elliptical', IN],
  stairclimbing: ['StairStepper', IN],
  lapswimming: ['Swim', IN],
  openwater: ['Swim', OUT],
  flexibilitytraining: ['Workout'],
  strengthtraining: ['WeightTraining'],
  cardiotraining: ['Workout'],
  indoorskiing: ['NordicSki', IN],
  indoorwalking: ['Walk', IN],
  casualwalking: ['Walk'],
  speedwalking: ['Walk'],
  backcountry: ['BackcountrySki', OUT],
  resort: [within('AlpineSki', 'AlpineSki', 'Snowboard'), OUT],
  skateskiing: ['NordicSki', OUT],
  whitewater: [within('Kayaking', 'Kayaking', 'Canoeing', 'Rowing'), OUT],
  yoga: ['Yoga'],
  pilates: ['Pilates'],
  virtualactivity: [(b) => virtualSport(b ?? 'Ride'), IN],
  obstacle: [within('Run')],
  ultra: [within('Run', 'TrailRun', 'Ride', ...RIDES)],
  indoorclimbing: ['RockClimbing', IN],
  bouldering: ['RockClimbing'],
  hiit: ['HighIntensityIntervalTraining'],
  amrap: ['HighIntensityIntervalTraining'],
  emom: ['HighIntensityIntervalTraining'],
  tabata: ['HighIntensityIntervalTraining'],
  pickleball: ['Pickleball'],
  squash: ['Squash', IN],
  badminton: ['Badminton'],
  racquetball: ['Racquetball', IN],
  tabletennis: ['TableTennis', IN],
  indoorwheelchairwalk: ['Wheelchair', IN],
  indoorwheelchairrun: ['Wheelchair', IN],
  biketoruntransition: ['Workout'],
  runtobiketransition: ['Workout'],
  swimtobiketransition: ['Workout'],
};

// Strava's GPX exports write the activity type as a number.
const STRAVA_CODES: Record<string, string> = {
  '1': 'Ride',
  '2': 'AlpineSki',
  '4': 'Hike',
  '9': 'Run',
  '10': 'Walk',
  '16': 'Swim',
};

/**
 * The sport_type for a sport and optional sub-sport, with what the names say about indoors.
 * A generic sport ("generic", "Other", "training") gives Workout only when the sub-sport says
 * nothing better.
 */
export function classifySport(sport: string | undefined, subSport?: string): SportClass {
  const trimmed = sport?.trim() ?? '';
  const coded = STRAVA_CODES[trimmed];
  const key = normalise(trimmed);
  const named = coded ? ([coded] as [string, boolean?]) : SPORTS[key];
  // A sport name GPX/TCX use that is really a sub-sport (treadmill, trail, lap_swimming).
  const asSub = named ? undefined : SUB_SPORTS[key];
  const base: [string | undefined, boolean?] = named ?? [undefined];
  const generic =
    base[0] === 'Workout' && (key === 'generic' || key === 'other' || key === 'training');
  const refine = subSport ? SUB_SPORTS[normalise(subSport)] : asSub;
  if (refine) {
    const [to, indoor] = refine;
    const known = generic ? undefined : base[0];
    const result = typeof to === 'function' ? to(known) : (to ?? base[0]);
    const out: SportClass = { sport: result ?? base[0] };
    const flag = indoor ?? base[1];
    if (flag !== undefined) out.indoor = flag;
    return out;
  }
  const out: SportClass = { sport: base[0] };
  if (base[1] !== undefined) out.indoor = base[1];
  return out;
}

export function mapSport(sport: string | undefined, subSport?: string): string | undefined {
  return classifySport(sport, subSport).sport;
}

/** The virtual counterpart of a sport (a ride in a virtual world is a VirtualRide). */
export function virtualSport(sport: string): string {
  if (sport === 'Run' || sport === 'TrailRun' || sport === 'VirtualRun') return 'VirtualRun';
  if (sport === 'Rowing' || sport === 'VirtualRow') return 'VirtualRow';
  if (RIDES.includes(sport) || sport === 'VirtualRide') return 'VirtualRide';
  return sport;
}

/** Sports normally done outdoors with GPS: without any position they were done indoors. */
const OUTDOOR = new Set([
  'Run',
  'TrailRun',
  'Walk',
  'Hike',
  'Ride',
  'MountainBikeRide',
  'GravelRide',
  'EBikeRide',
  'EMountainBikeRide',
  'Handcycle',
  'Velomobile',
  'Wheelchair',
  // A swim without a single position is a pool swim.
  'Swim',
  'Rowing',
  'Canoeing',
  'Kayaking',
  'StandUpPaddling',
  'NordicSki',
  'AlpineSki',
  'BackcountrySki',
  'Snowboard',
  'Snowshoe',
  'RollerSki',
  'InlineSkate',
]);

export function isOutdoorSport(sport: string | undefined): boolean {
  return sport !== undefined && OUTDOOR.has(sport);
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}
