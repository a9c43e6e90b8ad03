/** `/v2/recordings` (reference §4.4). */
import { badRequest, notFound } from '../http.js';
import type { RecordingJob } from '../model.js';
import { renderRecording } from '../render.js';
import { type RouteContext, route } from '../router.js';
import type { Store } from '../store.js';
import {
  getJob,
  jobsOf,
  listJobs,
  readResolution,
  readTranscription,
  resolveDestination,
  resolveMeetingUrl,
  startPreconditions,
  stopAllForRoom,
  stopById,
} from './jobs.js';
import { findRoom } from './rooms.js';

function start(ctx: RouteContext) {
  const { store, params } = ctx;
  const body = ctx.body();
  const meetingUrl = body.string('meeting_url');
  const resolution = readResolution(body.object('resolution'), 'resolution');
  const destination = body.string('destination');
  const audioOnly = body.bool('audio_only') ?? false;
  const transcription = readTranscription(body.object('transcription'), ['recorded']);
  body.done();
  const { room, session } = startPreconditions(store, 'recording', params.id as string);
  const now = store.nowUs();
  const job: RecordingJob = {
    kind: 'recording',
    id: store.newId(now),
    roomId: room.id,
    sessionId: session.id,
    status: 'starting',
    stepAt: now,
    meetingUrl: resolveMeetingUrl(store, room, meetingUrl),
    destination: resolveDestination(store, room, 'recording', destination),
    startedBy: '',
    stoppedBy: '',
    createdAt: now,
    updatedAt: now,
    startedAt: null,
    stoppedAt: null,
    paused: false,
    audioOnly,
    resolution: resolution ?? { width: 1280, height: 720 },
    transcription,
    assetTypes: null,
  };
  store.jobs.set(job.id, job);
  return renderRecording(store, job, true);
}

/**
 * Pause and resume act on the room's running recording. With none running the answer is 404
 * (there is no such recording); pausing twice or resuming an unpaused one is a 400 (inferred:
 * the docs show only the success case).
 */
function runningRecording(store: Store, roomId: string): RecordingJob {
  const room = findRoom(store, roomId);
  const job = jobsOf(store, 'recording').find(
    (candidate) => candidate.roomId === room.id && candidate.status === 'running',
  );
  if (!job) throw notFound('Error: recording not found', `room ${room.id} has no running recording`);
  return job;
}

function setPaused(paused: boolean) {
  return (ctx: RouteContext) => {
    const { store, params } = ctx;
    ctx.body().done();
    const job = runningRecording(store, params.id as string);
    if (job.paused === paused)
      throw badRequest(paused ? 'Error: recording already paused' : 'Error: recording is not paused');
    job.paused = paused;
    job.updatedAt = store.nowUs();
    return renderRecording(store, job, true);
  };
}

export const recordingRoutes = [
  route('GET', '/v2/recordings', listJobs('recording')),
  route('GET', '/v2/recordings/{id}', getJob('recording')),
  route('POST', '/v2/recordings/room/{id}/start', start),
  route('POST', '/v2/recordings/{id}/stop', stopById('recording')),
  route('POST', '/v2/recordings/room/{id}/stop', stopAllForRoom('recording')),
  route('POST', '/v2/recordings/room/{id}/pause', setPaused(true)),
  route('POST', '/v2/recordings/room/{id}/resume', setPaused(false)),
];
