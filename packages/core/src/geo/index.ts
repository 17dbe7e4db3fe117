export {
  destination,
  haversineDistance,
  MEAN_EARTH_RADIUS_M,
  vincentyDistance,
} from './reference.js';
export { LocalScale, pathLength, rulerDistance, scaleAt } from './ruler.js';
