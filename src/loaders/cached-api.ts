/**
 * The shared entity cache in front of the catalogue endpoints whose entry has a `cache` rule:
 * `byId` reads are answered from it, `writeThrough` lists store their items. It sits *below* the
 * per-caller room guard, so a cached object is still checked against the caller's rooms like a
 * fetched one. Nothing here names an endpoint: adding one with a cache rule is enough.
 */
import { type EntityCache, type EntityKind, policy } from '../cache.js';
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

export function withEntityCache(send: Send, cache: EntityCache): Send {
  const inner = asLoose(send);
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
      const value = await inner(name, args, options);
      void cache.set(kind, id, value, ttl(value));
      return value;
    }
    const page = (await inner(name, args, options)) as Page<{ id: string }>;
    for (const item of page.items) void cache.set(kind, item.id, item, ttl(item));
    return page;
  });
}
