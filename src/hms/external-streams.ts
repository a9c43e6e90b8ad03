/** RTMP-out external streams (https://www.100ms.live/docs/server-side/v2/api-reference/external-streams/overview). */
import type { ExternalStreamsApi } from './api.js';
import type { Send } from './endpoints.js';
import { pagedResource } from './paginate.js';
import type { ExternalStream, JobListQuery } from './types.js';

export function createExternalStreamsApi(send: Send): ExternalStreamsApi {
  return {
    ...pagedResource<ExternalStream, JobListQuery>(send, 'externalStreams.list'),
    get: (streamId, options) => send('externalStreams.get', { params: { id: streamId } }, options),
    start: (roomId, body, options) =>
      send('externalStreams.start', { params: { id: roomId }, body }, options),
    stop: (streamId, options) => send('externalStreams.stop', { params: { id: streamId } }, options),
    stopAll: (roomId, options) => send('externalStreams.stopAll', { params: { id: roomId } }, options),
  };
}
