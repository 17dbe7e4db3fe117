/** The engine's per-sample columns: raw channels as kept, then cumulative totals. */
export const COLUMNS = [
  'time',
  'lat',
  'lon',
  'ele',
  'eleS',
  'hr',
  'cad',
  'power',
  'temp',
  'devDist',
  'speed',
  'dist',
  'active',
  'moving',
  'gain',
  'loss',
  'energy',
  'powerT',
  'hrSum',
  'hrT',
  'cadSum',
  'cadT',
  'vel',
  'raw',
] as const;
export type ColumnName = (typeof COLUMNS)[number];

/** All columns in one object literal, so the object has one fixed shape (fast property loads). */
export function newColumns(cap: number): Record<ColumnName, Float64Array> {
  const f = () => new Float64Array(cap);
  return {
    time: f(),
    lat: f(),
    lon: f(),
    ele: f(),
    eleS: f(),
    hr: f(),
    cad: f(),
    power: f(),
    temp: f(),
    devDist: f(),
    speed: f(),
    dist: f(),
    active: f(),
    moving: f(),
    gain: f(),
    loss: f(),
    energy: f(),
    powerT: f(),
    hrSum: f(),
    hrT: f(),
    cadSum: f(),
    cadT: f(),
    vel: f(),
    raw: f(),
  };
}
