/**
 * Issue 14 at the HTTP edge: honest status codes and error codes for the caller's mistakes,
 * quiet and bounded logs, inputs checked before anything reaches 100ms, a bounded /metrics and
 * CORS that never pairs `*` with credentials.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { until } from '../helpers/live.js';
import { type GraphQLResponse, type Stack, startStack } from '../helpers/stack.js';

/** A pino line, as far as these tests read it. */
interface LogLine {
  level: number;
  msg?: string;
  [field: string]: unknown;
}

let stack: Stack;
const logs: string[] = [];
let live: string;

beforeAll(async () => {
  stack = await startStack({ logs, gateway: { maxBodyBytes: 8192 } });
  live = (await stack.hms.rooms.list({ name: 'product-standup' })).items[0]?.id as string;
});
afterAll(() => stack?.close());
beforeEach(() => {
  logs.length = 0;
  stack.resetCalls();
});

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

async function post(body: string, accept = 'application/json', headers: Record<string, string> = {}) {
  const res = await fetch(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, ...headers },
    body,
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as GraphQLResponse };
}

const levels = () => logs.map((line) => JSON.parse(line) as LogLine);

describe('wrong-typed variables', () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ['query($n: Int) { rooms(first: $n) { nodes { id } } }', { n: 1.5 }],
    ['query($n: Int) { rooms(first: $n) { nodes { id } } }', { n: 'ten' }],
    [
      'mutation($i: HmsRequestInput!) { hmsRequest(input: $i) { __typename } }',
      { i: { method: 'mars', path: '/x' } },
    ],
    [
      'mutation($i: HmsRequestInput!) { hmsRequest(input: $i) { __typename } }',
      { i: { method: 'GET', path: '/x', extra: 1 } },
    ],
  ];

  it('answer 400 BAD_USER_INPUT (application/graphql-response+json), logged at info', async () => {
    for (const [query, variables] of cases) {
      const res = await post(JSON.stringify({ query, variables }), GRAPHQL_RESPONSE);
      expect(res.status, JSON.stringify(variables)).toBe(400);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors?.[0]?.message).toMatch(/^Variable "\$\w+" got invalid value/);
    }
    expect(levels().filter((l) => l.level >= 50)).toEqual([]);
    const ops = levels().filter((l) => l.msg === 'graphql operation');
    expect(ops.map((l) => l.errors)).toEqual(cases.map(() => ['BAD_USER_INPUT']));
    expect(stack.calls().total).toBe(0);
  });

  it('keep HTTP 200 with application/json, as graphql-over-http says, with the same code', async () => {
    const [query, variables] = cases[0] as [string, Record<string, unknown>];
    const res = await post(JSON.stringify({ query, variables }));
    expect(res.status).toBe(200);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('validation errors are GRAPHQL_VALIDATION_FAILED, 400 with application/graphql-response+json', async () => {
    const res = await post(JSON.stringify({ query: '{ roomz { id } }' }), GRAPHQL_RESPONSE);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('logs', () => {
  it('log a request the client abandoned below error level', async () => {
    try {
      stack.emulator.setFaults([{ route: 'GET /v2/templates', kind: 'delay', delayMs: 1500 }]);
      const controller = new AbortController();
      const pending = fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ templates(first: 1) { nodes { name } } }' }),
        signal: controller.signal,
      }).catch((error: unknown) => error);
      await until(() => stack.emulator.stats().inFlight > 0);
      controller.abort();
      await pending;
      await until(() => levels().some((l) => l.msg === 'graphql operation'));
      expect(levels().filter((l) => l.level >= 50)).toEqual([]);
    } finally {
      stack.emulator.setFaults([]);
    }
  });

  it('log a NOT_FOUND room with its masked code at info, and nothing at error level', async () => {
    const res = await stack.gql('{ room(id: "no-such-room") { hmsId } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const op = levels().find((l) => l.msg === 'graphql operation');
    expect(op).toMatchObject({ level: 30, errors: ['NOT_FOUND'] });
    expect(levels().filter((l) => l.level >= 50)).toEqual([]);
  });

  it('cap the input they echo: a 95 KB id does not make a 95 KB log line', async () => {
    const big = await startStack({ logs, gateway: { maxBodyBytes: 200_000, maxTokens: 100_000 } });
    try {
      const res = await big.gql('query($id: ID!) { room(id: $id) { hmsId } }', { id: 'x'.repeat(95_000) });
      expect(res.errors).toBeDefined();
      const bad = await big.gql(`{ room(id: "${'y'.repeat(95_000)}") { hmsId } }`);
      expect(bad.errors).toBeDefined();
    } finally {
      await big.close();
    }
    expect(logs.length).toBeGreaterThan(0);
    expect(Math.max(...logs.map((line) => line.length))).toBeLessThan(5000);
  });
});

describe('request shape', () => {
  it('answers 400 to an empty {} body', async () => {
    const res = await post('{}');
    expect(res.status).toBe(400);
  });

  it('answers 405 with Allow to unsupported methods, before CSRF prevention', async () => {
    for (const method of ['DELETE', 'PUT', 'PATCH']) {
      const res = await fetch(`${stack.url}/graphql`, { method });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, POST, OPTIONS');
    }
  });

  it('refuses deeply nested JSON variables with a clear 400, not a stack overflow', async () => {
    const depth = 3000;
    const body = `{"query":"query($j: JSON) { __typename }","variables":{"j":${'['.repeat(depth)}1${']'.repeat(depth)}}}`;
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(/nest deeper than 64 levels/);
    const ok = await post(
      JSON.stringify({ query: 'query($j: JSON) { __typename }', variables: { j: [[[1]]] } }),
    );
    expect(ok.status).toBe(200);
  });

  it('closes the connection after refusing an over-limit chunked body', async () => {
    const answer = await new Promise<{ status?: number; connection?: string }>((resolve, reject) => {
      const req = request(
        `${stack.url}/graphql`,
        { method: 'POST', headers: { 'content-type': 'application/json' } },
        (res) => {
          res.resume();
          resolve({ status: res.statusCode, connection: res.headers.connection });
        },
      );
      req.on('error', reject);
      req.write(`{"query":"{ __typename }","variables":{"pad":"${'x'.repeat(9000)}`);
    });
    expect(answer).toEqual({ status: 413, connection: 'close' });
  });
});

describe('strings sent to 100ms', () => {
  const CREATE_ROOM = `mutation($input: CreateRoomInput!) { createRoom(input: $input) { __typename ... on ValidationError { field message } } }`;
  const START = `mutation($input: StartRecordingInput!) { startRecording(input: $input) { __typename ... on ValidationError { field message } } }`;

  it('refuses a NUL in a description and a 90 KB meetingUrl before calling 100ms', async () => {
    const big = await startStack({ gateway: { maxBodyBytes: 200_000 } });
    try {
      const nul = await big.gql(CREATE_ROOM, { input: { name: 'nul-room', description: 'a\u0000b' } });
      expect(nul.data?.createRoom).toMatchObject({
        __typename: 'ValidationError',
        field: 'input.description',
      });
      const url = await big.gql(START, {
        input: { roomId: live, meetingUrl: `https://x.app.100ms.live/${'a'.repeat(90_000)}` },
      });
      expect(url.data?.startRecording).toMatchObject({
        __typename: 'ValidationError',
        field: 'input.meetingUrl',
      });
      const newline = await big.gql(START, {
        input: { roomId: live, meetingUrl: 'https://x.app.100ms.live/\npreview' },
      });
      expect(newline.data?.startRecording).toMatchObject({
        __typename: 'ValidationError',
        field: 'input.meetingUrl',
      });
      expect(big.calls().total).toBe(0);
    } finally {
      await big.close();
    }
  });
});

describe('/metrics', () => {
  it('stays under 1 MB after 100 operations with distinct 20 KB names', async () => {
    const big = await startStack({ gateway: { maxBodyBytes: 200_000, maxTokens: 100_000 } });
    try {
      for (let i = 0; i < 100; i++) {
        const name = `Op${i}${'a'.repeat(20_000)}`;
        const res = await big.gql(`query ${name} { __typename }`);
        expect(res.errors).toBeUndefined();
      }
      for (let i = 0; i < 250; i++) await big.gql(`query Short${i} { __typename }`);
      const text = await (await fetch(`${big.url}/metrics`)).text();
      expect(Buffer.byteLength(text)).toBeLessThan(1_000_000);
      expect(text).toMatch(/graphql_requests_total\{operation="other",type="query",outcome="ok"\} 1\d\d/);
      expect(text).toMatch(/operation="Short0"/);
    } finally {
      await big.close();
    }
  });
});

describe('CORS', () => {
  it('never pairs * with credentials; listed origins keep them', async () => {
    const cors = await startStack({ gateway: { corsOrigins: ['https://dash.example.com', '*'] } });
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
      const listed = await preflight('https://dash.example.com');
      expect(listed.headers.get('access-control-allow-origin')).toBe('https://dash.example.com');
      expect(listed.headers.get('access-control-allow-credentials')).toBe('true');
      const other = await preflight('https://anyone.example.com');
      expect(other.headers.get('access-control-allow-credentials')).toBeNull();
      const sandboxed = await preflight('null');
      expect(sandboxed.headers.get('access-control-allow-origin')).toBeNull();
      expect(sandboxed.headers.get('access-control-allow-credentials')).toBeNull();
    } finally {
      await cors.close();
    }
  });
});
