/**
 * The `HmsApi` surface built from any `Send`: the real client's, the cached one's, or a caller's
 * room-confined one. Every method is a thin wrapper of one catalogue entry, so a view built on a
 * guarded `Send` is guarded everywhere, including methods added later.
 */
import { createActiveRoomsApi } from './active-rooms.js';
import { createAnalyticsApi } from './analytics.js';
import type { HmsApi } from './api.js';
import type { Send } from './endpoints.js';
import { createExternalStreamsApi } from './external-streams.js';
import { createLiveStreamsApi } from './live-streams.js';
import { createRecordingAssetsApi } from './recording-assets.js';
import { createRecordingsApi } from './recordings.js';
import { createRoomCodesApi } from './room-codes.js';
import { createRoomsApi } from './rooms.js';
import { createSessionsApi } from './sessions.js';
import { createTemplatesApi } from './templates.js';

/** What is not a catalogue endpoint: the management token and the raw escape hatch. */
export type ApiExtras = Pick<HmsApi, 'request'> & { managementToken(): Promise<string> };

export function createApi(send: Send, extras: ApiExtras): HmsApi {
  return {
    rooms: createRoomsApi(send),
    sessions: createSessionsApi(send),
    activeRooms: createActiveRoomsApi(send),
    recordings: createRecordingsApi(send),
    recordingAssets: createRecordingAssetsApi(send),
    roomCodes: createRoomCodesApi(send),
    liveStreams: createLiveStreamsApi(send),
    externalStreams: createExternalStreamsApi(send),
    analytics: createAnalyticsApi(send),
    templates: createTemplatesApi(send),
    tokens: {
      managementToken: () => extras.managementToken(),
      appToken: (options) => send('tokens.appToken', { body: options }),
    },
    request: extras.request,
  };
}
