import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ROOMS } from '../../src/emulator/index.js';
import { envelope, postWebhook, type SseSubscription, sseSubscribe, until } from '../helpers/live.js';
import { type Stack, startStack } from '../helpers/stack.js';

const JWT_SECRET = 'test-gateway-secret-that-is-long-enough-0123456789';
const WEBHOOK_SECRET = 'webhook-secret-for-tests-0123456789';
const HOOK = { 'x-hms-webhook-secret': WEBHOOK_SECRET };

const ROOM_EVENTS = /* GraphQL */ `
  subscription ($roomId: ID!, $types: [String!]) {
    roomEvents(roomId: $roomId, types: $types) {
      __typename
      eventId
      type
      roomId
      room { name }
      session { hmsId active }
      ... on PeerJoined { peerId name role }
      ... on PeerLeft { reason durationSeconds }
      ... on RecordingStateChanged {
        jobKind status assetIds recording { hmsId status } assets { type }
        job { __typename ... on Recording { hmsId } }
      }
      ... on TranscriptionReady { assetIds assets { type outputMode } recording { hmsId } }
      ... on TranscriptionStarted { recording { hmsId } }
      ... on SessionClosed { durationSeconds }
    }
  }
`;
const ALL_EVENTS = /* GraphQL */ `
  subscription ($types: [String!]) {
    events(types: $types) { __typename eventId roomId type }
  }
`;

async function token(claims: Record<string, unknown>) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('subscriber')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(JWT_SECRET));
}
const bearer = async (claims: Record<string, unknown>) => ({
  authorization: `Bearer ${await token(claims)}`,
});

let stack: Stack;
let roomA: string;
let roomB: string;
let sessionA: string;
const open: SseSubscription[] = [];

beforeAll(async () => {
  stack = await startStack({
    gateway: { auth: 'jwt', jwtSecret: JWT_SECRET, webhookSecret: WEBHOOK_SECRET },
  });
  roomA = stack.emulator.state.room(SEED_ROOMS.live)?.id as string;
  roomB = stack.emulator.state.room(SEED_ROOMS.big)?.id as string;
  sessionA = stack.emulator.state.activeSession(roomA)?.id as string;
});
afterAll(async () => {
  for (const subscription of open) subscription.close();
  await stack?.close();
});

/** Subscribes and waits until the gateway listens for it (so an event posted next is not missed). */
async function subscribe(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const before = stack.gateway.events.subscribers;
  const subscription = await sseSubscribe(stack.url, query, variables, headers);
  open.push(subscription);
  expect(subscription.status).toBe(200);
  await until(() => stack.gateway.events.subscribers > before);
  return subscription;
}

const peerJoin = (roomId: string, sessionId: string | null, name = 'Ada') =>
  envelope('peer.join.success', {
    room_id: roomId,
    session_id: sessionId,
    peer_id: `peer-${name}`,
    user_id: `user-${name}`,
    user_name: name,
    role: 'guest',
    joined_at: new Date().toISOString(),
    type: 'regular',
  });

describe('roomEvents over SSE', () => {
  it('delivers a typed PeerJoined whose session and room resolve through the loaders', async () => {
    const reader = await bearer({ scope: 'hms:read' });
    const sub = await subscribe(ROOM_EVENTS, { roomId: roomA }, reader);
    const hook = peerJoin(roomA, sessionA);
    expect((await postWebhook(stack.url, hook, HOOK)).status).toBe(200);
    const message = await sub.next();
    expect(message?.errors).toBeUndefined();
    expect(message?.data?.roomEvents).toEqual({
      __typename: 'PeerJoined',
      eventId: hook.id,
      type: 'peer.join.success',
      roomId: roomA,
      room: { name: SEED_ROOMS.live },
      session: { hmsId: sessionA, active: true },
      peerId: 'peer-Ada',
      name: 'Ada',
      role: 'guest',
    });
    sub.close();
    await until(() => stack.gateway.events.subscribers === 0);
  });

  it('gives callers confined to other rooms nothing: NOT_FOUND on the room, and no foreign events in the feed', async () => {
    const confined = await bearer({ scope: 'hms:read', hms_rooms: [roomB] });
    const denied = await sseSubscribe(stack.url, ROOM_EVENTS, { roomId: roomA }, confined);
    open.push(denied);
    const refusal = await denied.next();
    expect(refusal?.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await denied.next()).toBeNull();

    const feed = await subscribe(ALL_EVENTS, {}, confined);
    const everything = await subscribe(ALL_EVENTS, {}, await bearer({ scope: 'hms:read' }));
    const foreign = peerJoin(roomA, sessionA, 'Foreign');
    const own = peerJoin(roomB, null, 'Own');
    expect((await postWebhook(stack.url, foreign, HOOK)).status).toBe(200);
    expect((await postWebhook(stack.url, own, HOOK)).status).toBe(200);
    // The unrestricted feed sees both, in order; the confined one only its room's event.
    expect((await everything.next())?.data?.events?.eventId).toBe(foreign.id);
    expect((await everything.next())?.data?.events?.eventId).toBe(own.id);
    expect((await feed.next())?.data?.events).toEqual({
      __typename: 'PeerJoined',
      eventId: own.id,
      roomId: roomB,
      type: 'peer.join.success',
    });
    feed.close();
    everything.close();
    await until(() => stack.gateway.events.subscribers === 0);
  });

  it('needs authentication and the hms:read scope, like queries', async () => {
    const anonymous = await sseSubscribe(stack.url, ROOM_EVENTS, { roomId: roomA });
    expect(anonymous.status).toBe(401);
    expect((await anonymous.next())?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const writer = await sseSubscribe(stack.url, ALL_EVENTS, {}, await bearer({ scope: 'hms:write' }));
    open.push(writer);
    const refusal = await writer.next();
    expect(refusal?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refusal?.errors?.[0]?.message).toContain('hms:read');
    expect(stack.gateway.events.subscribers).toBe(0);
  });

  it('passes on only events with a GraphQL type, whatever else reaches the bus', async () => {
    const sub = await subscribe(ALL_EVENTS, {}, await bearer({ scope: 'hms:read' }));
    await stack.gateway.events.publish({
      id: 'stray',
      type: 'track.add.success',
      timestamp: new Date().toISOString(),
      replay: false,
      roomId: roomA,
      sessionId: null,
      data: {},
    });
    const typed = peerJoin(roomA, sessionA);
    expect((await postWebhook(stack.url, typed, HOOK)).status).toBe(200);
    expect((await sub.next())?.data?.events?.eventId).toBe(typed.id);
    sub.close();
    await until(() => stack.gateway.events.subscribers === 0);
  });

  it('filters by type and rejects types it never publishes', async () => {
    const reader = await bearer({ scope: 'hms:read' });
    const bad = await sseSubscribe(stack.url, ALL_EVENTS, { types: ['peer.joined'] }, reader);
    open.push(bad);
    const refusal = await bad.next();
    expect(refusal?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refusal?.errors?.[0]?.message).toContain('peer.join.success');

    const closes = await subscribe(ROOM_EVENTS, { roomId: roomA, types: ['session.close.success'] }, reader);
    expect((await postWebhook(stack.url, peerJoin(roomA, sessionA), HOOK)).status).toBe(200);
    const close = envelope('session.close.success', {
      room_id: roomA,
      session_id: sessionA,
      session_duration: 90,
    });
    expect((await postWebhook(stack.url, close, HOOK)).status).toBe(200);
    const message = await closes.next();
    expect(message?.data?.roomEvents).toMatchObject({
      __typename: 'SessionClosed',
      eventId: close.id,
      durationSeconds: 90,
    });
    closes.close();
    await until(() => stack.gateway.events.subscribers === 0);
  });

  it('follows the emulator end to end: its webhooks become peer, recording and transcription events', async () => {
    stack.emulator.setWebhook({ url: `${stack.url}/webhooks/100ms`, headers: HOOK });
    try {
      const sub = await subscribe(ROOM_EVENTS, { roomId: roomB }, await bearer({ scope: 'hms:read' }));
      const session = stack.emulator.simulate.startSession(roomB);
      const opened = await sub.next();
      expect(opened?.data?.roomEvents).toMatchObject({ __typename: 'SessionOpened' });
      const joined = await sub.next();
      expect(joined?.data?.roomEvents).toMatchObject({
        __typename: 'PeerJoined',
        name: 'Host',
        session: { hmsId: session.id, active: true },
      });

      const recording = stack.emulator.simulate.startRecording(roomB, { transcription: true });
      stack.emulator.advanceJobs(); // starting → running
      expect((await sub.next())?.data?.roomEvents).toMatchObject({
        __typename: 'RecordingStateChanged',
        jobKind: 'RECORDING',
        status: 'RUNNING',
        assetIds: [],
        recording: { hmsId: recording.id, status: 'RUNNING' },
        job: { __typename: 'Recording', hmsId: recording.id },
      });
      stack.emulator.simulate.stopRecording(roomB);
      stack.emulator.advanceJobs(); // stopping → post_processing
      expect((await sub.next())?.data?.roomEvents).toMatchObject({ status: 'POST_PROCESSING' });
      stack.emulator.advanceJobs(); // → completed: the file, then the transcripts
      const done = (await sub.next())?.data?.roomEvents;
      expect(done).toMatchObject({
        __typename: 'RecordingStateChanged',
        status: 'COMPLETED',
        recording: { hmsId: recording.id, status: 'COMPLETED' },
        assets: [{ type: 'ROOM_COMPOSITE' }],
      });
      expect(done?.assetIds).toHaveLength(1);
      expect((await sub.next())?.data?.roomEvents).toMatchObject({
        __typename: 'TranscriptionStarted',
        recording: { hmsId: recording.id },
      });
      const transcribed = (await sub.next())?.data?.roomEvents;
      expect(transcribed).toMatchObject({
        __typename: 'TranscriptionReady',
        recording: { hmsId: recording.id },
      });
      expect(transcribed?.assets?.map((a) => a.outputMode).sort()).toEqual(['json', 'json', 'srt', 'txt']);

      const host = Object.keys(session.peers ?? {})[0] as string;
      stack.emulator.simulate.leavePeer(roomB, host, 'client request');
      expect((await sub.next())?.data?.roomEvents).toMatchObject({
        __typename: 'PeerLeft',
        reason: 'client request',
      });
      expect((await sub.next())?.data?.roomEvents).toMatchObject({
        __typename: 'SessionClosed',
        session: { hmsId: session.id, active: false },
      });
      sub.close();
      await until(() => stack.gateway.events.subscribers === 0);
    } finally {
      stack.emulator.setWebhook(null);
      // roomB got a session and a recording: back to the seed for whichever test runs next.
      stack.reset();
    }
  });

  it('ends open streams when the gateway closes (a drain is not held up by subscribers)', async () => {
    // Closing ends the event bus for good: this test owns its gateway.
    const own = await startStack({ gateway: { auth: 'jwt', jwtSecret: JWT_SECRET } });
    try {
      const sub = await sseSubscribe(own.url, ALL_EVENTS, {}, await bearer({ scope: 'hms:read' }));
      open.push(sub);
      expect(sub.status).toBe(200);
      await until(() => own.gateway.events.subscribers === 1);
      await own.gateway.close();
      expect(await sub.next()).toBeNull();
      expect(own.gateway.events.subscribers).toBe(0);
    } finally {
      await own.close();
    }
  });
});
