/**
 * Automatic persisted queries across replicas: a hash registered on one gateway runs by hash alone
 * on another that shares the redis-server (the entity cache's store).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRedis, type RedisReplicas, startRedisReplicas } from '../helpers/redis.js';
import type { Stack } from '../helpers/stack.js';

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
  let replicas: RedisReplicas | undefined;
  let a: Stack;
  let b: Stack;
  beforeAll(async () => {
    replicas = await startRedisReplicas({ persistedOperations: 'allow' });
    ({ a, b } = replicas);
  }, 30_000);
  afterAll(async () => {
    await replicas?.close();
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
