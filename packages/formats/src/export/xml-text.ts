/** Escapes text and attribute values for XML. */
export function esc(text: string): string {
  return text.replace(/[<>&"']/g, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === '"' ? '&quot;' : '&apos;',
  );
}

/** xsd:dateTime in UTC; milliseconds only when the time has them. */
export function isoTime(epochS: number): string {
  const iso = new Date(Math.round(epochS * 1000)).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/** A number with at most `decimals` decimals and no trailing zeros. */
export function dec(value: number, decimals: number): string {
  return String(Number(value.toFixed(decimals)));
}

/** True when sample i starts a new stretch after a pause (a pause lies between i-1 and i). */
export function pauseBreaks(
  times: Float64Array,
  pauses: readonly { start: number; end: number }[],
): Set<number> {
  const breaks = new Set<number>();
  if (pauses.length === 0) return breaks;
  let p = 0;
  const sorted = [...pauses].sort((a, b) => a.start - b.start);
  for (let i = 1; i < times.length && p < sorted.length; i++) {
    const before = times[i - 1]!;
    const after = times[i]!;
    while (p < sorted.length && sorted[p]!.end <= before) p++;
    const pause = sorted[p];
    if (pause && pause.start >= before && pause.end <= after && after > before) {
      breaks.add(i);
      p++;
    }
  }
  return breaks;
}
