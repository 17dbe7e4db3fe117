import { type Route, routeFrom } from './route-activity.js';

/**
 * The demo's two regular routes in Lyon and the segments on them. Every "Quais du Rhône" run
 * and "Monts d’Or loop" ride follows its route, so the segments' leaderboards fill up.
 */
export const RUN_ROUTE: Route = routeFrom(
  [45.7485, 4.843],
  [
    [350, 1500],
    [10, 1500],
    [80, 400],
    [170, 1500],
    [190, 1500],
  ],
  (s) => 168 + 4 * Math.sin(s / 400),
);

export const RIDE_ROUTE: Route = routeFrom(
  [45.78, 4.83],
  [
    [0, 4000],
    [330, 3000],
    [20, 3000],
    [90, 2500],
    [150, 3000],
    [200, 4000],
    [230, 4500],
  ],
  // Up to the Monts d’Or (about 600 m) and back down to the Saône.
  (s) => 175 + 420 * Math.sin((Math.PI * Math.min(s, 24_000)) / 24_000) ** 2,
);

export interface DemoSegment {
  name: string;
  sport: 'Run' | 'Ride';
  route: Route;
  fromM: number;
  toM: number;
  /** Handle of the demo athlete who creates it. */
  creator: string;
}

export const DEMO_SEGMENTS: DemoSegment[] = [
  {
    name: 'Quai Augagneur northbound',
    sport: 'Run',
    route: RUN_ROUTE,
    fromM: 300,
    toM: 2700,
    creator: 'camille',
  },
  {
    name: 'Back along the Rhône',
    sport: 'Run',
    route: RUN_ROUTE,
    fromM: 3500,
    toM: 6200,
    creator: 'lea',
  },
  {
    name: 'Monts d’Or climb',
    sport: 'Ride',
    route: RIDE_ROUTE,
    fromM: 3000,
    toM: 10_000,
    creator: 'hugo',
  },
  {
    name: 'Saône descent',
    sport: 'Ride',
    route: RIDE_ROUTE,
    fromM: 15_000,
    toM: 22_000,
    creator: 'malik',
  },
];
