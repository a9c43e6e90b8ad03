/**
 * The emulator's webhook delivery: the documented envelope and custom headers, 100ms' retry
 * schedule on anything but 200, the same event id on every retry, and no effect on the ids the
 * emulator hands out. Retry delays are shortened here; the schedule itself is checked as data.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEmulator,
  DEMO_CREDENTIALS,
  type Emulator,
  SEED_ROOMS,
  WEBHOOK_RETRY_DELAYS_MS,
} from '../../src/emulator/index.js';
import { until } from '../helpers/live.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: {
    version: string;
    id: string;
    app_id: string;
    account_id: string;
    timestamp: string;
    type: string;
    data: Record<string, unknown>;
  };
}

let receiver: WebhookReceiver;
let receiverUrl: string;
const received: Received[] = [];
/** Statuses to answer with, in order; 200 once exhausted. */
let script: number[] = [];
/**
 * The emulator of the running test: each sends its own `x-test-run` header, and a late delivery
 * of an earlier test's emulator (tests run in any order) is answered 200 but not recorded.
 */
let run = 0;

beforeAll(async () => {
  receiver = await startWebhookReceiver((text, headers) => {
    if (headers['x-test-run'] !== String(run)) return 200;
    received.push({ headers, body: JSON.parse(text) });
    return script.shift() ?? 200;
  });
  receiverUrl = receiver.url;
});
afterAll(() => receiver.close());

async function emulatorWith(retryDelays = [20, 40, 80]): Promise<Emulator> {
  run += 1;
  return createEmulator({
    ...DEMO_CREDENTIALS,
    webhook: {
      url: receiverUrl,
      headers: { 'x-hms-webhook-secret': 's3cret-header-value', 'x-test-run': String(run) },
    },
    webhookRetryDelaysMs: retryDelays,
  });
}

describe('emulator webhooks', () => {
  it('uses 100ms’ documented retry schedule by default: 1 s, 3 s, 10 s', () => {
    expect(WEBHOOK_RETRY_DELAYS_MS).toEqual([1000, 3000, 10_000]);
  });

  it('posts the documented envelope with the custom headers, for each change 100ms reports', async () => {
    received.length = 0;
    script = [];
    const emulator = await emulatorWith();
    try {
      const roomId = emulator.state.room(SEED_ROOMS.big)?.id as string;
      const session = emulator.simulate.startSession(roomId, [{ name: 'Ada', role: 'host', metadata: 'm' }]);
      const peerId = Object.keys(session.peers ?? {})[0] as string;
      emulator.simulate.leavePeer(roomId, peerId, 'client request');
      await until(() => emulator.webhookDeliveries().filter((d) => d.state === 'delivered').length === 4);
      const byType = (type: string) => received.find((r) => r.body.type === type) as Received;
      const reported = [
        'session.open.success',
        'peer.join.success',
        'peer.leave.success',
        'session.close.success',
      ];
      // Raised in this order; posted concurrently, so they may arrive in another (as from 100ms).
      expect(emulator.webhookDeliveries().map((d) => d.type)).toEqual(reported);
      expect(received.map((r) => r.body.type).sort()).toEqual([...reported].sort());
      for (const { headers, body } of received) {
        expect(headers['x-hms-webhook-secret']).toBe('s3cret-header-value');
        expect(headers['content-type']).toBe('application/json');
        expect(body.version).toBe('2.0');
        expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(body.app_id).toBe(emulator.state.appId);
        expect(body.account_id).toBe(emulator.state.customerId);
        expect(body.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        expect(body.data.room_id).toBe(roomId);
        expect(body.data.session_id).toBe(session.id);
      }
      expect(byType('peer.join.success').body.data).toMatchObject({
        peer_id: peerId,
        user_name: 'Ada',
        user_data: 'm',
        role: 'host',
        room_name: SEED_ROOMS.big,
        type: 'regular',
      });
      expect(byType('peer.leave.success').body.data).toMatchObject({
        peer_id: peerId,
        reason: 'client request',
      });
      expect(byType('session.close.success').body.data.session_duration).toEqual(expect.any(Number));
    } finally {
      await emulator.close();
    }
  });

  it('retries anything but 200 three times with the same id, then gives up', async () => {
    received.length = 0;
    script = [500, 503, 404, 502, 500];
    const emulator = await emulatorWith();
    try {
      const roomId = emulator.state.room(SEED_ROOMS.big)?.id as string;
      emulator.simulate.startSession(roomId, []);
      await until(() => emulator.webhookDeliveries()[0]?.state === 'failed');
      expect(received).toHaveLength(4);
      expect(new Set(received.map((r) => r.body.id)).size).toBe(1);
      expect(emulator.webhookDeliveries()[0]).toMatchObject({
        type: 'session.open.success',
        attempts: 4,
        lastStatus: 502,
        state: 'failed',
      });
    } finally {
      await emulator.close();
    }
  });

  it('stops retrying at the first 200', async () => {
    received.length = 0;
    script = [503];
    const emulator = await emulatorWith();
    try {
      const roomId = emulator.state.room(SEED_ROOMS.big)?.id as string;
      emulator.simulate.startSession(roomId, []);
      await until(() => emulator.webhookDeliveries()[0]?.state === 'delivered');
      expect(received).toHaveLength(2);
      expect(emulator.webhookDeliveries()[0]).toMatchObject({ attempts: 2, lastStatus: 200 });
    } finally {
      await emulator.close();
    }
  });

  it('reports end-room, role changes and the recording lifecycle, including transcripts', async () => {
    received.length = 0;
    script = [];
    const emulator = await emulatorWith();
    try {
      const roomId = emulator.state.room(SEED_ROOMS.big)?.id as string;
      const session = emulator.simulate.startSession(roomId, [
        { name: 'Host', role: 'host' },
        { name: 'Guest', role: 'guest' },
      ]);
      const recording = emulator.simulate.startRecording(roomId, { transcription: true });
      emulator.advanceJobs();
      emulator.simulate.stopRecording(roomId);
      emulator.advanceJobs();
      emulator.advanceJobs();
      const guest = Object.entries(session.peers ?? {}).find(([, p]) => p.name === 'Guest')?.[0] as string;
      const response = await fetch(`${emulator.url}/active-rooms/${roomId}/peers/${guest}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await managementToken(emulator)}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ role: 'viewer-realtime' }),
      });
      expect(response.status).toBe(200);
      const end = await fetch(`${emulator.url}/active-rooms/${roomId}/end-room`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await managementToken(emulator)}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ reason: 'meeting over', lock: false }),
      });
      expect(end.status).toBe(200);
      // Deliveries run concurrently: wait for all of them, not for the last one raised.
      await until(
        () =>
          received.some((r) => r.body.type === 'session.close.success') &&
          emulator.webhookDeliveries().every((d) => d.state !== 'pending'),
      );
      const types = received.map((r) => r.body.type);
      expect(types).toEqual(
        expect.arrayContaining([
          'beam.started.success',
          'beam.stopped.success',
          'beam.recording.success',
          'transcription.success',
          'role.change.success',
          'room.end.success',
        ]),
      );
      const of = (type: string) => received.find((r) => r.body.type === type)?.body.data ?? {};
      expect(of('beam.recording.success')).toMatchObject({ beam_id: recording.id, session_id: session.id });
      const assets = emulator.state.assets(roomId).filter((a) => a.job_id === recording.id);
      expect(assets.map((a) => a.id)).toContain(of('beam.recording.success').recording_id);
      expect(assets.map((a) => a.id)).toContain(of('transcription.success').transcript_json_asset_id);
      expect(of('role.change.success')).toMatchObject({ previous_role: 'guest', role: 'viewer-realtime' });
      expect(of('room.end.success')).toMatchObject({ reason: 'meeting over', lock_room: false });
      expect(types.filter((t) => t === 'peer.leave.success')).toHaveLength(2);
    } finally {
      await emulator.close();
    }
  });

  it('hands out the same ids with or without webhooks (deliveries never touch the seeded rng)', async () => {
    const plain = await createEmulator({ ...DEMO_CREDENTIALS });
    const hooked = await emulatorWith();
    try {
      const ids = (emulator: Emulator) => {
        const roomId = emulator.state.room(SEED_ROOMS.big)?.id as string;
        const session = emulator.simulate.startSession(roomId);
        const peer = emulator.simulate.joinPeer(roomId, { name: 'X', role: 'guest' });
        return [session.id, peer.id, emulator.simulate.startRecording(roomId).id];
      };
      expect(ids(hooked)).toEqual(ids(plain));
    } finally {
      await plain.close();
      await hooked.close();
    }
  });
});

async function managementToken(emulator: Emulator): Promise<string> {
  const { SignJWT } = await import('jose');
  return new SignJWT({ access_key: emulator.accessKey, type: 'management', version: 2 })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setNotBefore('0s')
    .setExpirationTime('5m')
    .setJti(crypto.randomUUID())
    .sign(new TextEncoder().encode(emulator.secret));
}
