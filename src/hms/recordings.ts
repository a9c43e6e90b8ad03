/**
 * Composite recordings (https://www.100ms.live/docs/server-side/v2/api-reference/recordings/overview). List items never carry `recording_assets`; `get` is the
 * one call that does. Start/stop/pause/resume are POSTs the client never resends once they may
 * have reached 100ms (see retry.ts).
 */
import type { RecordingsApi } from './api.js';
import type { Send } from './endpoints.js';
import { pagedResource } from './paginate.js';
import type { JobListQuery, Recording } from './types.js';

export function createRecordingsApi(send: Send): RecordingsApi {
  return {
    ...pagedResource<Recording, JobListQuery>(send, 'recordings.list'),
    get: (recordingId, options) => send('recordings.get', { params: { id: recordingId } }, options),
    start: (roomId, body = {}, options) =>
      send('recordings.start', { params: { id: roomId }, body }, options),
    stop: (recordingId, options) => send('recordings.stop', { params: { id: recordingId } }, options),
    stopAll: (roomId, options) => send('recordings.stopAll', { params: { id: roomId } }, options),
    pause: (roomId, options) => send('recordings.pause', { params: { id: roomId } }, options),
    resume: (roomId, options) => send('recordings.resume', { params: { id: roomId } }, options),
  };
}
