/**
 * Composite recordings (reference §4.4). List items never carry `recording_assets`; `get` is the
 * one call that does. Start/stop/pause/resume are POSTs the client never resends once they may
 * have reached 100ms (see retry.ts).
 */
import type { RecordingsApi } from './api.js';
import { OTHER_LIMITS, pagedResource } from './paginate.js';
import type { Transport } from './transport.js';
import type { JobListQuery, Recording, StartRecordingBody } from './types.js';

export function createRecordingsApi(transport: Transport): RecordingsApi {
  return {
    ...pagedResource<Recording, JobListQuery>(transport, '/recordings', OTHER_LIMITS),
    get: (recordingId, options) =>
      transport.send<Recording>({
        method: 'GET',
        route: '/recordings/{id}',
        params: { id: recordingId },
        shape: 'object',
        options,
      }),
    start: (roomId, body: StartRecordingBody = {}, options) =>
      transport.send<Recording>({
        method: 'POST',
        route: '/recordings/room/{id}/start',
        params: { id: roomId },
        body,
        shape: 'object',
        options,
      }),
    stop: (recordingId, options) =>
      transport.send<Recording>({
        method: 'POST',
        route: '/recordings/{id}/stop',
        params: { id: recordingId },
        shape: 'object',
        options,
      }),
    stopAll: (roomId, options) =>
      transport.send<Recording[]>({
        method: 'POST',
        route: '/recordings/room/{id}/stop',
        params: { id: roomId },
        shape: 'data',
        options,
      }),
    pause: (roomId, options) =>
      transport.send<Recording>({
        method: 'POST',
        route: '/recordings/room/{id}/pause',
        params: { id: roomId },
        shape: 'object',
        options,
      }),
    resume: (roomId, options) =>
      transport.send<Recording>({
        method: 'POST',
        route: '/recordings/room/{id}/resume',
        params: { id: roomId },
        shape: 'object',
        options,
      }),
  };
}
