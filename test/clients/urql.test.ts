/**
 * urql as it comes: @urql/core with its default options (queries over GET, no custom header), then
 * graphcache with the generated schema and keys, which must not warn.
 */
import { Client, cacheExchange as documentCache, fetchExchange } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { keys } from '../../examples/dashboard/src/generated/cache-config.js';
import {
  AnalyticsPageDocument,
  DashboardDocument,
  LiveRoomDocument,
  RoomCodesDocument,
  RoomsDocument,
  SetRoomCodeEnabledDocument,
} from '../../examples/dashboard/src/generated/graphql.js';
import schema from '../../examples/dashboard/src/generated/urql-schema.js';
import { type Stack, startStack } from '../helpers/stack.js';

let stack: Stack;
let roomId: string;
beforeAll(async () => {
  stack = await startStack();
  roomId = (await stack.hms.rooms.list({ name: 'product-standup' })).items[0]?.id as string;
});
afterAll(() => stack?.close());
afterEach(() => vi.restoreAllMocks());

function recordingFetch() {
  const methods: string[] = [];
  const fetchFn: typeof fetch = (input, init) => {
    methods.push(init?.method ?? 'GET');
    return fetch(input, init);
  };
  return { methods, fetchFn };
}

/** Every dashboard read, then a typed mutation error: what a graphcache user runs. */
async function runDashboardOperations(client: Client) {
  const dashboard = await client.query(DashboardDocument, { roomId }).toPromise();
  const results = [
    await client.query(RoomsDocument, {}).toPromise(),
    dashboard,
    await client.query(RoomCodesDocument, { roomId }).toPromise(),
    await client.query(LiveRoomDocument, { roomId }).toPromise(),
    await client.query(AnalyticsPageDocument, { roomId }).toPromise(),
  ];
  for (const result of results) expect(result.error).toBeUndefined();
  const invalid = await client
    .mutation(SetRoomCodeEnabledDocument, { input: { code: 'nope', enabled: true } })
    .toPromise();
  return { dashboard, invalid };
}

describe('@urql/core with default options', () => {
  it('sends queries as GET, and the CSRF check lets them through', async () => {
    const { methods, fetchFn } = recordingFetch();
    const client = new Client({
      url: `${stack.url}/graphql`,
      exchanges: [documentCache, fetchExchange],
      fetch: fetchFn,
    });
    const result = await client.query(RoomsDocument, { first: 2 }).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data?.rooms.nodes).toHaveLength(2);
    expect(methods).toEqual(['GET']);
  });
});

describe('@urql/exchange-graphcache with the generated schema and keys', () => {
  it('normalises every dashboard operation without a warning, and keeps typed errors', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const client = new Client({
      url: `${stack.url}/graphql`,
      exchanges: [cacheExchange({ schema, keys }), fetchExchange],
    });
    const { dashboard, invalid } = await runDashboardOperations(client);
    expect(dashboard.data?.room?.name).toBe('product-standup');
    expect(invalid.data?.setRoomCodeEnabled).toMatchObject({
      __typename: 'ValidationError',
      code: 'VALIDATION_FAILED',
      message: expect.any(String),
    });
    expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([]);
  });

  it('does warn without them (so the check above means something)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const client = new Client({
      url: `${stack.url}/graphql`,
      exchanges: [cacheExchange({ schema }), fetchExchange],
    });
    await runDashboardOperations(client);
    expect(warn).toHaveBeenCalled();
  });
});
