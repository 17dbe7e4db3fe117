import { SaxesParser } from 'saxes';

/**
 * Checks an XML document against the *structure* of its XSD: the namespace of the root,
 * that every prefix is declared (a namespace-aware parse), and for each listed parent that its
 * children come in the schema's sequence order with the required ones present. Written from
 * the GPX 1.1 and TCX v2 schemas' sequences for the elements our writers produce.
 */
export interface Sequence {
  order: string[];
  required: string[];
}

export const GPX11: Record<string, Sequence> = {
  gpx: { order: ['metadata', 'wpt', 'rte', 'trk', 'extensions'], required: [] },
  metadata: {
    order: [
      'name',
      'desc',
      'author',
      'copyright',
      'link',
      'time',
      'keywords',
      'bounds',
      'extensions',
    ],
    required: [],
  },
  trk: {
    order: ['name', 'cmt', 'desc', 'src', 'link', 'number', 'type', 'extensions', 'trkseg'],
    required: [],
  },
  trkseg: { order: ['trkpt', 'extensions'], required: [] },
  trkpt: {
    order: [
      'ele',
      'time',
      'magvar',
      'geoidheight',
      'name',
      'cmt',
      'desc',
      'src',
      'link',
      'sym',
      'type',
      'fix',
      'sat',
      'hdop',
      'vdop',
      'pdop',
      'ageofdgpsdata',
      'dgpsid',
      'extensions',
    ],
    required: [],
  },
  // TrackPointExtension v2 sequence
  TrackPointExtension: {
    order: ['atemp', 'wtemp', 'depth', 'hr', 'cad', 'speed', 'course', 'bearing', 'Extensions'],
    required: [],
  },
  PowerExtension: { order: ['PowerInWatts', 'Extensions'], required: ['PowerInWatts'] },
};

export const TCX2: Record<string, Sequence> = {
  TrainingCenterDatabase: {
    order: ['Folders', 'Activities', 'Workouts', 'Courses', 'Author', 'Extensions'],
    required: [],
  },
  Activities: { order: ['Activity', 'MultiSportSession'], required: [] },
  Activity: {
    order: ['Id', 'Lap', 'Notes', 'Training', 'Creator', 'Extensions'],
    required: ['Id', 'Lap'],
  },
  Lap: {
    order: [
      'TotalTimeSeconds',
      'DistanceMeters',
      'MaximumSpeed',
      'Calories',
      'AverageHeartRateBpm',
      'MaximumHeartRateBpm',
      'Intensity',
      'Cadence',
      'TriggerMethod',
      'Track',
      'Notes',
      'Extensions',
    ],
    required: ['TotalTimeSeconds', 'DistanceMeters', 'Calories', 'Intensity', 'TriggerMethod'],
  },
  Track: { order: ['Trackpoint'], required: ['Trackpoint'] },
  Trackpoint: {
    order: [
      'Time',
      'Position',
      'AltitudeMeters',
      'DistanceMeters',
      'HeartRateBpm',
      'Cadence',
      'SensorState',
      'Extensions',
    ],
    required: ['Time'],
  },
  Position: {
    order: ['LatitudeDegrees', 'LongitudeDegrees'],
    required: ['LatitudeDegrees', 'LongitudeDegrees'],
  },
  HeartRateBpm: { order: ['Value'], required: ['Value'] },
  AverageHeartRateBpm: { order: ['Value'], required: ['Value'] },
  MaximumHeartRateBpm: { order: ['Value'], required: ['Value'] },
  TPX: { order: ['Speed', 'RunCadence', 'Watts', 'Extensions'], required: [] },
};

export function structureErrors(
  xml: string,
  rootNs: string,
  rules: Record<string, Sequence>,
): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  const stack: { name: string; children: string[] }[] = [];
  parser.on('error', (e) => {
    errors.push(e.message);
  });
  parser.on('opentag', (tag) => {
    if (stack.length === 0 && tag.uri !== rootNs) errors.push(`root namespace is ${tag.uri}`);
    stack[stack.length - 1]?.children.push(tag.local);
    stack.push({ name: tag.local, children: [] });
  });
  parser.on('closetag', () => {
    const node = stack.pop()!;
    const rule = rules[node.name];
    if (!rule) return;
    let last = -1;
    for (const child of node.children) {
      const at = rule.order.indexOf(child);
      if (at < 0) errors.push(`<${child}> is not allowed in <${node.name}>`);
      else if (at < last) errors.push(`<${child}> is out of order in <${node.name}>`);
      else last = at;
    }
    for (const r of rule.required)
      if (!node.children.includes(r)) errors.push(`<${node.name}> lacks <${r}>`);
  });
  parser.write(xml).close();
  return [...new Set(errors)];
}
