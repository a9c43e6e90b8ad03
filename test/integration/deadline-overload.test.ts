/**
 * One deadline per GraphQL request (GATEWAY_REQUEST_TIMEOUT_MS), a bounded upstream queue
 * (HMS_MAX_QUEUE) and one upstream call for concurrent misses of a shared-cache entry (issue 14).
 * Upstream calls are counted at the emulator; the one timing below is the deadline itself.
 */
import { describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.js';

const ROOMS = '{ rooms(first: 1) { nodes { hmsId } } }';
const CREATE_ROOM = `mutation($input: CreateRoomInput!) { createRoom(input: $input) { __typename ... on RateLimitedError { retryAfterSeconds } } }`;

async function withStack<T>(options: Parameters<typeof startStack>[0], fn: (stack: Stack) => Promise<T>) {
  const stack = await startStack(options);
  try {
    return await fn(stack);
  } finally {
    await stack.close();
  }
}

describe('the request deadline', () => {
  it('does not start a Retry-After wait that would pass it: RATE_LIMITED with retryAfterSeconds, within the deadline', async () => {
    await withStack({ client: { maxRetries: 2 }, gateway: { requestTimeoutMs: 3000 } }, async (stack) => {
      stack.emulator.setFaults([
        { route: 'GET /v2/rooms', kind: 'status', status: 429, retryAfterSeconds: 30 },
      ]);
      const started = performance.now();
      const res = await stack.gql(ROOMS);
      const elapsed = performance.now() - started;
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 30 });
      expect(stack.calls().byRoute['GET /v2/rooms']).toBe(1);
      expect(elapsed).toBeLessThan(3000);

      stack.resetCalls();
      stack.emulator.setFaults([
        { route: 'POST /v2/rooms', kind: 'status', status: 429, retryAfterSeconds: 30, times: 1 },
      ]);
      const mutation = await stack.gql(CREATE_ROOM, { input: { name: 'deadline-429' } });
      expect(mutation.data?.createRoom).toEqual({ __typename: 'RateLimitedError', retryAfterSeconds: 30 });
      expect(stack.calls().byRoute['POST /v2/rooms']).toBe(1);
    });
  });

  it('still waits out a Retry-After that fits', async () => {
    await withStack({ client: { maxRetries: 2 }, gateway: { requestTimeoutMs: 30_000 } }, async (stack) => {
      stack.emulator.setFaults([
        { route: 'GET /v2/rooms', kind: 'status', status: 429, retryAfterSeconds: 1, times: 1 },
      ]);
      const res = await stack.gql(ROOMS);
      expect(res.errors).toBeUndefined();
      expect(stack.calls().byRoute['GET /v2/rooms']).toBe(2);
    });
  });

  it('bounds an attempt by what is left of it, whatever the per-attempt timeout', async () => {
    await withStack(
      { client: { maxRetries: 2, timeoutMs: 10_000 }, gateway: { requestTimeoutMs: 800 } },
      async (stack) => {
        stack.emulator.setFaults([{ route: 'GET /v2/rooms', kind: 'delay', delayMs: 5000 }]);
        const started = performance.now();
        const res = await stack.gql(ROOMS);
        expect(res.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
        expect(performance.now() - started).toBeLessThan(5000);
        expect(stack.calls().byRoute['GET /v2/rooms']).toBe(1);
      },
    );
  });
});

describe('the upstream queue (HMS_MAX_QUEUE)', () => {
  it('refuses calls beyond it at once with UPSTREAM_OVERLOADED, sending nothing for them', async () => {
    await withStack(
      { client: { maxConcurrency: 1, maxQueue: 1 }, emulator: { latency: { ms: 300 } } },
      async (stack) => {
        const rooms = (await stack.hms.rooms.list({ limit: 10 })).items.slice(0, 6);
        expect(rooms.length).toBe(6);
        stack.resetCalls();
        const answers = await Promise.all(rooms.map((r) => stack.gql(`{ room(id: "${r.id}") { name } }`)));
        const codes = answers.map((a) => a.errors?.[0]?.extensions?.code ?? 'ok');
        const ok = codes.filter((c) => c === 'ok').length;
        expect(codes.filter((c) => c === 'UPSTREAM_OVERLOADED').length).toBeGreaterThan(0);
        expect(ok).toBeGreaterThanOrEqual(2);
        expect(codes.every((c) => c === 'ok' || c === 'UPSTREAM_OVERLOADED')).toBe(true);
        expect(stack.calls().total).toBe(ok);
      },
    );
  });
});

describe('the shared entity cache', () => {
  it('makes one upstream call for concurrent misses of the same entry from different requests', async () => {
    await withStack({ emulator: { latency: { ms: 200 } } }, async (stack) => {
      const room = (await stack.hms.rooms.list({ name: 'town-hall' })).items[0]?.id as string;
      stack.resetCalls();
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => stack.gql(`{ room(id: "${room}") { name } }`)),
      );
      for (const answer of answers) expect(answer.data?.room).toEqual({ name: 'town-hall' });
      expect(stack.calls().byRoute['GET /v2/rooms/{id}']).toBe(1);
    });
  });
});
