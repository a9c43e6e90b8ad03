/**
 * Per-request context: fresh loaders (so nothing leaks between callers), the request id that is
 * propagated upstream, a counter of the 100ms calls this request caused, and the long-lived
 * stores a request may use (idempotency).
 */
import type { Caller } from './auth.js';
import type { EntityCache, EntityKind } from './cache.js';
import type { HmsApi, RequestOptions } from './hms/api.js';
import type { Send } from './hms/endpoints.js';
import { type ApiExtras, createApi } from './hms/surface.js';
import type { IdempotencyStore } from './idempotency.js';
import { confine } from './loaders/confine.js';
import { createLoaders, type Loaders } from './loaders/index.js';
import type { Logger } from './logger.js';
import type { RateLimitStatus } from './plugins/use-caller-rate-limit.js';
import { createEventBus, type EventBus } from './pubsub.js';

export interface UpstreamCost {
  /**
   * HTTP attempts sent to 100ms for this request (for a subscription: for the current event),
   * retries included. Counted before sending, so it never exceeds `max`.
   */
  calls: number;
  /** GATEWAY_MAX_UPSTREAM_CALLS: attempts beyond it fail unsent with UPSTREAM_BUDGET_EXCEEDED. */
  max: number;
  /** Attempts refused because the budget was spent. */
  refused: number;
}

/**
 * Thrown (unsent) by an upstream call once the request has spent its budget; its field answers
 * `UPSTREAM_BUDGET_EXCEEDED` while sibling fields keep their data.
 */
export class UpstreamBudgetExceededError extends Error {
  override readonly name = 'UpstreamBudgetExceededError';
  constructor(readonly maxUpstreamCalls: number) {
    super(
      `This request reached its limit of ${maxUpstreamCalls} calls to 100ms (GATEWAY_MAX_UPSTREAM_CALLS); ` +
        'this field was not loaded. Ask for less in one request.',
    );
  }
}

export interface Context {
  caller: Caller;
  /** The 100ms API as this caller may use it (confined to its rooms when it has `hms_rooms`). */
  hms: HmsApi;
  /**
   * The generic sender under `hms`, equally confined and cached: any catalogue endpoint by name,
   * e.g. `ctx.send('rooms.get', { params: { id } }, ctx.upstream)`.
   */
  send: Send;
  loaders: Loaders;
  requestId: string;
  cost: UpstreamCost;
  /** Pass to every direct `hms` call (mutations) so it is traced, counted and cancellable. */
  upstream: RequestOptions;
  /** The caller's `Idempotency-Key` header, when sent and well-formed. */
  idempotencyKey: string | null;
  idempotency: IdempotencyStore;
  /** Notes for the caller, returned as `extensions.warnings` (e.g. an Idempotency-Key ignored). */
  warnings: string[];
  /** The gateway's logger (structured; secrets redacted). */
  log: Logger;
  /** Drops shared-cache entries a mutation made stale, so the next request sees the change. */
  invalidate(entries: Array<[EntityKind, string]>): Promise<void>;
  /** 100ms webhook events, for subscriptions. */
  events: EventBus;
  /** This caller's GATEWAY_CALLER_CALLS_PER_MINUTE usage before this operation; null when off. */
  rateLimit: RateLimitStatus | null;
  /** The operation's trace id when tracing is on (set as the operation ends, for the log line). */
  traceId: string | null;
  /**
   * Replaces `loaders` with fresh ones. A subscription executes once per event on one context;
   * each event must read current data, not what an earlier event loaded.
   */
  renewLoaders(this: Context): void;
}

export interface CreateContextOptions {
  caller: Caller;
  /** The catalogue sender, already reading through the entity cache (see `withEntityCache`). */
  send: Send;
  /** The non-catalogue parts of the client (management token, raw escape hatch). */
  extras: ApiExtras;
  /** GATEWAY_MAX_UPSTREAM_CALLS. @default unlimited */
  maxUpstreamCalls?: number;
  /** GATEWAY_REQUEST_TIMEOUT_MS: one deadline for all the request's upstream work. @default none */
  requestTimeoutMs?: number;
  requestId: string;
  signal?: AbortSignal;
  idempotencyKey?: string | null;
  idempotency: IdempotencyStore;
  warnings?: string[];
  /** The shared entity cache (for session children; `send` already reads through it). */
  cache?: EntityCache;
  logger: Logger;
  /** Webhook events for subscriptions. An empty in-process bus when omitted. */
  events?: EventBus;
}

export function createContext(options: CreateContextOptions): Context {
  const cost: UpstreamCost = {
    calls: 0,
    max: options.maxUpstreamCalls ?? Number.POSITIVE_INFINITY,
    refused: 0,
  };
  const beforeSend = () => {
    if (cost.calls >= cost.max) {
      cost.refused += 1;
      throw new UpstreamBudgetExceededError(cost.max);
    }
    cost.calls += 1;
  };
  const timeoutMs = options.requestTimeoutMs;
  const deadline = () => (timeoutMs === undefined ? undefined : Date.now() + timeoutMs);
  const upstream: RequestOptions = {
    requestId: options.requestId,
    signal: options.signal,
    beforeSend,
    deadline: deadline(),
  };
  const send = options.caller.rooms ? confine(options.send, options.caller.rooms) : options.send;
  const hms = createApi(send, options.extras);
  return {
    caller: options.caller,
    hms,
    send,
    requestId: options.requestId,
    cost,
    upstream,
    loaders: createLoaders(hms, upstream, options.cache),
    idempotencyKey: options.idempotencyKey ?? null,
    idempotency: options.idempotency,
    warnings: options.warnings ?? [],
    log: options.logger,
    // The mutation has already applied upstream: a cache that cannot drop its entries must not
    // turn that into a failure. The entries expire with their TTL; the log says which ones.
    invalidate: async (entries) => {
      await options.cache?.invalidate(entries).catch((error: unknown) => {
        options.logger.warn({ err: error, entries }, 'shared cache: could not invalidate after a mutation');
      });
    },
    events: options.events ?? createEventBus({ workspace: '' }),
    rateLimit: null,
    traceId: null,
    // `this`, not a closure: yoga hands resolvers a merged copy of this object.
    renewLoaders(this: Context) {
      // A subscription's budget and deadline are per delivered event.
      cost.calls = 0;
      cost.refused = 0;
      upstream.deadline = deadline();
      this.loaders = createLoaders(hms, upstream, options.cache);
    },
  };
}
