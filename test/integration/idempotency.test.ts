/**
 * Idempotency-Key replays (issue 14): scoped to the whole caller identity, ignored (with a
 * warning) for a token without `sub`, kept only for outcomes that may have changed something,
 * and shared across gateways through a real redis-server. Plus the outcome each upstream failure
 * reports on a mutation.
 */
import { SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/processes.js';
import { hasRedis, type RedisReplicas, type RedisServer, startRedisReplicas } from '../helpers/redis.js';
import { type MutationPayload, type Stack, startStack, typed } from '../helpers/stack.js';

const SECRET = 'idempotency-test-secret-that-is-long-enough-0123';
const key = new TextEncoder().encode(SECRET);
const ERR = `... on Error { __typename message code } ... on RateLimitedError { retryAfterSeconds } ... on UpstreamError { outcomeUnknown }`;

async function token(claims: Record<string, unknown>, sub?: string) {
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('5m');
  if (sub) jwt = jwt.setSubject(sub);
  return `Bearer ${await jwt.sign(key)}`;
}

const CREATE_TOKEN = typed<{ createAuthToken: MutationPayload<{ token: string; roomId: string }> }>(
  `mutation($input: CreateAuthTokenInput!) { createAuthToken(input: $input) { __typename ... on CreateAuthTokenSuccess { data { token roomId } } ${ERR} } }`,
);
const CREATE_ROOM = typed<{ createRoom: MutationPayload<{ hmsId: string }> }>(
  `mutation($input: CreateRoomInput!) { createRoom(input: $input) { __typename ... on CreateRoomSuccess { data { hmsId } } ${ERR} } }`,
);
const START = typed<{ startRecording: MutationPayload<{ hmsId: string }> }>(
  `mutation($input: StartRecordingInput!) { startRecording(input: $input) { __typename ... on StartRecordingSuccess { data { hmsId } } ${ERR} } }`,
);

describe('caller scope (GATEWAY_AUTH=jwt)', () => {
  let stack: Stack;
  let roomA: string;
  let roomB: string;
  beforeAll(async () => {
    stack = await startStack({ gateway: { auth: 'jwt', jwtSecret: SECRET } });
    const rooms = await stack.hms.rooms.list({ limit: 100 });
    roomA = rooms.items.find((r) => r.name === 'product-standup')?.id as string;
    roomB = rooms.items.find((r) => r.name === 'town-hall')?.id as string;
  });
  afterAll(() => stack?.close());

  it('ignores the key of a token without sub (with a warning): the replay is a NotFoundError, not room B’s token', async () => {
    const headers = { 'idempotency-key': 'subless-1' };
    const inB = await token({ scope: 'hms:token', hms_rooms: [roomB] });
    const first = await stack.gql(
      CREATE_TOKEN,
      { input: { roomId: roomB, role: 'host' } },
      {
        ...headers,
        authorization: inB,
      },
    );
    expect(first.data?.createAuthToken.__typename).toBe('CreateAuthTokenSuccess');
    expect(first.extensions?.warnings?.[0]).toMatch(/Idempotency-Key ignored.*sub/);

    const inA = await token({ scope: 'hms:token', hms_rooms: [roomA] });
    const replay = await stack.gql(
      CREATE_TOKEN,
      { input: { roomId: roomB, role: 'host' } },
      {
        ...headers,
        authorization: inA,
      },
    );
    expect(replay.data?.createAuthToken.__typename).toBe('NotFoundError');
    expect(JSON.stringify(replay)).not.toMatch(/eyJ/);
  });

  it('scopes keys to the whole identity: the same sub with other rooms does not replay', async () => {
    const headers = { 'idempotency-key': 'scoped-1' };
    const wide = await token({ scope: 'hms:token', hms_rooms: [roomA, roomB] }, 'ada');
    const first = await stack.gql(
      CREATE_TOKEN,
      { input: { roomId: roomB, role: 'host' } },
      {
        ...headers,
        authorization: wide,
      },
    );
    expect(first.data?.createAuthToken.__typename).toBe('CreateAuthTokenSuccess');
    expect(first.extensions?.warnings).toBeUndefined();
    const again = await stack.gql(
      CREATE_TOKEN,
      { input: { roomId: roomB, role: 'host' } },
      {
        ...headers,
        authorization: wide,
      },
    );
    expect(again.data?.createAuthToken).toEqual(first.data?.createAuthToken);
    const narrow = await token({ scope: 'hms:token', hms_rooms: [roomA] }, 'ada');
    const other = await stack.gql(
      CREATE_TOKEN,
      { input: { roomId: roomB, role: 'host' } },
      {
        ...headers,
        authorization: narrow,
      },
    );
    expect(other.data?.createAuthToken.__typename).toBe('NotFoundError');
  });
});

describe('what is kept for replays', () => {
  let stack: Stack;
  let live: string;
  beforeAll(async () => {
    stack = await startStack();
    live = (await stack.hms.rooms.list({ name: 'product-standup' })).items[0]?.id as string;
  });
  afterAll(() => stack?.close());
  beforeEach(() => {
    stack.emulator.setFaults([]);
    stack.resetCalls();
  });

  it('forgets a 429: a retry with the same key succeeds', async () => {
    stack.emulator.setFaults([
      { route: 'POST /v2/rooms', kind: 'status', status: 429, retryAfterSeconds: 2, times: 1 },
    ]);
    const headers = { 'idempotency-key': 'after-429' };
    const input = { input: { name: 'idem-after-429' } };
    const limited = await stack.gql(CREATE_ROOM, input, headers);
    expect(limited.data?.createRoom).toMatchObject({ __typename: 'RateLimitedError', retryAfterSeconds: 2 });
    const retried = await stack.gql(CREATE_ROOM, input, headers);
    expect(retried.data?.createRoom.__typename).toBe('CreateRoomSuccess');
    expect(stack.calls().byRoute['POST /v2/rooms']).toBe(2);
    const replayed = await stack.gql(CREATE_ROOM, input, headers);
    expect(replayed.data?.createRoom).toEqual(retried.data?.createRoom);
    expect(stack.calls().byRoute['POST /v2/rooms']).toBe(2);
  });

  it('a 5xx on start may have applied: outcomeUnknown, "check state", and the replay does not start again', async () => {
    stack.emulator.setFaults([
      { route: 'POST /v2/recordings/room/{id}/start', kind: 'status', status: 502, times: 1 },
    ]);
    const headers = { 'idempotency-key': 'start-502' };
    const first = await stack.gql(START, { input: { roomId: live } }, headers);
    expect(first.data?.startRecording).toMatchObject({ __typename: 'UpstreamError', outcomeUnknown: true });
    expect(first.data?.startRecording.message).toMatch(/check state before retrying/);
    const replay = await stack.gql(START, { input: { roomId: live } }, headers);
    expect(replay.data?.startRecording).toEqual(first.data?.startRecording);
    expect(stack.calls().byRoute['POST /v2/recordings/room/{id}/start']).toBe(1);
  });

  it('a 408 on create may have applied too', async () => {
    stack.emulator.setFaults([{ route: 'POST /v2/rooms', kind: 'status', status: 408, times: 1 }]);
    const res = await stack.gql(CREATE_ROOM, { input: { name: 'idem-408' } });
    expect(res.data?.createRoom).toMatchObject({ __typename: 'UpstreamError', outcomeUnknown: true });
  });

  it('query errors lose the "Error: " prefix; the exact upstream text is in extensions', async () => {
    const res = await stack.gql('{ room(id: "no-such-room") { hmsId } }');
    expect(res.errors?.[0]?.message).not.toMatch(/^Error: /);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(String(res.errors?.[0]?.extensions?.upstreamMessage)).toMatch(/not found/i);
  });
});

describe('a refused connection', () => {
  it('says the request was never sent, and a retry with the same key goes out again', async () => {
    const closed = await startStack({ baseUrl: `http://127.0.0.1:${await freePort()}/v2` });
    try {
      const headers = { 'idempotency-key': 'refused-1' };
      const res = await closed.gql(CREATE_ROOM, { input: { name: 'idem-refused' } }, headers);
      const error = res.data?.createRoom;
      expect(error).toMatchObject({ __typename: 'UpstreamError', outcomeUnknown: false });
      expect(error?.message).toMatch(/never sent/);
      expect(error?.message).not.toMatch(/failed to process/);
    } finally {
      await closed.close();
    }
  });
});

describe.skipIf(!hasRedis)('two gateways sharing one redis-server', () => {
  let replicas: RedisReplicas | undefined;
  let redis: RedisServer;
  let a: Stack;
  let b: Stack;
  beforeAll(async () => {
    replicas = await startRedisReplicas();
    ({ redis, a, b } = replicas);
  }, 30_000);
  afterAll(async () => {
    await replicas?.close();
  });

  it('makes one POST for one key sent to both at once, and both answer the same', async () => {
    a.resetCalls();
    // Slow enough that both requests are in flight together.
    a.emulator.setFaults([{ route: 'POST /v2/rooms', kind: 'delay', delayMs: 300, times: 1 }]);
    const headers = { 'idempotency-key': 'replicas-1' };
    const input = { input: { name: 'idem-replicas' } };
    const [fromA, fromB] = await Promise.all([
      a.gql(CREATE_ROOM, input, headers),
      b.gql(CREATE_ROOM, input, headers),
    ]);
    expect(fromA.data?.createRoom.__typename).toBe('CreateRoomSuccess');
    expect(fromB.data?.createRoom).toEqual(fromA.data?.createRoom);
    const later = await b.gql(CREATE_ROOM, input, headers);
    expect(later.data?.createRoom).toEqual(fromA.data?.createRoom);
    expect(a.calls().byRoute['POST /v2/rooms']).toBe(1);
    expect(await redis.admin.keys('*idem:*')).toHaveLength(1);
    const conflict = await a.gql(CREATE_ROOM, { input: { name: 'idem-other' } }, headers);
    expect(conflict.data?.createRoom.__typename).toBe('ValidationError');
  });
});
