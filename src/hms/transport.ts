/**
 * What resource modules hand to the client: one logical call, described by a route template and
 * its parameters. The template doubles as the metrics/log label, so ids and query values never
 * reach a label; parameters are percent-encoded here and nowhere else.
 */
import type { HttpMethod, RequestOptions } from './api.js';
import type { ResponseShape } from './parse.js';

export interface Call {
  method: HttpMethod;
  /** Relative to the base URL, with `{name}` placeholders, e.g. `/sessions/{id}`. */
  route: string;
  params?: Record<string, string>;
  /** A concrete path (the escape hatch); `route` is then only the label. */
  path?: string;
  /** Serialised by `query.ts`; undefined and null values are left out. */
  query?: object;
  /** JSON-serialised; omitted (no Content-Type) when undefined. */
  body?: unknown;
  /** What a 2xx answer must look like (see `parse.ts`). */
  shape: ResponseShape;
  options?: RequestOptions;
}

export interface Transport {
  send<T>(call: Call): Promise<T>;
}

/**
 * Fills a route template. An empty id would silently turn `/rooms/{id}` into the list endpoint and
 * `.`/`..` could walk the path, so both are refused before anything is sent.
 */
export function fillRoute(route: string, params: Record<string, string> = {}): string {
  return route.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (typeof value !== 'string' || value === '' || value === '.' || value === '..') {
      throw new TypeError(`path parameter ${name} must be a non-empty string, got ${JSON.stringify(value)}`);
    }
    return encodeURIComponent(value);
  });
}

/** Static path segments of the 100ms API (https://www.100ms.live/docs/server-side/v2/api-reference/); any other segment of a raw path is an id. */
const STATIC_SEGMENTS = new Set([
  'rooms',
  'sessions',
  'active-rooms',
  'peers',
  'send-message',
  'remove-peers',
  'end-room',
  'recordings',
  'room',
  'start',
  'stop',
  'pause',
  'resume',
  'recording-assets',
  'presigned-url',
  'room-codes',
  'role',
  'code',
  'live-streams',
  'timed-metadata',
  'pause-recording',
  'resume-recording',
  'external-streams',
  'analytics',
  'events',
  'peer-stats',
  'webhooks',
  'replay',
  'templates',
  'roles',
  'settings',
  'destinations',
  'polls',
  'questions',
  'options',
  'responses',
  'results',
  'stream-keys',
  'disable',
  'sip',
  'outbound',
  'trunks',
  'call',
  'dtmf',
]);

/**
 * A route template for a raw escape-hatch path: known API words stay, everything else becomes
 * `{id}`, which keeps metric label cardinality bounded whatever callers pass.
 */
export function templateOf(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment === '' || STATIC_SEGMENTS.has(segment) ? segment : '{id}'))
    .join('/');
}

/** Validates an escape-hatch path: relative to the base URL, no query, no traversal, no other host. */
export function checkRawPath(path: string): string {
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//')) {
    throw new TypeError('path must start with a single "/" and be relative to the base URL');
  }
  if (/[?#]/.test(path)) throw new TypeError('pass query parameters in init.query, not in the path');
  const traversal = (segment: string) => {
    try {
      const decoded = decodeURIComponent(segment);
      return decoded === '.' || decoded === '..';
    } catch {
      throw new TypeError('path contains a malformed percent-encoding');
    }
  };
  if (path.split('/').some(traversal)) {
    throw new TypeError('path must not contain "." or ".." segments');
  }
  // undici sends the path as-is: anything but printable ASCII must already be percent-encoded.
  if (!/^[\x21-\x7e]+$/.test(path)) throw new TypeError('path must be percent-encoded printable ASCII');
  return path;
}
