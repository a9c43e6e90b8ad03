/** `/v2/recordings` (https://www.100ms.live/docs/server-side/v2/api-reference/recordings/overview). */

import type { TranscriptionOptions } from '../../hms/types.js';
import { badRequest, notFound } from '../http.js';
import type { RecordingJob, RoomRecord, SessionRecord } from '../model.js';
import { renderRecording } from '../render.js';
import { type RouteContext, route } from '../router.js';
import { plannedAssetTypes, type Store } from '../store.js';
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

/** A new recording job in `starting`, after the preconditions passed (also used by the simulation). */
export function createRecordingJob(
  store: Store,
  room: RoomRecord,
  session: SessionRecord,
  options: {
    meetingUrl: string;
    destination?: string;
    audioOnly?: boolean;
    resolution?: { width: number; height: number };
    transcription?: TranscriptionOptions | null;
  },
): RecordingJob {
  const now = store.nowUs();
  const job: RecordingJob = {
    kind: 'recording',
    id: store.newId(now),
    roomId: room.id,
    sessionId: session.id,
    status: 'starting',
    stepAt: now,
    meetingUrl: options.meetingUrl,
    destination: options.destination ?? '',
    startedBy: '',
    stoppedBy: '',
    createdAt: now,
    updatedAt: now,
    startedAt: null,
    stoppedAt: null,
    paused: false,
    audioOnly: options.audioOnly ?? false,
    resolution: options.resolution ?? { width: 1280, height: 720 },
    transcription: options.transcription ?? null,
    assetTypes: plannedAssetTypes(options.transcription ?? null),
  };
  store.jobs.set(job.id, job);
  return job;
}

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
  const job = createRecordingJob(store, room, session, {
    meetingUrl: resolveMeetingUrl(store, room, meetingUrl),
    destination: resolveDestination(store, room, 'recording', destination),
    audioOnly,
    resolution,
    transcription,
  });
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
