/**
 * "Have we handled this webhook already?" 100ms retries a delivery it thinks failed (a timeout
 * after we processed it counts), so the same event id can arrive several times, possibly on
 * different replicas. A claim is atomic: exactly one delivery of an id wins it, in process (LRU)
 * or across replicas (Redis `SET NX` with a TTL).
 */
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

export interface DedupeStore {
  /** True for the first claim of `id` within the TTL; false for every repeat. */
  claim(id: string): Promise<boolean>;
  /** Forgets a claim whose processing failed, so 100ms' retry is handled rather than dropped. */
  release(id: string): Promise<void>;
}

/**
 * 100ms retries within ~15 s; replays of old events can come much later. A day covers retries
 * with a wide margin while keeping the key set small.
 */
export const DEDUPE_TTL_MS = 24 * 3600 * 1000;

export function createMemoryDedupe(maxEntries = 100_000, ttlMs = DEDUPE_TTL_MS): DedupeStore {
  const seen = new LRUCache<string, true>({ max: maxEntries, ttl: ttlMs, ttlAutopurge: false });
  return {
    async claim(id) {
      if (seen.has(id)) return false;
      seen.set(id, true);
      return true;
    },
    async release(id) {
      seen.delete(id);
    },
  };
}

export function createRedisDedupe(redis: Redis, prefix: string, ttlMs = DEDUPE_TTL_MS): DedupeStore {
  const key = (id: string) => `${prefix}webhook:${id}`;
  return {
    async claim(id) {
      return (await redis.set(key(id), '1', 'PX', ttlMs, 'NX')) === 'OK';
    },
    async release(id) {
      await redis.del(key(id));
    },
  };
}
