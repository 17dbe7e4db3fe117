/** What cleaning dropped or repaired, so an athlete can see why the map or a total changed. */
export interface CleaningReport {
  /** Samples offered. */
  input: number;
  /** Samples kept (possibly with their position removed). */
  kept: number;
  /** Dropped: no timestamp. */
  missingTime: number;
  /** Dropped: same timestamp as the previous kept sample. */
  duplicateTime: number;
  /** Dropped: timestamp earlier than the previous kept sample. */
  backwardsTime: number;
  /** Dropped: before START or after STOP of the session log. */
  outsideSession: number;
  /** Dropped: pause/resume markers written as latitude 100/200 (legacy OpenTracks). */
  pauseMarkers: number;
  /** Position removed: latitude/longitude out of range. */
  invalidPosition: number;
  /** Position removed: exactly (0, 0). */
  nullIsland: number;
  /** Position removed: a jump implying a speed impossible for the sport. */
  teleports: number;
  /** Jumps accepted as real after several consistent fixes; no distance counted across them. */
  teleportJumps: number;
  /** Stationary fixes within the jitter radius of the last counted fix (added no distance). */
  jitterPoints: number;
  /**
   * Metres of raw GPS steps not counted: fixes within the jitter radius of the last counted fix
   * (stationary jitter, and the zig-zag of noise while moving).
   */
  jitterM: number;
  /**
   * Gaps between samples taken as pauses: longer than the sport's gap limit with no movement
   * across them (the device stopped recording, or its clock jumped).
   */
  gapPauses: number;
  /** Altitude steps faster than the sport's vertical limit, left out of the gain. */
  elevationSpikes: number;
}

export function emptyCleaningReport(): CleaningReport {
  return {
    input: 0,
    kept: 0,
    missingTime: 0,
    duplicateTime: 0,
    backwardsTime: 0,
    outsideSession: 0,
    pauseMarkers: 0,
    invalidPosition: 0,
    nullIsland: 0,
    teleports: 0,
    teleportJumps: 0,
    jitterPoints: 0,
    jitterM: 0,
    gapPauses: 0,
    elevationSpikes: 0,
  };
}
