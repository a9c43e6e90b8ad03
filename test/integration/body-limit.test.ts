/**
 * GATEWAY_MAX_BODY_BYTES is enforced by the gateway's own plugin for every POST body (Yoga's
 * built-in limiter is off): declared lengths up front, chunked JSON as it streams, and chunked
 * bodies of other types refused.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ gateway: { maxBodyBytes: 4096 } });
});
afterAll(() => stack?.close());

/** A POST with the given body chunks; chunked transfer encoding unless `length` is set. */
function post(
  contentType: string,
  chunks: string[],
  length?: number,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': contentType, accept: 'application/json' };
    if (length !== undefined) headers['content-length'] = String(length);
    const req = request(`${stack.url}/graphql`, { method: 'POST', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

const query = JSON.stringify({ query: '{ __typename }' });

describe('request body limit', () => {
  it('answers JSON bodies within the limit, declared or chunked', async () => {
    const declared = await post('application/json', [query], Buffer.byteLength(query));
    expect(declared.status).toBe(200);
    expect(JSON.parse(declared.body).data).toEqual({ __typename: 'Query' });
    const chunked = await post('application/json', [query.slice(0, 5), query.slice(5)]);
    expect(chunked.status).toBe(200);
  });

  it('refuses a chunked JSON body once it passes the limit', async () => {
    const padding = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(6000) } });
    const res = await post('application/json', [padding.slice(0, 3000), padding.slice(3000)]);
    expect(res.status).toBe(413);
    expect(res.body).toMatch(/GATEWAY_MAX_BODY_BYTES/);
  });

  it('refuses other body types that declare too much or do not declare a length', async () => {
    const form = `query=${encodeURIComponent('{ __typename }')}`;
    const big = await post('application/x-www-form-urlencoded', [form.padEnd(5000, ' ')], 5000);
    expect(big.status).toBe(413);
    const chunked = await post('application/graphql', ['{ __typename }']);
    expect(chunked.status).toBe(411);
  });
});
