import { Decoder, Profile, Stream } from '@garmin/fitsdk';
import { FormatError, type Warnings } from '../errors.js';
import type { Budget } from '../limits.js';

/** A decoded message as the SDK returns it: camelCase field names, scaled values. */
export type FitMesg = Record<string, unknown>;

export interface FitMessages {
  fileId: FitMesg[];
  records: FitMesg[];
  sessions: FitMesg[];
  laps: FitMesg[];
  events: FitMesg[];
  deviceInfos: FitMesg[];
  sports: FitMesg[];
  timestampCorrelations: FitMesg[];
}

const RECORD_MESG_NUM = 20;

/**
 * Runs the Garmin SDK decoder. Date-times stay FIT-epoch numbers (converted once, later) and
 * sub-fields are not expanded: both cost time and neither is needed. The budget is checked
 * from the message listener; the SDK catches what we throw there, so it is re-thrown here.
 */
export function decodeFitMessages(
  bytes: Uint8Array,
  warnings: Warnings,
  budget: Budget,
): FitMessages {
  let count = 0;
  let stop: FormatError | undefined;
  const decoder = new Decoder(Stream.fromByteArray(bytes as unknown as number[]));
  const { messages, errors } = decoder.read({
    convertDateTimesToDates: false,
    convertTypesToStrings: false,
    expandSubFields: false,
    mesgListener: (mesgNum: number) => {
      if (mesgNum === RECORD_MESG_NUM) {
        try {
          budget.addPoints(1);
        } catch (error) {
          stop = error as FormatError;
          throw error;
        }
      }
      if ((++count & 1023) === 0) {
        try {
          budget.tick();
        } catch (error) {
          stop = error as FormatError;
          throw error;
        }
      }
    },
  });
  if (stop) throw stop;
  const m = messages as unknown as Record<string, FitMesg[] | undefined>;
  const out: FitMessages = {
    fileId: m.fileIdMesgs ?? [],
    records: m.recordMesgs ?? [],
    sessions: m.sessionMesgs ?? [],
    laps: m.lapMesgs ?? [],
    events: m.eventMesgs ?? [],
    deviceInfos: m.deviceInfoMesgs ?? [],
    sports: m.sportMesgs ?? [],
    timestampCorrelations: m.timestampCorrelationMesgs ?? [],
  };
  // Enum names only where we read them (not on every record): profile type per field.
  named(out.fileId, { type: 'file', manufacturer: 'manufacturer' });
  named(out.sessions, { sport: 'sport', subSport: 'subSport' });
  named(out.laps, { sport: 'sport', lapTrigger: 'lapTrigger' });
  named(out.events, { event: 'event', eventType: 'eventType' });
  named(out.deviceInfos, { deviceIndex: 'deviceIndex', manufacturer: 'manufacturer' });
  named(out.sports, { sport: 'sport', subSport: 'subSport' });
  const error = errors[0];
  if (error) {
    const message = String((error as Error).message ?? error).replace(/^FIT Runtime Error\s*/, '');
    if (out.records.length === 0 && out.sessions.length === 0) {
      throw new FormatError('FIT_DECODE_FAILED', `The FIT file could not be decoded: ${message}`);
    }
    warnings.add(
      'FIT_DECODE_FAILED',
      `The FIT decoder stopped early (${message}); what came before was kept`,
    );
  }
  return out;
}

function named(messages: FitMesg[], fields: Record<string, string>): void {
  const types = Profile.types as Record<string, Record<number, string> | undefined>;
  for (const m of messages) {
    for (const [field, type] of Object.entries(fields)) {
      const v = m[field];
      if (typeof v === 'number') {
        const name = types[type]?.[v];
        if (name !== undefined) m[field] = name;
      }
    }
  }
}
