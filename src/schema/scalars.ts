/**
 * Custom scalars. Written here rather than taken from graphql-scalars because both are a few lines
 * and graphql-scalars' DateTime rejects the nanosecond timestamps 100ms sends.
 */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { remembered } from './remembered.js';

type Maybe<T> = T | null | undefined;

function toDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'string' || typeof value === 'number') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

/**
 * Serialised forms of timestamp strings seen recently. The same instants recur in every answer
 * about a room (sessions, peers, jobs, assets), and parsing one into a Date and back costs more
 * than the rest of its field; bounded, and cleared when full.
 */
const isoOf = remembered(4096, (value) => toDate(value)?.toISOString() ?? null);

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant in ISO 8601 / RFC 3339 form, always UTC, e.g. `2026-11-24T20:12:56.000Z`.',
  specifiedByURL: 'https://scalars.graphql.org/andimarek/date-time',
  serialize(value) {
    if (typeof value === 'string') {
      const iso = isoOf(value);
      if (iso !== null) return iso;
    }
    const date = toDate(value);
    if (!date) throw new GraphQLError(`DateTime cannot represent ${JSON.stringify(value)}`);
    return date.toISOString();
  },
  parseValue(value) {
    const date = typeof value === 'string' ? toDate(value) : null;
    if (!date) throw new GraphQLError(`DateTime must be an ISO 8601 string, got ${JSON.stringify(value)}`);
    return date;
  },
  parseLiteral(ast) {
    const date = ast.kind === Kind.STRING ? toDate(ast.value) : null;
    if (!date) throw new GraphQLError('DateTime must be an ISO 8601 string, e.g. "2026-01-31T00:00:00Z"');
    return date;
  },
});

function toSafeInt(value: unknown): number {
  const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new GraphQLError(
      `SafeInt must be an integer between -(2^53-1) and 2^53-1, got ${JSON.stringify(value)}`,
    );
  }
  return n;
}

export const SafeIntScalar = new GraphQLScalarType<number, number>({
  name: 'SafeInt',
  description:
    'An integer exact up to ±(2^53 − 1), serialized as a JSON number. Used for byte sizes, which exceed the 32-bit `Int`.',
  specifiedByURL: 'https://tc39.es/ecma262/#sec-number.issafeinteger',
  serialize: toSafeInt,
  parseValue: toSafeInt,
  parseLiteral(ast) {
    if (ast.kind !== Kind.INT) throw new GraphQLError('SafeInt must be an integer literal');
    return toSafeInt(ast.value);
  },
});

function literalToJson(ast: ValueNode, variables?: Maybe<Record<string, unknown>>): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map((value) => literalToJson(value, variables));
    case Kind.OBJECT:
      return Object.fromEntries(
        ast.fields.map((field) => [field.name.value, literalToJson(field.value, variables)]),
      );
    case Kind.VARIABLE:
      return variables?.[ast.name.value];
    default:
      throw new GraphQLError('JSON literal not supported');
  }
}

export const JsonScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  description: 'Any JSON value, passed through as is (the admin escape hatch only).',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literalToJson,
});
