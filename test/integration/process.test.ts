import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, DEMO_CREDENTIALS, type Emulator } from '../../src/emulator/index.js';
import { until } from '../helpers/live.js';
import { freePort, spawnScript } from '../helpers/processes.js';

/** `npm start` as a process, with only the variables given (and PATH). */
const run = (env: Record<string, string>) =>
  spawnScript('src/main.ts', [], { cleanEnv: true, env: { LOG_LEVEL: 'info', ...env } });

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ ...DEMO_CREDENTIALS });
});
afterAll(() => emulator?.close());

describe('the gateway process', () => {
  it('refuses to start with real credentials and no GATEWAY_AUTH, naming the fix', async () => {
    const proc = run({
      HMS_ACCESS_KEY: 'ak',
      HMS_SECRET: 'secret-value-xyz',
      PORT: String(await freePort()),
    });
    expect(await proc.exited).toBe(2);
    expect(proc.output()).toMatch(/GATEWAY_AUTH=jwt/);
    expect(proc.output()).toMatch(/GATEWAY_AUTH=none/);
    expect(proc.output()).not.toContain('secret-value-xyz');
  }, 30_000);

  it('refuses a half-configured credential pair, saying which half is missing', async () => {
    const proc = run({ HMS_SECRET: 'only-the-secret', PORT: String(await freePort()) });
    expect(await proc.exited).toBe(2);
    expect(proc.output()).toContain('HMS_SECRET is set but HMS_ACCESS_KEY is missing');
  }, 30_000);

  it('finishes an in-flight request on SIGTERM, refuses new connections, and exits 0', async () => {
    const port = await freePort();
    const proc = run({
      HMS_ACCESS_KEY: emulator.accessKey,
      HMS_SECRET: emulator.secret,
      HMS_API_URL: emulator.url,
      GATEWAY_AUTH: 'none',
      PORT: String(port),
    });
    try {
      // Ready, not just alive: the start-up warm-up's own upstream calls are over by then.
      await proc.waitForHttp(`http://127.0.0.1:${port}/ready`);
      emulator.setLatency({ ms: 1500 });
      const inflight = fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ templates { nodes { name } } }' }),
      });
      // SIGTERM once the request has reached 100ms (the emulator), so it is truly in flight.
      await until(() => emulator.stats().inFlight > 0);
      proc.child.kill('SIGTERM');
      // The listener closes first: new connections are refused while the old request finishes.
      await until(async () => {
        try {
          await fetch(`http://127.0.0.1:${port}/health`);
          return false;
        } catch {
          return true;
        }
      });
      const response = await inflight;
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data?: { templates: { nodes: unknown[] } } };
      expect(body.data?.templates.nodes.length).toBeGreaterThan(0);
      expect(await proc.exited).toBe(0);
    } finally {
      emulator.setLatency({ ms: 0 });
      proc.child.kill('SIGKILL');
    }
  }, 40_000);

  it('serves /graphql and /health in demo mode with a banner', async () => {
    const port = await freePort();
    const proc = run({ PORT: String(port), HOST: '0.0.0.0' });
    try {
      await proc.waitForHttp(`http://127.0.0.1:${port}/health`);
      expect(proc.output()).toMatch(/DEMO MODE/);
      expect(proc.output()).toMatch(/binds 127\.0\.0\.1 only/);
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ rooms(first: 3) { nodes { name } } }' }),
      });
      const body = (await res.json()) as { data?: { rooms: { nodes: unknown[] } } };
      expect(body.data?.rooms.nodes).toHaveLength(3);
      const page = await fetch(`http://127.0.0.1:${port}/graphql`, { headers: { accept: 'text/html' } });
      const html = await page.text();
      expect(html).toContain('hms-graph');
      expect(html).not.toMatch(/unpkg\.com|cdn\.jsdelivr/);
    } finally {
      await proc.stop();
    }
  }, 40_000);
});
