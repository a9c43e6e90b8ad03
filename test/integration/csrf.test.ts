import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.close());

const get = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${stack.url}/graphql?query=${encodeURIComponent(query)}`, {
    headers: { accept: 'application/graphql-response+json, application/json', ...headers },
  });

describe('CSRF prevention', () => {
  it('runs a query sent as a plain GET (urql default, no custom header)', async () => {
    const response = await get('{ rooms(first: 1) { nodes { id } } }');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.rooms.nodes).toHaveLength(1);
  });

  it('still refuses a mutation over GET', async () => {
    const response = await get(
      'mutation { setRoomEnabled(input: { roomId: "x", enabled: false }) { __typename } }',
    );
    expect(response.status).toBe(405);
  });

  it('opens an SSE subscription over GET without a custom header (EventSource)', async () => {
    const controller = new AbortController();
    const response = await fetch(
      `${stack.url}/graphql?query=${encodeURIComponent('subscription { events { eventId } }')}`,
      { headers: { accept: 'text/event-stream' }, signal: controller.signal },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    controller.abort();
  });

  it('refuses a simple POST without a custom header, and lets it through with Authorization', async () => {
    const form = (headers: Record<string, string>) =>
      fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', accept: 'application/json', ...headers },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
    expect((await form({})).status).toBe(403);
    const withAuth = await form({ authorization: 'Bearer whatever' });
    expect(withAuth.status).not.toBe(403);
  });
});
