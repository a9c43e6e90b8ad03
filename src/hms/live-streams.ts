/** HLS live streams (https://www.100ms.live/docs/server-side/v2/api-reference/live-streams/overview). */
import type { LiveStreamsApi } from './api.js';
import type { Send } from './endpoints.js';
import { pagedResource } from './paginate.js';
import type { JobListQuery, LiveStream } from './types.js';

export function createLiveStreamsApi(send: Send): LiveStreamsApi {
  return {
    ...pagedResource<LiveStream, JobListQuery>(send, 'liveStreams.list'),
    get: (streamId, options) => send('liveStreams.get', { params: { id: streamId } }, options),
    start: (roomId, body = {}, options) =>
      send('liveStreams.start', { params: { id: roomId }, body }, options),
    stop: (streamId, options) => send('liveStreams.stop', { params: { id: streamId } }, options),
    stopAll: (roomId, options) => send('liveStreams.stopAll', { params: { id: roomId } }, options),
    sendTimedMetadata: (streamId, body, options) =>
      send(
        'liveStreams.sendTimedMetadata',
        { params: { id: streamId }, body: { payload: body.payload, duration: body.duration } },
        options,
      ),
    pauseRecording: (streamId, options) =>
      send('liveStreams.pauseRecording', { params: { id: streamId } }, options),
    resumeRecording: (streamId, options) =>
      send('liveStreams.resumeRecording', { params: { id: streamId } }, options),
  };
}
