/**
 * Bad requests derived from the API's own OpenAPI document. For each operation: a valid
 * baseline, then variants with one thing wrong. A variant the schema alone refuses says which
 * field the 400 must name; the others (odd but schema-valid values) only have to be refused or
 * served cleanly, never with a 5xx.
 */

/** The part of JSON Schema (as @fastify/swagger renders it for OpenAPI 3.0) the routes use. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | JsonSchema[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
}

export interface Parameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  /** The document's path, e.g. `/api/v1/activities/{id}`. */
  path: string;
  key: string;
  params: Parameter[];
  query: Parameter[];
  /** The JSON body's schema, when the operation takes one. */
  body?: JsonSchema;
  multipart: boolean;
  secured: boolean;
}

interface OpenApiOperation {
  parameters?: Array<{ in: string; name: string; required?: boolean; schema: JsonSchema }>;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  security?: unknown[];
}

/** Every operation of the document. */
export function operationsOf(doc: {
  paths: Record<string, Record<string, OpenApiOperation>>;
}): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const parameters = op.parameters ?? [];
      const of = (where: string) =>
        parameters
          .filter((p) => p.in === where)
          .map((p) => ({ name: p.name, required: !!p.required, schema: p.schema }));
      const content = op.requestBody?.content ?? {};
      return {
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path}`,
        params: of('path'),
        query: of('query'),
        body: content['application/json']?.schema,
        multipart: 'multipart/form-data' in content,
        secured: !!op.security?.length,
      };
    }),
  );
}

/** The literal values an enum-like schema (`enum` or `anyOf` of enums) allows, if it is one. */
function literals(s: JsonSchema): unknown[] | undefined {
  if (s.enum) return s.enum;
  if (s.anyOf?.every((b) => literals(b))) return s.anyOf.flatMap((b) => literals(b)!);
  return undefined;
}

const nullable = (s: JsonSchema): boolean =>
  !!s.nullable || !!s.anyOf?.some((b) => b.enum?.includes(null) || nullable(b));

/** The branch of an `anyOf` that is not the null one (how the document writes nullable). */
const concrete = (s: JsonSchema): JsonSchema =>
  s.anyOf && !literals(s) ? concrete(s.anyOf.find((b) => !b.enum?.includes(null)) ?? s) : s;

function exampleString(s: JsonSchema): string {
  switch (s.format) {
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    case 'date-time':
      return '2026-05-01T08:00:00.000Z';
    case 'date':
      return '2026-05-01';
    case 'email':
      return 'someone@example.com';
  }
  return 'a'.repeat(Math.max(s.minLength ?? 1, 1));
}

/** A minimal valid value: required properties only, the fewest items, the lowest numbers. */
export function example(schema: JsonSchema): unknown {
  const values = literals(schema);
  if (values) return values.find((v) => v !== null);
  const s = concrete(schema);
  switch (s.type) {
    case 'object':
      return Object.fromEntries(
        (s.required ?? []).map((k) => [k, example(s.properties?.[k] ?? {})]),
      );
    case 'array': {
      if (Array.isArray(s.items)) return s.items.map(example);
      return Array.from({ length: s.minItems ?? 0 }, () => example(s.items as JsonSchema));
    }
    case 'string':
      return exampleString(s);
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
  }
  return {};
}

/** A value to send, as JSON text (so that 1e309 reaches the server as written). */
export interface BadValue {
  label: string;
  json: string;
  /** The schema alone refuses it: the answer must be a 400 naming the field. */
  refused: boolean;
}

const text = (label: string, json: string, refused: boolean): BadValue => ({
  label,
  json,
  refused,
});
const str = (label: string, value: string, refused: boolean) =>
  text(label, JSON.stringify(value), refused);

/** Strings no field should choke on: NUL, unicode, paths, markup, numbers in words. */
const ODD_STRINGS: Array<[string, string]> = [
  ['a NUL character', 'a\u0000b'],
  ['unicode', 'Ünïcødé 日本語 🏃‍♀️ \u202e'],
  ['a lone surrogate', '\ud800'],
  ['a path', '../../../etc/passwd'],
  ['markup and SQL', `<script>alert(1)</script>'; drop table athletes; --`],
  ['"1e309"', '1e309'],
  ['whitespace', ' \t\r\n '],
];

function badStrings(s: JsonSchema): BadValue[] {
  const out = ODD_STRINGS.map(([label, v]) => str(label, v, false));
  const values = literals(s);
  if (values) out.push(str('not one of the values', 'NOPE', true));
  if (s.maxLength !== undefined)
    out.push(str('one character too long', 'a'.repeat(s.maxLength + 1), true));
  else out.push(str('100,000 characters', 'a'.repeat(100_000), false));
  if ((s.minLength ?? 0) > 0) out.push(str('empty', '', true));
  if (s.pattern && !new RegExp(s.pattern).test('?!')) out.push(str('off pattern', '?!', true));
  if (s.format === 'uuid') {
    out.push(str('not a UUID', 'not-a-uuid', true));
    out.push(str('a UUID URN', 'urn:uuid:00000000-0000-4000-8000-000000000000', false));
    out.push(str('a nil UUID', '00000000-0000-0000-0000-000000000000', false));
  }
  if (s.format === 'date-time') {
    out.push(str('month 13', '2026-13-01T00:00:00Z', true));
    out.push(str('year 275760', '+275760-09-13T00:00:00.001Z', false));
    out.push(str('year 0', '0000-01-01T00:00:00Z', false));
    out.push(str('year 9999', '9999-12-31T23:59:59Z', false));
  }
  if (s.format === 'date') {
    out.push(str('30 February', '2026-02-30', true));
    out.push(str('year 0', '0000-01-01', false));
    out.push(str('year 9999', '9999-12-31', false));
  }
  if (s.format === 'email') out.push(str('not an email', 'not an email', true));
  return out;
}

function badNumbers(s: JsonSchema): BadValue[] {
  const out = [
    text('"NaN"', '"NaN"', true),
    text('a word', '"abc"', true),
    text('infinity', '1e309', s.maximum !== undefined),
    text('minus infinity', '-1e309', s.minimum !== undefined || s.exclusiveMinimum !== undefined),
    text('-1e300', '-1e300', s.minimum !== undefined && s.minimum > -1e300),
    text('2^53 + 1', '9007199254740993', s.maximum !== undefined && s.maximum < 2 ** 53),
    text('the smallest subnormal', '5e-324', false),
    text('minus zero', '-0', false),
    text('"1e309" as a string', '"1e309"', false),
  ];
  if (s.type === 'integer') out.push(text('a fraction', '1.5', true));
  if (s.minimum !== undefined) out.push(text('below the minimum', String(s.minimum - 1), true));
  if (s.exclusiveMinimum !== undefined)
    out.push(text('at the exclusive minimum', String(s.exclusiveMinimum), true));
  if (s.maximum !== undefined) out.push(text('above the maximum', String(s.maximum + 1), true));
  return out;
}

/** Values wrong or odd for a field of this schema. */
export function badValues(schema: JsonSchema): BadValue[] {
  const values = valuesFor(schema);
  if (!nullable(schema)) return values;
  // Validation coerces 0, "" and false to null where null is allowed: they clear the field.
  return values.map((v) =>
    ['0', '-0', '""', 'false'].includes(v.json) ? { ...v, refused: false } : v,
  );
}

function valuesFor(schema: JsonSchema): BadValue[] {
  const s = literals(schema) ? schema : concrete(schema);
  const type = literals(s) ? 'string' : s.type;
  // Type coercion turns scalars into one another, but never an object or a pair into a scalar.
  const common = [
    text('an object', '{"a":1}', type !== 'object'),
    text('a pair', '[1,2]', type !== 'array'),
    text('null', 'null', false),
    text('true', 'true', false),
  ];
  if (nullable(schema)) common.splice(2, 1);
  switch (type) {
    case 'string':
      return [...common, ...badStrings(s)];
    case 'integer':
    case 'number':
      return [...common, ...badNumbers(s)];
    case 'boolean':
      return [...common, text('a word', '"maybe"', true), text('2', '2', true)];
    case 'array': {
      const out = [...common, text('a string', '"x"', false), text('[null]', '[null]', false)];
      if ((s.minItems ?? 0) > 0) out.push(text('no items', '[]', true));
      if (s.maxItems !== undefined && s.maxItems <= 10_000 && !Array.isArray(s.items)) {
        const one = JSON.stringify(example(s.items ?? {}));
        out.push(text('one item too many', `[${Array(s.maxItems + 1).fill(one)}]`, true));
      }
      return out;
    }
    case 'object':
      return [
        text('a string', '"x"', true),
        text('a number', '42', true),
        text('an array', '[]', true),
        text('null', 'null', !nullable(schema)),
      ];
  }
  return common;
}

/** A field of a body with a function that puts any JSON text in its place. */
export interface Field {
  /** As the API names it: `body.points.0.lat`. */
  name: string;
  schema: JsonSchema;
  /** The whole body, as JSON text, with this field set to `json` (undefined: left out). */
  with(json: string | undefined): string;
}

const HOLE = '\u0001hole\u0001';

/** JSON text of `value` with the one HOLE string in it replaced by `json`. */
function fill(value: unknown, json: string): string {
  return JSON.stringify(value).replace(JSON.stringify(HOLE), () => json);
}

/** Every field of a body schema, nested ones included (the first item of arrays). */
export function fieldsOf(schema: JsonSchema, base: unknown, prefix = 'body'): Field[] {
  const out: Field[] = [];
  const walk = (s: JsonSchema, value: unknown, name: string, put: (v: unknown) => unknown) => {
    const c = concrete(s);
    if (c.type === 'object' && c.properties && !literals(c)) {
      const obj = (value ?? {}) as Record<string, unknown>;
      for (const [key, sub] of Object.entries(c.properties)) {
        const child = obj[key] ?? example(sub);
        const at = (v: unknown) => put({ ...obj, [key]: v });
        visit(sub, child, `${name}.${key}`, at);
      }
    } else if (c.type === 'array' && c.items) {
      const arr = (value ?? []) as unknown[];
      const items = Array.isArray(c.items) ? c.items : [c.items];
      items.forEach((sub, i) => {
        const child = arr[i] ?? example(sub);
        const at = (v: unknown) => {
          const copy = [...arr];
          copy[i] = v;
          return put(copy);
        };
        visit(sub, child, `${name}.${i}`, at);
      });
    }
  };
  const visit = (s: JsonSchema, value: unknown, name: string, put: (v: unknown) => unknown) => {
    out.push({
      name,
      schema: s,
      with: (json) => (json === undefined ? JSON.stringify(put(undefined)) : fill(put(HOLE), json)),
    });
    walk(s, value, name, put);
  };
  walk(schema, base, prefix, (v) => v);
  return out;
}

/** Whole bodies that are not what any route takes. */
export const BAD_BODIES: BadValue[] = [
  text('null', 'null', true),
  text('a number', '42', true),
  text('a string', '"hello"', true),
  text('an array', '[]', true),
  text('an array of an object', '[{}]', true),
  text('true', 'true', true),
  text('infinity', '1e309', true),
  text('a prototype key', '{"__proto__":{"admin":true}}', false),
  text('a constructor key', '{"constructor":{"prototype":{"admin":true}}}', false),
  text('nested 5,000 deep', `${'['.repeat(5000)}${']'.repeat(5000)}`, true),
  text('objects nested 2,000 deep', `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`, false),
];

/** Query values: the schema's bad values as text, plus odd strings every parameter meets. */
export function badQueryValues(
  schema: JsonSchema,
): Array<{ label: string; value: string; refused: boolean }> {
  const out: Array<{ label: string; value: string; refused: boolean }> = [];
  for (const v of badValues(schema)) {
    const parsed = JSON.parse(v.json);
    // Objects and arrays have no query form; strings are sent as they are.
    if (typeof parsed === 'object' && parsed !== null) continue;
    const refused = v.refused && !(v.label === '"1e309" as a string');
    out.push({ label: v.label, value: v.json.startsWith('"') ? parsed : v.json, refused });
  }
  out.push({ label: 'empty', value: '', refused: false });
  return out;
}
