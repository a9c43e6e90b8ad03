/**
 * Per-request context: fresh loaders (so nothing leaks between callers), the request id that is
 * propagated upstream, a counter of the 100ms calls this request caused, and the long-lived
 * stores a request may use (idempotency).
 */
import type { Caller } from './auth.js';
import type { EntityCache, EntityKind } from './cache.js';
import type { HmsApi, RequestOptions, UpstreamCallEvent } from './hms/api.js';
import type { IdempotencyStore } from './idempotency.js';
import { createLoaders, type Loaders } from './loaders/index.js';
import { restrictToRooms } from './loaders/room-scope.js';
import type { Logger } from './logger.js';
import type { RateLimitStatus } from './plugins/use-caller-rate-limit.js';
import { createEventBus, type EventBus } from './pubsub.js';

export interface UpstreamCost {
  /** HTTP attempts sent to 100ms for this request, retries included. */
  calls: number;
}

export interface Context {
  caller: Caller;
  /** The 100ms API as this caller may use it (confined to its rooms when it has `hms_rooms`). */
  hms: HmsApi;
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
  /**
   * Replaces `loaders` with fresh ones. A subscription executes once per event on one context;
   * each event must read current data, not what an earlier event loaded.
   */
  renewLoaders(this: Context): void;
}

export interface CreateContextOptions {
  caller: Caller;
  hms: HmsApi;
  requestId: string;
  signal?: AbortSignal;
  idempotencyKey?: string | null;
  idempotency: IdempotencyStore;
  warnings?: string[];
  /** The shared entity cache; `hms` must already read through it (see `withEntityCache`). */
  cache?: EntityCache;
  logger: Logger;
  /** Webhook events for subscriptions. An empty in-process bus when omitted. */
  events?: EventBus;
}

export function createContext(options: CreateContextOptions): Context {
  const cost: UpstreamCost = { calls: 0 };
  const onCall = (_event: UpstreamCallEvent) => {
    cost.calls += 1;
  };
  const upstream: RequestOptions = { requestId: options.requestId, signal: options.signal, onCall };
  const hms = options.caller.rooms ? restrictToRooms(options.hms, options.caller.rooms) : options.hms;
  return {
    caller: options.caller,
    hms,
    requestId: options.requestId,
    cost,
    upstream,
    loaders: createLoaders(hms, upstream, options.cache),
    idempotencyKey: options.idempotencyKey ?? null,
    idempotency: options.idempotency,
    warnings: options.warnings ?? [],
    log: options.logger,
    invalidate: async (entries) => {
      await options.cache?.invalidate(entries);
    },
    events: options.events ?? createEventBus({ workspace: '' }),
    rateLimit: null,
    // `this`, not a closure: yoga hands resolvers a merged copy of this object.
    renewLoaders(this: Context) {
      this.loaders = createLoaders(hms, upstream, options.cache);
    },
  };
}
