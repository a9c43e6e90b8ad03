/**
 * Warm before ready (src/warmup.ts): `gateway.warm()` mints the token and runs one dashboard end
 * to end in process, as a read-only caller that nothing sent over HTTP can impersonate, and
 * `/ready` waits for it.
 */
import { describe, expect, it } from 'vitest';
import { SEED_ROOMS } from '../../src/emulator/index.js';
import { startStack } from '../helpers/stack.js';

describe('warm-up before ready', () => {
  it('mints the token and runs a dashboard on the latest session’s room before /ready answers 200', async () => {
    const stack = await startStack();
    try {
      const live = (await stack.hms.rooms.list({ name: SEED_ROOMS.live })).items[0]?.id;
      stack.resetCalls();
      const ready = fetch(`${stack.url}/ready`);
      await stack.gateway.warm();
      expect((await ready).status).toBe(200);
      const log = stack.emulator.stats().log;
      // The room-wide lists of the room whose session is the newest: the dashboard ran on it.
      expect(log.some((e) => e.route === 'GET /v2/recordings' && e.query.room_id === live)).toBe(true);
      expect(log.some((e) => e.route === 'GET /v2/recording-assets' && e.query.room_id === live)).toBe(true);
      // Idempotent: a second call (or /ready probe) does not warm again.
      const calls = stack.calls().total;
      await stack.gateway.warm();
      expect((await fetch(`${stack.url}/ready`)).status).toBe(200);
      expect(stack.calls().total).toBe(calls);
    } finally {
      await stack.close();
    }
  });

  it('runs under caller auth without opening it to requests from outside', async () => {
    const stack = await startStack({
      gateway: { auth: 'jwt', jwtSecret: 'a-test-secret-that-is-long-enough-for-hs256-0001' },
    });
    try {
      stack.resetCalls();
      await stack.gateway.warm();
      expect(stack.calls().byRoute['GET /v2/recordings']).toBeGreaterThanOrEqual(1);
      const outside = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'warm-up' },
        body: JSON.stringify({ query: '{ rooms(first: 1) { nodes { hmsId } } }' }),
      });
      expect(outside.status).toBe(401);
    } finally {
      await stack.close();
    }
  });

  it('keeps /ready at 503 while 100ms is unreachable, and warms on a later probe', async () => {
    const stack = await startStack({ baseUrl: 'http://127.0.0.1:9/v2' });
    try {
      await expect(stack.gateway.warm()).rejects.toThrow();
      expect((await fetch(`${stack.url}/ready`)).status).toBe(503);
    } finally {
      await stack.close();
    }
  });
});
