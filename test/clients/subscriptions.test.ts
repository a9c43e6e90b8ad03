/**
 * Subscriptions through the real client libraries: graphql-ws over WebSocket and graphql-sse over
 * SSE, against the gateway with JWT auth, fed by posting 100ms webhooks to /webhooks/100ms.
 */
import { createClient as createSseClient } from 'graphql-sse';
import { type Client, CloseCode, createClient } from 'graphql-ws';
import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SEED_ROOMS } from '../../src/emulator/index.js';
import { envelope, postWebhook, until } from '../helpers/live.js';
import { type Stack, startStack } from '../helpers/stack.js';

/** A parsed JSON value, read structurally. */
type Json = ReturnType<typeof JSON.parse>;

const JWT_SECRET = 'client-tests-gateway-secret-that-is-long-enough-0123';
const WEBHOOK_SECRET = 'client-tests-webhook-secret-0123456789';
const HOOK = { 'x-hms-webhook-secret': WEBHOOK_SECRET };

const ROOM_EVENTS = `subscription ($roomId: ID!) {
  roomEvents(roomId: $roomId) { __typename eventId type roomId ... on PeerJoined { name } }
}`;
const ALL_EVENTS = 'subscription { events { __typename eventId roomId } }';

let stack: Stack;
let roomA: string;
let roomB: string;
const clients: Client[] = [];

async function bearer(claims: Record<string, unknown>) {
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('client-test')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(JWT_SECRET));
  return `Bearer ${token}`;
}

const wsUrl = () => `${stack.url.replace(/^http/, 'ws')}/graphql`;

function wsClient(authorization: string | null, extra: Partial<Parameters<typeof createClient>[0]> = {}) {
  const client = createClient({
    url: wsUrl(),
    webSocketImpl: WebSocket,
    connectionParams: authorization ? { authorization } : undefined,
    retryAttempts: 0,
    lazy: true,
    ...extra,
  });
  clients.push(client);
  return client;
}

const peerJoin = (roomId: string, name: string) =>
  envelope('peer.join.success', {
    room_id: roomId,
    session_id: null,
    peer_id: `peer-${name}`,
    user_id: `user-${name}`,
    user_name: name,
    role: 'guest',
    joined_at: new Date().toISOString(),
    type: 'regular',
  });

/** Starts iterating and waits until the gateway listens, so a webhook posted next is not missed. */
async function listen(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const before = stack.gateway.events.subscribers;
  const iterator = client.iterate<Record<string, Json>>({ query, variables });
  const first = iterator.next();
  await until(() => stack.gateway.events.subscribers > before);
  return { first, iterator };
}

beforeAll(async () => {
  stack = await startStack({
    gateway: { auth: 'jwt', jwtSecret: JWT_SECRET, webhookSecret: WEBHOOK_SECRET },
  });
  roomA = stack.emulator.state.room(SEED_ROOMS.live)?.id as string;
  roomB = stack.emulator.state.room(SEED_ROOMS.big)?.id as string;
});
// A subscription ended by `iterator.return()` leaves the gateway's count a moment later. `listen`
// compares against the count before it subscribes, so a test that starts while the previous
// test's subscription is still leaving would wait for a rise that a fall cancels out. Each test
// therefore starts with no subscriber on the shared stack, whatever order the tests run in.
afterEach(async () => {
  await until(() => stack.gateway.events.subscribers === 0);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await stack?.close();
});

describe('graphql-ws (WebSocket, graphql-transport-ws)', () => {
  it('delivers a roomEvents event to a reader authenticated through connectionParams', async () => {
    const client = wsClient(await bearer({ scope: 'hms:read' }));
    const { first, iterator } = await listen(client, ROOM_EVENTS, { roomId: roomA });
    const hook = peerJoin(roomA, 'Ada');
    expect((await postWebhook(stack.url, hook, HOOK)).status).toBe(200);
    const { value } = await first;
    expect(value?.errors).toBeUndefined();
    expect(value?.data?.roomEvents).toEqual({
      __typename: 'PeerJoined',
      eventId: hook.id,
      type: 'peer.join.success',
      roomId: roomA,
      name: 'Ada',
    });
    await iterator.return?.();
  });

  it('accepts the bearer token on the upgrade request instead', async () => {
    const authorization = await bearer({ scope: 'hms:read' });
    class WithHeader extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { authorization } });
      }
    }
    const client = wsClient(null, { webSocketImpl: WithHeader });
    const result = await client.iterate({ query: '{ rooms(first: 1) { nodes { id } } }' }).next();
    expect(result.value?.errors).toBeUndefined();
    expect((result.value?.data as Json | undefined)?.rooms.nodes).toHaveLength(1);
  });

  it('gives a caller confined to another room nothing of this one: NOT_FOUND, and no foreign events', async () => {
    const confined = await bearer({ scope: 'hms:read', hms_rooms: [roomB] });
    const denied = await wsClient(confined)
      .iterate({ query: ROOM_EVENTS, variables: { roomId: roomA } })
      .next();
    expect(denied.value?.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const { first, iterator } = await listen(wsClient(confined), ALL_EVENTS);
    await postWebhook(stack.url, peerJoin(roomA, 'Hidden'), HOOK);
    const visible = peerJoin(roomB, 'Visible');
    await postWebhook(stack.url, visible, HOOK);
    const { value } = await first;
    expect(value?.data?.events).toEqual({ __typename: 'PeerJoined', eventId: visible.id, roomId: roomB });
    await iterator.return?.();
  });

  it('applies scopes: a reader cannot run a mutation over the socket', async () => {
    const client = wsClient(await bearer({ scope: 'hms:read' }));
    const result = await client
      .iterate({ query: 'mutation { setRoomEnabled(input: { roomId: "x", enabled: true }) { __typename } }' })
      .next();
    expect(result.value?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('closes a connection without valid credentials with 4403', async () => {
    const closed = new Promise<number>((resolve) => {
      wsClient('Bearer not-a-token', {
        lazy: false,
        onNonLazyError: () => undefined,
        on: { closed: (e) => resolve((e as { code: number }).code) },
      });
    });
    expect(await closed).toBe(CloseCode.Forbidden);
  });

  it('refuses an upgrade without the graphql-transport-ws subprotocol, naming it', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve) => {
      const socket = new WebSocket(wsUrl(), 'graphql-ws');
      socket.on('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      socket.on('error', () => undefined);
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('graphql-transport-ws');
  });
});

describe('graphql-ws and the gateway plugins', () => {
  it('applies the upstream-call budget to operations over the socket', async () => {
    const own = await startStack({ gateway: { maxUpstreamCalls: 1 } });
    const client = createClient({
      url: `${own.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    try {
      const result = await client
        .iterate({ query: '{ rooms(first: 5) { nodes { sessions(first: 1) { nodes { id } } } } }' })
        .next();
      expect(result.value?.errors?.[0]?.extensions?.code).toBe('UPSTREAM_BUDGET_EXCEEDED');
    } finally {
      await client.dispose();
      await own.close();
    }
  });
});

describe('graphql-ws and request shape', () => {
  it('refuses variables nested deeper than HTTP allows, without running the operation', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = [deep];
    const client = wsClient(await bearer({ scope: 'hms:read' }));
    // Refused before execution: graphql-ws sends an `error` message, which the iterator throws.
    await expect(
      client.iterate({ query: 'query ($v: [String]) { __typename }', variables: { v: deep } }).next(),
    ).rejects.toMatchObject([{ extensions: { code: 'BAD_USER_INPUT' } }]);
  });
});

describe('graphql-sse (SSE)', () => {
  it('delivers a roomEvents event', async () => {
    const authorization = await bearer({ scope: 'hms:read' });
    const client = createSseClient({
      url: `${stack.url}/graphql`,
      headers: { authorization },
      retryAttempts: 0,
    });
    try {
      const before = stack.gateway.events.subscribers;
      const iterator = client.iterate<Record<string, Json>>({
        query: ROOM_EVENTS,
        variables: { roomId: roomA },
      });
      const first = iterator.next();
      await until(() => stack.gateway.events.subscribers > before);
      const hook = peerJoin(roomA, 'Grace');
      await postWebhook(stack.url, hook, HOOK);
      const { value } = await first;
      expect(value?.data?.roomEvents).toMatchObject({ eventId: hook.id, name: 'Grace' });
      await iterator.return?.();
    } finally {
      client.dispose();
    }
  });
});

describe('shutdown', () => {
  it('closes open sockets with 1001 (going away) when the gateway closes', async () => {
    const own = await startStack({ gateway: { webhookSecret: WEBHOOK_SECRET } });
    try {
      const closed = new Promise<number>((resolve) => {
        const client = createClient({
          url: `${own.url.replace(/^http/, 'ws')}/graphql`,
          webSocketImpl: WebSocket,
          retryAttempts: 0,
          on: { closed: (e) => resolve((e as { code: number }).code) },
        });
        client.subscribe(
          { query: ALL_EVENTS },
          { next: () => undefined, error: () => undefined, complete: () => undefined },
        );
      });
      await until(() => own.gateway.events.subscribers > 0);
      await own.gateway.close();
      expect(await closed).toBe(1001);
    } finally {
      await own.close();
    }
  });
});
