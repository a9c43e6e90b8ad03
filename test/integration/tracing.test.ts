/**
 * OpenTelemetry over real HTTP: the gateway exports to a local OTLP/HTTP receiver (a node:http
 * server on port 0 decoding the JSON export). Each GraphQL request is one trace whose upstream
 * spans are children of the operation span and are named by route template; a caller's
 * `traceparent` is continued and reaches the emulator on every upstream call; webhook deliveries
 * and token mints are spans too; the operation log line carries the trace id. Without a tracer the
 * client sends no `traceparent`.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, DEMO_CREDENTIALS, type Emulator, SEED_ROOMS } from '../../src/emulator/index.js';
import type { HmsClient } from '../../src/hms/api.js';
import { createHmsClient } from '../../src/hms/client.js';
import { createLogger } from '../../src/logger.js';
import { createGateway, type Gateway } from '../../src/server.js';
import { recordEvent, startTelemetry, type Telemetry } from '../../src/telemetry.js';
import { envelope, postWebhook, until } from '../helpers/live.js';

const WEBHOOK_SECRET = 'tracing-test-webhook-secret-0123';
const DASHBOARD = `query Dashboard($roomId: ID!) {
  room(id: $roomId) { name sessions(first: 5) { nodes { hmsId recordings { nodes { hmsId assets { hmsId } } } } } }
}`;
const SERVER = 2;
const CLIENT = 3;

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
  events: Array<{ name: string; attributes: Record<string, unknown> }>;
}

type OtlpValue = {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  arrayValue?: { values?: OtlpValue[] };
};
function value(v: OtlpValue): unknown {
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.arrayValue) return (v.arrayValue.values ?? []).map(value);
  return undefined;
}

type OtlpAttribute = { key: string; value: OtlpValue };
const attributes = (list: OtlpAttribute[] = []) =>
  Object.fromEntries(list.map((a) => [a.key, value(a.value)]));

let receiver: Server;
const received: ExportedSpan[] = [];
const contentTypes = new Set<string>();
let telemetry: Telemetry;
let emulator: Emulator;
let hms: HmsClient;
let gateway: Gateway;
let server: Server;
let url: string;
let roomId: string;
const logs: string[] = [];

async function listen(s: Server): Promise<string> {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      contentTypes.add(String(req.headers['content-type']));
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      for (const rs of body.resourceSpans ?? []) {
        for (const ss of rs.scopeSpans ?? []) {
          for (const span of ss.spans ?? []) {
            received.push({
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId || undefined,
              name: span.name,
              kind: span.kind,
              attributes: attributes(span.attributes),
              events: (span.events ?? []).map((e: { name: string; attributes?: OtlpAttribute[] }) => ({
                name: e.name,
                attributes: attributes(e.attributes),
              })),
            });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  const endpoint = await listen(receiver);
  telemetry = await startTelemetry({ endpoint, serviceName: 'hms-graph-test', exportDelayMs: 20 });
  emulator = await createEmulator({ ...DEMO_CREDENTIALS });
  roomId = emulator.state.room(SEED_ROOMS.live)?.id as string;
  const logger = createLogger('info', {
    write(line: string) {
      logs.push(line);
    },
  });
  hms = createHmsClient({
    accessKey: emulator.accessKey,
    secret: emulator.secret,
    baseUrl: emulator.url,
    logger,
    maxRetries: 1,
    tracer: telemetry.tracer,
    onTokenSigned: (kind) => recordEvent(telemetry.tracer, 'hms token mint', { 'hms.token.kind': kind }),
  });
  gateway = createGateway({ hms, logger, telemetry, config: { webhookSecret: WEBHOOK_SECRET } });
  server = createServer(gateway.yoga);
  url = await listen(server);
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await gateway?.close();
  await hms?.close();
  await emulator?.close();
  await telemetry?.shutdown();
  await new Promise((resolve) => receiver?.close(resolve));
});

async function gql(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: GraphQL JSON
  return (await response.json()) as any;
}

/**
 * The trace of the request sent with `x-request-id: requestId`, once its operation span has
 * arrived. A flush can return while a scheduled export of the same batch is still in flight, so
 * this flushes until the span is there (the test timeout bounds it).
 */
async function traceOf(requestId: string) {
  const find = () => received.find((s) => s.kind === SERVER && s.attributes['hms.request_id'] === requestId);
  await until(async () => {
    await telemetry.flush();
    return find() !== undefined;
  }, 20);
  const operation = find() as ExportedSpan;
  // Its children end before it does: with the operation span here, the whole trace is.
  return { operation, spans: received.filter((s) => s.traceId === operation.traceId) };
}

const HEX_ID = /[0-9a-f]{24}/;

describe('tracing', () => {
  it('makes one trace per request: the operation span with each upstream call as its child, by route template', async () => {
    const first = await gql(DASHBOARD, { roomId }, { 'x-request-id': 'trace-dashboard-1' });
    expect(first.errors).toBeUndefined();
    const second = await gql(DASHBOARD, { roomId }, { 'x-request-id': 'trace-dashboard-2' });
    const one = await traceOf('trace-dashboard-1');
    const two = await traceOf('trace-dashboard-2');
    expect(two.operation.traceId).not.toBe(one.operation.traceId);

    for (const [{ operation, spans }, answer] of [
      [one, first],
      [two, second],
    ] as const) {
      expect(operation.name).toBe('query.Dashboard');
      expect(operation.parentSpanId).toBeUndefined();
      expect(spans.filter((s) => !s.parentSpanId)).toEqual([operation]);
      expect(operation.attributes).toMatchObject({
        'graphql.operation.outcome': 'ok',
        'hms.upstream_calls': answer.extensions.cost.actualUpstreamCalls,
      });
      const upstream = spans.filter((s) => s.kind === CLIENT);
      expect(upstream.length).toBe(answer.extensions.cost.actualUpstreamCalls);
      for (const span of upstream) {
        expect(span.parentSpanId).toBe(operation.spanId);
        expect(span.name).toMatch(/^GET \/v2\/[a-z-]+(\/\{id\})?$/);
        expect(span.name).not.toMatch(HEX_ID);
        expect(span.attributes).toMatchObject({
          'http.request.method': 'GET',
          'url.template': span.name.slice(4),
          'http.response.status_code': 200,
          'hms.attempt': 1,
          // By-id reads of cached entities are misses; lists are never served from the cache.
          'hms.cache': span.name.endsWith('{id}') ? 'miss' : 'not-cached',
        });
        expect(JSON.stringify(span.attributes)).not.toMatch(HEX_ID);
      }
    }
    // Whichever request came first in this file minted the management token, inside its trace.
    const operations = new Set(received.filter((s) => s.kind === SERVER).map((s) => s.spanId));
    const mint = received.find((s) => s.name === 'hms token mint');
    expect(mint?.attributes).toEqual({ 'hms.token.kind': 'management' });
    expect(operations.has(mint?.parentSpanId ?? '')).toBe(true);
    // Entity-cache lookups are events on the operation span: the second request hit the room.
    expect(two.operation.events).toContainEqual({
      name: 'hms.cache',
      attributes: { 'hms.cache.kind': 'room', 'hms.cache.result': 'hit' },
    });
    // The log line links the request id and the trace id.
    const line = logs
      .map((l) => JSON.parse(l))
      .find((l) => l.msg === 'graphql operation' && l.requestId === 'trace-dashboard-2');
    expect(line?.traceId).toBe(two.operation.traceId);
    expect([...contentTypes]).toEqual(['application/json']);
  });

  it("continues a caller's traceparent and sends it on to 100ms on every upstream call", async () => {
    const traceId = randomBytes(16).toString('hex');
    const parentId = randomBytes(8).toString('hex');
    emulator.resetStats();
    const answer = await gql(
      '{ rooms(first: 3) { nodes { hmsId } } templates(first: 2) { nodes { hmsId } } }',
      {},
      { traceparent: `00-${traceId}-${parentId}-01`, 'x-request-id': 'trace-continued' },
    );
    expect(answer.errors).toBeUndefined();
    const { operation, spans } = await traceOf('trace-continued');
    expect(operation.traceId).toBe(traceId);
    expect(operation.parentSpanId).toBe(parentId);
    const upstream = spans.filter((s) => s.kind === CLIENT);
    expect(upstream.length).toBeGreaterThanOrEqual(2);

    const sent = emulator.stats().log.map((entry) => entry.traceparent);
    expect(sent.length).toBe(upstream.length);
    for (const header of sent) {
      const [version, id, parent, flags] = (header ?? '').split('-');
      expect({ version, id, flags }).toEqual({ version: '00', id: traceId, flags: '01' });
      // Each call names its own upstream span as the parent on the 100ms side.
      expect(upstream.map((s) => s.spanId)).toContain(parent);
    }
  });

  it('makes each attempt its own span: a retried call shows why it was retried', async () => {
    emulator.setFaults([{ route: 'GET /v2/templates', kind: 'status', status: 503, times: 1 }]);
    try {
      const answer = await gql(
        '{ templates(first: 1) { nodes { hmsId } } }',
        {},
        { 'x-request-id': 'trace-retry' },
      );
      expect(answer.errors).toBeUndefined();
    } finally {
      emulator.setFaults([]);
    }
    const { operation, spans } = await traceOf('trace-retry');
    const attempts = spans
      .filter((s) => s.kind === CLIENT)
      .sort((a, b) => Number(a.attributes['hms.attempt']) - Number(b.attributes['hms.attempt']));
    expect(attempts.map((s) => [s.name, s.parentSpanId, s.attributes])).toEqual([
      [
        'GET /v2/templates',
        operation.spanId,
        {
          'http.request.method': 'GET',
          'url.template': '/v2/templates',
          'hms.attempt': 1,
          'hms.cache': 'not-cached',
          'http.response.status_code': 503,
          'hms.retry_reason': 'status_503',
        },
      ],
      [
        'GET /v2/templates',
        operation.spanId,
        {
          'http.request.method': 'GET',
          'url.template': '/v2/templates',
          'hms.attempt': 2,
          'hms.cache': 'not-cached',
          'http.response.status_code': 200,
        },
      ],
    ]);
    expect(operation.attributes['hms.upstream_calls']).toBe(2);
  });

  it('traces webhook deliveries', async () => {
    const event = envelope('peer.join.success', { room_id: roomId, session_id: 'x', user_name: 'Ada' });
    const answer = await postWebhook(url, event, { 'x-hms-webhook-secret': WEBHOOK_SECRET });
    expect(answer.status).toBe(200);
    const delivery = () =>
      received.find((s) => s.name === 'webhook 100ms' && s.attributes['hms.webhook.type']);
    await until(async () => {
      await telemetry.flush();
      return delivery() !== undefined;
    }, 20);
    const span = delivery();
    expect(span?.kind).toBe(SERVER);
    expect(span?.attributes).toMatchObject({
      'hms.webhook.type': 'peer.join.success',
      'http.response.status_code': 200,
    });
  });

  it('sends no traceparent from a client without a tracer', async () => {
    const plain = createHmsClient({
      accessKey: emulator.accessKey,
      secret: emulator.secret,
      baseUrl: emulator.url,
    });
    try {
      emulator.resetStats();
      await plain.rooms.list({ limit: 1 });
      expect(emulator.stats().log.map((e) => e.traceparent)).toEqual([undefined]);
    } finally {
      await plain.close();
    }
  });
});
