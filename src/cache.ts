/**
 * The shared entity cache behind the loaders, with a per-type policy that follows 100ms
 * semantics: what can no longer change (ended sessions, finished jobs and their assets) is kept
 * long; what changes rarely (rooms, templates) briefly; live state (active rooms, running jobs)
 * and presigned URLs never. In memory (LRU) by default; Redis when REDIS_URL is set, so replicas
 * share it. Keys always start with the 100ms workspace (access key): two workspaces behind one
 * Redis never read each other's entries.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { BeamJob, RecordingAsset, Room, Session, Template } from './hms/types.js';

/** One entry to store: key, value, time to live in ms. */
export type CacheEntry = readonly [key: string, value: unknown, ttlMs: number];

export interface CacheStore {
  getMany(keys: string[]): Promise<Array<unknown | undefined>>;
  /** Stores every entry (a page of a list is one call: one Redis round trip, not one per item). */
  setMany(entries: readonly CacheEntry[]): Promise<void>;
  delete(keys: string[]): Promise<void>;
  close(): Promise<void>;
}

export function createMemoryStore(maxEntries: number): CacheStore {
  const lru = new LRUCache<string, { value: unknown }>({ max: Math.max(1, maxEntries), ttlAutopurge: false });
  return {
    async getMany(keys) {
      return keys.map((key) => lru.get(key)?.value);
    },
    async setMany(entries) {
      if (maxEntries > 0) for (const [key, value, ttl] of entries) lru.set(key, { value }, { ttl });
    },
    async delete(keys) {
      for (const key of keys) lru.delete(key);
    },
    async close() {
      lru.clear();
    },
  };
}

export function createRedisStore(redis: Redis): CacheStore {
  return {
    async getMany(keys) {
      if (keys.length === 0) return [];
      const values = await redis.mget(...keys);
      return values.map((raw) => {
        if (raw == null) return undefined;
        try {
          return JSON.parse(raw);
        } catch {
          return undefined;
        }
      });
    },
    async setMany(entries) {
      const pipeline = redis.pipeline();
      for (const [key, value, ttlMs] of entries) {
        pipeline.set(key, JSON.stringify(value), 'PX', Math.max(1, Math.round(ttlMs)));
      }
      // exec() resolves with each command's own error; a failed SET is a cache miss later, but
      // the caller is told, as with a single SET.
      const results = (await pipeline.exec()) ?? [];
      const failed = results.find(([error]) => error);
      if (failed?.[0]) throw failed[0];
    },
    async delete(keys) {
      if (keys.length > 0) await redis.del(...keys);
    },
    async close() {
      await redis.quit().catch(() => undefined);
    },
  };
}

const SECOND = 1000;
const HOUR = 3600 * SECOND;
/** Immutable things still expire eventually: 100ms keeps assets 15 days (https://www.100ms.live/docs/server-side/v2/api-reference/recording-assets/overview). */
const IMMUTABLE = 24 * HOUR;
const SHORT = 30 * SECOND;
const TERMINAL = new Set(['completed', 'failed']);
/** After this, no transcript or late asset is expected for an ended session. */
const SETTLED_AFTER = 6 * HOUR;

const endedLongAgo = (session: Pick<Session, 'active' | 'updated_at'>, now: number) =>
  !session.active && session.updated_at !== null && now - Date.parse(session.updated_at) > SETTLED_AFTER;

/** Time to live per entity, or 0: do not cache. */
export const policy = {
  room: (_room: Room) => SHORT,
  template: (_template: Template) => SHORT,
  session: (session: Session) => (session.active ? 0 : IMMUTABLE),
  job: (job: BeamJob) => (TERMINAL.has(job.status) ? IMMUTABLE : 0),
  asset: (asset: RecordingAsset) => (TERMINAL.has(asset.status) ? IMMUTABLE : 0),
  /** A session's job list is final once the session ended and every job finished. */
  sessionJobs: (session: Pick<Session, 'active' | 'updated_at'>, jobs: BeamJob[], now = Date.now()) =>
    !session.active && jobs.every((j) => TERMINAL.has(j.status))
      ? endedLongAgo(session, now)
        ? IMMUTABLE
        : SHORT
      : 0,
  /** Assets keep arriving for a while (transcripts take ~20% of the recording's length). */
  sessionAssets: (
    session: Pick<Session, 'active' | 'updated_at'>,
    assets: RecordingAsset[],
    now = Date.now(),
  ) =>
    !session.active && assets.every((a) => TERMINAL.has(a.status))
      ? endedLongAgo(session, now)
        ? IMMUTABLE
        : SHORT
      : 0,
};

export type EntityKind =
  | 'room'
  | 'template'
  | 'session'
  | 'recording'
  | 'recordingAsset'
  | 'liveStream'
  | 'externalStream'
  | 'recordingsBySession'
  | 'assetsBySession'
  | 'liveStreamsBySession'
  | 'externalStreamsBySession'
  /** A document registered by automatic persisted queries (src/persisted.ts), by its sha256. */
  | 'persistedQuery';

export interface EntityCacheOptions {
  store: CacheStore;
  /** The 100ms access key: the workspace every key is scoped to. */
  workspace: string;
  onLookup?: (kind: EntityKind, hit: boolean) => void;
}

export function createEntityCache({ store, workspace, onLookup }: EntityCacheOptions) {
  const prefix = `hmsg:${createHash('sha256').update(workspace).digest('hex').slice(0, 16)}:`;
  const key = (kind: EntityKind, id: string) => `${prefix}${kind}:${id}`;
  /** Stores `[id, value, ttlMs]` entries of one kind in one store call; ttl ≤ 0 is not stored. */
  async function setMany(
    kind: EntityKind,
    entries: ReadonlyArray<readonly [id: string, value: unknown, ttlMs: number]>,
  ): Promise<void> {
    const kept: CacheEntry[] = [];
    for (const [id, value, ttlMs] of entries) if (ttlMs > 0) kept.push([key(kind, id), value, ttlMs]);
    if (kept.length === 0) return;
    // A cache outage degrades to upstream calls later, never to failed queries now.
    await store.setMany(kept).catch(() => undefined);
  }
  return {
    async getMany<T>(kind: EntityKind, ids: readonly string[]): Promise<Array<T | undefined>> {
      if (ids.length === 0) return [];
      let values: Array<unknown | undefined>;
      try {
        values = await store.getMany(ids.map((id) => key(kind, id)));
      } catch {
        // A cache outage degrades to upstream calls, never to failed queries.
        values = ids.map(() => undefined);
      }
      for (const value of values) onLookup?.(kind, value !== undefined);
      return values as Array<T | undefined>;
    },
    set: (kind: EntityKind, id: string, value: unknown, ttlMs: number): Promise<void> =>
      setMany(kind, [[id, value, ttlMs]]),
    setMany,
    /**
     * Rejects when the store could not drop the entries (Redis away or timing out): a webhook
     * then answers 503 so 100ms delivers it again, instead of leaving a stale entry until its TTL.
     */
    async invalidate(entries: Array<[EntityKind, string]>): Promise<void> {
      await store.delete(entries.map(([kind, id]) => key(kind, id)));
    },
    close: () => store.close(),
  };
}

export type EntityCache = ReturnType<typeof createEntityCache>;
