/**
 * `npm start` with no credentials: the emulator simulates a busy demo room and delivers its
 * webhooks to the gateway itself, so a GraphiQL-style SSE subscription sees live events.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { SEED_ROOMS } from '../../src/emulator/index.js';
import { type SseSubscription, sseSubscribe } from '../helpers/live.js';
import { freePort, type ScriptProcess, spawnScript } from '../helpers/processes.js';

let gateway: ScriptProcess | undefined;
let subscription: SseSubscription | undefined;
afterAll(async () => {
  subscription?.close();
  await gateway?.stop();
});

describe('demo mode comes alive', () => {
  it('streams simulated room events to an SSE subscription shortly after start', async () => {
    const port = await freePort();
    const started = Date.now();
    gateway = spawnScript('src/main.ts', [], {
      cleanEnv: true,
      env: { PORT: String(port), LOG_LEVEL: 'warn' },
    });
    const url = `http://127.0.0.1:${port}`;
    await gateway.waitForHttp(`${url}/health`);

    const rooms = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ rooms(filter: { name: "${SEED_ROOMS.live}" }) { nodes { hmsId } } }`,
      }),
    });
    const roomId = ((await rooms.json()) as { data: { rooms: { nodes: Array<{ hmsId: string }> } } }).data
      .rooms.nodes[0]?.hmsId;
    expect(roomId).toBeTruthy();

    // As GraphiQL sends it: GET with the operation in the URL, and the CSRF header its page adds.
    const page = await (await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('x-graphql-yoga-csrf');
    subscription = await sseSubscribe(
      url,
      'subscription ($roomId: ID!) { roomEvents(roomId: $roomId) { __typename type roomId session { hmsId } } }',
      { roomId },
      { 'x-graphql-yoga-csrf': 'graphiql' },
      'GET',
    );
    expect(subscription.status).toBe(200);
    const first = await subscription.next();
    const second = await subscription.next();
    for (const message of [first, second]) {
      expect(message?.errors).toBeUndefined();
      expect(message?.data?.roomEvents?.roomId).toBe(roomId);
      expect(message?.data?.roomEvents?.__typename).toMatch(
        /^(PeerJoined|PeerLeft|RecordingStateChanged|TranscriptionReady|SessionOpened|SessionClosed)$/,
      );
      expect(message?.data?.roomEvents?.session?.hmsId).toBeTruthy();
    }
    // For the record (not asserted: timing bounds make flaky tests); the issue asks for < 10 s.
    console.info(`demo: two live events ${((Date.now() - started) / 1000).toFixed(1)} s after spawn`);
    expect(gateway.output()).toContain('RoomEvents');
    expect(gateway.output()).not.toMatch(/webhook refused/);
  }, 30_000);
});
