/**
 * Automatic persisted queries across replicas: a hash registered on one gateway runs by hash alone
 * on another that shares the redis-server (the entity cache's store).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRedis, type RedisServer, startRedisServer } from '../helpers/redis.js';
import { type Stack, startStack } from '../helpers/stack.js';

async function post(stack: Stack, body: Record<string, unknown>) {
  const response = await fetch(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as {
    data?: { rooms?: { nodes: unknown[] } };
    errors?: Array<{ message: string }>;
  };
}

describe.skipIf(!hasRedis)('APQ with two gateways sharing one redis-server', () => {
  let redis: RedisServer;
  let a: Stack;
  let b: Stack;
  const clients: Array<{ quit(): Promise<unknown> }> = [];
  beforeAll(async () => {
    redis = await startRedisServer();
    const { createRedisClient } = await import('../../src/redis.js');
    const [ra, rb] = [await createRedisClient(redis.url), await createRedisClient(redis.url)];
    clients.push(ra, rb);
    await Promise.all([ra, rb].map((r) => new Promise((resolve) => r.once('ready', resolve))));
    a = await startStack({ redis: ra, gateway: { persistedOperations: 'allow' } });
    b = await startStack({
      redis: rb,
      sharedEmulator: a.emulator,
      gateway: { persistedOperations: 'allow' },
    });
  }, 30_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
    for (const client of clients) await client.quit().catch(() => undefined);
    await redis?.stop();
  });

  it('runs on B a hash registered on A', async () => {
    const query = '{ rooms(first: 1) { nodes { id } } } # apq-redis';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    expect((await post(b, { extensions })).errors?.[0]?.message).toBe('PersistedQueryNotFound');
    expect((await post(a, { query, extensions })).errors).toBeUndefined();
    const fromB = await post(b, { extensions });
    expect(fromB.errors).toBeUndefined();
    expect(fromB.data?.rooms?.nodes).toHaveLength(1);
  });
});
