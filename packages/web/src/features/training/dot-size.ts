/**
 * How big an activity's dot is in the training log: its area grows with the moving time (an
 * hour is 16 px across, four hours would be twice that), kept between a dot a short walk can
 * still be seen and tapped in, and one that fits its day's column.
 */
export const DOT_PX = { min: 6, hour: 16, max: 26 } as const;

/** The dot's diameter in whole pixels. */
export function dotSize(movingTime: number | null | undefined): number {
  const t = typeof movingTime === 'number' && Number.isFinite(movingTime) ? movingTime : 0;
  const d = DOT_PX.hour * Math.sqrt(Math.max(0, t) / 3600);
  return Math.round(Math.min(DOT_PX.max, Math.max(DOT_PX.min, d)));
}
