export { cleanTrack } from './clean.js';
