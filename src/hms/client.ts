/**
 * The 100ms REST client, assembled from its pieces: `connection.ts` (undici Pool, one attempt with
 * its deadline), `tokens.ts` (management and app tokens), `attempt.ts` (concurrency cap, retries,
 * token re-mint, per-request budget check) and `parse.ts` (one parser for every answer). The API
 * surface is derived from the endpoint catalogue (`endpoints.ts`, `send.ts`, `surface.ts`).
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Tracer } from '@opentelemetry/api';
import type { HmsClient, HttpMethod, RawRequest, RequestOptions, UpstreamCallEvent } from './api.js';
import { createAttemptSender } from './attempt.js';
import { createConnection, DEFAULT_BASE_URL, parseBaseUrl } from './connection.js';
import { Limiter } from './limiter.js';
import { createEndpointSender } from './send.js';
import { builtApi, createApi } from './surface.js';
import { createTokenProvider, type TokenKind } from './tokens.js';
import { type Call, checkRawPath, type Transport, templateOf } from './transport.js';

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
  /**
   * Calls that may wait for a slot when all `maxConcurrency` are busy; more fail at once with
   * `HmsOverloadedError` (nothing sent). The gateway passes HMS_MAX_QUEUE (128 by default).
   * @default unbounded
   */
  maxQueue?: number;
  /** Lifetime of each management token, in seconds. @default 86400 */
  tokenValiditySeconds?: number;
  /** Structured logger (pino-compatible). Never receives tokens, secrets or headers. @default no logging */
  logger?: HmsLogger;
  /** Client-wide hook called once per HTTP attempt (metrics); per-call hooks are in RequestOptions. */
  onCall?: (event: UpstreamCallEvent) => void;
  /** Called after every token signing (management or app), e.g. to count mints. */
  onTokenSigned?: (kind: TokenKind) => void;
  /**
   * OpenTelemetry tracer (src/telemetry.ts): each attempt becomes a client span and carries its
   * `traceparent` to 100ms. Without it, neither happens.
   */
  tracer?: Tracer;
  /** Wall clock in epoch milliseconds (token times, Retry-After dates). @default Date.now */
  now?: () => number;
  /** Uniform random in [0, 1) for backoff jitter. @default Math.random */
  random?: () => number;
  /** Waits between retries; must reject when `signal` aborts. @default node:timers/promises setTimeout */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const noopLogger: HmsLogger = { debug() {}, info() {}, warn() {}, error() {} };

function integerOption(value: number | undefined, fallback: number, name: string, min: number): number {
  const n = value ?? fallback;
  if (!Number.isSafeInteger(n) || n < min) throw new RangeError(`${name} must be an integer >= ${min}`);
  return n;
}

export function createHmsClient(options: HmsClientOptions): HmsClient {
  const base = parseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const timeoutMs = integerOption(options.timeoutMs, 10_000, 'timeoutMs', 1);
  const maxRetries = integerOption(options.maxRetries, 2, 'maxRetries', 0);
  const maxConcurrency = integerOption(options.maxConcurrency, 32, 'maxConcurrency', 1);
  const now = options.now ?? Date.now;
  const tokens = createTokenProvider({
    accessKey: options.accessKey,
    secret: options.secret,
    validitySeconds: options.tokenValiditySeconds,
    now,
    onSign: options.onTokenSigned,
  });
  const connection = createConnection({ baseUrl: base, timeoutMs, connections: maxConcurrency });
  const maxQueue =
    options.maxQueue === undefined
      ? Number.POSITIVE_INFINITY
      : integerOption(options.maxQueue, 0, 'maxQueue', 0);
  const limiter = new Limiter(maxConcurrency, maxQueue);
  const attempts = createAttemptSender({
    connection,
    tokens,
    limiter,
    basePath: base.pathname.replace(/\/+$/, ''),
    maxRetries,
    logger: options.logger ?? noopLogger,
    onCall: options.onCall,
    tracer: options.tracer,
    now,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? ((ms: number, signal: AbortSignal) => delay(ms, undefined, { signal })),
  });
  const send = <T>(call: Call) => attempts.send<T>(call);
  let closed: Promise<void> | null = null;

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
    ...builtApi(api),
    send: endpointSend,
    accessKey: options.accessKey,
    get inFlight() {
      return limiter.active;
    },
    close() {
      if (!closed) {
        attempts.close();
        closed = connection.close();
      }
      return closed;
    },
  };
}
