/**
 * The connection piece of the 100ms client: one undici Pool to the API origin, and one HTTP attempt
 * with its own deadline. It knows nothing of tokens, retries or budgets (see `attempt.ts`).
 */
import { Pool } from 'undici';
import { onAbort } from './abort.js';
import type { HttpMethod } from './api.js';
import { AttemptTimeout, fromUndiciError, type HmsError } from './errors.js';
import { injectTraceContext } from './tracing.js';

export const DEFAULT_BASE_URL = 'https://api.100ms.live/v2';
/** Idle sockets are closed well before 100ms's load balancer would, so a reused socket is rarely dead. */
const KEEP_ALIVE_TIMEOUT_MS = 4_000;
/** Upper bound on a server's keep-alive hint. */
const KEEP_ALIVE_MAX_TIMEOUT_MS = 60_000;
/** The largest list page (100 sessions with full peer maps) is a few MB; anything far beyond is wrong. */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
/**
 * The TCP/TLS handshake gets at most half the attempt, so a dead host surfaces as a connect timeout
 * (provably unsent, safe to retry even for a POST) rather than as the attempt's deadline.
 */
const MAX_CONNECT_TIMEOUT_MS = 5_000;

export function parseBaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TypeError('baseUrl must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TypeError('baseUrl must be an http(s) URL');
  if (url.username || url.password) throw new TypeError('baseUrl must not carry credentials');
  if (url.search || url.hash) throw new TypeError('baseUrl must not have a query or fragment');
  return url;
}

/** Only printable ASCII is a safe header value; anything else is dropped rather than rejected. */
export function headerSafe(value: string | undefined): string | undefined {
  return value && /^[\x21-\x7e]{1,200}$/.test(value) ? value : undefined;
}

export function headerValue(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export type AttemptResult =
  | { kind: 'response'; status: number; headers: Record<string, string | string[] | undefined>; text: string }
  | { kind: 'error'; error: HmsError };

export interface AttemptRequest {
  method: HttpMethod;
  /** Path and query, relative to the origin (base path included). */
  target: string;
  /** For errors: the path without query. */
  path: string;
  body: string | undefined;
  token: string;
  requestId: string | undefined;
  signal: AbortSignal | undefined;
  /** Send the active span's `traceparent` (tracing on). */
  trace?: boolean;
  /** Shorter than the client's per-attempt timeout when the request's deadline is nearer. */
  timeoutMs?: number;
}

export interface ConnectionOptions {
  baseUrl: URL;
  /** Deadline of one attempt (connect, headers and body), in milliseconds. */
  timeoutMs: number;
  /** Sockets in the pool (also the client's concurrency cap). */
  connections: number;
}

export interface Connection {
  /** One HTTP attempt; never throws, failures come back as `{ kind: 'error' }`. */
  attempt(request: AttemptRequest): Promise<AttemptResult>;
  close(): Promise<void>;
}

export function createConnection({ baseUrl, timeoutMs, connections }: ConnectionOptions): Connection {
  const pool = new Pool(baseUrl.origin, {
    connections,
    // One request per connection at a time: a POST queued behind a slow request on a socket that
    // then dies would be lost in an unknowable state.
    pipelining: 1,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    keepAliveMaxTimeout: KEEP_ALIVE_MAX_TIMEOUT_MS,
    keepAliveTimeoutThreshold: 1_000,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connect: { timeout: Math.min(MAX_CONNECT_TIMEOUT_MS, Math.max(1, Math.floor(timeoutMs / 2))) },
    maxResponseSize: MAX_RESPONSE_BYTES,
    clientTtl: null,
    allowH2: false,
  });

  async function attempt({
    method,
    target,
    path,
    body,
    token,
    requestId,
    signal,
    trace,
    timeoutMs: limitMs,
  }: AttemptRequest): Promise<AttemptResult> {
    const attemptMs = limitMs === undefined ? timeoutMs : Math.max(1, Math.min(timeoutMs, limitMs));
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new AttemptTimeout(attemptMs)), attemptMs);
    const unsubscribe = onAbort(signal, () => controller.abort(signal?.reason));
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: `Bearer ${token}`,
      'user-agent': 'hms-graph',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (requestId) headers['x-request-id'] = requestId;
    if (trace) injectTraceContext(headers);
    try {
      const response = await pool.request({
        method,
        path: target,
        headers,
        body,
        signal: controller.signal,
        headersTimeout: attemptMs,
        bodyTimeout: attemptMs,
      });
      const text = await response.body.text();
      return { kind: 'response', status: response.statusCode, headers: response.headers, text };
    } catch (error) {
      const aborted = signal?.aborted === true && !(error instanceof AttemptTimeout);
      return { kind: 'error', error: fromUndiciError(error, { method, path, aborted }) };
    } finally {
      clearTimeout(timer);
      unsubscribe();
    }
  }

  return { attempt, close: () => pool.close() };
}
