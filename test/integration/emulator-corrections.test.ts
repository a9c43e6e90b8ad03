/**
 * Where the emulator used to differ from what 100ms documents (issue 16), each checked over HTTP:
 * the webhooks a REST call causes, the shape of their payloads, and the few REST answers that
 * were off. Each test owns its emulator (with a stepping clock where states move with time) and
 * a local webhook receiver.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ROOMS } from '../../src/emulator/index.js';
import { expectHmsError, type Harness, startHarness } from '../helpers/emulator-harness.js';
import { until } from '../helpers/live.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

interface Hook {
  type: string;
  data: Record<string, unknown>;
}

let receiver: WebhookReceiver;
let receiverUrl: string;
const received: Hook[] = [];

beforeAll(async () => {
  receiver = await startWebhookReceiver((text) => {
    const body = JSON.parse(text) as Hook;
    received.push({ type: body.type, data: body.data });
    return 200;
  });
  receiverUrl = receiver.url;
});
afterAll(() => receiver.close());

/** An emulator whose clock moves only when the test says so. */
async function withEmulator(run: (h: Harness, tick: (ms: number) => void) => Promise<void>) {
  let nowMs = Date.now();
  const h = await startHarness({
    now: () => new Date(nowMs),
    jobStepMs: 2000,
    webhook: { url: receiverUrl },
  });
  received.length = 0;
  try {
    await run(h, (ms) => {
      nowMs += ms;
    });
  } finally {
    await h.close();
  }
}

/** Waits until every delivery so far has been answered, then returns those of `type`. */
async function hooks(h: Harness, type: string): Promise<Hook[]> {
  await until(() => h.emulator.webhookDeliveries().every((d) => d.state !== 'pending'));
  return received.filter((hook) => hook.type === type);
}

describe('webhooks after REST calls', () => {
  it('remove-peer: peer.leave.success says "peer kicked" with the given reason in message', async () => {
    await withEmulator(async (h) => {
      const roomId = await h.roomId(SEED_ROOMS.big);
      const session = h.emulator.simulate.startSession(roomId, [
        { name: 'Host', role: 'host' },
        { name: 'Guest', role: 'guest' },
      ]);
      const guest = Object.values(session.peers ?? {}).find((p) => p.name === 'Guest');
      const answer = await h.raw(`/active-rooms/${roomId}/remove-peers`, {
        method: 'POST',
        body: { peer_id: guest?.id, reason: 'spamming the chat' },
      });
      expect(answer.status).toBe(200);
      const [leave] = await hooks(h, 'peer.leave.success');
      expect(leave?.data).toMatchObject({
        peer_id: guest?.id,
        reason: 'peer kicked',
        message: 'spamming the chat',
      });
    });
  });

  it('REST stop: beam.stopped.success and hls.stopped.success say "client request"', async () => {
    await withEmulator(async (h, tick) => {
      const roomId = await h.roomId(SEED_ROOMS.big);
      h.emulator.simulate.startSession(roomId);
      const recording = await h.raw(`/recordings/room/${roomId}/start`, { method: 'POST', body: {} });
      const stream = await h.raw(`/live-streams/room/${roomId}/start`, { method: 'POST', body: {} });
      tick(2000);
      expect((await h.raw(`/recordings/${recording.json.id}`)).json.status).toBe('running');
      await h.raw(`/recordings/${recording.json.id}/stop`, { method: 'POST' });
      await h.raw(`/live-streams/room/${roomId}/stop`, { method: 'POST' });
      tick(2000);
      await h.raw(`/recordings/${recording.json.id}`);
      const [beam] = await hooks(h, 'beam.stopped.success');
      const [hls] = await hooks(h, 'hls.stopped.success');
      expect(beam?.data).toMatchObject({ beam_id: recording.json.id, reason: 'client request' });
      expect(hls?.data).toMatchObject({ beam_id: stream.json.id, reason: 'client request' });
    });
  });

  it('a session that closes by itself stops its jobs with "room ended"', async () => {
    await withEmulator(async (h, tick) => {
      const roomId = await h.roomId(SEED_ROOMS.big);
      const session = h.emulator.simulate.startSession(roomId);
      await h.raw(`/recordings/room/${roomId}/start`, { method: 'POST', body: {} });
      tick(2000);
      await h.raw(`/recordings?room_id=${roomId}`);
      h.emulator.simulate.leavePeer(roomId, Object.keys(session.peers ?? {})[0] as string);
      tick(2000);
      await h.raw(`/recordings?room_id=${roomId}`);
      const [stopped] = await hooks(h, 'beam.stopped.success');
      expect(stopped?.data.reason).toBe('room ended');
    });
  });

  it('role.change.success after an API change leaves role_change_requested_by out', async () => {
    await withEmulator(async (h) => {
      const roomId = await h.roomId(SEED_ROOMS.big);
      const session = h.emulator.simulate.startSession(roomId, [{ name: 'G', role: 'guest' }]);
      const peerId = Object.keys(session.peers ?? {})[0] as string;
      await h.raw(`/active-rooms/${roomId}/peers/${peerId}`, { method: 'POST', body: { role: 'host' } });
      const [change] = await hooks(h, 'role.change.success');
      expect(change?.data).toMatchObject({ peer_id: peerId, previous_role: 'guest', role: 'host' });
      expect(change?.data).not.toHaveProperty('role_change_requested_by');
    });
  });

  it('beam and HLS payloads carry recording_enabled, max size, metadata_* and state_*; HLS has no rtmp', async () => {
    await withEmulator(async (h, tick) => {
      const roomId = await h.roomId(SEED_ROOMS.big);
      h.emulator.simulate.startSession(roomId);
      await h.raw(`/recordings/room/${roomId}/start`, {
        method: 'POST',
        body: { resolution: { width: 1280, height: 720 } },
      });
      await h.raw(`/live-streams/room/${roomId}/start`, {
        method: 'POST',
        body: { recording: { hls_vod: true } },
      });
      tick(2000);
      await h.raw(`/recordings?room_id=${roomId}`);
      const [beam] = await hooks(h, 'beam.started.success');
      const [hls] = await hooks(h, 'hls.started.success');
      const stamps = {
        metadata_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        metadata_timestamp: expect.any(String),
        state_name: 'Started',
        state_timestamp: expect.any(String),
        start_delay: expect.any(Number),
      };
      expect(beam?.data).toMatchObject({
        ...stamps,
        recording_enabled: true,
        max_width: 1280,
        max_height: 720,
        rtmp: [],
      });
      expect(hls?.data).toMatchObject({
        ...stamps,
        max_width: 1920,
        max_height: 1080,
        recording_vod_playlist_enabled: true,
        recording_single_file_per_layer_enabled: false,
        url: expect.stringMatching(/master\.m3u8$/),
      });
      expect(hls?.data).not.toHaveProperty('rtmp');
      expect(hls?.data).not.toHaveProperty('recording_enabled');
    });
  });
});

describe('transcription', () => {
  it('fills asset_types at start, keeps transcripts processing for a while, then sends started and success webhooks', async () => {
    await withEmulator(async (h, tick) => {
      const roomId = await h.roomId(SEED_ROOMS.big);
      h.emulator.simulate.startSession(roomId);
      const started = await h.raw(`/recordings/room/${roomId}/start`, {
        method: 'POST',
        body: { transcription: { enabled: true, summary: { enabled: true } } },
      });
      expect(started.json.asset_types).toEqual(['room-composite', 'chat', 'transcript', 'summary']);
      tick(2000);
      await h.raw(`/recordings/${started.json.id}/stop`, { method: 'POST' });
      tick(4000);
      const done = await h.raw(`/recordings/${started.json.id}`);
      expect(done.json.status).toBe('completed');
      const assets = done.json.recording_assets as Array<{ id: string; type: string; status: string }>;
      const transcripts = assets.filter((a) => a.type === 'transcript' || a.type === 'summary');
      expect(transcripts).toHaveLength(4);
      expect(transcripts.every((a) => a.status === 'processing')).toBe(true);
      expect(assets.find((a) => a.type === 'room-composite')?.status).toBe('completed');
      const [begun] = await hooks(h, 'transcription.started.success');
      expect(begun?.data).toMatchObject({
        recording_id: started.json.id,
        room_name: SEED_ROOMS.big,
        transcript_json_asset_id: expect.any(String),
      });
      expect(await hooks(h, 'transcription.success')).toHaveLength(0);
      tick(2000);
      const later = await h.raw(`/recordings/${started.json.id}`);
      const ready = (later.json.recording_assets as Array<{ type: string; status: string }>).filter(
        (a) => a.type === 'transcript' || a.type === 'summary',
      );
      expect(ready.every((a) => a.status === 'completed')).toBe(true);
      const [success] = await hooks(h, 'transcription.success');
      expect(success?.data).toMatchObject({
        recording_id: started.json.id,
        room_name: SEED_ROOMS.big,
        transcript_txt_path: expect.stringMatching(/^s3:\/\//),
        transcript_txt_presigned_url: expect.stringMatching(/^https?:\/\//),
        summary_json_presigned_url: expect.stringMatching(/^https?:\/\//),
      });
    });
  });

  it('sends transcription.failure when the simulation makes it fail', async () => {
    await withEmulator(async (h) => {
      const roomId = await h.roomId(SEED_ROOMS.big);
      h.emulator.simulate.startSession(roomId);
      const recording = h.emulator.simulate.startRecording(roomId, {
        transcription: true,
        failTranscription: true,
      });
      h.emulator.advanceJobs();
      h.emulator.simulate.stopRecording(roomId);
      h.emulator.advanceJobs();
      h.emulator.advanceJobs();
      const [failure] = await hooks(h, 'transcription.failure');
      expect(failure?.data).toMatchObject({ recording_id: recording.id, transcript_txt_presigned_url: '' });
      const assets = h.emulator.state.assets(roomId).filter((a) => a.job_id === recording.id);
      expect(assets.filter((a) => a.type === 'transcript').every((a) => a.status === 'failed')).toBe(true);
    });
  });

  it('takes transcription without enabled (it is optional; absent means off)', async () => {
    await withEmulator(async (h) => {
      const roomId = await h.roomId(SEED_ROOMS.big);
      h.emulator.simulate.startSession(roomId);
      const started = await h.raw(`/recordings/room/${roomId}/start`, {
        method: 'POST',
        body: { transcription: { output_modes: ['txt'] } },
      });
      expect(started.status).toBe(200);
      expect(started.json.asset_types).toEqual(['room-composite', 'chat']);
    });
  });
});

describe('REST answers', () => {
  it('POST /rooms with an unknown template_id is a 400 "Error: template not found"', async () => {
    await withEmulator(async (h) => {
      await expectHmsError(
        h.hms.rooms.create({ name: 'x-room', template_id: 'aaaaaaaaaaaaaaaaaaaaaaaa' }),
        400,
        /^Error: template not found$/,
      );
    });
  });

  it('room codes listed with an unknown role are a 404 "Role not found"', async () => {
    await withEmulator(async (h) => {
      const roomId = await h.roomId(SEED_ROOMS.live);
      const answer = await h.raw(`/room-codes/room/${roomId}?role=no-such-role`);
      expect(answer.status).toBe(404);
      expect(answer.json.message).toBe('Role not found');
      expect((await h.raw(`/room-codes/room/${roomId}?role=guest`)).status).toBe(200);
    });
  });

  it('stop-all answers the list envelope: limit is the page size, last the last id, items without recording_assets', async () => {
    await withEmulator(async (h) => {
      const roomId = await h.roomId(SEED_ROOMS.big);
      h.emulator.simulate.startSession(roomId);
      const started = await h.raw(`/recordings/room/${roomId}/start`, { method: 'POST', body: {} });
      const stopped = await h.raw(`/recordings/room/${roomId}/stop`, { method: 'POST' });
      expect(stopped.json.limit).toBe(10);
      expect(stopped.json.last).toBe(started.json.id);
      const items = stopped.json.data as Array<Record<string, unknown>>;
      expect(items.map((item) => item.id)).toEqual([started.json.id]);
      expect(items[0]).not.toHaveProperty('recording_assets');
      expect(items[0]?.asset_types).toEqual(['room-composite', 'chat']);
    });
  });

  it('peer quality stats report bits per second for every simulcast layer', async () => {
    await withEmulator(async (h) => {
      const roomId = await h.roomId(SEED_ROOMS.live);
      const session = h.emulator.state.sessions(roomId).find((s) => !s.active);
      const peer = Object.values(session?.peers ?? {}).find((p) => p.role === 'host');
      const stats = await h.raw(`/analytics/peer-stats?peer_id=${peer?.id}&session_id=${session?.id}`);
      expect(stats.status).toBe(200);
      const video = (
        stats.json.publisher as {
          video: Array<{ track_id: string; rid: string | null; time_series: { bitrate: number[] } }>;
        }
      ).video;
      const camera = video.filter((v) => v.rid !== null);
      expect(camera.map((v) => v.rid)).toEqual(['h', 'm', 'l']);
      expect(new Set(camera.map((v) => v.track_id)).size).toBe(1);
      const high = camera[0]?.time_series.bitrate ?? [];
      expect(Math.min(...high)).toBeGreaterThanOrEqual(1_000_000);
      const low = camera[2]?.time_series.bitrate ?? [];
      expect(Math.max(...low)).toBeLessThan(Math.min(...high));
      const audio = (stats.json.publisher as { audio: Array<{ time_series: { bitrate: number[] } }> }).audio;
      expect(Math.min(...(audio[0]?.time_series.bitrate ?? []))).toBeGreaterThanOrEqual(16_000);
    });
  });

  it('the seed room names obey the room-name rules the emulator enforces', async () => {
    await withEmulator(async (h) => {
      for (const room of h.emulator.state.rooms()) expect(room.name).toMatch(/^[a-zA-Z0-9.\-:_]+$/);
      expect(h.emulator.state.room(SEED_ROOMS.punctuated)).toBeDefined();
    });
  });
});
