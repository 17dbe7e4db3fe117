/**
 * Maps a file's sport to a Strava `sport_type`. FIT sport/sub-sport names arrive in camelCase
 * as the SDK's profile spells them; TCX uses Running/Biking/Other; GPX <type> is free text
 * (Strava's own exports write "running", "cycling" or numeric codes).
 */
const BY_NAME: Record<string, string> = {
  running: 'Run',
  run: 'Run',
  trailrunning: 'TrailRun',
  trail: 'TrailRun',
  treadmill: 'VirtualRun',
  virtualrun: 'VirtualRun',
  cycling: 'Ride',
  biking: 'Ride',
  ride: 'Ride',
  bike: 'Ride',
  road: 'Ride',
  mountain: 'MountainBikeRide',
  mountainbiking: 'MountainBikeRide',
  mountainbikeride: 'MountainBikeRide',
  gravelcycling: 'GravelRide',
  gravelride: 'GravelRide',
  ebiking: 'EBikeRide',
  ebikeride: 'EBikeRide',
  indoorcycling: 'VirtualRide',
  virtualactivity: 'VirtualRide',
  virtualride: 'VirtualRide',
  walking: 'Walk',
  walk: 'Walk',
  hiking: 'Hike',
  hike: 'Hike',
  swimming: 'Swim',
  swim: 'Swim',
  lapswimming: 'Swim',
  openwater: 'Swim',
  rowing: 'Rowing',
  crosscountryskiing: 'NordicSki',
  alpineskiing: 'AlpineSki',
  snowboarding: 'Snowboard',
  inlineskating: 'InlineSkate',
  iceskating: 'IceSkate',
  kayaking: 'Kayaking',
  paddling: 'Canoeing',
  standuppaddleboarding: 'StandUpPaddling',
  surfing: 'Surfing',
  training: 'Workout',
  fitnessequipment: 'Workout',
  elliptical: 'Elliptical',
  stairclimbing: 'StairStepper',
  yoga: 'Yoga',
  golf: 'Golf',
  soccer: 'Soccer',
  tennis: 'Tennis',
  rockclimbing: 'RockClimbing',
  snowshoeing: 'Snowshoe',
  wheelchair: 'Wheelchair',
  handcycling: 'Handcycle',
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

/** Sub-sports that refine the sport (FIT): checked first. */
const SUB_SPORT_OVERRIDES: Record<string, string> = {
  trail: 'TrailRun',
  treadmill: 'VirtualRun',
  indoorcycling: 'VirtualRide',
  virtualactivity: 'VirtualRide',
  mountain: 'MountainBikeRide',
  gravelcycling: 'GravelRide',
  ebikemountain: 'EMountainBikeRide',
  lapswimming: 'Swim',
  openwater: 'Swim',
};

export function mapSport(sport: string | undefined, subSport?: string): string | undefined {
  if (subSport) {
    const refined = SUB_SPORT_OVERRIDES[normalise(subSport)];
    if (refined) return refined;
  }
  if (!sport) return undefined;
  const trimmed = sport.trim();
  return STRAVA_CODES[trimmed] ?? BY_NAME[normalise(trimmed)];
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, '');
}
