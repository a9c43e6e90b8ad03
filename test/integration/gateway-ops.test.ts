import { readFileSync } from 'node:fs';
import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DashboardDocument } from '../../examples/dashboard/src/generated/graphql.js';
import { type Stack, startStack } from '../helpers/stack.js';

const DASHBOARD = readFileSync(new URL('../../schema/operations/dashboard.graphql', import.meta.url), 'utf8');

let stack: Stack;
let live: string;

beforeAll(async () => {
  stack = await startStack({ gateway: { metricsToken: 'metrics-secret', maxBodyBytes: 4096 } });
  live = (await stack.hms.rooms.list({ name: 'product-standup' })).items[0]?.id as string;
});
afterAll(() => stack?.close());
beforeEach(() => stack.resetCalls());

describe('upstream-call budget', () => {
  it('rejects a document over the budget before any upstream call', async () => {
    const res = await stack.gql(
      `{ rooms(first: 100) { nodes { sessions(first: 100) { nodes { recordings { nodes { assets { presignedUrl { url } } } } } } } } }`,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('UPSTREAM_BUDGET_EXCEEDED');
    expect(res.errors?.[0]?.extensions?.estimatedUpstreamCalls).toBeGreaterThan(50);
    expect(res.extensions?.cost?.actualUpstreamCalls).toBe(0);
    expect(stack.calls().total).toBe(0);
  });

  it('reports estimated and actual calls on every response; the dashboard costs at most 4', async () => {
    const res = await stack.gql(DASHBOARD, { roomId: live });
    expect(res.errors).toBeUndefined();
    expect(res.extensions?.cost?.estimatedUpstreamCalls).toBeGreaterThanOrEqual(
      res.extensions?.cost?.actualUpstreamCalls ?? Number.POSITIVE_INFINITY,
    );
    expect(res.extensions?.cost?.actualUpstreamCalls).toBeLessThanOrEqual(4);
    const bad = await stack.gql('{ nosuchfield }');
    expect(bad.errors).toBeDefined();
  });
});

describe('entity cache', () => {
  it('serves ended sessions and completed recordings from cache on the next request; live ones are fetched', async () => {
    await stack.gateway.cache.invalidate([]);
    const fresh = await startStack();
    try {
      const roomId = (await fresh.hms.rooms.list({ name: 'product-standup' })).items[0]?.id as string;
      await fresh.gql(DASHBOARD, { roomId });
      fresh.resetCalls();
      const second = await fresh.run(DashboardDocument, { roomId });
      expect(second.errors).toBeUndefined();
      const routes = fresh.calls().byRoute;
      // The session list is always fresh; the live session's jobs and assets come from the first
      // room-wide page, started with the sessions (one round trip); ended sessions from the cache.
      expect(routes['GET /v2/rooms/{id}'] ?? 0).toBe(0);
      expect(routes['GET /v2/sessions']).toBe(1);
      expect(routes['GET /v2/recordings']).toBe(1);
      expect(routes['GET /v2/recording-assets']).toBe(1);
      const log = fresh.emulator.stats().log.filter((e) => e.route === 'GET /v2/recordings');
      expect(log.at(-1)?.query.room_id).toBe(roomId);
      const live = (await fresh.hms.activeRooms.get(roomId)).session.id;
      const sessions = second.data?.room?.sessions?.nodes ?? [];
      const liveRecordings = sessions.find((s) => s.hmsId === live)?.recordings?.nodes ?? [];
      const expected = fresh.emulator.state.recordings(roomId).filter((r) => r.session_id === live);
      expect(liveRecordings.map((r) => r.hmsId).sort()).toEqual(expected.map((r) => r.id).sort());
    } finally {
      await fresh.close();
    }
  });
});

describe('limits', () => {
  it('refuses an oversized body with 413', async () => {
    const res = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ rooms { nodes { id } } }`, variables: { pad: 'x'.repeat(5000) } }),
    });
    expect(res.status).toBe(413);
  });

  it('refuses too deep and too many aliases', async () => {
    const deep = await stack.gql(
      '{ room(id: "x") { sessions { nodes { room { sessions { nodes { room { sessions { nodes { room { sessions { nodes { room { name } } } } } } } } } } } } } }',
    );
    expect(deep.errors?.[0]?.message).toMatch(/depth/i);
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: room(id: "x") { hmsId }`).join(' ');
    const many = await stack.gql(`{ ${aliases} }`);
    expect(many.errors?.[0]?.message).toMatch(/alias/i);
    expect(stack.calls().total).toBe(0);
  });

  it('answers CORS preflights only for configured origins', async () => {
    const cors = await startStack({ gateway: { corsOrigins: ['https://dash.example.com'] } });
    try {
      const preflight = (origin: string) =>
        fetch(`${cors.url}/graphql`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type',
          },
        });
      const allowed = await preflight('https://dash.example.com');
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dash.example.com');
      const denied = await preflight('https://evil.example.com');
      expect(denied.headers.get('access-control-allow-origin')).not.toBe('https://evil.example.com');
    } finally {
      await cors.close();
    }
  });

  it('blocks cross-site simple POSTs (CSRF); test/integration/csrf.test.ts covers the rest', async () => {
    const simple = (headers: Record<string, string>) =>
      fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: 'query=%7B__typename%7D',
      });
    expect((await simple({})).status).toBe(403);
    expect((await simple({ 'x-graphql-yoga-csrf': '1' })).status).not.toBe(403);
  });
});

describe('operations endpoints', () => {
  it('serves /health and /ready', async () => {
    expect((await fetch(`${stack.url}/health`)).status).toBe(200);
    expect((await fetch(`${stack.url}/ready`)).status).toBe(200);
  });

  it('answers GET / with a page that points to GraphiQL, /health and the README; other paths stay 404', async () => {
    const page = await fetch(`${stack.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('href="/graphql"');
    expect(html).toContain('href="/health"');
    expect(html).toContain('README.md');
    expect((await fetch(`${stack.url}/`, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(`${stack.url}/nothing-here`)).status).toBe(404);
  });

  it('protects /metrics and its upstream counters match the emulator', async () => {
    expect((await fetch(`${stack.url}/metrics`)).status).toBe(401);
    stack.emulator.resetStats();
    const before = await scrape();
    await stack.gql(DASHBOARD, { roomId: live });
    await stack.gql('{ templates { nodes { name } } rooms(first: 3) { nodes { name } } }');
    const after = await scrape();
    const emulated = stack.emulator.stats().requests as Record<string, number>;
    for (const [route, count] of Object.entries(emulated)) {
      const [method, path] = route.split(' ');
      const key = `${method} ${path}`;
      expect((after[key] ?? 0) - (before[key] ?? 0), key).toBe(count);
    }
    const text = await (
      await fetch(`${stack.url}/metrics`, { headers: { authorization: 'Bearer metrics-secret' } })
    ).text();
    expect(text).toMatch(/graphql_requests_total\{operation="Dashboard",type="query",outcome="ok"\}/);
    expect(text).toContain('hms_upstream_request_duration_seconds_bucket');
  });
});

async function scrape(): Promise<Record<string, number>> {
  const text = await (
    await fetch(`${stack.url}/metrics`, { headers: { authorization: 'Bearer metrics-secret' } })
  ).text();
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const m = line.match(/^hms_upstream_requests_total\{method="(\w+)",route="([^"]+)",status="\d+"\} (\d+)/);
    if (m) out[`${m[1]} ${m[2]}`] = (out[`${m[1]} ${m[2]}`] ?? 0) + Number(m[3]);
  }
  return out;
}

describe('GraphQL over HTTP compliance (graphql-http audits)', () => {
  it('passes every MUST audit', async () => {
    const results = await auditServer({ url: `${stack.url}/graphql`, fetchFn: fetch });
    const mustFailures = results.filter((r) => r.status === 'error');
    expect(mustFailures.map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`)).toEqual([]);
    // GETs pass CSRF prevention, so even the MAY-level GET variants pass (README says so).
    const notOk = results.filter((r) => r.status !== 'ok').map((r) => `${r.status} ${r.id}`);
    expect(notOk).toEqual([]);
    expect(results).toHaveLength(61);
  });
});
