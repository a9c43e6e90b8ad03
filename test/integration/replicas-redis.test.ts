/**
 * Two gateway processes sharing one real redis-server: a webhook received by one replica reaches
 * subscribers of the other exactly once, de-duplication spans replicas, and a cache entry the
 * event makes stale is gone for both. Skipped (with a message) only where redis-server is not
 * installed; .ci/run installs it.
 */
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, DEMO_CREDENTIALS, type Emulator, SEED_ROOMS } from '../../src/emulator/index.js';
import { workspacePrefix } from '../../src/pubsub.js';
import { envelope, postWebhook, type SseSubscription, sseSubscribe, until } from '../helpers/live.js';
import { freePort, type ScriptProcess, spawnScript } from '../helpers/processes.js';
import { hasRedis, type RedisServer, startRedisServer } from '../helpers/redis.js';

const WEBHOOK_SECRET = 'webhook-secret-for-replicas-0123456789';
const HOOK = { 'x-hms-webhook-secret': WEBHOOK_SECRET };
if (!hasRedis) {
  console.warn(
    'SKIPPED replicas-redis: redis-server is not installed (apt-get install -y redis-server; .ci/run does it)',
  );
}

interface Replica {
  url: string;
  process: ScriptProcess;
}

function startReplica(env: Record<string, string>, port: number): Replica {
  const proc = spawnScript('src/main.ts', [], {
    cleanEnv: true,
    env: { LOG_LEVEL: 'warn', PORT: String(port), ...env },
  });
  return { url: `http://127.0.0.1:${port}`, process: proc };
}

// Ready, not only alive: the warm-up (a dashboard run on start) reads and caches through Redis
// too, and must be over before a test counts upstream calls or cache entries.
const healthy = (replica: Replica) => replica.process.waitForHttp(`${replica.url}/ready`);

describe.skipIf(!hasRedis)('replicas over one redis-server', () => {
  let redisServer: RedisServer;
  let redis: Redis;
  let emulator: Emulator;
  let a: Replica;
  let b: Replica;
  let roomId: string;
  const open: SseSubscription[] = [];

  beforeAll(async () => {
    redisServer = await startRedisServer();
    redis = redisServer.admin;
    emulator = await createEmulator({ ...DEMO_CREDENTIALS });
    roomId = emulator.state.room(SEED_ROOMS.live)?.id as string;
    const env = {
      HMS_ACCESS_KEY: emulator.accessKey,
      HMS_SECRET: emulator.secret,
      HMS_API_URL: emulator.url,
      GATEWAY_AUTH: 'none',
      HMS_WEBHOOK_SECRET: WEBHOOK_SECRET,
      REDIS_URL: redisServer.url,
    };
    const [portA, portB] = [await freePort(), await freePort()];
    a = startReplica(env, portA);
    b = startReplica(env, portB);
    await Promise.all([healthy(a), healthy(b)]);
  }, 30_000);

  afterAll(async () => {
    for (const subscription of open) subscription.close();
    for (const replica of [a, b]) await replica?.process.stop();
    await emulator?.close();
    await redisServer?.stop();
  });

  it('delivers a webhook posted to A to a subscriber on B, exactly once', async () => {
    const sub = await sseSubscribe(
      b.url,
      'subscription ($roomId: ID!) { roomEvents(roomId: $roomId) { __typename eventId session { hmsId } } }',
      { roomId },
    );
    open.push(sub);
    expect(sub.status).toBe(200);
    // B's SUBSCRIBE has reached Redis: an event published now cannot be missed.
    const channel = `${workspacePrefix(emulator.accessKey)}events:room:${roomId}`;
    await until(async () => {
      const [, count] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
      return Number(count) >= 1;
    });

    const sessionId = emulator.state.activeSession(roomId)?.id as string;
    const join = envelope('peer.join.success', { room_id: roomId, session_id: sessionId, user_name: 'Ada' });
    expect(await postWebhook(a.url, join, HOOK)).toEqual({ status: 200, body: { ok: true } });
    // 100ms retrying to another replica: de-duplication is shared.
    expect((await postWebhook(b.url, join, HOOK)).body).toEqual({ ok: true, duplicate: true });
    expect((await postWebhook(a.url, join, HOOK)).body).toEqual({ ok: true, duplicate: true });
    const after = envelope('peer.leave.success', { room_id: roomId, session_id: sessionId, reason: 'x' });
    expect((await postWebhook(a.url, after, HOOK)).status).toBe(200);

    expect((await sub.next())?.data?.roomEvents).toEqual({
      __typename: 'PeerJoined',
      eventId: join.id,
      session: { hmsId: sessionId },
    });
    expect((await sub.next())?.data?.roomEvents).toMatchObject({ __typename: 'PeerLeft', eventId: after.id });
    sub.close();
    // B's subscriber is gone from Redis too: an event of a later test must not reach it (its
    // resolvers would load, and cache again, what that test expects to be invalidated).
    await until(async () => {
      const [, count] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
      return Number(count) === 0;
    });
  });

  it('shares the entity cache: an entry invalidated through A is gone for B', async () => {
    const ended = emulator.state.sessions(roomId).find((s) => !s.active);
    if (!ended) throw new Error('the seed has ended sessions in the live room');
    const key = `${workspacePrefix(emulator.accessKey)}session:${ended.id}`;
    const query = async (replica: Replica) => {
      const res = await fetch(`${replica.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ session(id: "${ended.id}") { hmsId } }` }),
      });
      return ((await res.json()) as { data: { session: { hmsId: string } } }).data.session.hmsId;
    };
    const sessionGets = () => emulator.stats().requests['GET /v2/sessions/{id}'] ?? 0;

    expect(await query(b)).toBe(ended.id);
    await until(async () => (await redis.exists(key)) === 1);
    const fetched = sessionGets();
    expect(await query(a)).toBe(ended.id);
    expect(sessionGets()).toBe(fetched);

    const close = envelope('session.close.success', { room_id: roomId, session_id: ended.id });
    expect((await postWebhook(a.url, close, HOOK)).status).toBe(200);
    expect(await redis.exists(key)).toBe(0);
    expect(await query(b)).toBe(ended.id);
    expect(sessionGets()).toBe(fetched + 1);
  });
});
