/**
 * Redis killed (SIGKILL) under a gateway that uses it: queries keep answering, and without
 * waiting for the reconnect (issue 14). Latency is compared as a ratio of the same query before
 * and during the outage, never against an absolute time.
 */
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisClient } from '../../src/redis.js';
import { envelope, postWebhook } from '../helpers/live.js';
import { hasRedis, type RedisServer, startRedisServer } from '../helpers/redis.js';
import { type Stack, startStack } from '../helpers/stack.js';

const median = (values: number[]) =>
  [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] as number;

const WEBHOOK_SECRET = 'outage-webhook-secret-0123456789';

describe.skipIf(!hasRedis)('a Redis outage', () => {
  let server: RedisServer;
  let redis: Redis;
  let stack: Stack;
  const logs: string[] = [];
  let sessionId: string;

  beforeAll(async () => {
    server = await startRedisServer();
    redis = await createRedisClient(server.url);
    await new Promise((resolve) => redis.once('ready', resolve));
    // Upstream latency dominates both phases: the comparison is about Redis waits only.
    stack = await startStack({
      redis,
      logs,
      emulator: { latency: { ms: 20 } },
      gateway: { webhookSecret: WEBHOOK_SECRET, callerCallsPerMinute: 100_000 },
    });
    const room = (await stack.hms.rooms.list({ name: 'product-standup' })).items[0]?.id as string;
    sessionId = (await stack.hms.activeRooms.get(room)).session.id;
  }, 30_000);
  afterAll(async () => {
    await stack?.close();
    redis?.disconnect();
    await server?.stop();
  });

  it('answers queries within 2x of the latency before the outage', async () => {
    // A live session: looked up in the cache every time, never stored, fetched every time.
    const query = async () => {
      const started = performance.now();
      const res = await stack.gql<{ session: { hmsId: string } }>(
        'query($id: ID!) { session(id: $id) { hmsId active } }',
        {
          id: sessionId,
        },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.session.hmsId).toBe(sessionId);
      return performance.now() - started;
    };
    for (let i = 0; i < 3; i++) await query();
    const before: number[] = [];
    for (let i = 0; i < 15; i++) before.push(await query());

    await server.kill();
    const during: number[] = [];
    for (let i = 0; i < 15; i++) during.push(await query());

    const ratio = median(during) / median(before);
    expect(
      ratio,
      `median ${median(during).toFixed(1)} ms during vs ${median(before).toFixed(1)} ms before`,
    ).toBeLessThan(2);
    // One warning for the outage, not one per reconnect attempt.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const warnings = logs.filter((line) => line.includes('redis unavailable'));
    expect(warnings.length).toBeLessThanOrEqual(1);
    const limiterWarnings = logs.filter((line) => line.includes('usage store unavailable'));
    expect(limiterWarnings.length).toBe(1);

    // Webhooks cannot be de-duplicated without Redis: 503 at once (100ms retries), not after
    // queueing behind the reconnect.
    const hook = envelope('peer.join.success', { room_id: 'r', session_id: sessionId, user_name: 'Ada' });
    expect((await postWebhook(stack.url, hook, { 'x-hms-webhook-secret': WEBHOOK_SECRET })).status).toBe(503);
  });
});
