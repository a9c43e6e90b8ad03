/**
 * Bytes on the wire: brotli/gzip for GraphQL answers above 1 KB and for GraphiQL when the
 * client's Accept-Encoding allows it, never for SSE; GraphiQL revalidates with an ETag (304).
 * Raw node:http requests, so the test sees exactly the headers and bytes sent.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { negotiateEncoding } from '../../src/plugins/use-compression.js';
import { type Stack, startStack } from '../helpers/stack.js';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; firstChunkOnly?: boolean },
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        if (options.firstChunkOnly) {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
          res.destroy();
        }
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const decode = (raw: Raw) => {
  const encoding = raw.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(raw.body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(raw.body).toString('utf8');
  return raw.body.toString('utf8');
};

let stack: Stack;
let roomId: string;
const DASHBOARD = readFileSync(new URL('../../schema/operations/dashboard.graphql', import.meta.url), 'utf8');
const SMALL = '{ __typename }';
/** The dashboard answer (~28 KB), or a small one. */
const graphql = (query: string, headers: Record<string, string> = {}) =>
  send(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables: query === DASHBOARD ? { roomId, sessions: 10 } : {} }),
  });
const BIG = DASHBOARD;

beforeAll(async () => {
  stack = await startStack();
  roomId = (await stack.hms.rooms.list({ name: 'product-standup' })).items[0]?.id as string;
});
afterAll(() => stack?.close());

describe('negotiateEncoding', () => {
  it('picks the highest q-value, brotli on a tie, and honours q=0 and *', () => {
    expect(negotiateEncoding(null)).toBeNull();
    expect(negotiateEncoding('identity')).toBeNull();
    expect(negotiateEncoding('gzip, deflate, br')).toBe('br');
    expect(negotiateEncoding('gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*;q=0')).toBeNull();
    expect(negotiateEncoding('deflate')).toBeNull();
  });
});

describe('GraphQL answers', () => {
  it('are compressed above 1 KB with the encoding the client prefers, and decode to the same JSON', async () => {
    const plain = await graphql(BIG);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    expect(plain.headers.vary).toMatch(/accept-encoding/i);

    for (const [accept, expected] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const raw = await graphql(BIG, { 'accept-encoding': accept });
      expect(raw.status).toBe(200);
      expect(raw.headers['content-encoding']).toBe(expected);
      expect(Number(raw.headers['content-length'])).toBe(raw.body.length);
      expect(raw.body.length).toBeLessThan(plain.body.length / 2);
      expect(raw.headers.vary).toMatch(/accept-encoding/i);
      const json = JSON.parse(decode(raw));
      expect(json.errors).toBeUndefined();
      // The same answer (live sessions' durations move between two requests: compare the ids).
      const ids = (answer: { data: { room: { sessions: { nodes: Array<{ hmsId: string }> } } } }) =>
        answer.data.room.sessions.nodes.map((session) => session.hmsId);
      expect(ids(json)).toEqual(ids(JSON.parse(plain.body.toString())));
      expect(json.data.room.name).toBe(JSON.parse(plain.body.toString()).data.room.name);
    }
  });

  it('are sent as they are below 1 KB or when the client accepts no supported encoding', async () => {
    const small = await graphql(SMALL, { 'accept-encoding': 'gzip, br' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString()).data.__typename).toBe('Query');
    const identity = await graphql(BIG, { 'accept-encoding': 'identity, deflate' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(identity.body.toString()).data.room.sessions.nodes.length).toBeGreaterThan(0);
  });

  it('leaves SSE subscriptions uncompressed, even when the client accepts gzip and brotli', async () => {
    const query = encodeURIComponent('subscription { events { eventId } }');
    const raw = await send(`${stack.url}/graphql?query=${query}`, {
      headers: { accept: 'text/event-stream', 'accept-encoding': 'gzip, deflate, br' },
      firstChunkOnly: true,
    });
    expect(raw.status).toBe(200);
    expect(raw.headers['content-type']).toMatch(/text\/event-stream/);
    // Yoga marks its event streams `Content-Encoding: none` so proxies leave them alone too.
    expect([undefined, 'none']).toContain(raw.headers['content-encoding']);
    expect(raw.body.toString('utf8')).toMatch(/^:/);
  });
});

describe('GraphiQL page', () => {
  const page = (headers: Record<string, string> = {}) =>
    send(`${stack.url}/graphql`, { headers: { accept: 'text/html', ...headers } });

  it('is compressed (brotli or gzip), carries an ETag, and answers 304 to a matching If-None-Match', async () => {
    const plain = await page();
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const etag = plain.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(plain.headers['cache-control']).toBe('no-cache');

    const br = await page({ 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.etag).toBe(etag);
    expect(decode(br)).toBe(plain.body.toString('utf8'));
    const gzip = await page({ 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decode(gzip)).toBe(plain.body.toString('utf8'));
    // 9 MB of inlined GraphiQL assets: a quarter of that or less on the wire.
    expect(br.body.length).toBeLessThan(plain.body.length / 4);
    expect(gzip.body.length).toBeLessThan(plain.body.length / 3);

    for (const tag of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const revalidated = await page({ 'accept-encoding': 'br', 'if-none-match': tag });
      expect(revalidated.status).toBe(304);
      expect(revalidated.body.length).toBe(0);
      expect(revalidated.headers.etag).toBe(etag);
    }
    const stale = await page({ 'accept-encoding': 'br', 'if-none-match': '"stale"' });
    expect(stale.status).toBe(200);
    expect(stale.headers['content-encoding']).toBe('br');
  }, 60_000);
});
