/** Fault injection, latency, stats and the `/__emulator` control endpoints. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, SEED_ROOMS } from '../../src/emulator/index.js';
import { createHmsClient } from '../../src/hms/client.js';
import { HmsError, HmsRateLimitedError } from '../../src/hms/errors.js';
import { expectHmsError, type Harness, mintToken, startHarness } from '../helpers/emulator-harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());
afterEach(() => {
  h.emulator.setFaults([]);
  h.emulator.setLatency(null);
  h.emulator.resetStats();
});

describe('faults', () => {
  it('answers 429 with Retry-After and the documented body', async () => {
    h.emulator.setFaults([{ route: 'GET /v2/sessions', kind: 'status', status: 429, retryAfterSeconds: 7 }]);
    const answer = await h.raw('/sessions');
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('7');
    expect(answer.json).toEqual({
      code: 429,
      message: 'rate limit exceeded, retry after 7 seconds',
      details: [],
    });
    const error = await expectHmsError(h.hms.sessions.list(), 429);
    expect(error).toBeInstanceOf(HmsRateLimitedError);
    expect((error as HmsRateLimitedError).retryAfterSeconds).toBe(7);
    expect((await h.raw('/rooms')).status).toBe(200);
  });

  it('answers 503 (and 500) with the error body, for the first N matches only', async () => {
    h.emulator.setFaults([{ route: '/v2/rooms/{id}', kind: 'status', status: 503, times: 2 }]);
    const id = await h.roomId(SEED_ROOMS.live);
    await expectHmsError(h.hms.rooms.get(id), 503);
    const second = await h.raw(`/rooms/${id}`);
    expect(second.json).toMatchObject({ code: 503, message: 'Service unavailable' });
    expect((await h.hms.rooms.get(id)).id).toBe(id);
    expect(h.emulator.stats().requests['GET /v2/rooms/{id}']).toBe(3);
    h.emulator.setFaults([{ method: 'post', kind: 'status', status: 500 }]);
    await expectHmsError(h.hms.rooms.create({ name: 'emu-fault' }), 500);
    expect(h.emulator.state.room('emu-fault')).toBeUndefined();
    expect((await h.raw('/rooms')).status).toBe(200);
  });

  it('matches a RegExp on the path, before authentication', async () => {
    h.emulator.setFaults([{ route: /^\/v2\/recording-assets\/[0-9a-f]{24}$/, kind: 'status', status: 503 }]);
    expect((await h.raw('/recording-assets/aaaaaaaaaaaaaaaaaaaaaaaa', { token: null })).status).toBe(503);
    expect((await h.raw('/recording-assets')).status).toBe(200);
  });

  it('resets the connection without an answer; the request is counted but not applied', async () => {
    h.emulator.setFaults([{ route: 'POST /v2/rooms', kind: 'reset', times: 1 }]);
    await expect(h.raw('/rooms', { method: 'POST', body: { name: 'emu-reset' } })).rejects.toThrow();
    expect(h.emulator.stats().requests['POST /v2/rooms']).toBe(1);
    expect(h.emulator.state.room('emu-reset')).toBeUndefined();
  });

  it('holds the answer of a delayed request; the client times out but the request was applied', async () => {
    const impatient = createHmsClient({
      accessKey: h.emulator.accessKey,
      secret: h.emulator.secret,
      baseUrl: h.emulator.url,
      timeoutMs: 150,
      maxRetries: 0,
    });
    try {
      h.emulator.setFaults([{ route: 'POST /v2/rooms', kind: 'delay', delayMs: 600 }]);
      const error = await impatient.rooms.create({ name: 'emu-delayed' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HmsError);
      expect((error as HmsError).status).toBe(0);
      expect(h.emulator.stats().requests['POST /v2/rooms']).toBe(1);
      expect(h.emulator.state.room('emu-delayed')?.name).toBe('emu-delayed');
    } finally {
      await impatient.close();
    }
  });

  it('rolls rate-limited faults from the seed: the same seed hits the same requests', async () => {
    const pattern = async () => {
      const emulator = await createEmulator({
        seed: 3,
        faults: [{ route: 'GET /v2/rooms', kind: 'status', status: 503, rate: 0.5 }],
      });
      try {
        const token = await mintToken(emulator);
        const statuses: number[] = [];
        for (let i = 0; i < 20; i++) {
          statuses.push(
            (await fetch(`${emulator.url}/rooms`, { headers: { authorization: `Bearer ${token}` } })).status,
          );
        }
        return statuses;
      } finally {
        await emulator.close();
      }
    };
    const first = await pattern();
    expect(first).toEqual(await pattern());
    expect(first).toContain(503);
    expect(first).toContain(200);
  });
});

describe('latency and stats', () => {
  it('adds latency to every answer', async () => {
    h.emulator.setLatency({ ms: 120, jitterMs: 20 });
    const started = performance.now();
    await h.raw('/rooms');
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
  });

  it('counts per route template and measures peak concurrency', async () => {
    const id = await h.roomId(SEED_ROOMS.live);
    h.emulator.resetStats();
    // Long enough that all six overlap even on a loaded machine (the peak is what is measured).
    h.emulator.setLatency({ ms: 1000 });
    await Promise.all(Array.from({ length: 6 }, () => h.raw(`/rooms/${id}`)));
    h.emulator.setLatency(null);
    await h.raw('/sessions?limit=10');
    await h.raw('/nowhere');
    const stats = h.emulator.stats();
    expect(stats.requests).toEqual({ 'GET /v2/rooms/{id}': 6, 'GET /v2/sessions': 1, 'GET <unmatched>': 1 });
    expect(stats.total).toBe(8);
    expect(stats.peakConcurrent).toBe(6);
    expect(stats.inFlight).toBe(0);
    expect(stats.log.at(-2)).toMatchObject({
      method: 'GET',
      route: 'GET /v2/sessions',
      path: '/v2/sessions',
      query: { limit: '10' },
      status: 200,
    });
    h.emulator.resetStats();
    expect(h.emulator.stats()).toMatchObject({ requests: {}, total: 0, peakConcurrent: 0, log: [] });
  });

  it('logs bodies as parsed JSON and keeps only the last 1000 requests', async () => {
    await h.hms.activeRooms.sendMessage(await h.roomId(SEED_ROOMS.live), {
      message: 'logged',
      role: 'guest',
    });
    expect(h.emulator.stats().log.at(-1)).toMatchObject({
      route: 'POST /v2/active-rooms/{id}/send-message',
      body: { message: 'logged', role: 'guest' },
    });
    await Promise.all(Array.from({ length: 1010 }, () => h.raw('/templates')));
    const { log, total } = h.emulator.stats();
    expect(total).toBe(1012);
    expect(log).toHaveLength(1000);
  });
});

describe('/__emulator control endpoints', () => {
  const control = (path: string, body?: unknown) =>
    fetch(`${h.emulator.origin}/__emulator/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('serves stats without auth, keyed by method and route template', async () => {
    await h.raw('/sessions');
    const stats = await (await control('stats')).json();
    expect(stats).toEqual({ requests: { 'GET /v2/sessions': 1 }, total: 1, peakConcurrent: 1, inFlight: 0 });
    const withLog = await (await fetch(`${h.emulator.origin}/__emulator/stats?log=true`)).json();
    expect(withLog.log).toHaveLength(1);
  });

  it('sets faults (routeRegex for patterns) and latency, and refuses nonsense', async () => {
    expect(
      (await control('faults', [{ routeRegex: '^/v2/templates', kind: 'status', status: 503 }])).status,
    ).toBe(200);
    expect((await h.raw('/templates')).status).toBe(503);
    expect((await control('faults', { faults: [] })).status).toBe(200);
    expect((await h.raw('/templates')).status).toBe(200);
    expect((await control('faults', [{ kind: 'explode' }])).status).toBe(400);
    expect((await control('latency', { ms: 50 })).status).toBe(200);
    const started = performance.now();
    await h.raw('/templates');
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect((await control('latency', null)).status).toBe(200);
    expect((await control('latency', { ms: -1 })).status).toBe(400);
    expect((await control('nope')).status).toBe(404);
  });

  it('resets counters, and the data back to the seed on request', async () => {
    await h.hms.rooms.create({ name: 'emu-ephemeral' });
    expect((await control('reset', {})).status).toBe(200);
    expect(h.emulator.stats().total).toBe(0);
    expect(h.emulator.state.room('emu-ephemeral')).toBeDefined();
    await control('reset', { data: true });
    expect(h.emulator.state.room('emu-ephemeral')).toBeUndefined();
    const after = await h.raw('/rooms?limit=100');
    expect((after.json.data as Array<{ name: string }>).map((r) => r.name).sort()).toEqual(
      Object.values(SEED_ROOMS).sort(),
    );
  });

  it('advances jobs over HTTP', async () => {
    const live = await h.roomId(SEED_ROOMS.live);
    const rec = await h.hms.recordings.start(live, {});
    expect((await control('advance-jobs', {})).status).toBe(200);
    expect((await h.hms.recordings.get(rec.id)).status).toBe('running');
    await h.hms.recordings.stopAll(live);
  });
});
