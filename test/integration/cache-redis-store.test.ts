/**
 * The Redis entity store against a real redis-server: a page of a list is written in one
 * pipeline with each entry's own TTL, and a store that cannot write says so (the entity cache
 * above it turns that into a later miss, never a failed query).
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEntityCache, createRedisStore } from '../../src/cache.js';
import { hasRedis, type RedisServer, startRedisServer } from '../helpers/redis.js';

describe.skipIf(!hasRedis)('Redis entity store', () => {
  let server: RedisServer;
  let client: Redis;

  beforeAll(async () => {
    server = await startRedisServer();
    client = new Redis(server.url, { maxRetriesPerRequest: 0, enableOfflineQueue: false, lazyConnect: true });
    client.on('error', () => undefined);
    await client.connect();
  });
  afterAll(async () => {
    client?.disconnect();
    await server?.stop();
  });

  it('writes a page in one pipeline, each entry with its own TTL', async () => {
    const store = createRedisStore(client);
    const before = Number((await server.admin.info('stats')).match(/total_commands_processed:(\d+)/)?.[1]);
    await store.setMany([
      ['t:a', { id: 'a' }, 60_000],
      ['t:b', { id: 'b', n: 2 }, 5_000],
      ['t:c', [1, 2, 3], 1_000],
    ]);
    const after = Number((await server.admin.info('stats')).match(/total_commands_processed:(\d+)/)?.[1]);
    // Three SETs (the INFO call that read `before` is counted too), sent together.
    expect(after - before).toBe(4);
    expect(await store.getMany(['t:a', 't:b', 't:c', 't:missing'])).toEqual([
      { id: 'a' },
      { id: 'b', n: 2 },
      [1, 2, 3],
      undefined,
    ]);
    const ttl = await server.admin.pttl('t:b');
    expect(ttl).toBeGreaterThan(3_000);
    expect(ttl).toBeLessThanOrEqual(5_000);
  });

  it('skips entries that must not be kept and stores the rest under the workspace', async () => {
    const cache = createEntityCache({ store: createRedisStore(client), workspace: 'ws-store-test' });
    await cache.setMany('session', [
      ['live', { id: 'live' }, 0],
      ['ended', { id: 'ended' }, 60_000],
    ]);
    expect(await cache.getMany('session', ['live', 'ended'])).toEqual([undefined, { id: 'ended' }]);
  });

  it('rejects when Redis cannot take the writes; the entity cache swallows it', async () => {
    const dead = new Redis({
      port: 1,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
    });
    dead.on('error', () => undefined);
    const store = createRedisStore(dead);
    await expect(store.setMany([['k', 1, 1000]])).rejects.toThrow();
    await expect(
      store.setMany([
        ['k', 1, 1000],
        ['l', 2, 1000],
      ]),
    ).rejects.toThrow();
    const cache = createEntityCache({ store, workspace: 'ws' });
    await expect(cache.setMany('room', [['r', { id: 'r' }, 1000]])).resolves.toBeUndefined();
    dead.disconnect();
  });
});
