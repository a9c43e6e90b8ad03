/**
 * Recordings (https://www.100ms.live/docs/server-side/v2/api-reference/recordings/overview), recording assets (https://www.100ms.live/docs/server-side/v2/api-reference/recording-assets/overview), live streams (https://www.100ms.live/docs/server-side/v2/api-reference/live-streams/overview) and external streams
 * (https://www.100ms.live/docs/server-side/v2/api-reference/external-streams/overview), with the job state machine driven by a test clock and by `advanceJobs()`.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEED_ROOMS } from '../../src/emulator/index.js';
import { expectHmsError, type Harness, ISO, OBJECT_ID, startHarness } from '../helpers/emulator-harness.js';

let h: Harness;
let clock = Date.now();
let live: string;
let idle: string;
let disabled: string;
const STEP = 2000;
const tick = (ms = STEP) => {
  clock += ms;
};

beforeAll(async () => {
  h = await startHarness({ now: () => new Date(clock), jobStepMs: STEP });
  live = await h.roomId(SEED_ROOMS.live);
  idle = await h.roomId(SEED_ROOMS.big);
  disabled = await h.roomId(SEED_ROOMS.disabled);
});
afterAll(() => h?.close());
beforeEach(() => h.emulator.reset({ data: true }));

const MEETING = 'https://acme.app.100ms.live/preview/room/viewer?skip_preview=true';

describe('recordings', () => {
  it('lists without recording_assets and gets with them', async () => {
    const wire = await h.raw(`/recordings?room_id=${live}&limit=100`);
    const items = wire.json.data as Array<Record<string, unknown>>;
    expect(items.length).toBeGreaterThanOrEqual(10);
    for (const item of items) expect(item).not.toHaveProperty('recording_assets');
    const completed = items.find((r) => r.status === 'completed') as { id: string };
    const recording = await h.hms.recordings.get(completed.id);
    expect(recording.asset_types).toEqual(expect.arrayContaining(['room-composite', 'chat']));
    expect(recording.recording_assets?.length).toBeGreaterThanOrEqual(2);
    for (const asset of recording.recording_assets ?? []) {
      expect(asset).toMatchObject({
        id: expect.stringMatching(OBJECT_ID),
        path: expect.stringMatching(/^s3:\/\//),
        status: 'completed',
      });
      expect(asset).not.toHaveProperty('job_id');
    }
    await expectHmsError(h.hms.recordings.get('aaaaaaaaaaaaaaaaaaaaaaaa'), 404);
  });

  it('has recordings on each of the 10 most recent sessions of the live room, with assorted asset types', async () => {
    const sessions = (await h.hms.sessions.list({ room_id: live, limit: 10 })).items;
    const recordings = (await h.hms.recordings.list({ room_id: live, limit: 100 })).items;
    for (const session of sessions) {
      const count = recordings.filter((r) => r.session_id === session.id).length;
      expect(count, session.id).toBeGreaterThanOrEqual(1);
      expect(count).toBeLessThanOrEqual(2);
    }
    const assets = (await h.hms.recordingAssets.list({ room_id: live, limit: 100 })).items;
    expect(new Set(assets.map((a) => a.type))).toEqual(
      new Set(['room-composite', 'chat', 'transcript', 'summary']),
    );
    const big = assets.filter((a) => a.size > 2 ** 31);
    expect(big).toHaveLength(1);
    expect(big[0]?.size).toBe(3_221_225_472 + 987_654);
    expect(recordings.some((r) => r.status === 'failed')).toBe(true);
  });

  it('starts (starting, started_at null, recording_assets null) and walks the lazy state machine on the clock', async () => {
    const started = await h.raw(`/recordings/room/${live}/start`, {
      method: 'POST',
      body: { meeting_url: MEETING },
    });
    expect(started.status).toBe(200);
    expect(started.json).toMatchObject({
      status: 'starting',
      started_at: null,
      stopped_at: null,
      recording_assets: null,
      room_id: live,
      started_by: '',
    });
    const id = started.json.id as string;
    const session = (await h.hms.activeRooms.get(live)).session.id;
    expect(started.json.session_id).toBe(session);
    expect((await h.hms.recordings.get(id)).status).toBe('starting');
    tick(STEP - 1);
    expect((await h.hms.recordings.get(id)).status).toBe('starting');
    tick(1);
    const running = await h.hms.recordings.get(id);
    expect(running.status).toBe('running');
    expect(running.started_at).toMatch(ISO);
    tick(60_000);
    expect((await h.hms.recordings.get(id)).status).toBe('running');
    const stopping = await h.hms.recordings.stop(id);
    expect(stopping.status).toBe('stopping');
    await expectHmsError(h.hms.recordings.stop(id), 400, /not running/);
    tick();
    const post = await h.hms.recordings.get(id);
    expect(post.status).toBe('post_processing');
    expect(post.stopped_at).toMatch(ISO);
    tick(10 * STEP);
    const done = await h.hms.recordings.get(id);
    expect(done.status).toBe('completed');
    expect(done.asset_types).toEqual(['room-composite', 'chat']);
    expect(done.recording_assets?.map((a) => a.type)).toEqual(['room-composite', 'chat']);
    const composite = await h.hms.recordingAssets.get(done.recording_assets?.[0]?.id as string);
    expect(composite).toMatchObject({
      job_id: id,
      room_id: live,
      session_id: session,
      type: 'room-composite',
      duration: 62,
    });
    expect(composite.metadata.resolution).toEqual({ width: 1280, height: 720 });
    const bySession = await h.hms.recordingAssets.list({ session_id: session, limit: 100 });
    expect(bySession.items.filter((a) => a.job_id === id)).toHaveLength(2);
  });

  it('moves jobs with advanceJobs(); a recording stopped before it ran ends failed', async () => {
    const rec = await h.hms.recordings.start(live, { meeting_url: MEETING });
    await expectHmsError(h.hms.recordings.start(live, { meeting_url: MEETING }), 400, /already running/);
    await h.hms.recordings.stop(rec.id);
    h.emulator.advanceJobs();
    h.emulator.advanceJobs();
    const failed = await h.hms.recordings.get(rec.id);
    expect(failed.status).toBe('failed');
    expect(failed.recording_assets).toBeNull();
    const next = await h.hms.recordings.start(live, {
      transcription: { enabled: true, output_modes: ['txt'], summary: { enabled: true } },
    });
    expect(next.meeting_url).toMatch(/^https:\/\/[a-z-]+\.app\.100ms\.live\/preview\//);
    h.emulator.advanceJobs();
    expect((await h.hms.recordings.get(next.id)).status).toBe('running');
    tick(30_000);
    const all = await h.hms.recordings.stopAll(live);
    expect(all.map((r) => r.id)).toEqual([next.id]);
    expect(all[0]?.status).toBe('stopping');
    h.emulator.advanceJobs();
    h.emulator.advanceJobs();
    const done = await h.hms.recordings.get(next.id);
    expect(done.asset_types).toEqual(['room-composite', 'chat', 'transcript', 'summary']);
    const envelope = await h.raw(`/recordings/room/${live}/stop`, { method: 'POST' });
    expect(envelope.json).toEqual({ limit: 10, data: [], last: '' });
  });

  it('pauses and resumes the running recording of a room', async () => {
    await expectHmsError(h.hms.recordings.pause(live), 404);
    const rec = await h.hms.recordings.start(live, {});
    h.emulator.advanceJobs();
    expect((await h.hms.recordings.pause(live)).id).toBe(rec.id);
    await expectHmsError(h.hms.recordings.pause(live), 400, /already paused/);
    expect((await h.hms.recordings.resume(live)).status).toBe('running');
    await expectHmsError(h.hms.recordings.resume(live), 400, /not paused/);
  });

  it('requires a live, enabled, existing room and a valid body', async () => {
    await expectHmsError(h.hms.recordings.start(idle, {}), 400, /not active/);
    await expectHmsError(h.hms.recordings.start(disabled, {}), 403, /Room is disabled/);
    await expectHmsError(h.hms.recordings.start('aaaaaaaaaaaaaaaaaaaaaaaa', {}), 404);
    for (const body of [
      { resolution: { width: 100, height: 100 } },
      { resolution: { width: 1920 } },
      { meeting_url: 'not a url' },
      { destination: 'nowhere' },
      { meetingUrl: MEETING },
      { transcription: { enabled: true, modes: ['live'] } },
      { transcription: { enabled: true, summary: { enabled: true, temperature: 2 } } },
    ]) {
      await expectHmsError(h.hms.request('POST', `/recordings/room/${live}/start`, { body }), 400);
    }
    await expectHmsError(h.hms.recordings.stop('aaaaaaaaaaaaaaaaaaaaaaaa'), 404);
    await expectHmsError(h.hms.recordings.stopAll('aaaaaaaaaaaaaaaaaaaaaaaa'), 404);
  });

  it('filters the list by session and status, newest first, with cursor paging', async () => {
    const completed = await h.hms.recordings.list({ room_id: live, status: 'completed', limit: 100 });
    expect(completed.items.every((r) => r.status === 'completed')).toBe(true);
    const created = completed.items.map((r) => r.created_at as string);
    expect([...created].sort().reverse()).toEqual(created);
    const walked: string[] = [];
    for await (const r of h.hms.recordings.iterate({ room_id: live, status: 'completed', limit: 3 }))
      walked.push(r.id);
    expect(walked).toEqual(completed.items.map((r) => r.id));
    await expectHmsError(h.hms.recordings.list({ status: 'done' }), 400);
  });
});

describe('recording assets', () => {
  it('gets an asset and presigns its URL, honouring presign_duration and defaulting to 3 days', async () => {
    const [asset] = (await h.hms.recordingAssets.list({ room_id: live, status: 'completed' })).items;
    expect(asset).toMatchObject({
      job_id: expect.stringMatching(OBJECT_ID),
      created_at: expect.stringMatching(ISO),
    });
    const short = await h.hms.recordingAssets.presignedUrl(asset?.id as string, 600);
    expect(short).toMatchObject({ id: asset?.id, path: asset?.path, expiry: 600 });
    // Presigned URLs point at the emulator itself, which serves the bytes (emulator-downloads.test.ts).
    expect(short.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/__downloads\/.*[?&]X-Amz-Expires=600(&|$)/);
    const wire = await h.raw(`/recording-assets/${asset?.id}/presigned-url`);
    expect(wire.json.expiry).toBe(259_200);
    expect(wire.json.url).toMatch(/X-Amz-Expires=259200/);
    for (const bad of ['0', '-5', 'abc', '604801']) {
      expect(
        (await h.raw(`/recording-assets/${asset?.id}/presigned-url?presign_duration=${bad}`)).status,
      ).toBe(400);
    }
    await expectHmsError(h.hms.recordingAssets.get('aaaaaaaaaaaaaaaaaaaaaaaa'), 404);
    await expectHmsError(h.hms.recordingAssets.presignedUrl('aaaaaaaaaaaaaaaaaaaaaaaa', 60), 404);
    await expectHmsError(h.hms.recordingAssets.list({ status: 'done' }), 400);
  });

  it('lists by room, session and status', async () => {
    const all = await h.hms.recordingAssets.list({ limit: 100 });
    expect(all.items.map((a) => a.id)).toEqual(h.emulator.state.assets().map((a) => a.id));
    expect(all.next).toBeNull();
    const roomId = await h.roomId(SEED_ROOMS.big);
    const vod = (await h.hms.recordingAssets.list({ room_id: roomId, limit: 100 })).items;
    expect(vod.some((a) => a.type === 'room-vod' && Array.isArray(a.thumbnails))).toBe(true);
    const perLayer = vod.filter((a) => a.type === 'room-composite');
    expect(perLayer.map((a) => a.metadata.layer).sort()).toEqual([0, 0, 1, 1, 2, 2]);
    const sessionId = vod[0]?.session_id as string;
    expect(
      (await h.hms.recordingAssets.list({ session_id: sessionId, limit: 100 })).items.every(
        (a) => a.session_id === sessionId,
      ),
    ).toBe(true);
    expect((await h.hms.recordingAssets.list({ status: 'failed' })).items).toEqual([]);
  });
});

describe('live streams', () => {
  it('lists seeded streams; room-vod assets point at their stream', async () => {
    const roomId = await h.roomId(SEED_ROOMS.big);
    const streams = (await h.hms.liveStreams.list({ room_id: roomId })).items;
    expect(streams).toHaveLength(6);
    const [first] = streams;
    const stream = await h.hms.liveStreams.get(first?.id as string);
    expect(stream.playback.url).toMatch(/^https:\/\/.*\.m3u8$/);
    expect(stream.recording).toEqual({ hls_vod: true, single_file_per_layer: true });
    const vod = stream.recording_assets?.find((a) => a.type === 'room-vod');
    expect(vod?.metadata).toMatchObject({ num_layers: '3', max_width: 1920, max_height: 1080 });
    expect((await h.hms.recordingAssets.get(vod?.id as string)).job_id).toBe(stream.id);
    await expectHmsError(h.hms.liveStreams.get('aaaaaaaaaaaaaaaaaaaaaaaa'), 404);
  });

  it('starts with a playback URL, takes timed metadata while running, pauses its recording, and stops', async () => {
    const started = await h.hms.liveStreams.start(live, { recording: { hls_vod: true } });
    expect(started).toMatchObject({
      status: 'starting',
      started_at: null,
      recording: { hls_vod: true, single_file_per_layer: false },
    });
    expect(started.playback.url).toMatch(/master\.m3u8$/);
    await expectHmsError(
      h.hms.liveStreams.sendTimedMetadata(started.id, { payload: 'early', duration: 5 }),
      400,
      /not running/,
    );
    await expectHmsError(h.hms.liveStreams.start(live, {}), 400, /already running/);
    tick();
    expect(
      (await h.hms.liveStreams.sendTimedMetadata(started.id, { payload: 'x'.repeat(100), duration: 10 }))
        .status,
    ).toBe('running');
    for (const body of [
      { payload: 'x'.repeat(101), duration: 5 },
      { payload: 'p' },
      { duration: 5 },
      { payload: '', duration: 5 },
      { payload: 'p', duration: 1.5 },
    ]) {
      await expectHmsError(
        h.hms.request('POST', `/live-streams/${started.id}/timed-metadata`, { body }),
        400,
      );
    }
    expect((await h.hms.liveStreams.pauseRecording(started.id)).id).toBe(started.id);
    await expectHmsError(h.hms.liveStreams.pauseRecording(started.id), 400);
    await h.hms.liveStreams.resumeRecording(started.id);
    tick(60_000);
    expect((await h.hms.liveStreams.stop(started.id)).status).toBe('stopping');
    expect(await h.hms.liveStreams.stopAll(live)).toEqual([]);
    tick(2 * STEP);
    const done = await h.hms.liveStreams.get(started.id);
    expect(done.status).toBe('completed');
    expect(done.recording_assets?.map((a) => a.type)).toEqual(['room-vod']);
  });

  it('refuses a recording pause when the stream records nothing, and stops all for a room', async () => {
    const stream = await h.hms.liveStreams.start(live, {});
    h.emulator.advanceJobs();
    await expectHmsError(h.hms.liveStreams.pauseRecording(stream.id), 400, /not enabled/);
    const stopped = await h.hms.liveStreams.stopAll(live);
    expect(stopped.map((s) => [s.id, s.status])).toEqual([[stream.id, 'stopping']]);
    await expectHmsError(h.hms.liveStreams.start(idle, {}), 400);
  });
});

describe('external streams', () => {
  it('validates rtmp_urls (required, rtmp:// or rtmps://, at most 5) and resolution bounds', async () => {
    for (const body of [
      {},
      { rtmp_urls: [] },
      { rtmp_urls: ['https://a.example/live'] },
      { rtmp_urls: Array.from({ length: 6 }, (_, i) => `rtmp://a.example/live/${i}`) },
      { rtmp_urls: ['rtmp://a.example/live/k'], resolution: { width: 400, height: 300 } },
      { rtmp_urls: ['rtmp://a.example/live/k'], resolution: { width: 2000, height: 1080 } },
      { rtmp_urls: ['rtmp://a.example/live/k'], resolution: { width: 1080, height: 1921 } },
      { rtmp_urls: 'rtmp://a.example/live/k' },
    ]) {
      await expectHmsError(h.hms.request('POST', `/external-streams/room/${live}/start`, { body }), 400);
    }
    const portrait = await h.hms.externalStreams.start(live, {
      rtmp_urls: Array.from({ length: 5 }, (_, i) => `rtmps://a.example:443/live/${i}`),
      resolution: { width: 1080, height: 1920 },
    });
    expect(portrait).toMatchObject({
      status: 'starting',
      resolution: { width: 1080, height: 1920 },
      recording: false,
    });
  });

  it('starts, stops and leaves a room-composite asset when recording', async () => {
    const started = await h.hms.externalStreams.start(live, {
      rtmp_urls: ['rtmp://a.rtmp.youtube.com/live2/key'],
      recording: true,
    });
    expect(started).toMatchObject({
      rtmp_urls: ['rtmp://a.rtmp.youtube.com/live2/key'],
      resolution: { width: 1280, height: 720 },
    });
    tick();
    tick(30_000);
    expect((await h.hms.externalStreams.stop(started.id)).status).toBe('stopping');
    h.emulator.advanceJobs();
    h.emulator.advanceJobs();
    const done = await h.hms.externalStreams.get(started.id);
    expect(done.status).toBe('completed');
    expect(done.recording_assets?.map((a) => a.type)).toEqual(['room-composite']);
    const events = (await h.hms.analytics.listEvents({ room_id: live, beam_id: started.id })).items;
    expect(events.map((e) => e.type)).toEqual(['beam.recording.success']);
  });

  it('lists seeded external streams with and without recording', async () => {
    const roomId = await h.roomId(SEED_ROOMS.externalStreams);
    const streams = (await h.hms.externalStreams.list({ room_id: roomId })).items;
    expect(streams.map((s) => s.status)).toEqual(['completed', 'completed', 'completed', 'failed']);
    const recorded = await h.hms.externalStreams.get(streams[0]?.id as string);
    expect(recorded.recording).toBe(true);
    expect(recorded.recording_assets?.[0]?.type).toBe('room-composite');
    expect((await h.hms.externalStreams.get(streams[1]?.id as string)).recording_assets).toBeNull();
    const stopped = await h.raw(`/external-streams/room/${roomId}/stop`, { method: 'POST' });
    expect(stopped.json).toEqual({ limit: 10, data: [], last: '' });
  });
});
