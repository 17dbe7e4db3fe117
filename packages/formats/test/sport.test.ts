import { describe, expect, it } from 'vitest';
import { classifySport, mapSport } from '../src/sport.js';

describe('sport names → Strava sport_type', () => {
  it.each([
    // GPX <type> and TCX Sport spellings, any case and separator
    ['road_biking', undefined, 'Ride', false],
    ['mountain_biking', undefined, 'MountainBikeRide', false],
    ['cycling', undefined, 'Ride', undefined],
    ['Biking', undefined, 'Ride', undefined],
    ['Running', undefined, 'Run', undefined],
    ['RUNNING', undefined, 'Run', undefined],
    ['trail_running', undefined, 'TrailRun', false],
    ['Other', undefined, 'Workout', undefined],
    ['generic', undefined, 'Workout', undefined],
    ['hiking', undefined, 'Hike', false],
    ['walking', undefined, 'Walk', undefined],
    ['swimming', undefined, 'Swim', undefined],
    ['lap_swimming', undefined, 'Swim', true],
    ['open_water', undefined, 'Swim', false],
    ['treadmill', undefined, 'Run', true],
    ['treadmill_running', undefined, 'Run', true],
    ['indoor_cycling', undefined, 'Ride', true],
    ['virtual_activity', undefined, 'VirtualRide', true],
    ['virtual_ride', undefined, 'VirtualRide', true],
    ['trail', undefined, 'TrailRun', false],
    ['track', undefined, 'Run', false],
    ['e_bike_fitness', undefined, 'EBikeRide', undefined],
    ['rowing', undefined, 'Rowing', undefined],
    ['indoor_rowing', undefined, 'Rowing', true],
    ['stand_up_paddleboarding', undefined, 'StandUpPaddling', false],
    ['kayaking', undefined, 'Kayaking', false],
    ['cross_country_skiing', undefined, 'NordicSki', false],
    ['alpine_skiing', undefined, 'AlpineSki', false],
    ['snowboarding', undefined, 'Snowboard', false],
    ['training', undefined, 'Workout', undefined],
    ['yoga', undefined, 'Yoga', undefined],
    ['strength_training', undefined, 'WeightTraining', undefined],
    ['Gravel Ride', undefined, 'GravelRide', undefined],
    // Strava's own names and GPX export codes
    ['VirtualRun', undefined, 'VirtualRun', true],
    ['EMountainBikeRide', undefined, 'EMountainBikeRide', undefined],
    ['9', undefined, 'Run', undefined],
    // FIT sport + sub-sport as the SDK profile spells them
    ['running', 'treadmill', 'Run', true],
    ['walking', 'treadmill', 'Walk', true],
    ['running', 'trail', 'TrailRun', false],
    ['running', 'track', 'Run', false],
    ['running', 'virtualActivity', 'VirtualRun', true],
    ['cycling', 'indoorCycling', 'Ride', true],
    ['cycling', 'spin', 'Ride', true],
    ['cycling', 'virtualActivity', 'VirtualRide', true],
    ['cycling', 'mountain', 'MountainBikeRide', false],
    ['cycling', 'gravelCycling', 'GravelRide', false],
    ['cycling', 'road', 'Ride', false],
    ['cycling', 'commuting', 'Ride', undefined],
    ['eBiking', 'eBikeMountain', 'EMountainBikeRide', false],
    ['swimming', 'lapSwimming', 'Swim', true],
    ['swimming', 'openWater', 'Swim', false],
    ['rowing', 'indoorRowing', 'Rowing', true],
    ['rowing', 'virtualActivity', 'VirtualRow', true],
    ['alpineSkiing', 'backcountry', 'BackcountrySki', false],
    ['snowboarding', 'resort', 'Snowboard', false],
    ['crossCountrySkiing', 'skateSkiing', 'NordicSki', false],
    ['training', 'strengthTraining', 'WeightTraining', undefined],
    ['training', 'yoga', 'Yoga', undefined],
    ['fitnessEquipment', 'elliptical', 'Elliptical', true],
    ['fitnessEquipment', 'stairClimbing', 'StairStepper', true],
    ['generic', 'generic', 'Workout', undefined],
    // a generic sport gives way to what the sub-sport knows
    ['generic', 'treadmill', 'Run', true],
    ['generic', 'mountain', 'MountainBikeRide', false],
    ['transition', 'generic', 'Workout', undefined],
    ['standUpPaddleboarding', undefined, 'StandUpPaddling', false],
    ['hiit', undefined, 'HighIntensityIntervalTraining', undefined],
  ])('%s / %s → %s (indoor %s)', (sport, sub, expected, indoor) => {
    const c = classifySport(sport, sub);
    expect(c.sport).toBe(expected);
    expect(c.indoor).toBe(indoor);
    expect(mapSport(sport, sub)).toBe(expected);
  });

  it('gives undefined for names it does not know, never a guess', () => {
    expect(mapSport('quidditch')).toBeUndefined();
    expect(mapSport(undefined)).toBeUndefined();
    expect(mapSport('')).toBeUndefined();
  });
});
