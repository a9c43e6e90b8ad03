/**
 * The one place 100ms answers are parsed. Everything above this module can trust that:
 * - the Go zero time `0001-01-01T00:00:00Z` (any fractional zeros) is `null`, at any depth;
 * - `size` fields are exact integers (JSON numbers are exact below 2^53; anything larger would be
 *   silently rounded by JSON.parse, so it is refused rather than passed on wrong);
 * - list envelopes are normalised into `Page`s, `data: null` being an empty page;
 * - an answer of the wrong shape is an `HmsResponseError` naming the endpoint, not a TypeError
 *   three layers up.
 */
import type { AnalyticsPage, Page } from './api.js';
import { HmsResponseError } from './errors.js';

export type ResponseShape =
  /** A single JSON object. */
  | 'object'
  /** `{limit, data, last}` → Page. */
  | 'list'
  /** `{limit, total, next, events}` → AnalyticsPage. */
  | 'analytics'
  /** `{data}` (stop-all, create room codes) → the array. */
  | 'data'
  /** `{peers}` → the map. */
  | 'peers'
  /** Whatever JSON came (the escape hatch); an empty body is undefined. */
  | 'any';

export interface ParseContext {
  method: string;
  /** Request path, for the error. */
  path: string;
  /** Route template (`/v2/rooms/{id}`), named in messages. */
  route: string;
  requestId?: string;
  /** The `limit` this request sent, used when the server does not echo one. */
  requestedLimit?: number;
}

const ZERO_TIME = /^0001-01-01T00:00:00(?:\.0+)?(?:Z|[+-]00:?00)$/;

function invalid(ctx: ParseContext, reason: string, cause?: unknown): HmsResponseError {
  return new HmsResponseError({
    method: ctx.method,
    path: ctx.path,
    requestId: ctx.requestId,
    message: `${ctx.method} ${ctx.route}: ${reason}`,
    cause,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSizeKey(key: string): boolean {
  return key === 'size' || key.endsWith('_size');
}

function exactSize(key: string, value: unknown, ctx: ParseContext): unknown {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return value;
    throw invalid(ctx, `"${key}" is not an exact integer below 2^53 (${value}); refusing to round it`);
  }
  // Webhook-era payloads document sizes as strings; accept digits, keep them exact.
  if (typeof value === 'string' && /^\d+$/.test(value)) {
    const n = Number(value);
    if (Number.isSafeInteger(n)) return n;
    throw invalid(ctx, `"${key}" is not an exact integer below 2^53 (${value}); refusing to round it`);
  }
  return value;
}

/** Zero times to null and size checks, in place (the value is freshly parsed and ours alone). */
function normalise(value: unknown, ctx: ParseContext): unknown {
  if (typeof value === 'string') return isZeroTime(value) ? null : value;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = normalise(value[i], ctx);
    return value;
  }
  const record = value as Record<string, unknown>;
  // for…in over a fresh JSON.parse result: own keys only, without allocating a key array.
  for (const key in record) {
    const item = record[key];
    if (typeof item === 'object' && item !== null) normalise(item, ctx);
    else if (typeof item === 'string' && isZeroTime(item)) record[key] = null;
    if (isSizeKey(key)) record[key] = exactSize(key, record[key], ctx);
  }
  return value;
}

/** The regex runs only on strings that start like the zero time (a few per answer, not all). */
function isZeroTime(value: string): boolean {
  return value.startsWith('0001-01-01T') && ZERO_TIME.test(value);
}

/** JSON text → normalised value; empty body → undefined. */
export function parseJson(text: string, ctx: ParseContext): unknown {
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalid(ctx, 'the body is not valid JSON', error);
  }
  return normalise(value, ctx);
}

/** Error bodies are read leniently: the status decides the class, the body only adds a message. */
export function parseErrorBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function positiveInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

function hasEnvelope(raw: Record<string, unknown>, keys: string[]): boolean {
  return keys.some((key) => key in raw);
}

function arrayOrNull(raw: Record<string, unknown>, key: string, ctx: ParseContext): unknown[] {
  const value = raw[key];
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value))
    throw invalid(ctx, `expected "${key}" to be an array or null, got ${typeof value}`);
  return value;
}

function cursor(raw: Record<string, unknown>, key: string, ctx: ParseContext): string | null {
  const value = raw[key];
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string') throw invalid(ctx, `expected "${key}" to be a string cursor`);
  return value;
}

/**
 * The next cursor, or null when the listing is over: an empty cursor, an empty page, or a page
 * shorter than the limit the *server* reported (https://www.100ms.live/docs/server-side/v2/introduction/request-and-response#pagination). The requested limit is not used
 * for the short-page rule: a server that caps the page size would otherwise end the walk early,
 * the SDK's bug.
 */
function nextCursor(last: string | null, items: unknown[], serverLimit: number | undefined): string | null {
  if (last === null || items.length === 0) return null;
  if (serverLimit !== undefined && items.length < serverLimit) return null;
  return last;
}

export function toPage<T>(raw: unknown, ctx: ParseContext): Page<T> {
  if (!isRecord(raw) || !hasEnvelope(raw, ['data', 'last', 'limit'])) {
    throw invalid(ctx, 'expected a list envelope {limit, data, last}');
  }
  const items = arrayOrNull(raw, 'data', ctx) as T[];
  const serverLimit = positiveInt(raw.limit);
  const last = cursor(raw, 'last', ctx);
  return {
    items,
    limit: serverLimit ?? ctx.requestedLimit ?? items.length,
    next: nextCursor(last, items, serverLimit),
  };
}

export function toAnalyticsPage<T>(raw: unknown, ctx: ParseContext): AnalyticsPage<T> {
  if (!isRecord(raw) || !hasEnvelope(raw, ['events', 'next', 'limit', 'total'])) {
    throw invalid(ctx, 'expected an analytics envelope {limit, total, next, events}');
  }
  const items = arrayOrNull(raw, 'events', ctx) as T[];
  const serverLimit = positiveInt(raw.limit);
  const next = cursor(raw, 'next', ctx);
  const total = typeof raw.total === 'number' && Number.isSafeInteger(raw.total) ? raw.total : items.length;
  return {
    items,
    limit: serverLimit ?? ctx.requestedLimit ?? items.length,
    next: nextCursor(next, items, serverLimit),
    total,
  };
}

/** Validates a 2xx body against the shape the endpoint documents and returns what the caller wants. */
export function parseResponse(
  status: number,
  text: string,
  shape: ResponseShape,
  ctx: ParseContext,
  json: (text: string, ctx: ParseContext) => unknown = parseJson,
): unknown {
  const raw = status === 204 ? undefined : json(text, ctx);
  switch (shape) {
    case 'any':
      return raw;
    case 'object':
      if (!isRecord(raw)) throw invalid(ctx, `expected a JSON object, got ${describe(raw)}`);
      return raw;
    case 'list':
      return toPage(raw, ctx);
    case 'analytics':
      return toAnalyticsPage(raw, ctx);
    case 'data':
      if (!isRecord(raw) || !hasEnvelope(raw, ['data', 'last', 'limit'])) {
        throw invalid(ctx, `expected an envelope {data}, got ${describe(raw)}`);
      }
      return arrayOrNull(raw, 'data', ctx);
    case 'peers': {
      if (!isRecord(raw) || !('peers' in raw)) throw invalid(ctx, `expected {peers}, got ${describe(raw)}`);
      if (raw.peers === null) return {};
      if (!isRecord(raw.peers)) throw invalid(ctx, 'expected "peers" to be an object keyed by peer id');
      return raw.peers;
    }
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'an empty body';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (isRecord(value))
    return `an object without the expected keys (${Object.keys(value).slice(0, 5).join(', ')})`;
  return typeof value;
}
