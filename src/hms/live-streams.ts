/** HLS live streams (reference §4.7). */
import type { LiveStreamsApi } from './api.js';
import { OTHER_LIMITS, pagedResource } from './paginate.js';
import type { Transport } from './transport.js';
import type { JobListQuery, LiveStream, StartLiveStreamBody, TimedMetadataBody } from './types.js';

export function createLiveStreamsApi(transport: Transport): LiveStreamsApi {
  const byId = (route: string) => (streamId: string, options?: Parameters<LiveStreamsApi['get']>[1]) =>
    transport.send<LiveStream>({ method: 'POST', route, params: { id: streamId }, shape: 'object', options });
  return {
    ...pagedResource<LiveStream, JobListQuery>(transport, '/live-streams', OTHER_LIMITS),
    get: (streamId, options) =>
      transport.send<LiveStream>({
        method: 'GET',
        route: '/live-streams/{id}',
        params: { id: streamId },
        shape: 'object',
        options,
      }),
    start: (roomId, body: StartLiveStreamBody = {}, options) =>
      transport.send<LiveStream>({
        method: 'POST',
        route: '/live-streams/room/{id}/start',
        params: { id: roomId },
        body,
        shape: 'object',
        options,
      }),
    stop: byId('/live-streams/{id}/stop'),
    stopAll: (roomId, options) =>
      transport.send<LiveStream[]>({
        method: 'POST',
        route: '/live-streams/room/{id}/stop',
        params: { id: roomId },
        shape: 'data',
        options,
      }),
    // `duration` is in seconds per the docs (the SDK README's 5000 looks like milliseconds).
    sendTimedMetadata: (streamId, body: TimedMetadataBody, options) =>
      transport.send<LiveStream>({
        method: 'POST',
        route: '/live-streams/{id}/timed-metadata',
        params: { id: streamId },
        body: { payload: body.payload, duration: body.duration },
        shape: 'object',
        options,
      }),
    pauseRecording: byId('/live-streams/{id}/pause-recording'),
    resumeRecording: byId('/live-streams/{id}/resume-recording'),
  };
}
