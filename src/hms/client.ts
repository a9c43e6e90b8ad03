/**
 * The 100ms REST client: one undici Pool, management-token auth, per-attempt deadlines, the retry
 * policy of `retry.ts`, a FIFO concurrency cap, and one parser (`parse.ts`) for every answer.
 * Resource modules only describe calls (`transport.ts`); everything that touches HTTP is here.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { Pool } from 'undici';
import { onAbort } from './abort.js';
import type { HmsClient, HttpMethod, RawRequest, RequestOptions, UpstreamCallEvent } from './api.js';
import {
  AttemptTimeout,
  fromStatus,
  fromUndiciError,
  HmsAbortedError,
  HmsConnectionError,
  type HmsError,
  type TransportErrorKind,
} from './errors.js';
import { Limiter } from './limiter.js';
import { parseErrorBody, parseResponse } from './parse.js';
import { serializeQuery } from './query.js';
import { backoffDelay, parseRetryAfter, shouldRetry } from './retry.js';
import { createEndpointSender } from './send.js';
import { createApi } from './surface.js';
import { createTokenProvider, type TokenKind } from './tokens.js';
import { type Call, checkRawPath, fillRoute, type Transport, templateOf } from './transport.js';

/** The subset of pino this client uses; any pino logger fits. */
export interface HmsLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface HmsClientOptions {
  /** App access key from the 100ms dashboard (Developer section). */
  accessKey: string;
  /** App secret; signs the management token and never leaves this process. */
  secret: string;
  /**
   * API base URL; request paths such as `/rooms` are joined onto it, keeping its path prefix.
   * @default 'https://api.100ms.live/v2'
   */
  baseUrl?: string;
  /** Deadline of one HTTP attempt (connect, headers and body), in milliseconds. @default 10000 */
  timeoutMs?: number;
  /** Retries after the first attempt, for failures the retry policy deems safe. @default 2 */
  maxRetries?: number;
  /** Upstream attempts in flight at once (also the Pool's connection count); more wait in FIFO order. @default 32 */
  maxConcurrency?: number;
  /** Lifetime of each management token, in seconds. @default 86400 */
  tokenValiditySeconds?: number;
  /** Structured logger (pino-compatible). Never receives tokens, secrets or headers. @default no logging */
  logger?: HmsLogger;
  /** Client-wide hook called once per HTTP attempt (metrics); per-call hooks are in RequestOptions. */
  onCall?: (event: UpstreamCallEvent) => void;
  /** Called after every token signing (management or app), e.g. to count mints. */
  onTokenSigned?: (kind: TokenKind) => void;
  /** Wall clock in epoch milliseconds (token times, Retry-After dates). @default Date.now */
  now?: () => number;
  /** Uniform random in [0, 1) for backoff jitter. @default Math.random */
  random?: () => number;
  /** Waits between retries; must reject when `signal` aborts. @default node:timers/promises setTimeout */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const DEFAULT_BASE_URL = 'https://api.100ms.live/v2';
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
const noopLogger: HmsLogger = { debug() {}, info() {}, warn() {}, error() {} };

function integerOption(value: number | undefined, fallback: number, name: string, min: number): number {
  const n = value ?? fallback;
  if (!Number.isSafeInteger(n) || n < min) throw new RangeError(`${name} must be an integer >= ${min}`);
  return n;
}

function parseBaseUrl(raw: string): URL {
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
function headerSafe(value: string | undefined): string | undefined {
  return value && /^[\x21-\x7e]{1,200}$/.test(value) ? value : undefined;
}

function headerValue(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Whether a fresh management token could cure this answer. A re-minted token carries the same
 * claims, so it only helps when the token itself was rejected (expired, malformed, wrong key):
 * always a 401 per the docs. 100ms also answers 403 for business refusals ("Room is disabled",
 * "code can not be enabled"); replaying those would double every refusal and throw away a good
 * cached token. The SDK replays every 403; here a 403 is replayed only when it blames the token.
 */
function tokenRejected(status: number, body: unknown): boolean {
  if (status === 401) return true;
  if (status !== 403 || typeof body !== 'object' || body === null) return false;
  const { message, data } = body as { message?: unknown; data?: { description?: unknown } | null };
  const text = [message, data?.description].filter((t) => typeof t === 'string').join(' ');
  return /token|auth|jwt|expired|signature/i.test(text);
}

type AttemptResult =
  | { kind: 'response'; status: number; headers: Record<string, string | string[] | undefined>; text: string }
  | { kind: 'error'; error: HmsError };

export function createHmsClient(options: HmsClientOptions): HmsClient {
  const base = parseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const basePath = base.pathname.replace(/\/+$/, '');
  const timeoutMs = integerOption(options.timeoutMs, 10_000, 'timeoutMs', 1);
  const maxRetries = integerOption(options.maxRetries, 2, 'maxRetries', 0);
  const maxConcurrency = integerOption(options.maxConcurrency, 32, 'maxConcurrency', 1);
  const logger = options.logger ?? noopLogger;
  const clientOnCall = options.onCall;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number, signal: AbortSignal) => delay(ms, undefined, { signal }));
  const tokens = createTokenProvider({
    accessKey: options.accessKey,
    secret: options.secret,
    validitySeconds: options.tokenValiditySeconds,
    now,
    onSign: options.onTokenSigned,
  });

  const pool = new Pool(base.origin, {
    connections: maxConcurrency,
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
  const limiter = new Limiter(maxConcurrency);
  /** Aborts pending backoff sleeps on close(). */
  const closing = new AbortController();
  let closed: Promise<void> | null = null;

  function emit(hook: ((event: UpstreamCallEvent) => void) | undefined, event: UpstreamCallEvent) {
    if (!hook) return;
    try {
      hook(event);
    } catch (error) {
      // A broken metrics hook must not fail the call it observes.
      logger.warn(
        { err: error instanceof Error ? { name: error.name, message: error.message } : String(error) },
        'onCall hook threw',
      );
    }
  }

  async function attemptOnce(
    call: Call,
    target: string,
    body: string | undefined,
    token: string,
    requestId: string | undefined,
    path: string,
  ): Promise<AttemptResult> {
    const signal = call.options?.signal;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new AttemptTimeout(timeoutMs)), timeoutMs);
    const unsubscribe = onAbort(signal, () => controller.abort(signal?.reason));
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: `Bearer ${token}`,
      'user-agent': 'hms-graph',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (requestId) headers['x-request-id'] = requestId;
    try {
      const response = await pool.request({
        method: call.method,
        path: target,
        headers,
        body,
        signal: controller.signal,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const text = await response.body.text();
      return { kind: 'response', status: response.statusCode, headers: response.headers, text };
    } catch (error) {
      const aborted = signal?.aborted === true && !(error instanceof AttemptTimeout);
      return { kind: 'error', error: fromUndiciError(error, { method: call.method, path, aborted }) };
    } finally {
      clearTimeout(timer);
      unsubscribe();
    }
  }

  /** Backoff that wakes early, with a rejection, when the caller aborts or the client closes. */
  async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
    const controller = new AbortController();
    const relay = () => controller.abort(signal?.reason);
    const onClose = () => controller.abort(closing.signal.reason);
    if (signal?.aborted) relay();
    if (closing.signal.aborted) onClose();
    const unsubscribe = [onAbort(signal, relay), onAbort(closing.signal, onClose)];
    try {
      await sleep(ms, controller.signal);
    } finally {
      for (const fn of unsubscribe) fn();
    }
  }

  async function send<T>(call: Call): Promise<T> {
    const { method } = call;
    const options: RequestOptions = call.options ?? {};
    const { signal } = options;
    const path = basePath + (call.path ?? fillRoute(call.route, call.params));
    const route = basePath + call.route;
    const query = serializeQuery(call.query);
    const target = query ? `${path}?${query}` : path;
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    const requestId = headerSafe(options.requestId);
    const idempotent = method === 'GET';
    const limit = (call.query as { limit?: unknown } | undefined)?.limit;
    const requestedLimit = typeof limit === 'number' ? limit : undefined;
    const closedError = () => new HmsConnectionError({ method, path, kind: 'closed' });
    const abortedError = () => fromUndiciError(signal?.reason, { method, path, aborted: true });

    let attempt = 0;
    let budgetAttempt = 0;
    let reminted = false;
    while (true) {
      if (closed) throw closedError();
      if (signal?.aborted) throw abortedError();
      // Counted before it is sent, so a per-request budget holds however many calls race.
      options.beforeSend?.({ method, route, attempt: attempt + 1 });
      try {
        await limiter.acquire(signal);
      } catch {
        throw closed ? closedError() : abortedError();
      }
      attempt += 1;
      const started = performance.now();
      let token = '';
      let result: AttemptResult;
      try {
        token = await tokens.managementToken();
        result = await attemptOnce(call, target, body, token, requestId, path);
      } finally {
        limiter.release();
      }
      const durationMs = performance.now() - started;
      const report = (status: number, retrying: boolean) => {
        const event: UpstreamCallEvent = { method, route, status, durationMs, attempt, retrying };
        emit(options.onCall, event);
        emit(clientOnCall, event);
      };

      let error: HmsError;
      let retry: boolean;
      let retryAfterMs: number | undefined;
      if (result.kind === 'response') {
        const { status } = result;
        const upstreamRequestId = headerSafe(headerValue(result.headers, 'x-request-id'));
        const ctx = { method, path, route, requestId: upstreamRequestId };
        if (status >= 200 && status < 300) {
          report(status, false);
          logger.debug({ method, route, status, attempt, durationMs, requestId }, '100ms call');
          return parseResponse(status, result.text, call.shape, { ...ctx, requestedLimit }) as T;
        }
        const errorBody = parseErrorBody(result.text);
        if (!reminted && tokenRejected(status, errorBody)) {
          // The SDK's recovery, kept: one fresh token and one replay. Safe for a POST too: a
          // rejected token means 100ms did not act. Does not consume the retry budget.
          reminted = true;
          tokens.invalidate(token);
          report(status, true);
          logger.info(
            { method, route, status, attempt, requestId },
            '100ms rejected the token; re-minting once',
          );
          continue;
        }
        retryAfterMs = parseRetryAfter(headerValue(result.headers, 'retry-after'), now());
        error = fromStatus(status, errorBody, { ...ctx, retryAfterMs });
        budgetAttempt += 1;
        retry = shouldRetry({
          method,
          idempotent,
          status,
          attempt: budgetAttempt,
          maxRetries,
          sent: true,
          retryAfterMs,
        });
        report(status, retry);
      } else {
        error = result.error;
        const kind: TransportErrorKind = (error as { kind?: TransportErrorKind }).kind ?? 'protocol';
        const sent = (error as { requestSent?: boolean }).requestSent ?? true;
        budgetAttempt += 1;
        retry = shouldRetry({
          method,
          idempotent,
          errorKind: kind,
          attempt: budgetAttempt,
          maxRetries,
          sent,
        });
        report(0, retry);
      }

      const logFields = {
        method,
        route,
        status: error.status,
        error: error.name,
        attempt,
        durationMs,
        requestId,
      };
      if (!retry) {
        // 4xx answers and cancellations are the caller's business; the rest is 100ms's health.
        const expected = (error.status >= 400 && error.status < 500) || error instanceof HmsAbortedError;
        const level = expected ? 'debug' : 'warn';
        logger[level](logFields, '100ms call failed');
        throw error;
      }
      const waitMs = backoffDelay({ attempt: budgetAttempt, retryAfterMs, random });
      logger.warn({ ...logFields, retryInMs: waitMs }, '100ms call failed; retrying');
      try {
        await pause(waitMs, signal);
      } catch (sleepError) {
        if (closed) throw closedError();
        if (signal?.aborted) throw abortedError();
        throw sleepError;
      }
    }
  }

  const transport: Transport = { send };
  const endpointSend = createEndpointSender({ transport, appToken: (o) => tokens.appToken(o) });
  const api = createApi(endpointSend, {
    managementToken: () => tokens.managementToken(),
    async request<T = unknown>(
      method: HttpMethod,
      path: string,
      init: RawRequest = {},
      requestOptions?: RequestOptions,
    ) {
      const raw = checkRawPath(path);
      // Labelled with a derived template so ids never become metric labels.
      return send<T>({
        method,
        route: templateOf(raw),
        path: raw,
        query: init.query,
        body: init.body,
        shape: 'any',
        options: requestOptions,
      });
    },
  });

  return {
    ...api,
    send: endpointSend,
    accessKey: options.accessKey,
    get inFlight() {
      return limiter.active;
    },
    close() {
      if (!closed) {
        closing.abort(new Error('client closed'));
        limiter.rejectAll(new Error('client closed'));
        closed = pool.close();
      }
      return closed;
    },
  };
}
