/** `/v2/live-streams`: HLS (https://www.100ms.live/docs/server-side/v2/api-reference/live-streams/overview). */
import { badRequest, invalidBodyParam } from '../http.js';
import type { LiveStreamJob } from '../model.js';
import { renderLiveStream } from '../render.js';
import { type RouteContext, route } from '../router.js';
import { US_PER_SECOND } from '../time.js';
import {
  findJob,
  getJob,
  listJobs,
  readTranscription,
  requireRunning,
  resolveDestination,
  resolveMeetingUrl,
  startPreconditions,
  stopAllForRoom,
  stopById,
} from './jobs.js';

function start(ctx: RouteContext) {
  const { store, params } = ctx;
  const body = ctx.body();
  const meetingUrl = body.string('meeting_url');
  const recording = body.object('recording');
  const hlsVod = recording?.bool('hls_vod') ?? false;
  const singleFilePerLayer = recording?.bool('single_file_per_layer') ?? false;
  recording?.done();
  const destination = body.string('destination');
  const transcription = readTranscription(body.object('transcription'), ['recorded', 'live']);
  body.done();
  const { room, session } = startPreconditions(store, 'live-stream', params.id as string);
  const now = store.nowUs();
  const id = store.newId(now);
  const day = new Date(now / 1000).toISOString().slice(0, 10).replace(/-/g, '');
  const region = room.region === 'us' || room.region === 'eu' ? room.region : 'in';
  const job: LiveStreamJob = {
    kind: 'live-stream',
    id,
    roomId: room.id,
    sessionId: session.id,
    status: 'starting',
    stepAt: now,
    meetingUrl: resolveMeetingUrl(store, room, meetingUrl),
    destination: resolveDestination(store, room, 'live-stream', destination),
    startedBy: '',
    stoppedBy: '',
    createdAt: now,
    updatedAt: now,
    startedAt: null,
    stoppedAt: null,
    paused: false,
    hlsVod,
    singleFilePerLayer,
    // The playback URL exists from the start: players can load it while the stream warms up.
    playbackUrl: `https://cdn-${region}.100ms.live/beam/${store.customerId}/${room.id}/${day}/${Math.floor(now / US_PER_SECOND)}/master.m3u8`,
    transcription,
    timedMetadata: [],
  };
  store.jobs.set(job.id, job);
  return renderLiveStream(store, job, true);
}

function timedMetadata(ctx: RouteContext) {
  const { store, params } = ctx;
  const body = ctx.body();
  const payload = body.string('payload');
  const duration = body.int('duration');
  body.done();
  if (payload === undefined || payload === '') throw invalidBodyParam('payload', 'payload is required');
  if ([...payload].length > 100) throw invalidBodyParam('payload', 'payload must be at most 100 characters');
  if (duration === undefined) throw invalidBodyParam('duration', 'duration is required');
  if (duration < 1) throw invalidBodyParam('duration', 'duration must be a positive number of seconds');
  const job = findJob(store, 'live-stream', params.id as string);
  requireRunning(job);
  job.timedMetadata.push({ payload, duration, at: store.nowUs() });
  return renderLiveStream(store, job, true);
}

function setRecordingPaused(paused: boolean) {
  return (ctx: RouteContext) => {
    const { store, params } = ctx;
    ctx.body().done();
    const job = findJob(store, 'live-stream', params.id as string);
    requireRunning(job);
    if (!job.hlsVod && !job.singleFilePerLayer)
      throw badRequest('Error: recording is not enabled for this live stream');
    if (job.paused === paused)
      throw badRequest(paused ? 'Error: recording already paused' : 'Error: recording is not paused');
    job.paused = paused;
    job.updatedAt = store.nowUs();
    return renderLiveStream(store, job, true);
  };
}

export const liveStreamRoutes = [
  route('GET', '/v2/live-streams', listJobs('live-stream')),
  route('GET', '/v2/live-streams/{id}', getJob('live-stream')),
  route('POST', '/v2/live-streams/room/{id}/start', start),
  route('POST', '/v2/live-streams/{id}/stop', stopById('live-stream')),
  route('POST', '/v2/live-streams/room/{id}/stop', stopAllForRoom('live-stream')),
  route('POST', '/v2/live-streams/{id}/timed-metadata', timedMetadata),
  route('POST', '/v2/live-streams/{id}/pause-recording', setRecordingPaused(true)),
  route('POST', '/v2/live-streams/{id}/resume-recording', setRecordingPaused(false)),
];
