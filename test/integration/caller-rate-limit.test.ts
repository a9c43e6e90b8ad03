/**
 * GATEWAY_CALLER_CALLS_PER_MINUTE: two gateways sharing one real redis-server enforce one caller's
 * limit together — the 429 comes at the same request whether the caller stays on one replica or
 * alternates — counted from the upstream calls each request actually made, refused before any
 * upstream call; `rateLimit` and `extensions.rateLimit` report it. Without Redis, one gateway
 * counts in memory (per client address when there is no JWT). Skipped only where redis-server is
 * not installed; .ci/run installs it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, DEMO_CREDENTIALS, type Emulator } from '../../src/emulator/index.js';
import { createHmsClient } from '../../src/hms/client.js';
import { createLogger } from '../../src/logger.js';
import { createGateway } from '../../src/server.js';
import { hasRedis, type RedisServer, startRedisServer } from '../helpers/redis.js';
import { type GraphQLResponse, startStack } from '../helpers/stack.js';

const JWT_SECRET = 'caller-rate-limit-test-secret-0123456789';
const LIMIT = 5;
/** One `GET /v2/rooms` per request: list calls are never cached. */
const ONE_CALL = '{ rooms(first: 1) { nodes { hmsId } } }';
const RATE_LIMIT = '{ rateLimit { limit used remaining resetAt } }';
if (!hasRedis) {
  console.warn(
    'SKIPPED caller-rate-limit over Redis: redis-server is not installed (apt-get install -y redis-server)',
  );
}

interface RateLimitInfo {
  limit: number;
  used: number;
  remaining: number;
  resetAt: string;
}
interface Answer {
  status: number;
  retryAfter: string | null;
  body: GraphQLResponse<{ rateLimit: RateLimitInfo }> & {
    extensions?: { rateLimit?: RateLimitInfo };
  };
}

async function post(url: string, query: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: await response.json(),
  };
}

async function token(sub: string): Promise<string> {
  return new SignJWT({ scope: 'hms:read' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(JWT_SECRET));
}

const upstreamTotal = (emulator: Emulator) =>
  Object.values(emulator.stats().requests as Record<string, number>).reduce((a, b) => a + b, 0);

describe.skipIf(!hasRedis)('per-caller limit shared by two replicas over one redis-server', () => {
  let redisServer: RedisServer;
  let emulator: Emulator;
  const connections: Redis[] = [];
  const servers: Server[] = [];
  const closers: Array<() => Promise<void>> = [];
  const urls: string[] = [];

  beforeAll(async () => {
    redisServer = await startRedisServer();
    emulator = await createEmulator({ ...DEMO_CREDENTIALS });
    for (let i = 0; i < 2; i++) {
      // Each replica has its own connection, client and gateway: only redis-server is shared.
      const redis = new Redis({
        port: redisServer.port,
        host: '127.0.0.1',
        lazyConnect: true,
        maxRetriesPerRequest: 1,
      });
      redis.on('error', () => undefined);
      await redis.connect(); // startRedisServer returned once the server answered PING
      connections.push(redis);
      const logger = createLogger('silent');
      const hms = createHmsClient({
        accessKey: emulator.accessKey,
        secret: emulator.secret,
        baseUrl: emulator.url,
        logger,
        maxRetries: 0,
        timeoutMs: 5000,
        maxConcurrency: 8,
      });
      const gateway = createGateway({
        hms,
        logger,
        redis,
        config: { auth: 'jwt', jwtSecret: JWT_SECRET, callerCallsPerMinute: LIMIT },
      });
      const server = createServer(gateway.yoga);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      servers.push(server);
      urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      closers.push(async () => {
        await gateway.close();
        await hms.close();
      });
    }
  }, 30_000);

  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    for (const close of closers) await close();
    for (const redis of connections) redis.disconnect();
    await emulator?.close();
    await redisServer?.stop();
  });

  /** Sends ONE_CALL until refused; returns the 1-based index of the refused request and the answers. */
  async function runUntilRefused(sub: string, pick: (i: number) => string) {
    const headers = { authorization: `Bearer ${await token(sub)}` };
    const answers: Answer[] = [];
    for (let i = 0; i < LIMIT + 3; i++) {
      const before = upstreamTotal(emulator);
      const answer = await post(pick(i), ONE_CALL, headers);
      answers.push(answer);
      if (answer.status === 429) {
        expect(upstreamTotal(emulator), 'a refused request reaches 100ms').toBe(before);
        return { refusedAt: i + 1, answers, headers };
      }
      expect(answer.body.errors).toBeUndefined();
    }
    throw new Error(`never refused: ${JSON.stringify(answers.map((a) => a.body.extensions))}`);
  }

  it('refuses at the same request whether the caller stays on one replica or alternates', async () => {
    const [a, b] = urls as [string, string];
    const sticky = await runUntilRefused('sticky-caller', () => a);
    const alternating = await runUntilRefused('alternating-caller', (i) => (i % 2 === 0 ? a : b));
    const counted = (run: typeof sticky) =>
      run.answers
        .slice(0, -1)
        .reduce((sum, x) => sum + (x.body.extensions?.cost?.actualUpstreamCalls ?? 0), 0);
    expect(counted(sticky)).toBe(LIMIT);
    expect(alternating.refusedAt).toBe(sticky.refusedAt);
    expect(counted(alternating)).toBe(LIMIT);

    const refused = alternating.answers.at(-1) as Answer;
    const error = refused.body.errors?.[0];
    if (!error?.extensions) throw new Error(JSON.stringify(refused.body));
    expect(error.extensions.code).toBe('RATE_LIMITED');
    expect(error.extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(error.extensions.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(refused.retryAfter).toBe(String(error.extensions.retryAfterSeconds));
    expect(error.extensions.http).toBeUndefined();
    expect(refused.body.extensions?.rateLimit).toMatchObject({ limit: LIMIT, used: LIMIT, remaining: 0 });

    // Each success reported the shared count after itself, on whichever replica answered.
    expect(alternating.answers.slice(0, -1).map((x) => x.body.extensions?.rateLimit?.used)).toEqual(
      Array.from({ length: LIMIT }, (_, i) => i + 1),
    );
  });

  it('rateLimit reports the shared usage on both replicas without calling 100ms, even over the limit', async () => {
    const [a, b] = urls as [string, string];
    const { headers } = await runUntilRefused('reporting-caller', (i) => (i % 2 === 0 ? b : a));
    for (const url of [a, b]) {
      const before = upstreamTotal(emulator);
      const answer = await post(url, RATE_LIMIT, headers);
      expect(answer.status).toBe(200);
      expect(upstreamTotal(emulator)).toBe(before);
      const reported = answer.body.data?.rateLimit;
      if (!reported) throw new Error(JSON.stringify(answer.body));
      expect(reported).toMatchObject({ limit: LIMIT, used: LIMIT, remaining: 0 });
      const resetIn = Date.parse(reported.resetAt) - Date.now();
      expect(resetIn).toBeGreaterThan(0);
      expect(resetIn).toBeLessThanOrEqual(60_000);
      expect(answer.body.extensions?.rateLimit).toMatchObject({ used: LIMIT, resetAt: reported.resetAt });
    }
    // Another caller is untouched.
    const fresh = await post(a, RATE_LIMIT, { authorization: `Bearer ${await token('someone-else')}` });
    expect(fresh.body.data?.rateLimit).toMatchObject({ limit: LIMIT, used: 0, remaining: LIMIT });
  });
});

describe('per-caller limit in memory (no Redis)', () => {
  it('counts per client address without auth, and is off by default', async () => {
    const limited = await startStack({ gateway: { callerCallsPerMinute: 2 } });
    const open = await startStack();
    try {
      const first = await limited.gql(ONE_CALL);
      expect(first.extensions?.rateLimit).toMatchObject({ limit: 2, used: 1, remaining: 1 });
      await limited.gql(ONE_CALL);
      limited.resetCalls();
      const refused = await limited.gql(ONE_CALL);
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(limited.calls().total).toBe(0);
      expect((await limited.gql(RATE_LIMIT)).data?.rateLimit).toMatchObject({ used: 2, remaining: 0 });

      const unlimited = await open.gql(RATE_LIMIT);
      expect(unlimited.data?.rateLimit).toBeNull();
      expect(unlimited.extensions?.rateLimit).toBeUndefined();
    } finally {
      await limited.close();
      await open.close();
    }
  });
});
