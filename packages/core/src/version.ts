/**
 * Version of the statistics algorithms (cleaning, distance, moving time, elevation, power,
 * efforts). Stored with every computed number so history can be recomputed when it changes
 * (DESIGN.md "Every computed number can be recomputed"). Bump it whenever any output changes.
 */
export const ALGORITHM_VERSION = 4;
