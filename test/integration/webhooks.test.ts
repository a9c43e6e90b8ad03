import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, DEMO_CREDENTIALS, SEED_ROOMS } from '../../src/emulator/index.js';
import { createHmsClient } from '../../src/hms/client.js';
import { createLogger } from '../../src/logger.js';
import type { HmsEvent } from '../../src/pubsub.js';
import { createGateway } from '../../src/server.js';
import { envelope, postWebhook, until } from '../helpers/live.js';
import { type Stack, startStack } from '../helpers/stack.js';

const SECRET = 'webhook-secret-for-tests-0123456789';
const HEADER = { 'x-hms-webhook-secret': SECRET };

let stack: Stack;
let roomId: string;
let sessionId: string;
/** Everything the bus carried, in order. */
const published: HmsEvent[] = [];
let feed: AsyncIterableIterator<HmsEvent>;

beforeAll(async () => {
  stack = await startStack({ gateway: { webhookSecret: SECRET } });
  const room = stack.emulator.state.room(SEED_ROOMS.live);
  roomId = room?.id as string;
  sessionId = stack.emulator.state.activeSession(roomId)?.id as string;
  feed = stack.gateway.events.subscribe();
  void (async () => {
    for await (const event of feed) published.push(event);
  })();
  await until(() => stack.gateway.events.subscribers === 1);
});
afterAll(async () => {
  await feed?.return?.();
  await stack?.close();
});

const peerJoin = (extra: Record<string, unknown> = {}) =>
  envelope(
    'peer.join.success',
    { room_id: roomId, session_id: sessionId, peer_id: 'p-1', user_name: 'Ada', role: 'guest' },
    extra,
  );

/** Posts a valid event and waits for it: everything published before it has been seen. */
async function sentinel(): Promise<string> {
  const body = peerJoin();
  expect((await postWebhook(stack.url, body, HEADER)).status).toBe(200);
  await until(() => published.some((e) => e.id === body.id));
  return body.id;
}

describe('POST /webhooks/100ms', () => {
  it('answers 401 for a missing or wrong secret and publishes nothing', async () => {
    const before = published.length;
    const refused = peerJoin();
    const attempts: Array<Record<string, string>> = [
      {},
      { 'x-hms-webhook-secret': 'wrong' },
      { 'x-hms-webhook-secret': `${SECRET}x` },
      { 'x-other-header': SECRET },
    ];
    for (const headers of attempts) {
      const res = await postWebhook(stack.url, refused, headers);
      expect(res.status).toBe(401);
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
    }
    const ok = await sentinel();
    expect(published.slice(before).map((e) => e.id)).toEqual([ok]);
  });

  it('handles an event id once: retries and concurrent duplicates are acknowledged, not re-published', async () => {
    const before = published.length;
    const body = peerJoin();
    const first = await postWebhook(stack.url, body, HEADER);
    expect(first).toEqual({ status: 200, body: { ok: true } });
    const again = await Promise.all([1, 2, 3, 4].map(() => postWebhook(stack.url, body, HEADER)));
    for (const res of again) expect(res).toEqual({ status: 200, body: { ok: true, duplicate: true } });
    const replay = await postWebhook(stack.url, { ...body, is_replay: true }, HEADER);
    expect(replay.body.duplicate).toBe(true);

    const burst = peerJoin();
    const racing = await Promise.all([1, 2, 3, 4, 5].map(() => postWebhook(stack.url, burst, HEADER)));
    expect(racing.filter((r) => r.body.duplicate !== true)).toHaveLength(1);

    const ok = await sentinel();
    expect(published.slice(before).map((e) => e.id)).toEqual([body.id, burst.id, ok]);
  });

  it('refuses malformed, hostile and oversized bodies with 4xx and keeps serving', async () => {
    const before = published.length;
    const cases: Array<[unknown, number]> = [
      ['{"id": "x", "type": ', 400],
      ['not json at all', 400],
      ['', 400],
      ['[1,2,3]', 400],
      ['"just a string"', 400],
      [{ ...peerJoin(), id: 42 }, 400],
      [{ ...peerJoin(), id: 'has spaces and / slashes' }, 400],
      [{ ...peerJoin(), type: 'x'.repeat(200) }, 400],
      [{ ...peerJoin(), timestamp: 'yesterday' }, 400],
      [{ ...peerJoin(), data: 'not an object' }, 400],
      [{ ...peerJoin(), data: [] }, 400],
      [{ ...peerJoin(), is_replay: 'yes' }, 400],
      [envelope('peer.join.success', { session_id: sessionId }), 400],
      [envelope('peer.join.success', { room_id: { $ne: null } }), 400],
      [JSON.stringify({ ...peerJoin(), data: { room_id: roomId, blob: 'x'.repeat(200_000) } }), 413],
    ];
    for (const [body, status] of cases) {
      const res = await postWebhook(stack.url, body, HEADER);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(status);
    }
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    expect((await postWebhook(stack.url, deep, HEADER)).status).toBe(400);

    expect((await fetch(`${stack.url}/webhooks/100ms`)).status).toBe(405);
    expect((await fetch(`${stack.url}/health`)).status).toBe(200);
    const ok = await sentinel();
    expect(published.slice(before).map((e) => e.id)).toEqual([ok]);
  });

  it('accepts and ignores event types it does not handle', async () => {
    const before = published.length;
    const res = await postWebhook(stack.url, envelope('track.add.success', { room_id: roomId }), HEADER);
    expect(res).toEqual({ status: 200, body: { ok: true, ignored: true } });
    const future = await postWebhook(stack.url, envelope('hologram.beam.success', {}), HEADER);
    expect(future.status).toBe(200);
    const ok = await sentinel();
    expect(published.slice(before).map((e) => e.id)).toEqual([ok]);
  });

  it('publishes the envelope facts with presigned URLs removed', async () => {
    const body = envelope(
      'beam.recording.success',
      {
        beam_id: 'beam-1',
        room_id: roomId,
        session_id: sessionId,
        recording_id: 'asset-1',
        recording_presigned_url: 'https://bucket.s3.amazonaws.com/x?X-Amz-Signature=abc',
        location: 'https://bucket.s3.amazonaws.com/x?X-Amz-Signature=abc',
        size: 1234,
      },
      { is_replay: true },
    );
    expect((await postWebhook(stack.url, body, HEADER)).status).toBe(200);
    await until(() => published.some((e) => e.id === body.id));
    const event = published.find((e) => e.id === body.id);
    expect(event).toMatchObject({
      type: 'beam.recording.success',
      roomId,
      sessionId,
      replay: true,
      data: { beam_id: 'beam-1', recording_id: 'asset-1', size: 1234 },
    });
    expect(JSON.stringify(event)).not.toContain('X-Amz-Signature');
  });

  it('drops the cache entries an event makes stale', async () => {
    const cache = stack.gateway.cache;
    const seed = async (entries: Array<[Parameters<typeof cache.set>[0], string]>) => {
      for (const [kind, id] of entries) await cache.set(kind, id, { id }, 60_000);
    };
    const present = async (kind: Parameters<typeof cache.set>[0], id: string) =>
      (await cache.getMany(kind, [id]))[0] !== undefined;

    await seed([
      ['session', 'sess-closed'],
      ['recordingsBySession', 'sess-closed'],
      ['assetsBySession', 'sess-closed'],
      ['session', 'sess-other'],
    ]);
    const close = envelope('session.close.success', {
      room_id: roomId,
      session_id: 'sess-closed',
      session_duration: 60,
    });
    expect((await postWebhook(stack.url, close, HEADER)).status).toBe(200);
    expect(await present('session', 'sess-closed')).toBe(false);
    expect(await present('recordingsBySession', 'sess-closed')).toBe(false);
    expect(await present('assetsBySession', 'sess-closed')).toBe(false);
    expect(await present('session', 'sess-other')).toBe(true);

    await seed([
      ['recording', 'beam-9'],
      ['recordingAsset', 'asset-9'],
      ['assetsBySession', 'sess-9'],
      ['recordingsBySession', 'sess-9'],
    ]);
    const done = envelope('beam.recording.success', {
      room_id: roomId,
      session_id: 'sess-9',
      beam_id: 'beam-9',
      recording_id: 'asset-9',
    });
    expect((await postWebhook(stack.url, done, HEADER)).status).toBe(200);
    for (const [kind, id] of [
      ['recording', 'beam-9'],
      ['recordingAsset', 'asset-9'],
      ['assetsBySession', 'sess-9'],
      ['recordingsBySession', 'sess-9'],
    ] as const)
      expect(await present(kind, id)).toBe(false);

    await seed([
      ['assetsBySession', 'sess-t'],
      ['recordingAsset', 'tr-json'],
    ]);
    const transcript = envelope('transcription.success', {
      room_id: roomId,
      session_id: 'sess-t',
      recording_id: 'beam-t',
      transcript_json_asset_id: 'tr-json',
    });
    expect((await postWebhook(stack.url, transcript, HEADER)).status).toBe(200);
    expect(await present('assetsBySession', 'sess-t')).toBe(false);
    expect(await present('recordingAsset', 'tr-json')).toBe(false);
  });

  it('counts deliveries by type and outcome in /metrics', async () => {
    // Its own deliveries of each outcome, whichever tests ran before it.
    const join = peerJoin();
    expect((await postWebhook(stack.url, join, HEADER)).status).toBe(200);
    expect((await postWebhook(stack.url, join, HEADER)).body.duplicate).toBe(true);
    expect((await postWebhook(stack.url, join, {})).status).toBe(401);
    expect((await postWebhook(stack.url, envelope('other.event.type', {}), HEADER)).status).toBe(200);
    const text = await (await fetch(`${stack.url}/metrics`)).text();
    expect(text).toMatch(/hms_webhooks_total\{type="peer\.join\.success",outcome="accepted"\} \d+/);
    expect(text).toMatch(/hms_webhooks_total\{type="peer\.join\.success",outcome="duplicate"\} \d+/);
    expect(text).toMatch(/hms_webhooks_total\{type="unknown",outcome="unauthorized"\} \d+/);
    expect(text).toMatch(/hms_webhooks_total\{type="other",outcome="ignored"\} \d+/);
    expect(text).toMatch(/graphql_subscriptions_active 1/);
  });
});

describe('the webhook route without a secret', () => {
  it('is disabled (404), and the secret never reaches the logs', async () => {
    const emulator = await createEmulator({ ...DEMO_CREDENTIALS });
    const hms = createHmsClient({
      accessKey: emulator.accessKey,
      secret: emulator.secret,
      baseUrl: emulator.url,
      maxRetries: 0,
    });
    let logs = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logs += chunk;
        done();
      },
    });
    try {
      const off = createGateway({ hms, logger: createLogger('silent') });
      const res = await off.yoga.fetch('http://gateway.test/webhooks/100ms', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...HEADER },
        body: JSON.stringify(peerJoin()),
      });
      expect(res.status).toBe(404);

      const on = createGateway({
        hms,
        logger: createLogger('debug', sink),
        config: { webhookSecret: SECRET },
      });
      for (const headers of [HEADER, { 'x-hms-webhook-secret': 'a-wrong-guess' }]) {
        await on.yoga.fetch('http://gateway.test/webhooks/100ms', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(peerJoin()),
        });
      }
      await on.close();
      expect(logs).toContain('webhook accepted');
      expect(logs).toContain('webhook refused');
      expect(logs).not.toContain(SECRET);
      expect(logs).not.toContain('a-wrong-guess');
    } finally {
      await hms.close();
      await emulator.close();
    }
  });
});
