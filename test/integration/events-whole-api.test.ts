/**
 * The subscription events issue 16 adds: transcription started/failed, RTMP ingest
 * started/ended/failed, and track and stream recordings, each delivered as its typed `RoomEvent`
 * after 100ms posts the documented webhook
 * (https://www.100ms.live/docs/server-side/v2/how-to-guides/configure-webhooks/webhook).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ROOMS } from '../../src/emulator/index.js';
import { envelope, postWebhook, type SseSubscription, sseSubscribe, until } from '../helpers/live.js';
import { type Stack, startStack } from '../helpers/stack.js';

const WEBHOOK_SECRET = 'webhook-secret-for-tests-0123456789';
const HOOK = { 'x-hms-webhook-secret': WEBHOOK_SECRET };

const EVENTS = /* GraphQL */ `
  subscription ($roomId: ID!, $types: [String!]) {
    roomEvents(roomId: $roomId, types: $types) {
      __typename type roomId room { name }
      ... on TranscriptionStarted { transcriptionId recordingId }
      ... on TranscriptionFailed { transcriptionId recordingId errorMessage }
      ... on IngestStarted { ingestId streamId startedAt }
      ... on IngestEnded { ingestId durationSeconds reason endedAt }
      ... on IngestFailed { ingestId beforeStart errorMessage }
      ... on TrackRecordingStateChanged { status peerId trackId trackType sizeBytes durationSeconds assets { hmsId } }
      ... on StreamRecordingStateChanged { status peerId userId streamType errorMessage }
    }
  }
`;

let stack: Stack;
let roomId: string;
let sessionId: string;
let sub: SseSubscription;

beforeAll(async () => {
  stack = await startStack({ gateway: { webhookSecret: WEBHOOK_SECRET } });
  roomId = stack.emulator.state.room(SEED_ROOMS.live)?.id as string;
  sessionId = stack.emulator.state.activeSession(roomId)?.id as string;
  sub = await sseSubscribe(stack.url, EVENTS, { roomId });
  expect(sub.status).toBe(200);
  await until(() => stack.gateway.events.subscribers > 0);
});
afterAll(async () => {
  sub?.close();
  await stack?.close();
});

async function deliver(type: string, data: Record<string, unknown>) {
  const hook = envelope(type, { room_id: roomId, ...data });
  expect((await postWebhook(stack.url, hook, HOOK)).status).toBe(200);
  const message = await sub.next();
  expect(message?.errors).toBeUndefined();
  return message?.data?.roomEvents;
}

describe('typed events for transcription, ingest and per-peer recordings', () => {
  it('transcription started and failed', async () => {
    const ids = { session_id: sessionId, recording_id: '6908aa00aa00aa00aa00aa01', transcription_id: 'tr-1' };
    expect(await deliver('transcription.started.success', ids)).toMatchObject({
      __typename: 'TranscriptionStarted',
      transcriptionId: 'tr-1',
      recordingId: ids.recording_id,
      room: { name: SEED_ROOMS.live },
    });
    expect(
      await deliver('transcription.failure', { ...ids, error_message: 'audio too short' }),
    ).toMatchObject({
      __typename: 'TranscriptionFailed',
      errorMessage: 'audio too short',
    });
  });

  it('ingest started, ended and failed (before start and during)', async () => {
    const started = await deliver('ingest.start.success', {
      ingest_id: 'in-1',
      stream_id: 'st-1',
      started_at: '2026-12-04T10:00:00Z',
    });
    expect(started).toMatchObject({ __typename: 'IngestStarted', ingestId: 'in-1', streamId: 'st-1' });
    const ended = await deliver('ingest.end.success', {
      ingest_id: 'in-1',
      started_at: '2026-12-04T10:00:00Z',
      completed_at: '2026-12-04T10:30:00Z',
      duration: 1800,
      reason: 'key disabled',
    });
    expect(ended).toMatchObject({ __typename: 'IngestEnded', durationSeconds: 1800, reason: 'key disabled' });
    expect(await deliver('ingest.start.failure', { error_message: 'no active key' })).toMatchObject({
      __typename: 'IngestFailed',
      ingestId: null,
      beforeStart: true,
    });
    expect(
      await deliver('ingest.failure', { ingest_id: 'in-2', error_message: 'encoder gone' }),
    ).toMatchObject({
      __typename: 'IngestFailed',
      beforeStart: false,
      errorMessage: 'encoder gone',
    });
  });

  it('track and stream recordings', async () => {
    const base = { session_id: sessionId, peer_id: 'peer-1', stream_id: 'st-9' };
    expect(
      await deliver('track.recording.success', {
        ...base,
        track_id: 'tk-1',
        track_type: 'audio',
        size: 4096,
        duration: 60,
        recording_id: '6908aa00aa00aa00aa00aa02',
      }),
    ).toMatchObject({
      __typename: 'TrackRecordingStateChanged',
      status: 'COMPLETED',
      trackId: 'tk-1',
      sizeBytes: 4096,
      assets: [],
    });
    expect(
      await deliver('stream.recording.failure', { ...base, user_id: 'u-1', error_message: 'upload failed' }),
    ).toMatchObject({
      __typename: 'StreamRecordingStateChanged',
      status: 'FAILED',
      userId: 'u-1',
      errorMessage: 'upload failed',
    });
  });
});
