/**
 * The client reuses the parsed value of a GET answer identical to the previous one for the same
 * path (src/hms/answer-memo.ts), over real HTTP: never a stale value, never for writes.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HmsClient } from '../../src/hms/api.js';
import { createHmsClient } from '../../src/hms/client.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let client: HmsClient;

const room = (description: string) => ({
  id: 'r1',
  name: 'standup',
  enabled: true,
  description,
  customer_id: 'c1',
  template_id: 't1',
  region: 'in',
  created_at: '2024-01-01T00:00:00Z',
  updated_at: '0001-01-01T00:00:00Z',
});

beforeAll(async () => {
  server = await startTestServer();
  client = createHmsClient({
    accessKey: 'ak_memo',
    secret: 'memo-secret-0123456789abcdef0123456789',
    baseUrl: server.baseUrl,
  });
});
afterEach(() => server.reset());
afterAll(async () => {
  await client.close();
  await server.close();
});

describe('answers 100ms repeats', () => {
  it('are parsed once while unchanged, and answer the change on the very next call', async () => {
    let description = 'first';
    server.handle(() => ({ json: { limit: 10, data: [room(description)], last: null } }));
    const a = await client.rooms.list({ limit: 10 });
    const b = await client.rooms.list({ limit: 10 });
    expect(server.requests).toHaveLength(2); // both asked 100ms: nothing is cached by this
    expect(b.items[0]).toBe(a.items[0]); // the identical answer was not parsed again
    expect(b.items[0]?.updated_at).toBeNull(); // and it is the normalised value

    description = 'second';
    const c = await client.rooms.list({ limit: 10 });
    expect(c.items[0]?.description).toBe('second');
    expect(c.items[0]).not.toBe(a.items[0]);
  });

  it('are kept per path and query, and never for writes', async () => {
    server.handle((request) =>
      request.method === 'GET'
        ? { json: { limit: 10, data: [room('same')], last: null } }
        : { json: room('created') },
    );
    const plain = await client.rooms.list({ limit: 10 });
    const named = await client.rooms.list({ limit: 10, name: 'standup' });
    expect(named.items[0]).toEqual(plain.items[0]);
    expect(named.items[0]).not.toBe(plain.items[0]);

    const created = await client.rooms.create({ name: 'standup' });
    const again = await client.rooms.create({ name: 'standup' });
    expect(again).toEqual(created);
    expect(again).not.toBe(created);
  });
});
