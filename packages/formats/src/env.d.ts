// The package compiles with `types: []` (no Node or DOM typings, like core), but Node ≥ 20 and
// every browser provide the WHATWG text codecs. Only what the formats code uses is declared.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
