/**
 * The Redis connection behind the shared cache, webhook de-duplication and idempotency keys.
 * It fails fast while Redis is away: no offline queue (a command is refused at once instead of
 * waiting for the reconnect) and a short command timeout (a half-dead server costs at most that
 * long). Every user treats a failure as "no shared state": the cache misses, webhooks answer 503.
 * The pub/sub subscriber is a duplicate with its own queue (see pubsub.ts).
 */
import type { Redis, RedisOptions } from 'ioredis';
import type { Logger } from './logger.js';

/**
 * @default 1000 ms. Redis answers in well under a millisecond when healthy; the margin is for a busy
 * event loop (timers run before the reply is read), so only a half-dead server trips it.
 */
export const REDIS_COMMAND_TIMEOUT_MS = 1000;

export const FAIL_FAST: RedisOptions = {
  enableOfflineQueue: false,
  commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
  maxRetriesPerRequest: 0,
  // Reconnect quickly at first, then every 2 s at most.
  retryStrategy: (times) => Math.min(times * 100, 2000),
};

/**
 * Logs a connection's state changes once each (lost, back), not every reconnect attempt: ioredis
 * emits `error` about once a second while Redis is away.
 */
export function logRedisState(redis: Redis, logger: Logger | undefined, name: string): void {
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger?.warn({ err: { message: error.message }, connection: name }, 'redis unavailable');
  });
  redis.on('ready', () => {
    if (down) logger?.info({ connection: name }, 'redis available again');
    down = false;
  });
}

/** A fail-fast connection (the caller quits it). ioredis is imported only when Redis is used. */
export async function createRedisClient(url: string, logger?: Logger): Promise<Redis> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, FAIL_FAST);
  logRedisState(redis, logger, 'main');
  return redis;
}
