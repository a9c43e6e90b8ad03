/**
 * How many 100ms calls each caller made in its current window, for GATEWAY_CALLER_CALLS_PER_MINUTE.
 * A window starts with a caller's first counted call and lasts `windowMs` (a fixed window, like
 * GitHub's `rateLimit.resetAt`). In process (LRU) for one replica, or in Redis for all of them:
 * there the window is the key's TTL, so replicas agree on it whatever their clocks say, and every
 * read or update is one atomic script (one round trip).
 */
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

export interface CallerUsage {
  /** Upstream calls counted in the current window. */
  used: number;
  /** When the current window ends (epoch ms); a caller without a window gets now + windowMs. */
  resetAt: number;
}

export interface CallerUsageStore {
  /** The caller's usage now, counting nothing. */
  read(caller: string): Promise<CallerUsage>;
  /** Adds `calls` (≥ 1) to the caller's window, starting one if none is open; the usage after. */
  add(caller: string, calls: number): Promise<CallerUsage>;
}

export const DEFAULT_USAGE_WINDOW_MS = 60_000;

export function createMemoryUsageStore(
  windowMs = DEFAULT_USAGE_WINDOW_MS,
  maxCallers = 100_000,
  now: () => number = Date.now,
): CallerUsageStore {
  const windows = new LRUCache<string, CallerUsage>({ max: maxCallers });
  const current = (caller: string) => {
    const window = windows.get(caller);
    return window && window.resetAt > now() ? window : undefined;
  };
  return {
    async read(caller) {
      return { ...(current(caller) ?? { used: 0, resetAt: now() + windowMs }) };
    },
    async add(caller, calls) {
      const window = current(caller) ?? { used: 0, resetAt: now() + windowMs };
      window.used += calls;
      windows.set(caller, window);
      return { ...window };
    },
  };
}

// Both return { used, milliseconds left in the window } computed by Redis itself.
const READ = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then ttl = tonumber(ARGV[1]) end
return {used, ttl}`;
const ADD = `
local used = redis.call('INCRBY', KEYS[1], ARGV[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  ttl = tonumber(ARGV[2])
  redis.call('PEXPIRE', KEYS[1], ttl)
end
return {used, ttl}`;

export function createRedisUsageStore(
  redis: Redis,
  prefix: string,
  windowMs = DEFAULT_USAGE_WINDOW_MS,
): CallerUsageStore {
  const key = (caller: string) => `${prefix}calls:${caller}`;
  const usage = (reply: unknown): CallerUsage => {
    const [used, ttl] = reply as [number, number];
    return { used, resetAt: Date.now() + ttl };
  };
  return {
    async read(caller) {
      return usage(await redis.eval(READ, 1, key(caller), windowMs));
    },
    async add(caller, calls) {
      return usage(await redis.eval(ADD, 1, key(caller), calls, windowMs));
    },
  };
}
