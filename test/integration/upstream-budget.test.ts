/**
 * The upstream-call budget, over real HTTP against the emulator: refused up front when the
 * estimate is over it, enforced at the point of sending when the run costs more than estimated,
 * per delivered event for subscriptions, and bounded by the caller's rooms when confined.
 * Every count is read at the emulator (`/__emulator/stats`), not from the gateway's own report.
 */
import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ROOMS } from '../../src/emulator/index.js';
import { envelope, postWebhook, type SseSubscription, sseSubscribe, until } from '../helpers/live.js';
import { type MutationPayload, type Stack, startStack, typed } from '../helpers/stack.js';

const JWT_SECRET = 'budget-test-secret-that-is-long-enough-0123456789';
const WEBHOOK_SECRET = 'budget-webhook-secret-0123456789';
const HOOK = { 'x-hms-webhook-secret': WEBHOOK_SECRET };
const BUDGET = 30;

async function bearer(claims: Record<string, unknown>, subject = 'budget-tester') {
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(JWT_SECRET));
  return { authorization: `Bearer ${token}` };
}

/** A selection that costs far more than the budget once it runs (rooms → sessions → jobs → URLs). */
const COSTLY = `rooms(first: 50) { nodes { sessions(first: 50) { nodes { recordings { nodes {
  assets { presignedUrl { url } } } } } } } }`;

let stack: Stack;
let reader: Record<string, string>;
let liveRoom: string;
let emptyRoom: string;
const open: SseSubscription[] = [];

beforeAll(async () => {
  stack = await startStack({
    gateway: {
      auth: 'jwt',
      jwtSecret: JWT_SECRET,
      webhookSecret: WEBHOOK_SECRET,
      maxUpstreamCalls: BUDGET,
      maxSubscriptionsPerCaller: 3,
    },
  });
  reader = await bearer({ scope: 'hms:read' });
  liveRoom = stack.emulator.state.room(SEED_ROOMS.live)?.id as string;
  emptyRoom = (await stack.hms.rooms.create({ name: 'budget-empty-room' })).id;
});
afterEach(() => {
  stack.emulator.setFaults([]);
});
afterAll(async () => {
  for (const subscription of open) subscription.close();
  await stack?.close();
});

describe('the estimate refuses up front, whatever the fragments', () => {
  it('sees through 51 nested inline fragments', async () => {
    const nested = (inner: string) => {
      let query = inner;
      for (let i = 0; i < 51; i++) query = `... on Query { ${query} }`;
      return `{ ${query} }`;
    };
    stack.resetCalls();
    const costly = await stack.gql(nested(COSTLY), {}, reader);
    expect(costly.errors?.[0]?.extensions?.code).toBe('UPSTREAM_BUDGET_EXCEEDED');
    expect(stack.calls().total).toBe(0);

    // And a cheap selection under the same nesting is still estimated, not waved through as 0.
    const cheap = await stack.gql(nested('rooms(first: 2) { nodes { name } }'), {}, reader);
    expect(cheap.errors).toBeUndefined();
    expect(cheap.extensions?.cost).toEqual({ estimatedUpstreamCalls: 1, actualUpstreamCalls: 1 });
    expect(stack.calls().total).toBe(1);
  });

  it('sees through a chain of 51 fragment spreads', async () => {
    const chain = (inner: string) => {
      const fragments = [`fragment F51 on Query { ${inner} }`];
      for (let i = 50; i >= 1; i--) fragments.push(`fragment F${i} on Query { ...F${i + 1} }`);
      return `query Chained { ...F1 }\n${fragments.join('\n')}`;
    };
    stack.resetCalls();
    const costly = await stack.gql(chain(COSTLY), {}, reader);
    expect(costly.errors?.[0]?.extensions?.code).toBe('UPSTREAM_BUDGET_EXCEEDED');
    expect(stack.calls().total).toBe(0);

    const cheap = await stack.gql(chain('rooms(first: 2) { nodes { name } }'), {}, reader);
    expect(cheap.errors).toBeUndefined();
    expect(cheap.extensions?.cost?.estimatedUpstreamCalls).toBe(1);
  });

  it('answers BAD_USER_INPUT for out-of-range Int variables, before estimating or calling', async () => {
    stack.resetCalls();
    for (const n of [2 ** 31, 1e100, -(2 ** 31) - 1]) {
      const res = await stack.gql(`query($n: Int!) { rooms(first: $n) { nodes { name } } }`, { n }, reader);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(res)).not.toContain('calls');
    }
    expect(stack.calls().total).toBe(0);
  });
});

describe('the budget holds while the request runs', () => {
  it('refuses calls past the budget without sending them; sibling fields keep their data', async () => {
    // 100ms keeps failing for one room: retries are attempts too, and they stop at the budget.
    const retrying = await startStack({
      gateway: { maxUpstreamCalls: 4 },
      client: { maxRetries: 5 },
    });
    try {
      const ids = [SEED_ROOMS.live, SEED_ROOMS.big, SEED_ROOMS.webinar].map(
        (name) => retrying.emulator.state.room(name)?.id as string,
      );
      retrying.emulator.setFaults([
        { route: new RegExp(`/v2/rooms/${ids[2]}$`), kind: 'status', status: 503 },
      ]);
      retrying.resetCalls();
      const res = await retrying.gql<Record<string, { name: string } | null>>(
        `query($a: ID!, $b: ID!, $c: ID!) { a: room(id: $a) { name } b: room(id: $b) { name } c: room(id: $c) { name } }`,
        { a: ids[0], b: ids[1], c: ids[2] },
      );
      expect(res.data?.a?.name).toBe(SEED_ROOMS.live);
      expect(res.data?.b?.name).toBe(SEED_ROOMS.big);
      expect(res.data?.c).toBeNull();
      const error = res.errors?.find((e) => e.path?.[0] === 'c');
      expect(error?.extensions?.code).toBe('UPSTREAM_BUDGET_EXCEEDED');
      expect(res.extensions?.cost).toEqual({ estimatedUpstreamCalls: 3, actualUpstreamCalls: 4 });
      expect(retrying.calls().total).toBe(4);
    } finally {
      await retrying.close();
    }
  });
});

describe('a caller confined by hms_rooms', () => {
  it('pays per own room for unfiltered lists, not per workspace page', async () => {
    const confined = await bearer({ scope: 'hms:read', hms_rooms: [emptyRoom] });
    const aliases = Array.from(
      { length: 30 },
      (_, i) => `a${i}: recordingAssets(first: ${i + 1}) { nodes { hmsId } }`,
    ).join('\n');
    stack.resetCalls();
    const res = await stack.gql<Record<string, { nodes: unknown[] }>>(`{ ${aliases} }`, {}, confined);
    expect(res.errors).toBeUndefined();
    for (let i = 0; i < 30; i++) expect(res.data?.[`a${i}`]?.nodes).toEqual([]);
    expect(stack.calls().total).toBeLessThanOrEqual(30 * 1);
    expect(res.extensions?.cost?.actualUpstreamCalls).toBeLessThanOrEqual(30);
  });

  it('sees only the templates of its rooms, in the list and by id', async () => {
    const all = await stack.hms.templates.list({ limit: 100 });
    const own = (await stack.hms.rooms.get(liveRoom)).template_id;
    const foreign = all.items.find((t) => t.id !== own)?.id as string;
    expect(foreign).toBeTruthy();
    const confined = await bearer({ scope: 'hms:read', hms_rooms: [liveRoom] });
    const res = await stack.gql<{ templates: { nodes: Array<{ hmsId: string }> } } & Record<string, unknown>>(
      `query($own: ID!, $foreign: ID!) {
        templates(first: 50) { nodes { hmsId } }
        mine: template(id: $own) { hmsId }
        theirs: template(id: $foreign) { hmsId }
      }`,
      { own, foreign },
      confined,
    );
    expect(res.data?.templates.nodes).toEqual([{ hmsId: own }]);
    expect(res.data?.mine).toEqual({ hmsId: own });
    expect(res.data?.theirs).toBeNull();
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(JSON.stringify(res.data)).not.toContain(foreign);
  });

  it('gets app tokens only for its rooms', async () => {
    const minter = await bearer({ scope: 'hms:token', hms_rooms: [liveRoom] });
    const mutation = typed<{ createAuthToken: MutationPayload }>(
      `mutation($id: ID!) { createAuthToken(input: { roomId: $id, role: "guest" }) { __typename } }`,
    );
    const own = await stack.gql(mutation, { id: liveRoom }, minter);
    expect(own.data?.createAuthToken.__typename).toBe('CreateAuthTokenSuccess');
    const other = await stack.gql(mutation, { id: emptyRoom }, minter);
    expect(other.data?.createAuthToken.__typename).not.toBe('CreateAuthTokenSuccess');
  });
});

describe('subscriptions inside the budget', () => {
  const EVENTS = `subscription($roomId: ID!) { roomEvents(roomId: $roomId) { __typename eventId room { name } session { hmsId } } }`;

  async function subscribe(
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string>,
  ) {
    const before = stack.gateway.events.subscribers;
    const subscription = await sseSubscribe(stack.url, query, variables, headers);
    open.push(subscription);
    expect(subscription.status).toBe(200);
    await until(() => stack.gateway.events.subscribers > before);
    return subscription;
  }

  it('refuses a subscription whose per-event selection is over budget, at subscribe', async () => {
    stack.resetCalls();
    const costly = `subscription($roomId: ID!) { roomEvents(roomId: $roomId) { room {
      sessions(first: 50) { nodes { recordings { nodes { assets { presignedUrl { url } } } } } } } } }`;
    const refused = await sseSubscribe(stack.url, costly, { roomId: liveRoom }, reader);
    open.push(refused);
    const first = await refused.next();
    expect(first?.errors?.[0]?.extensions?.code).toBe('UPSTREAM_BUDGET_EXCEEDED');
    expect(await refused.next()).toBeNull();
    expect(stack.calls().total).toBe(0);
  });

  it('costs at most budget × subscribers per event, and refuses subscribers beyond the cap', async () => {
    const session = stack.emulator.state.activeSession(liveRoom)?.id as string;
    const subs = [
      await subscribe(EVENTS, { roomId: liveRoom }, reader),
      await subscribe(EVENTS, { roomId: liveRoom }, reader),
      await subscribe(EVENTS, { roomId: liveRoom }, reader),
    ];
    const beyond = await sseSubscribe(stack.url, EVENTS, { roomId: liveRoom }, reader);
    open.push(beyond);
    const refusal = await beyond.next();
    expect(refusal?.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(refusal?.errors?.[0]?.message).toContain('GATEWAY_MAX_SUBSCRIPTIONS_PER_CALLER');
    // Another caller has its own allowance.
    const other = await subscribe(
      EVENTS,
      { roomId: liveRoom },
      await bearer({ scope: 'hms:read' }, 'someone-else'),
    );
    other.close();

    stack.resetCalls();
    const hook = envelope('peer.join.success', {
      room_id: liveRoom,
      session_id: session,
      peer_id: 'peer-budget',
      user_id: 'user-budget',
      user_name: 'Budget',
      role: 'guest',
      joined_at: new Date().toISOString(),
      type: 'regular',
    });
    expect((await postWebhook(stack.url, hook, HOOK)).status).toBe(200);
    for (const sub of subs) {
      const message = await sub.next();
      expect(message?.errors).toBeUndefined();
      expect(message?.data?.roomEvents?.eventId).toBe(hook.id);
    }
    expect(stack.calls().total).toBeLessThanOrEqual(BUDGET * subs.length);

    // Closing one frees its slot.
    subs[0]?.close();
    await until(() => stack.gateway.events.subscribers <= 2);
    const again = await subscribe(EVENTS, { roomId: liveRoom }, reader);
    for (const sub of [...subs, again]) sub.close();
    await until(() => stack.gateway.events.subscribers === 0);
  });
});
