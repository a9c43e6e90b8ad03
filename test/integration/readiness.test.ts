/**
 * `/ready` follows 100ms (issue 14): 503 while 100ms fails, whether traffic flows or not, and
 * 200 again once it answers; on shutdown, 503 and `Connection: close` during the delay before the
 * listener closes.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, DEMO_CREDENTIALS, type Emulator } from '../../src/emulator/index.js';
import { createUpstreamHealth } from '../../src/upstream-health.js';
import { until } from '../helpers/live.js';
import { freePort, spawnScript } from '../helpers/processes.js';
import { type Stack, startStack } from '../helpers/stack.js';

const OUTAGE = [{ kind: 'status' as const, status: 503 }];

/** One request on its own socket, so `Connection` is what this response said. */
function get(url: string): Promise<{ status: number; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('readiness during a simulated 100ms outage', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  it('turns 503 as soon as traffic sees 100ms fail, and 200 once it answers again', async () => {
    try {
      await stack.gql('{ templates(first: 1) { nodes { name } } }');
      expect((await fetch(`${stack.url}/ready`)).status).toBe(200);
      stack.resetCalls();
      // A recent success answers without asking 100ms.
      expect((await fetch(`${stack.url}/ready`)).status).toBe(200);
      expect(stack.calls().total).toBe(0);

      stack.emulator.setFaults(OUTAGE);
      const failed = await stack.gql('{ rooms(first: 1) { nodes { name } } }');
      expect(failed.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
      expect((await fetch(`${stack.url}/ready`)).status).toBe(503);

      stack.emulator.setFaults([]);
      expect((await fetch(`${stack.url}/ready`)).status).toBe(200);
    } finally {
      stack.emulator.setFaults([]);
    }
  });

  it('probes when idle: a gateway that saw no traffic reports the outage at once', async () => {
    const idle = await startStack({ sharedEmulator: stack.emulator });
    try {
      stack.emulator.setFaults(OUTAGE);
      expect((await fetch(`${idle.url}/ready`)).status).toBe(503);
    } finally {
      stack.emulator.setFaults([]);
      await idle.close();
    }
  });

  it('trusts a success only for the window (10 s), then probes again', () => {
    let now = 0;
    const health = createUpstreamHealth({ windowMs: 10_000, now: () => now });
    expect(health.recentlyHealthy).toBe(false);
    health.record(200);
    expect(health.recentlyHealthy).toBe(true);
    now = 10_001;
    expect(health.recentlyHealthy).toBe(false);
    health.record(404);
    expect(health.recentlyHealthy).toBe(true);
    for (const status of [0, 500, 503, 401]) {
      health.record(status);
      expect(health.recentlyHealthy, String(status)).toBe(false);
    }
    health.record(429);
    expect(health.recentlyHealthy).toBe(true);
  });
});

describe('shutdown', () => {
  it('answers /ready 503 with Connection: close once shutdown begins, and keeps serving', async () => {
    const stack = await startStack();
    try {
      expect((await get(`${stack.url}/ready`)).status).toBe(200);
      stack.gateway.beginShutdown();
      expect(await get(`${stack.url}/ready`)).toEqual({ status: 503, connection: 'close' });
      expect(await get(`${stack.url}/health`)).toEqual({ status: 200, connection: 'close' });
      const res = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('connection')).toBe('close');
    } finally {
      await stack.close();
    }
  });
});

describe('the process on SIGTERM', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await createEmulator({ ...DEMO_CREDENTIALS });
  });
  afterAll(() => emulator?.close());

  it('answers /ready 503 for GATEWAY_SHUTDOWN_DELAY_MS, then closes the listener and exits 0', async () => {
    const port = await freePort();
    const proc = spawnScript('src/main.ts', [], {
      cleanEnv: true,
      env: {
        LOG_LEVEL: 'info',
        HMS_ACCESS_KEY: emulator.accessKey,
        HMS_SECRET: emulator.secret,
        HMS_API_URL: emulator.url,
        GATEWAY_AUTH: 'none',
        GATEWAY_SHUTDOWN_DELAY_MS: '1500',
        PORT: String(port),
      },
    });
    const base = `http://127.0.0.1:${port}`;
    try {
      await proc.waitForHttp(`${base}/health`);
      expect((await get(`${base}/ready`)).status).toBe(200);
      proc.child.kill('SIGTERM');
      await until(async () => (await get(`${base}/ready`)).status === 503);
      expect(await get(`${base}/ready`)).toEqual({ status: 503, connection: 'close' });
      expect((await get(`${base}/health`)).status).toBe(200);
      // Then the listener closes and the process exits cleanly.
      await until(async () => {
        try {
          await get(`${base}/health`);
          return false;
        } catch {
          return true;
        }
      });
      expect(await proc.exited).toBe(0);
      expect(proc.output()).toMatch(/"delayMs":1500/);
    } finally {
      proc.child.kill('SIGKILL');
    }
  }, 40_000);
});
