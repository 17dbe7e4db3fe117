import type { FastifyRequest } from 'fastify';
import { invalidField } from '../errors.js';

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema | Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
}

/** Whether the JSON value has one of the schema's types, ignoring every other keyword. */
function hasType(schema: Schema, value: unknown): boolean {
  const types = schema.type === undefined ? [] : [schema.type].flat();
  if (!types.length) return true;
  return types.some((type) => {
    switch (type) {
      case 'number':
      case 'integer':
        return typeof value === 'number';
      case 'string':
        return typeof value === 'string';
      case 'boolean':
        return typeof value === 'boolean';
      case 'null':
        return value === null;
      case 'array':
        return Array.isArray(value);
      case 'object':
        return typeof value === 'object' && value !== null && !Array.isArray(value);
      default:
        return true;
    }
  });
}

/** The first value (by path) whose JSON type the schema does not allow. */
function mistyped(
  schema: Schema,
  value: unknown,
  path: string,
): { field: string; message: string } | undefined {
  if (value === undefined) return undefined;
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const fitting = branches.filter((b) => hasType(b, value));
    if (!fitting.length) return { field: path, message: 'is not of an allowed type' };
    // Any branch that accepts it all is enough.
    const found = fitting.map((b) => mistyped(b, value, path));
    return found.some((f) => !f) ? undefined : found[0];
  }
  if (!hasType(schema, value)) {
    const types = [schema.type].flat().join(' or ');
    return { field: path, message: `must be ${types}` };
  }
  if (Array.isArray(value) && schema.items) {
    for (let i = 0; i < value.length; i++) {
      const item = Array.isArray(schema.items) ? schema.items[i] : schema.items;
      const found = item && mistyped(item, value[i], `${path}.${i}`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object' && schema.properties) {
    for (const [key, property] of Object.entries(schema.properties)) {
      const found = mistyped(property, (value as Record<string, unknown>)[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * A route's `preValidation` hook that refuses a JSON body whose values do not have the types
 * its schema names, before validation would coerce them: `{"lat": "45.7"}` is a 400, not 45.7.
 * (Fastify's validator coerces types on every part of a request, which query strings need; a
 * JSON body has types of its own and says what it means.)
 */
export async function strictBody(request: FastifyRequest): Promise<void> {
  const schema = request.routeOptions.schema?.body as Schema | undefined;
  if (!schema) return;
  const found = mistyped(schema, request.body, 'body');
  if (found) throw invalidField(found.field, found.message);
}
