/** RTMP-out external streams (reference §4.8). */
import type { ExternalStreamsApi } from './api.js';
import { OTHER_LIMITS, pagedResource } from './paginate.js';
import type { Transport } from './transport.js';
import type { ExternalStream, JobListQuery, StartExternalStreamBody } from './types.js';

export function createExternalStreamsApi(transport: Transport): ExternalStreamsApi {
  return {
    ...pagedResource<ExternalStream, JobListQuery>(transport, '/external-streams', OTHER_LIMITS),
    get: (streamId, options) =>
      transport.send<ExternalStream>({
        method: 'GET',
        route: '/external-streams/{id}',
        params: { id: streamId },
        shape: 'object',
        options,
      }),
    start: (roomId, body: StartExternalStreamBody, options) =>
      transport.send<ExternalStream>({
        method: 'POST',
        route: '/external-streams/room/{id}/start',
        params: { id: roomId },
        body,
        shape: 'object',
        options,
      }),
    stop: (streamId, options) =>
      transport.send<ExternalStream>({
        method: 'POST',
        route: '/external-streams/{id}/stop',
        params: { id: streamId },
        shape: 'object',
        options,
      }),
    stopAll: (roomId, options) =>
      transport.send<ExternalStream[]>({
        method: 'POST',
        route: '/external-streams/room/{id}/stop',
        params: { id: roomId },
        shape: 'data',
        options,
      }),
  };
}
