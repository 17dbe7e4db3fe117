export { cleanTrack } from './clean.js';
export * from './plausibility.js';
