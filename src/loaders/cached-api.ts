/**
 * The 100ms API with the shared entity cache in front of its by-id reads, and list results
 * written through. It sits *below* the per-caller room restriction, so a cached object is still
 * checked against the caller's rooms like a fetched one.
 */
import { type EntityCache, type EntityKind, policy } from '../cache.js';
import type { HmsApi, IterateOptions, Page, RequestOptions } from '../hms/api.js';

function cachedGet<T>(
  cache: EntityCache,
  kind: EntityKind,
  ttl: (value: T) => number,
  get: (id: string, options?: RequestOptions) => Promise<T>,
) {
  return async (id: string, options?: RequestOptions): Promise<T> => {
    const [hit] = await cache.getMany<T>(kind, [id]);
    if (hit !== undefined) return hit;
    const value = await get(id, options);
    void cache.set(kind, id, value, ttl(value));
    return value;
  };
}

function writeThrough<T extends { id: string }, Q>(
  cache: EntityCache,
  kind: EntityKind,
  ttl: (value: T) => number,
  base: {
    list(query?: Q, options?: RequestOptions): Promise<Page<T>>;
    iterate(query?: Q, options?: IterateOptions): AsyncIterable<T>;
  },
) {
  const remember = (item: T) => {
    void cache.set(kind, item.id, item, ttl(item));
  };
  return {
    async list(query?: Q, options?: RequestOptions) {
      const page = await base.list(query, options);
      page.items.forEach(remember);
      return page;
    },
    async *iterate(query?: Q, options?: IterateOptions) {
      for await (const item of base.iterate(query, options)) {
        remember(item);
        yield item;
      }
    },
  };
}

/**
 * Resources are rebuilt from bound methods rather than spread, so a client implemented with
 * classes (methods on prototypes) keeps working.
 */
export function withEntityCache(hms: HmsApi, cache: EntityCache): HmsApi {
  return {
    ...bindApi(hms),
    rooms: {
      ...bindResource(hms.rooms),
      ...writeThrough(cache, 'room', policy.room, hms.rooms),
      get: cachedGet(cache, 'room', policy.room, (id, o) => hms.rooms.get(id, o)),
    },
    templates: {
      ...bindResource(hms.templates),
      ...writeThrough(cache, 'template', policy.template, hms.templates),
      get: cachedGet(cache, 'template', policy.template, (id, o) => hms.templates.get(id, o)),
    },
    sessions: {
      ...bindResource(hms.sessions),
      ...writeThrough(cache, 'session', policy.session, hms.sessions),
      get: cachedGet(cache, 'session', policy.session, (id, o) => hms.sessions.get(id, o)),
    },
    recordings: {
      ...bindResource(hms.recordings),
      // By-id GETs embed `recording_assets`; only those are cached under the job's id.
      get: cachedGet(cache, 'recording', policy.job, (id, o) => hms.recordings.get(id, o)),
    },
    liveStreams: {
      ...bindResource(hms.liveStreams),
      get: cachedGet(cache, 'liveStream', policy.job, (id, o) => hms.liveStreams.get(id, o)),
    },
    externalStreams: {
      ...bindResource(hms.externalStreams),
      get: cachedGet(cache, 'externalStream', policy.job, (id, o) => hms.externalStreams.get(id, o)),
    },
    recordingAssets: {
      ...bindResource(hms.recordingAssets),
      ...writeThrough(cache, 'recordingAsset', policy.asset, hms.recordingAssets),
      get: cachedGet(cache, 'recordingAsset', policy.asset, (id, o) => hms.recordingAssets.get(id, o)),
    },
  };
}

/** Own copies of a resource's methods, bound to it. */
export function bindResource<R extends object>(resource: R): R {
  const out: Record<string, unknown> = {};
  let proto: object | null = resource;
  while (proto && proto !== Object.prototype) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const value = (resource as Record<string, unknown>)[name];
      if (name !== 'constructor' && typeof value === 'function' && !(name in out)) {
        out[name] = (value as (...args: unknown[]) => unknown).bind(resource);
      }
    }
    proto = Object.getPrototypeOf(proto);
  }
  return out as R;
}

/** The whole API with every resource bound (see `bindResource`). */
export function bindApi(hms: HmsApi): HmsApi {
  return {
    rooms: bindResource(hms.rooms),
    sessions: bindResource(hms.sessions),
    activeRooms: bindResource(hms.activeRooms),
    recordings: bindResource(hms.recordings),
    recordingAssets: bindResource(hms.recordingAssets),
    roomCodes: bindResource(hms.roomCodes),
    liveStreams: bindResource(hms.liveStreams),
    externalStreams: bindResource(hms.externalStreams),
    analytics: bindResource(hms.analytics),
    templates: bindResource(hms.templates),
    tokens: bindResource(hms.tokens),
    request: hms.request.bind(hms),
  };
}
