export { type SniffedFormat, sniffFormat } from './detect.js';
export {
  ERROR_CODES,
  FormatError,
  type FormatErrorCode,
  type ImportWarning,
  isFormatError,
  type SourceLocation,
  type WarningCode,
  warningText,
} from './errors.js';
export { exportFit } from './export/fit-writer.js';
export { exportGpx } from './export/gpx-writer.js';
export { exportTcx } from './export/tcx-writer.js';
export { importActivityFile } from './import.js';
export { DEFAULT_LIMITS, type ImportLimits, resolveLimits } from './limits.js';
export { classifySport, mapSport, type SportClass } from './sport.js';
export type {
  DeviceInfo,
  DeviceTotals,
  FileFormat,
  ImportedActivity,
  ImportedCourse,
  ImportResult,
  Lap,
  Pause,
  SwimLength,
  Waypoint,
} from './types.js';
export {
  type ArchiveLimits,
  isZip,
  listZipEntries,
  readZipEntries,
  type ZipEntry,
} from './zip.js';
