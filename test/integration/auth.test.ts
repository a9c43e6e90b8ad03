import { SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.js';

type Typename = { __typename: string };
type InRoom = { room: { hmsId: string } };

const SECRET = 'test-gateway-secret-that-is-long-enough-0123456789';
const key = new TextEncoder().encode(SECRET);

async function token(
  claims: Record<string, unknown>,
  options: { expiresIn?: string; issuer?: string; secret?: Uint8Array } = {},
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('tester')
    .setIssuedAt()
    .setIssuer(options.issuer ?? 'https://auth.example.com')
    .setAudience('hms-graph')
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(options.secret ?? key);
}

let stack: Stack;
let roomA: string;
let roomB: string;

beforeAll(async () => {
  stack = await startStack({
    gateway: {
      auth: 'jwt',
      jwtSecret: SECRET,
      jwtIssuer: 'https://auth.example.com',
      jwtAudience: 'hms-graph',
    },
  });
  const rooms = await stack.hms.rooms.list({ limit: 100 });
  roomA = rooms.items.find((r) => r.name === 'product-standup')?.id as string;
  roomB = rooms.items.find((r) => r.name === 'town-hall')?.id as string;
});
afterAll(() => stack?.close());
beforeEach(() => stack.resetCalls());

const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

describe('caller authentication', () => {
  it('answers 401 UNAUTHENTICATED for a missing, forged, expired or foreign-issuer token, calling nothing upstream', async () => {
    const cases: Array<Record<string, string>> = [
      {},
      { authorization: 'Basic abc' },
      bearer(await token({ scope: 'hms:read' }, { secret: new TextEncoder().encode('x'.repeat(40)) })),
      bearer(await token({ scope: 'hms:read' }, { expiresIn: '-1m' })),
      bearer(await token({ scope: 'hms:read' }, { issuer: 'https://evil.example.com' })),
    ];
    for (const headers of cases) {
      const res = await stack.gql('{ rooms { nodes { id } } }', {}, headers);
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(stack.calls().total).toBe(0);
  });
});

async function raw(claims: Record<string, unknown>) {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(key);
}

describe('token claims', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const base = { sub: 'tester', iss: 'https://auth.example.com', aud: 'hms-graph', scope: 'hms:read' };

  it('refuses a token without exp, and iat or nbf in the future beyond the clock skew', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ ...base, iat: now() }, /exp/],
      [{ ...base, iat: now() + 600, exp: now() + 900 }, /iat/],
      [{ ...base, iat: now(), nbf: now() + 600, exp: now() + 900 }, /nbf/],
    ];
    for (const [claims, reason] of cases) {
      const res = await stack.gql('{ rooms(first: 1) { nodes { id } } }', {}, bearer(await raw(claims)));
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.message).toMatch(reason);
    }
    const skewed = await stack.gql(
      '{ rooms(first: 1) { nodes { id } } }',
      {},
      bearer(await raw({ ...base, iat: now() + 2, exp: now() + 300 })),
    );
    expect(skewed.errors).toBeUndefined();
  });

  it('authenticates before validating: an anonymous caller gets 401 whatever the document, and no suggestions', async () => {
    for (const [query, variables] of [
      ['{ rooms(first: 1) { nodes { id } } }', {}],
      ['{ roomz { id } }', {}],
      ['{ rooms(first: 1) { nodes { nam } } }', {}],
      [
        'mutation($i: HmsRequestInput!) { hmsRequest(input: $i) { __typename } }',
        { i: { method: 'GTE', path: '/x' } },
      ],
      ['{ __schema { types { name } } }', {}],
      ['{ rooms(', {}],
    ] as const) {
      const res = await stack.gql(query, variables);
      expect(res.status, query).toBe(401);
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      expect(JSON.stringify(res)).not.toMatch(/did you mean/i);
    }
    expect(stack.calls().total).toBe(0);
  });
});

describe('scopes', () => {
  it('lets hms:read query but not mutate', async () => {
    const t = await token({ scope: 'hms:read' });
    const read = await stack.gql('{ rooms(first: 1) { nodes { id } } }', {}, bearer(t));
    expect(read.errors).toBeUndefined();
    const write = await stack.gql(
      'mutation { setRoomEnabled(input: { roomId: "x", enabled: true }) { __typename } }',
      {},
      bearer(t),
    );
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(write.errors?.[0]?.message).toMatch(/hms:write/);
  });

  it('lets hms:write mutate, and gates createAuthToken on hms:token', async () => {
    const writer = await token({ scopes: ['hms:read', 'hms:write'] });
    const ok = await stack.gql<{ setRoomEnabled: Typename }>(
      `mutation($id: ID!) { setRoomEnabled(input: { roomId: $id, enabled: true }) { __typename } }`,
      { id: roomA },
      bearer(writer),
    );
    expect(ok.data?.setRoomEnabled.__typename).toBe('SetRoomEnabledSuccess');
    const tokenMutation = `mutation($id: ID!) { createAuthToken(input: { roomId: $id, role: "guest" }) { __typename } }`;
    const denied = await stack.gql(tokenMutation, { id: roomA }, bearer(writer));
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const minter = await token({ scope: 'hms:token' });
    const minted = await stack.gql<{ createAuthToken: Typename }>(
      tokenMutation,
      { id: roomA },
      bearer(minter),
    );
    expect(minted.data?.createAuthToken.__typename).toBe('CreateAuthTokenSuccess');
  });
});

describe('hms_rooms restriction', () => {
  let restricted: Record<string, string>;
  beforeAll(async () => {
    restricted = bearer(await token({ scope: 'hms:read hms:write hms:token', hms_rooms: [roomA] }));
  });

  it('filters lists to the allowed rooms', async () => {
    const res = await stack.gql<{
      rooms: { nodes: Array<{ hmsId: string }> };
      sessions: { nodes: InRoom[] };
      recordings: { nodes: InRoom[] };
    }>(
      `{ rooms(first: 100) { nodes { hmsId } } sessions(first: 20) { nodes { room { hmsId } } }
         recordings(first: 20) { nodes { room { hmsId } } } }`,
      {},
      restricted,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.rooms.nodes).toEqual([{ hmsId: roomA }]);
    for (const list of [res.data?.sessions.nodes ?? [], res.data?.recordings.nodes ?? []]) {
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((n) => n.room.hmsId === roomA)).toBe(true);
    }
  });

  it('answers NOT_FOUND for lookups outside, through every path', async () => {
    const other = await stack.hms.sessions.list({ room_id: roomB, limit: 10 });
    const otherSession = other.items[0]?.id as string;
    const globalRoom = Buffer.from(`Room:${roomB}`).toString('base64');
    const res = await stack.gql<{ sessions: { nodes: unknown[] } } & Record<string, unknown>>(
      `query($room: ID!, $session: ID!, $global: ID!) {
        room(id: $room) { hmsId }
        session(id: $session) { hmsId }
        node(id: $global) { id }
        activeRoom(roomId: $room) { hmsId }
        sessions(filter: { roomId: $room }) { nodes { hmsId } }
      }`,
      { room: roomB, session: otherSession, global: globalRoom },
      restricted,
    );
    expect(res.data?.room).toBeNull();
    expect(res.data?.session).toBeNull();
    expect(res.data?.node).toBeNull();
    expect(res.data?.activeRoom).toBeNull();
    expect(res.data?.sessions.nodes).toEqual([]);
    const codes = (res.errors ?? []).map((e) => e.extensions?.code);
    expect(codes.filter((c) => c === 'NOT_FOUND').length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(res.data)).not.toContain(roomB);
  });

  it('refuses mutations outside as ForbiddenError without touching 100ms', async () => {
    const res = await stack.gql(
      `mutation($id: ID!) { setRoomEnabled(input: { roomId: $id, enabled: false }) { __typename ... on Error { code } } }`,
      { id: roomB },
      restricted,
    );
    expect(res.data?.setRoomEnabled).toEqual({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    expect(stack.calls().byRoute['POST /v2/rooms/{id}']).toBeUndefined();
    const room = await stack.hms.rooms.get(roomB);
    expect(room.enabled).toBe(true);
  });
});

describe('hmsRequest escape hatch', () => {
  const call = `mutation($input: HmsRequestInput!) { hmsRequest(input: $input) {
    __typename ... on HmsRequestSuccess { data } ... on ValidationError { field message } } }`;
  /** `data` is the JSON scalar: 100ms' answer as it came. */
  type Answer = {
    hmsRequest: { __typename: string; data?: { id?: string; data?: unknown[] }; field?: string };
  };

  it('needs hms:admin', async () => {
    const writer = await token({ scope: 'hms:read hms:write' });
    const res = await stack.gql(call, { input: { method: 'GET', path: '/templates' } }, bearer(writer));
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(stack.calls().total).toBe(0);
  });

  it('calls any /v2 path for an admin, even outside its hms_rooms, and refuses paths that leave the API', async () => {
    const admin = bearer(await token({ scope: 'hms:admin', hms_rooms: [roomA] }));
    const res = await stack.gql<Answer>(
      call,
      { input: { method: 'GET', path: `/v2/rooms/${roomB}` } },
      admin,
    );
    expect(res.data?.hmsRequest.__typename).toBe('HmsRequestSuccess');
    expect(res.data?.hmsRequest.data?.id).toBe(roomB);
    const listed = await stack.gql<Answer>(
      call,
      { input: { method: 'GET', path: '/sessions', query: { room_id: roomA, limit: 10 } } },
      admin,
    );
    expect(listed.data?.hmsRequest.data?.data?.length).toBeGreaterThan(0);
    for (const path of [
      'https://evil.example.com/x',
      '//evil.example.com/x',
      '/rooms/../../etc',
      '/rooms?x=1',
      // Encoded separators, dot segments, matrix parameters, controls and malformed escapes.
      '/rooms/%2f..%2f..%2ftemplates',
      '/rooms/..;/templates',
      '/rooms/x%5c..%5ctemplates',
      '/rooms/x%0d%0aHost:%20evil',
      '/rooms/x%00',
      '/rooms/%2e%2e/templates',
      '/rooms/%2E%2E',
      '/rooms/x%3fa=1',
      '/rooms/x%23frag',
      '/rooms/x%3b',
      '/rooms/%zz',
      '/rooms/%c0%ae%c0%ae',
      '/rooms/x%',
    ]) {
      const bad = await stack.gql(call, { input: { method: 'GET', path } }, admin);
      expect(bad.errors, path).toBeUndefined();
      expect(bad.data?.hmsRequest, path).toMatchObject({
        __typename: 'ValidationError',
        field: 'input.path',
      });
    }
    expect(stack.calls().byRoute['GET /v2/templates']).toBeUndefined();
  });
});
