import { Decoder, Profile, Stream } from '@garmin/fitsdk';
import { FormatError, type Warnings } from '../errors.js';
import type { Budget } from '../limits.js';
import { decodeFitOwn } from './own-decoder.js';

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
  /** Pool-swim lengths (active and idle). */
  lengths: FitMesg[];
}

const RECORD_MESG_NUM = 20;

/** 'auto': the SDK, with our own decoder as the fallback; 'own': our decoder only (tests compare the two). */
export type FitDecoderChoice = 'auto' | 'own';

/**
 * Decodes with the Garmin SDK; when the SDK fails (it throws on some valid files) or finds
 * nothing, Stride's own decoder reads the file instead and a warning says so.
 */
export function decodeFitMessages(
  bytes: Uint8Array,
  warnings: Warnings,
  budget: Budget,
  decoder: FitDecoderChoice = 'auto',
): FitMessages {
  if (decoder === 'own') {
    const own = decodeFitOwn(bytes, budget);
    if (own.error) {
      warnings.add(
        'FIT_DECODE_FAILED',
        `The FIT decoder stopped early (${own.error.message}); what came before was kept`,
        { offset: own.error.offset },
      );
    }
    return named(own.messages);
  }
  const sdk = decodeWithSdk(bytes, budget);
  if (sdk.error === undefined && size(sdk.messages) > 0) return named(sdk.messages);
  const own = decodeFitOwn(bytes, budget, sdk.messages.records.length);
  const why = sdk.error ?? 'it found no messages';
  if (size(own.messages) > size(sdk.messages)) {
    warnings.add(
      'FIT_DECODE_FAILED',
      own.error
        ? `The standard FIT decoder failed (${why}); the file was read by Stride's fallback decoder, which stopped early (${own.error.message}): what came before was kept`
        : `The standard FIT decoder failed (${why}); the file was read by Stride's fallback decoder`,
      own.error ? { offset: own.error.offset } : undefined,
    );
    return named(own.messages);
  }
  if (sdk.error === undefined) return named(sdk.messages);
  if (sdk.messages.records.length === 0 && sdk.messages.sessions.length === 0) {
    throw new FormatError('FIT_DECODE_FAILED', `The FIT file could not be decoded: ${why}`);
  }
  warnings.add(
    'FIT_DECODE_FAILED',
    `The FIT decoder stopped early (${why}); what came before was kept`,
  );
  return named(sdk.messages);
}

/** Messages the importer uses, all kinds counted. */
function size(m: FitMessages): number {
  return m.records.length + m.sessions.length + m.laps.length + m.lengths.length + m.events.length;
}

/**
 * Runs the Garmin SDK decoder. Date-times stay FIT-epoch numbers (converted once, later) and
 * sub-fields are not expanded: both cost time and neither is needed. The budget is checked
 * from the message listener; the SDK catches what we throw there, so it is re-thrown here.
 */
function decodeWithSdk(
  bytes: Uint8Array,
  budget: Budget,
): { messages: FitMessages; error?: string } {
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
    lengths: m.lengthMesgs ?? [],
  };
  const error = errors[0];
  if (!error) return { messages: out };
  return {
    messages: out,
    error: String((error as Error).message ?? error).replace(/^FIT Runtime Error\s*/, ''),
  };
}

/** Enum names only where we read them (not on every record): profile type per field. */
function named(out: FitMessages): FitMessages {
  nameFields(out.fileId, { type: 'file', manufacturer: 'manufacturer' });
  nameFields(out.sessions, { sport: 'sport', subSport: 'subSport' });
  nameFields(out.laps, { sport: 'sport', subSport: 'subSport', lapTrigger: 'lapTrigger' });
  nameFields(out.events, { event: 'event', eventType: 'eventType' });
  nameFields(out.deviceInfos, { deviceIndex: 'deviceIndex', manufacturer: 'manufacturer' });
  nameFields(out.sports, { sport: 'sport', subSport: 'subSport' });
  nameFields(out.lengths, { lengthType: 'lengthType', swimStroke: 'swimStroke' });
  return out;
}

function nameFields(messages: FitMesg[], fields: Record<string, string>): void {
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
