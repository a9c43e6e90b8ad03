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

/**
 * The surface over `send`. Each resource is built on first use: a request builds its own
 * (room-confined, budgeted) surface, and most requests touch one or two resources, so building
 * all ten up front was ~17 KB of garbage per request (a third of a cache-hit query's own).
 */
export function createApi(send: Send, extras: ApiExtras): HmsApi {
  return new Surface(send, extras);
}

/** The same surface as a plain object with every resource built (for spreading into the client). */
export function builtApi(api: HmsApi): HmsApi {
  return {
    rooms: api.rooms,
    sessions: api.sessions,
    activeRooms: api.activeRooms,
    recordings: api.recordings,
    recordingAssets: api.recordingAssets,
    roomCodes: api.roomCodes,
    liveStreams: api.liveStreams,
    externalStreams: api.externalStreams,
    analytics: api.analytics,
    templates: api.templates,
    tokens: api.tokens,
    request: api.request,
  };
}

class Surface implements HmsApi {
  readonly #send: Send;
  readonly #extras: ApiExtras;
  #rooms?: HmsApi['rooms'];
  #sessions?: HmsApi['sessions'];
  #activeRooms?: HmsApi['activeRooms'];
  #recordings?: HmsApi['recordings'];
  #recordingAssets?: HmsApi['recordingAssets'];
  #roomCodes?: HmsApi['roomCodes'];
  #liveStreams?: HmsApi['liveStreams'];
  #externalStreams?: HmsApi['externalStreams'];
  #analytics?: HmsApi['analytics'];
  #templates?: HmsApi['templates'];
  #tokens?: HmsApi['tokens'];

  constructor(send: Send, extras: ApiExtras) {
    this.#send = send;
    this.#extras = extras;
  }

  get rooms() {
    this.#rooms ??= createRoomsApi(this.#send);
    return this.#rooms;
  }
  get sessions() {
    this.#sessions ??= createSessionsApi(this.#send);
    return this.#sessions;
  }
  get activeRooms() {
    this.#activeRooms ??= createActiveRoomsApi(this.#send);
    return this.#activeRooms;
  }
  get recordings() {
    this.#recordings ??= createRecordingsApi(this.#send);
    return this.#recordings;
  }
  get recordingAssets() {
    this.#recordingAssets ??= createRecordingAssetsApi(this.#send);
    return this.#recordingAssets;
  }
  get roomCodes() {
    this.#roomCodes ??= createRoomCodesApi(this.#send);
    return this.#roomCodes;
  }
  get liveStreams() {
    this.#liveStreams ??= createLiveStreamsApi(this.#send);
    return this.#liveStreams;
  }
  get externalStreams() {
    this.#externalStreams ??= createExternalStreamsApi(this.#send);
    return this.#externalStreams;
  }
  get analytics() {
    this.#analytics ??= createAnalyticsApi(this.#send);
    return this.#analytics;
  }
  get templates() {
    this.#templates ??= createTemplatesApi(this.#send);
    return this.#templates;
  }
  get tokens() {
    const send = this.#send;
    const extras = this.#extras;
    this.#tokens ??= {
      managementToken: () => extras.managementToken(),
      appToken: (options) => send('tokens.appToken', { body: options }),
    };
    return this.#tokens;
  }
  get request() {
    return this.#extras.request;
  }
}
