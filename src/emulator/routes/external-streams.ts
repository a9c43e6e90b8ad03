/** `/v2/external-streams`: RTMP out (https://www.100ms.live/docs/server-side/v2/api-reference/external-streams/overview). */
import { invalidBodyParam } from '../http.js';
import type { ExternalStreamJob } from '../model.js';
import { renderExternalStream } from '../render.js';
import { type RouteContext, route } from '../router.js';
import {
  getJob,
  listJobs,
  readResolution,
  resolveDestination,
  resolveMeetingUrl,
  startPreconditions,
  stopAllForRoom,
  stopById,
} from './jobs.js';

/** The start page says 5, the overview 3 (doc inconsistency): the larger limit is enforced. */
const MAX_RTMP_URLS = 5;

function start(ctx: RouteContext) {
  const { store, params } = ctx;
  const body = ctx.body();
  const rtmpUrls = body.stringArray('rtmp_urls');
  const meetingUrl = body.string('meeting_url');
  const recording = body.bool('recording') ?? false;
  const resolution = readResolution(body.object('resolution'), 'resolution');
  const destination = body.string('destination');
  body.done();
  if (!rtmpUrls || rtmpUrls.length === 0) throw invalidBodyParam('rtmp_urls', 'rtmp_urls is required');
  if (rtmpUrls.length > MAX_RTMP_URLS)
    throw invalidBodyParam('rtmp_urls', `at most ${MAX_RTMP_URLS} RTMP URLs`);
  const bad = rtmpUrls.find((url) => !/^rtmps?:\/\/[^\s/]+\/\S*$/.test(url));
  if (bad !== undefined) throw invalidBodyParam('rtmp_urls', `${bad} is not an rtmp:// or rtmps:// URL`);
  const { room, session } = startPreconditions(store, 'external-stream', params.id as string);
  const now = store.nowUs();
  const job: ExternalStreamJob = {
    kind: 'external-stream',
    id: store.newId(now),
    roomId: room.id,
    sessionId: session.id,
    status: 'starting',
    stepAt: now,
    meetingUrl: resolveMeetingUrl(store, room, meetingUrl),
    destination: resolveDestination(store, room, 'external-stream', destination),
    startedBy: '',
    stoppedBy: '',
    createdAt: now,
    updatedAt: now,
    startedAt: null,
    stoppedAt: null,
    paused: false,
    rtmpUrls,
    recording,
    resolution: resolution ?? { width: 1280, height: 720 },
  };
  store.jobs.set(job.id, job);
  return renderExternalStream(store, job, true);
}

export const externalStreamRoutes = [
  route('GET', '/v2/external-streams', listJobs('external-stream')),
  route('GET', '/v2/external-streams/{id}', getJob('external-stream')),
  route('POST', '/v2/external-streams/room/{id}/start', start),
  route('POST', '/v2/external-streams/{id}/stop', stopById('external-stream')),
  route('POST', '/v2/external-streams/room/{id}/stop', stopAllForRoom('external-stream')),
];
