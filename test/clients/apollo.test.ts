/**
 * Apollo Client 4 as a dashboard would set it up: InMemoryCache with the generated possibleTypes
 * and typePolicies, the generated documents, and PersistedQueryLink against `off` and `allow`.
 */
import { createHash } from 'node:crypto';
import { ApolloClient, ApolloLink, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typePolicies } from '../../examples/dashboard/src/generated/cache-config.js';
import {
  RoomCodesDocument,
  SetRoomCodeEnabledDocument,
  StartRecordingDocument,
} from '../../examples/dashboard/src/generated/graphql.js';
import introspection from '../../examples/dashboard/src/generated/possible-types.js';
import { type Stack, startStack } from '../helpers/stack.js';

let stack: Stack;
let allowed: Stack;
let roomId: string;

beforeAll(async () => {
  [stack, allowed] = await Promise.all([
    startStack(),
    startStack({ gateway: { persistedOperations: 'allow' } }),
  ]);
  roomId = (await stack.hms.rooms.list({ name: 'product-standup' })).items[0]?.id as string;
});
afterAll(async () => {
  await Promise.all([stack?.close(), allowed?.close()]);
});

/** A fetch that records what each request carried. */
function recordingFetch() {
  const sent: Array<{ method: string; hasQuery: boolean; hash: string | null }> = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const body = init?.body ? JSON.parse(String(init.body)) : {};
    const extensions = body.extensions ?? JSON.parse(url.searchParams.get('extensions') ?? '{}');
    sent.push({
      method: init?.method ?? 'GET',
      hasQuery: Boolean(body.query ?? url.searchParams.get('query')),
      hash: extensions.persistedQuery?.sha256Hash ?? null,
    });
    return fetch(input, init);
  };
  return { sent, fetchFn };
}

const cache = () => new InMemoryCache({ possibleTypes: introspection.possibleTypes, typePolicies });

describe('Apollo Client with the generated cache config', () => {
  it('keeps a typed mutation error’s message and code (possibleTypes)', async () => {
    const client = new ApolloClient({ link: new HttpLink({ uri: `${stack.url}/graphql` }), cache: cache() });
    const { data } = await client.mutate({
      mutation: StartRecordingDocument,
      variables: { input: { roomId: 'aaaaaaaaaaaaaaaaaaaaaaaa' } },
    });
    expect(data?.startRecording).toMatchObject({
      __typename: 'NotFoundError',
      code: 'NOT_FOUND',
      message: expect.stringContaining('not found'),
    });
    const invalid = await client.mutate({
      mutation: SetRoomCodeEnabledDocument,
      variables: { input: { code: 'nope', enabled: false } },
    });
    expect(invalid.data?.setRoomCodeEnabled).toMatchObject({
      __typename: 'ValidationError',
      code: 'VALIDATION_FAILED',
      field: 'input.code',
    });
  });

  it('updates the cached room code list when a code is toggled (RoomCode.id)', async () => {
    const client = new ApolloClient({ link: new HttpLink({ uri: `${stack.url}/graphql` }), cache: cache() });
    const codes = await client.query({ query: RoomCodesDocument, variables: { roomId } });
    const code = codes.data?.room?.roomCodes?.find((c) => c.enabled);
    expect(code).toBeDefined();
    try {
      const toggled = await client.mutate({
        mutation: SetRoomCodeEnabledDocument,
        variables: { input: { code: code?.code as string, enabled: false } },
      });
      expect(toggled.data?.setRoomCodeEnabled.__typename).toBe('SetRoomCodeEnabledSuccess');
      const cached = client.readQuery({ query: RoomCodesDocument, variables: { roomId } });
      expect(cached?.room?.roomCodes?.find((c) => c.code === code?.code)?.enabled).toBe(false);
    } finally {
      await stack.hms.roomCodes.setEnabled(code?.code as string, true);
    }
  });
});

describe('Apollo PersistedQueryLink', () => {
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  const persistedClient = (url: string, fetchFn: typeof fetch) =>
    new ApolloClient({
      cache: cache(),
      link: ApolloLink.from([
        createPersistedQueryLink({ sha256 }),
        new HttpLink({ uri: `${url}/graphql`, fetch: fetchFn }),
      ]),
    });

  it('falls back to the full document when persisted queries are off', async () => {
    const { sent, fetchFn } = recordingFetch();
    const client = persistedClient(stack.url, fetchFn);
    const query = gql`query OffRooms { rooms(first: 1) { nodes { id name } } }`;
    const result = await client.query<{ rooms: { nodes: unknown[] } }>({ query });
    expect(result.data?.rooms.nodes).toHaveLength(1);
    expect(sent.map((s) => [s.hasQuery, Boolean(s.hash)])).toEqual([
      [false, true],
      [true, false],
    ]);
  });

  it('registers the hash in allow mode: the next request is one round trip', async () => {
    const query = gql`query AllowRooms($first: Int) { rooms(first: $first) { nodes { id name } } }`;
    const first = recordingFetch();
    await persistedClient(allowed.url, first.fetchFn).query({ query, variables: { first: 2 } });
    expect(first.sent.map((s) => s.hasQuery)).toEqual([false, true]);
    const second = recordingFetch();
    const result = await persistedClient(allowed.url, second.fetchFn).query<{ rooms: { nodes: unknown[] } }>({
      query,
      variables: { first: 2 },
    });
    expect(result.data?.rooms.nodes).toHaveLength(2);
    expect(second.sent).toHaveLength(1);
    expect(second.sent[0]?.hasQuery).toBe(false);
  });
});
