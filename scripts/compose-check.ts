/**
 * The multi-replica checks `npm run test:compose` runs against deploy/compose.yaml once it is up:
 * a webhook posted to replica A reaches a subscriber on replica B (and a retry of it to B is a
 * duplicate), a cache entry invalidated through A is gone for B, and one caller's
 * GATEWAY_CALLER_CALLS_PER_MINUTE is enforced by both together. Talks to the replicas and the
 * emulator over HTTP only. Exits non-zero with the failed check.
 *
 * Env: GATEWAY_A_URL, GATEWAY_B_URL, EMULATOR_ORIGIN, HMS_WEBHOOK_SECRET, GATEWAY_JWT_SECRET,
 * GATEWAY_CALLER_CALLS_PER_MINUTE.
 */
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { envelope, postWebhook, type SseMessage, sseSubscribe } from '../test/helpers/live.js';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const A = env('GATEWAY_A_URL');
const B = env('GATEWAY_B_URL');
const EMULATOR = env('EMULATOR_ORIGIN');
const HOOK = { 'x-hms-webhook-secret': env('HMS_WEBHOOK_SECRET') };
const JWT_KEY = new TextEncoder().encode(env('GATEWAY_JWT_SECRET'));
const LIMIT = Number(env('GATEWAY_CALLER_CALLS_PER_MINUTE'));

// biome-ignore lint/suspicious/noExplicitAny: GraphQL JSON
type Json = any;

async function bearer(sub: string): Promise<Record<string, string>> {
  const token = await new SignJWT({ scope: 'hms:read' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(JWT_KEY);
  return { authorization: `Bearer ${token}` };
}

async function gql(url: string, query: string, headers: Record<string, string>) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as Json,
  };
}

async function upstream(): Promise<{ total: number; requests: Record<string, number> }> {
  return (await (await fetch(`${EMULATOR}/__emulator/stats`)).json()) as Json;
}

async function step(name: string, run: () => Promise<void>) {
  await run();
  console.log(`ok  ${name}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function ready(url: string) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`${url}/ready never answered 200`);
}

await step('both replicas ready (/ready: a token mints and 100ms answers)', async () => {
  await Promise.all([ready(A), ready(B)]);
});

const setup = await gql(
  A,
  `{ rooms(first: 1, filter: { name: "product-standup" }) { nodes {
       hmsId activeRoom { session { hmsId } } sessions(first: 20) { nodes { hmsId active } } } } }`,
  await bearer('compose-setup'),
);
assert.equal(setup.body.errors, undefined, JSON.stringify(setup.body.errors));
const room = setup.body.data.rooms.nodes[0];
const roomId: string = room.hmsId;
const liveSession: string = room.activeRoom.session.hmsId;
const endedSession: string = room.sessions.nodes.find((s: Json) => !s.active).hmsId;

await step('a webhook posted to A reaches a subscriber on B; its retry to B is a duplicate', async () => {
  const sub = await sseSubscribe(
    B,
    'subscription ($roomId: ID!) { roomEvents(roomId: $roomId) { __typename eventId } }',
    { roomId },
    await bearer('compose-subscriber'),
  );
  assert.equal(sub.status, 200);
  try {
    // B's Redis SUBSCRIBE may land a moment after its 200: post fresh events until one arrives.
    const posted: string[] = [];
    let received: SseMessage | null | 'timeout' = 'timeout';
    let join: ReturnType<typeof envelope> | undefined;
    for (let i = 0; i < 20 && received === 'timeout'; i++) {
      join = envelope('peer.join.success', { room_id: roomId, session_id: liveSession, user_name: 'Ada' });
      posted.push(join.id);
      const answer = await postWebhook(A, join, HOOK);
      assert.deepEqual(answer, { status: 200, body: { ok: true } });
      received = await Promise.race([sub.next(), sleep(1000).then(() => 'timeout' as const)]);
    }
    assert.notEqual(received, 'timeout', 'no event reached the subscriber on B');
    const event = (received as SseMessage).data?.roomEvents;
    assert.equal(event?.__typename, 'PeerJoined');
    assert.ok(posted.includes(event.eventId ?? ''), `unexpected event ${JSON.stringify(event)}`);
    const retry = await postWebhook(B, join, HOOK);
    assert.deepEqual(retry.body, { ok: true, duplicate: true });
  } finally {
    sub.close();
  }
});

await step('a cache entry invalidated through A is gone for B', async () => {
  const headers = await bearer('compose-cache');
  const query = `{ session(id: "${endedSession}") { hmsId } }`;
  const gets = async () => (await upstream()).requests['GET /v2/sessions/{id}'] ?? 0;
  const first = await gql(B, query, headers);
  assert.equal(first.body.data?.session?.hmsId, endedSession, JSON.stringify(first.body));
  const fetched = await gets();
  // A finds B's entry in the shared cache: no call to 100ms.
  assert.equal((await gql(A, query, headers)).body.data.session.hmsId, endedSession);
  assert.equal(await gets(), fetched, 'A called 100ms for an entry B had cached');
  const close = envelope('session.close.success', { room_id: roomId, session_id: endedSession });
  assert.equal((await postWebhook(A, close, HOOK)).status, 200);
  assert.equal((await gql(B, query, headers)).body.data.session.hmsId, endedSession);
  assert.equal(await gets(), fetched + 1, 'B still served the entry A invalidated');
});

await step(`one caller's ${LIMIT} calls per minute are shared by A and B`, async () => {
  const headers = await bearer('compose-limited');
  let refusedAt = 0;
  for (let i = 1; i <= LIMIT + 2 && !refusedAt; i++) {
    const before = (await upstream()).total;
    const answer = await gql(i % 2 ? A : B, '{ rooms(first: 1) { nodes { hmsId } } }', headers);
    if (answer.status === 429) {
      refusedAt = i;
      assert.equal(answer.body.errors[0].extensions.code, 'RATE_LIMITED');
      assert.ok(
        Number(answer.retryAfter) >= 1 && Number(answer.retryAfter) <= 60,
        `Retry-After ${answer.retryAfter}`,
      );
      assert.equal((await upstream()).total, before, 'the refused request reached 100ms');
    } else {
      assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
      assert.equal(answer.body.extensions.cost.actualUpstreamCalls, 1);
      assert.equal(answer.body.extensions.rateLimit.used, i);
    }
  }
  assert.equal(refusedAt, LIMIT + 1, `refused at request ${refusedAt}`);
  for (const url of [A, B]) {
    const status = await gql(url, '{ rateLimit { limit used remaining resetAt } }', headers);
    assert.deepEqual(
      { ...status.body.data.rateLimit, resetAt: undefined },
      { limit: LIMIT, used: LIMIT, remaining: 0, resetAt: undefined },
    );
  }
});

console.log('compose checks passed');
