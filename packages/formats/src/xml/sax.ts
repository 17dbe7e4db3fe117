import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { guessEncoding } from '../detect.js';
import { FormatError, type SourceLocation } from '../errors.js';
import type { Budget } from '../limits.js';

/** What a format mapper sees: local names (prefix stripped, so undeclared prefixes are fine). */
export interface XmlHandler {
  open(name: string, attributes: Record<string, string>): void;
  /** Called with the element's whole text content when `wantText` was true at its opening. */
  close(name: string, text: string): void;
  /** Set by `open` when the element's text matters (leaf values); keeps other text unbuffered. */
  wantText: boolean;
}

export interface XmlOutcome {
  /** The first well-formedness error; parsing stopped there. Undefined when the file is whole. */
  error?: { message: string; location: SourceLocation };
}

const CHUNK_BYTES = 1 << 20;

class StopParsing extends Error {}

/**
 * Streams bytes → text → saxes → handler, one 1 MiB chunk at a time, so memory stays near the
 * size of the input and the time budget is checked between chunks. Any DOCTYPE is refused
 * outright: no DTD is ever read, so no entity can be expanded (XXE, "billion laughs").
 */
export function parseXml(bytes: Uint8Array, handler: XmlHandler, budget: Budget): XmlOutcome {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let text = '';
  let collecting = false;
  let firstError: XmlOutcome['error'];
  let fatal: FormatError | undefined;

  parser.on('doctype', () => {
    fatal = new FormatError(
      'XML_DTD_FORBIDDEN',
      'The file declares a DTD (<!DOCTYPE>); DTDs and entities are refused for safety',
      { line: parser.line, column: parser.column },
    );
    throw new StopParsing();
  });
  // Prefixed names (gpxtpx:hr) repeat thousands of times: strip each prefix once.
  const locals = new Map<string, string>();
  const localName = (raw: string): string => {
    if (raw.indexOf(':') < 0) return raw;
    let local = locals.get(raw);
    if (local === undefined) {
      local = raw.slice(raw.indexOf(':') + 1);
      if (locals.size < 256) locals.set(raw, local);
    }
    return local;
  };
  parser.on('opentag', (tag: SaxesTagPlain) => {
    handler.wantText = false;
    handler.open(localName(tag.name), tag.attributes);
    collecting = handler.wantText;
    text = '';
  });
  parser.on('text', (chunk: string) => {
    if (collecting) text += chunk;
  });
  parser.on('cdata', (chunk: string) => {
    if (collecting) text += chunk;
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    handler.close(localName(tag.name), collecting ? text : '');
    collecting = false;
    text = '';
  });
  parser.on('error', (error: Error) => {
    firstError = {
      message: error.message.replace(/^\d+:\d+: /, ''),
      location: { line: parser.line, column: parser.column },
    };
    throw new StopParsing();
  });

  const decoder = new TextDecoder(guessEncoding(bytes));
  try {
    for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
      const end = Math.min(bytes.length, at + CHUNK_BYTES);
      const chunk = decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length });
      parser.write(chunk);
      budget.tick();
    }
    parser.close();
  } catch (error) {
    if (fatal) throw fatal;
    if (error instanceof FormatError) throw error;
    if (!(error instanceof StopParsing)) {
      // saxes throws plain Errors for some states (e.g. close() twice); treat as malformed.
      firstError ??= {
        message: (error as Error).message,
        location: { line: parser.line, column: parser.column },
      };
    }
  }
  return firstError ? { error: firstError } : {};
}

let cachedDay = '';
let cachedDayMs = 0;

/** Two ASCII digits at i, or -1. */
function d2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Parses an xsd:dateTime ("2012-03-17T12:46:19Z", fractions, offsets) to epoch seconds.
 * The common fixed layout is read digit by digit with the day cached (a track stays on one
 * day for thousands of points); anything else goes through the general pattern.
 */
export function parseIsoTime(text: string): number {
  const n = text.length;
  if (
    n >= 19 &&
    text.charCodeAt(4) === 45 &&
    text.charCodeAt(10) === 84 &&
    text.charCodeAt(13) === 58
  ) {
    const day = text.slice(0, 10);
    const h = d2(text, 11);
    const mi = d2(text, 14);
    const sec = d2(text, 17);
    if (h >= 0 && mi >= 0 && sec >= 0 && text.charCodeAt(16) === 58) {
      let i = 19;
      let frac = 0;
      if (text.charCodeAt(i) === 46) {
        let scale = 0.1;
        for (i++; i < n; i++, scale /= 10) {
          const c = text.charCodeAt(i) - 48;
          if (c < 0 || c > 9) break;
          frac += c * scale;
        }
      }
      const z = text.charCodeAt(i);
      if ((i === n || (z === 90 && i === n - 1)) && d2(day, 0) >= 0) {
        if (day !== cachedDay) {
          const y = Number(day.slice(0, 4));
          const mo = d2(day, 5);
          const d = d2(day, 8);
          if (!(y >= 1000 && mo >= 1 && d >= 1)) return general(text);
          cachedDayMs = Date.UTC(y, mo - 1, d);
          cachedDay = day;
        }
        return cachedDayMs / 1000 + h * 3600 + mi * 60 + sec + frac;
      }
    }
  }
  return general(text);
}

function general(text: string): number {
  const s = text.trim();
  const m =
    /^(-?\d{4,})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(\.\d+)?)?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?$/.exec(
      s,
    );
  if (!m) return Number.NaN;
  const ms = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
  );
  let seconds = ms / 1000;
  if (m[7]) seconds += Number(m[7]);
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2, 4) || 0) * 60;
    seconds -= sign * offset;
  }
  return Number.isFinite(seconds) ? seconds : Number.NaN;
}

/** parseFloat that returns NaN for empty text; tolerant of surrounding whitespace. */
export function parseNumber(text: string): number {
  return text.length === 0 ? Number.NaN : Number.parseFloat(text);
}
