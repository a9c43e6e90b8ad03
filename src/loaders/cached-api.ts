/**
 * The shared entity cache in front of the catalogue endpoints whose entry has a `cache` rule:
 * `byId` reads are answered from it, `writeThrough` lists store their items. It sits *below* the
 * per-caller room guard, so a cached object is still checked against the caller's rooms like a
 * fetched one. Nothing here names an endpoint: adding one with a cache rule is enough.
 */
import { type EntityCache, type EntityKind, policy } from '../cache.js';
import { UpstreamBudgetExceededError } from '../context.js';
import type { Page } from '../hms/api.js';
import {
  type AnyArgs,
  asLoose,
  asSend,
  type CacheKindName,
  type CacheTtlName,
  type EndpointName,
  type Send,
  specOf,
} from '../hms/endpoints.js';
import { HmsAbortedError, HmsTimeoutError } from '../hms/errors.js';
import { asCacheMiss } from '../hms/tracing.js';

/** Every catalogue cache kind is a kind of the entity cache. */
const KINDS: { [K in CacheKindName]: K & EntityKind } = {
  room: 'room',
  template: 'template',
  session: 'session',
  recording: 'recording',
  liveStream: 'liveStream',
  externalStream: 'externalStream',
  recordingAsset: 'recordingAsset',
};

const TTLS: { [K in CacheTtlName]: (value: never) => number } = {
  room: policy.room,
  template: policy.template,
  session: policy.session,
  job: policy.job,
  asset: policy.asset,
};

/**
 * The first caller's fetch failed for a reason of its own (it gave up, or its deadline passed):
 * a caller still waiting fetches for itself instead of inheriting that failure.
 */
function failedForItsCaller(error: unknown): boolean {
  return (
    error instanceof HmsAbortedError ||
    (error instanceof HmsTimeoutError && error.kind === 'deadline') ||
    error instanceof UpstreamBudgetExceededError
  );
}

export function withEntityCache(send: Send, cache: EntityCache): Send {
  const inner = asLoose(send);
  // Misses of one entry in flight, across requests: when a popular entry expires, the requests
  // that miss it together share one upstream call instead of each making its own.
  const fetching = new Map<string, Promise<unknown>>();
  return asSend(async (name: EndpointName, args: AnyArgs, options) => {
    const rule = specOf(name).cache;
    if (!rule) return inner(name, args, options);
    const kind = KINDS[rule.kind];
    const ttl = TTLS[rule.ttl] as (value: unknown) => number;
    if (rule.mode === 'byId') {
      const id = args.params?.id;
      if (id === undefined) return inner(name, args, options);
      const [hit] = await cache.getMany<unknown>(kind, [id]);
      if (hit !== undefined) return hit;
      const key = `${kind}\u0000${id}`;
      const shared = fetching.get(key);
      if (shared) {
        try {
          return await shared;
        } catch (error) {
          if (!failedForItsCaller(error) || options?.signal?.aborted) throw error;
          return asCacheMiss(() => inner(name, args, options));
        }
      }
      const fetch = asCacheMiss(() => inner(name, args, options)).then((value) => {
        void cache.set(kind, id, value, ttl(value));
        return value;
      });
      fetching.set(key, fetch);
      try {
        return await fetch;
      } finally {
        fetching.delete(key);
      }
    }
    const page = (await inner(name, args, options)) as Page<{ id: string }>;
    void cache.setMany(
      kind,
      page.items.map((item) => [item.id, item, ttl(item)] as const),
    );
    return page;
  });
}
