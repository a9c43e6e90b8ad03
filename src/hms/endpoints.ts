/**
 * The catalogue: every 100ms endpoint this client uses, declared once as data (the way
 * stripe-node declares `stripeMethod` specs). From it are derived:
 * - the client: `createEndpointSender` turns a name and its arguments into one HTTP call;
 *   the per-resource modules (`rooms.ts`, ...) are thin wrappers of that sender;
 * - room confinement (`src/loaders/confine.ts`): one guard driven by each entry's `room` policy;
 * - the shared entity cache (`src/loaders/cached-api.ts`): driven by each entry's `cache` rule;
 * - the upstream-call estimate (`src/cost.ts`): list page sizes and policy overheads come from here.
 *
 * `room` is required: an entry without a room policy does not type-check, so confinement denies by
 * default. Public docs of each endpoint: https://www.100ms.live/docs/server-side/v2/api-reference/
 */
import type { AppToken, AppTokenOptions, HttpMethod, Page } from './api.js';
import type { ResponseShape } from './parse.js';
import type {
  ActivePeer,
  ActivePeerWithTracks,
  ActiveRoom,
  AnalyticsEvent,
  AnalyticsQuery,
  AssetListQuery,
  CreateRoomBody,
  ExternalStream,
  JobListQuery,
  ListActivePeersQuery,
  ListRoomCodesQuery,
  ListRoomsQuery,
  ListSessionsQuery,
  LiveStream,
  MessageResponse,
  PageQuery,
  PeerStats,
  Poll,
  PollBody,
  PollList,
  PollListQuery,
  PollOptionDto,
  PollQuestionDto,
  PollResponse,
  PollResult,
  PollRun,
  PresignedUrl,
  Recording,
  RecordingAsset,
  RecordingConfig,
  Room,
  RoomCode,
  Session,
  StartExternalStreamBody,
  StartLiveStreamBody,
  StartRecordingBody,
  StreamKey,
  Template,
  TemplateBody,
  TemplateRole,
  UpdateRoomBody,
  WebhookHistory,
  WebhookHistoryQuery,
  WebhookReplayBody,
  WebhookReplayStarted,
  WebhookReplayStatus,
} from './types.js';

/** Page sizes the API documents (https://www.100ms.live/docs/server-side/v2/introduction/request-and-response#pagination and each list page): what `limit` is clamped to before sending. */
export interface LimitRange {
  min: number;
  max: number;
}
/** Rooms, sessions and templates document 10–100. */
export const STANDARD_LIMITS: LimitRange = { min: 10, max: 100 };
/** `GET /analytics/events` documents 1–100. */
export const ANALYTICS_LIMITS: LimitRange = { min: 1, max: 100 };
/** Recordings, assets, streams and room codes document no range; 100 is the API-wide ceiling. */
export const OTHER_LIMITS: LimitRange = { min: 1, max: 100 };

/**
 * How the room an endpoint touches is found, for callers confined by `hms_rooms`:
 * - `{ from: 'path', param }`: a path parameter is the room id.
 * - `{ from: 'query', param }`: a list with a room filter. A filter outside the caller's rooms is
 *   an empty list (`required`: a 404); no filter means one list per allowed room, merged newest
 *   first, so the cost is bounded by the caller's rooms, not the workspace.
 * - `{ from: 'body', field }`: a body field is the room id (app tokens: the token's room).
 * - `{ from: 'lookup', endpoint, param | field }`: the object is fetched first with `endpoint`
 *   (its `room_id` decides); when `endpoint` is itself room-scoped (a per-room list) it is searched
 *   in each allowed room for an item whose `field` equals the argument.
 * - `{ from: 'result' }`: a read whose answer carries `room_id`; outside, it looks missing.
 * - `{ from: 'rooms', endpoint }`: the items are rooms; a confined list is its rooms, by id.
 * - `{ from: 'attached', field, param }`: a workspace object that rooms refer to by id (polls: the
 *   room's `polls`): visible when one of the caller's rooms lists `params[param]` in `field`.
 * - `'workspace'`: workspace-wide objects (templates): a confined caller sees those its rooms use.
 * - `'admin'`: callers without `hms_rooms` only (creating rooms and polls, template writes,
 *   webhook history and replays).
 */
export type RoomPolicy =
  | { readonly from: 'path'; readonly param: string }
  | { readonly from: 'query'; readonly param: string; readonly required?: boolean }
  | { readonly from: 'body'; readonly field: string }
  | { readonly from: 'lookup'; readonly endpoint: string; readonly param: string }
  | { readonly from: 'lookup'; readonly endpoint: string; readonly field: string }
  | { readonly from: 'result' }
  | { readonly from: 'rooms'; readonly endpoint: string }
  | { readonly from: 'attached'; readonly field: 'polls'; readonly param: string }
  | 'workspace'
  | 'admin';

/** Kinds of the shared entity cache (see `src/cache.ts`), and which TTL rule applies. */
export type CacheKindName =
  | 'room'
  | 'template'
  | 'session'
  | 'recording'
  | 'liveStream'
  | 'externalStream'
  | 'recordingAsset';
export type CacheTtlName = 'room' | 'template' | 'session' | 'job' | 'asset';

/**
 * `byId`: answers of this GET are cached under `params.id`. `writeThrough`: items of this list are
 * stored under their id (never read from the cache: a list is always fresh).
 */
export interface CacheRule {
  readonly mode: 'byId' | 'writeThrough';
  readonly kind: CacheKindName;
  readonly ttl: CacheTtlName;
}

/**
 * Upstream calls per use: `call` = one HTTP call; `pages` = one call per `pageSize` items asked
 * for; `local` = no HTTP call at all (signed here).
 */
export type CostRule =
  | { readonly kind: 'call' }
  | { readonly kind: 'pages'; readonly pageSize: number }
  | { readonly kind: 'local' };

const CALL: CostRule = { kind: 'call' };
const PAGES: CostRule = { kind: 'pages', pageSize: 100 };

declare const wireTypes: unique symbol;

/** Request and response wire types of an endpoint (snake_case, exactly as 100ms sends them). */
export interface Wire {
  params?: Record<string, string>;
  query?: object;
  body?: unknown;
  response: unknown;
}

export interface EndpointSpec<W extends Wire = Wire> {
  /** `LOCAL`: computed in-process (app tokens), never sent. */
  readonly method: HttpMethod | 'LOCAL';
  /** Relative to the base URL, `{name}` placeholders; also the metrics/log label. */
  readonly route: string;
  /** What a 2xx answer must look like (`parse.ts`). */
  readonly shape: ResponseShape;
  /** A read that may be repeated freely; anything else is a write (refused, not hidden). */
  readonly safe: boolean;
  readonly room: RoomPolicy;
  readonly cache: CacheRule | null;
  readonly cost: CostRule;
  /** Clamp for `query.limit` on list endpoints. */
  readonly limits?: LimitRange;
  /** Type-level only: never present at run time. */
  readonly [wireTypes]?: W;
}

/** Declares one endpoint with its wire types: `endpoint<{ params: ...; response: ... }>()({ ... })`. */
function endpoint<W extends Wire>() {
  return <const S extends EndpointSpec<W>>(spec: S): S & EndpointSpec<W> => spec;
}

type Id = { id: string };
type RoomPath = { id: string };

export const ENDPOINTS = {
  'rooms.list': endpoint<{ query: ListRoomsQuery; response: Page<Room> }>()({
    method: 'GET',
    route: '/rooms',
    shape: 'list',
    safe: true,
    room: { from: 'rooms', endpoint: 'rooms.get' },
    cache: { mode: 'writeThrough', kind: 'room', ttl: 'room' },
    cost: PAGES,
    limits: STANDARD_LIMITS,
  }),
  'rooms.get': endpoint<{ params: Id; response: Room }>()({
    method: 'GET',
    route: '/rooms/{id}',
    shape: 'object',
    safe: true,
    room: { from: 'path', param: 'id' },
    cache: { mode: 'byId', kind: 'room', ttl: 'room' },
    cost: CALL,
  }),
  // An upsert by name: creating an existing name reconfigures that room (https://www.100ms.live/docs/server-side/v2/api-reference/Rooms/create-via-api).
  'rooms.create': endpoint<{ body: CreateRoomBody; response: Room }>()({
    method: 'POST',
    route: '/rooms',
    shape: 'object',
    safe: false,
    room: 'admin',
    cache: null,
    cost: CALL,
  }),
  'rooms.update': endpoint<{ params: Id; body: UpdateRoomBody; response: Room }>()({
    method: 'POST',
    route: '/rooms/{id}',
    shape: 'object',
    safe: false,
    room: { from: 'path', param: 'id' },
    cache: null,
    cost: CALL,
  }),

  'sessions.list': endpoint<{ query: ListSessionsQuery; response: Page<Session> }>()({
    method: 'GET',
    route: '/sessions',
    shape: 'list',
    safe: true,
    room: { from: 'query', param: 'room_id' },
    cache: { mode: 'writeThrough', kind: 'session', ttl: 'session' },
    cost: PAGES,
    limits: STANDARD_LIMITS,
  }),
  'sessions.get': endpoint<{ params: Id; response: Session }>()({
    method: 'GET',
    route: '/sessions/{id}',
    shape: 'object',
    safe: true,
    room: { from: 'result' },
    cache: { mode: 'byId', kind: 'session', ttl: 'session' },
    cost: CALL,
  }),

  'activeRooms.get': endpoint<{ params: RoomPath; response: ActiveRoom }>()({
    method: 'GET',
    route: '/active-rooms/{id}',
    shape: 'object',
    safe: true,
    room: { from: 'path', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  'activeRooms.listPeers': endpoint<{
    params: RoomPath;
    query: ListActivePeersQuery;
    response: Record<string, ActivePeer>;
  }>()({
    method: 'GET',
    route: '/active-rooms/{id}/peers',
    shape: 'peers',
    safe: true,
    room: { from: 'path', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  'activeRooms.getPeer': endpoint<{
    params: { id: string; peer_id: string };
    response: ActivePeerWithTracks;
  }>()({
    method: 'GET',
    route: '/active-rooms/{id}/peers/{peer_id}',
    shape: 'object',
    safe: true,
    room: { from: 'path', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  'activeRooms.updatePeer': endpoint<{
    params: { id: string; peer_id: string };
    body: Record<string, unknown>;
    response: ActivePeerWithTracks;
  }>()({
    method: 'POST',
    route: '/active-rooms/{id}/peers/{peer_id}',
    shape: 'object',
    safe: false,
    room: { from: 'path', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  'activeRooms.sendMessage': endpoint<{
    params: RoomPath;
    body: Record<string, unknown>;
    response: MessageResponse;
  }>()({
    method: 'POST',
    route: '/active-rooms/{id}/send-message',
    shape: 'object',
    safe: false,
    room: { from: 'path', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  'activeRooms.removePeers': endpoint<{
    params: RoomPath;
    body: Record<string, unknown>;
    response: MessageResponse;
  }>()({
    method: 'POST',
    route: '/active-rooms/{id}/remove-peers',
    shape: 'object',
    safe: false,
    room: { from: 'path', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  'activeRooms.end': endpoint<{
    params: RoomPath;
    body: Record<string, unknown>;
    response: MessageResponse;
  }>()({
    method: 'POST',
    route: '/active-rooms/{id}/end-room',
    shape: 'object',
    safe: false,
    room: { from: 'path', param: 'id' },
    cache: null,
    cost: CALL,
  }),

  'recordings.list': endpoint<{ query: JobListQuery; response: Page<Recording> }>()({
    method: 'GET',
    route: '/recordings',
    shape: 'list',
    safe: true,
    room: { from: 'query', param: 'room_id' },
    // List items never carry `recording_assets`; only by-id answers are cached.
    cache: null,
    cost: PAGES,
    limits: OTHER_LIMITS,
  }),
  'recordings.get': endpoint<{ params: Id; response: Recording }>()({
    method: 'GET',
    route: '/recordings/{id}',
    shape: 'object',
    safe: true,
    room: { from: 'result' },
    cache: { mode: 'byId', kind: 'recording', ttl: 'job' },
    cost: CALL,
  }),
  'recordings.start': endpoint<{ params: RoomPath; body: StartRecordingBody; response: Recording }>()({
    method: 'POST',
    route: '/recordings/room/{id}/start',
    shape: 'object',
    safe: false,
    room: { from: 'path', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  'recordings.stop': endpoint<{ params: Id; response: Recording }>()({
    method: 'POST',
    route: '/recordings/{id}/stop',
    shape: 'object',
    safe: false,
    room: { from: 'lookup', endpoint: 'recordings.get', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  'recordings.stopAll': endpoint<{ params: RoomPath; response: Recording[] }>()({
    method: 'POST',
    route: '/recordings/room/{id}/stop',
    shape: 'data',
    safe: false,
    room: { from: 'path', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  'recordings.pause': endpoint<{ params: RoomPath; response: Recording }>()({
    method: 'POST',
    route: '/recordings/room/{id}/pause',
    shape: 'object',
    safe: false,
    room: { from: 'path', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  'recordings.resume': endpoint<{ params: RoomPath; response: Recording }>()({
    method: 'POST',
    route: '/recordings/room/{id}/resume',
    shape: 'object',
    safe: false,
    room: { from: 'path', param: 'id' },
    cache: null,
    cost: CALL,
  }),

  'recordingAssets.list': endpoint<{ query: AssetListQuery; response: Page<RecordingAsset> }>()({
    method: 'GET',
    route: '/recording-assets',
    shape: 'list',
    safe: true,
    room: { from: 'query', param: 'room_id' },
    cache: { mode: 'writeThrough', kind: 'recordingAsset', ttl: 'asset' },
    cost: PAGES,
    limits: OTHER_LIMITS,
  }),
  'recordingAssets.get': endpoint<{ params: Id; response: RecordingAsset }>()({
    method: 'GET',
    route: '/recording-assets/{id}',
    shape: 'object',
    safe: true,
    room: { from: 'result' },
    cache: { mode: 'byId', kind: 'recordingAsset', ttl: 'asset' },
    cost: CALL,
  }),
  // Presigned URLs are per caller and short-lived: never cached or shared.
  'recordingAssets.presignedUrl': endpoint<{
    params: Id;
    query: { presign_duration?: number };
    response: PresignedUrl;
  }>()({
    method: 'GET',
    route: '/recording-assets/{id}/presigned-url',
    shape: 'object',
    safe: true,
    room: { from: 'lookup', endpoint: 'recordingAssets.get', param: 'id' },
    cache: null,
    cost: CALL,
  }),

  'roomCodes.list': endpoint<{ params: RoomPath; query: ListRoomCodesQuery; response: Page<RoomCode> }>()({
    method: 'GET',
    route: '/room-codes/room/{id}',
    shape: 'list',
    safe: true,
    room: { from: 'path', param: 'id' },
    cache: null,
    cost: PAGES,
    limits: OTHER_LIMITS,
  }),
  'roomCodes.create': endpoint<{ params: RoomPath; response: RoomCode[] }>()({
    method: 'POST',
    route: '/room-codes/room/{id}',
    shape: 'data',
    safe: false,
    room: { from: 'path', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  'roomCodes.createForRole': endpoint<{ params: { id: string; role: string }; response: RoomCode }>()({
    method: 'POST',
    route: '/room-codes/room/{id}/role/{role}',
    shape: 'object',
    safe: false,
    room: { from: 'path', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  // No get-by-code endpoint: the code is looked for among the caller's rooms' codes.
  'roomCodes.setEnabled': endpoint<{ body: { code: string; enabled: boolean }; response: RoomCode }>()({
    method: 'POST',
    route: '/room-codes/code',
    shape: 'object',
    safe: false,
    room: { from: 'lookup', endpoint: 'roomCodes.list', field: 'code' },
    cache: null,
    cost: CALL,
  }),

  'liveStreams.list': endpoint<{ query: JobListQuery; response: Page<LiveStream> }>()({
    method: 'GET',
    route: '/live-streams',
    shape: 'list',
    safe: true,
    room: { from: 'query', param: 'room_id' },
    cache: null,
    cost: PAGES,
    limits: OTHER_LIMITS,
  }),
  'liveStreams.get': endpoint<{ params: Id; response: LiveStream }>()({
    method: 'GET',
    route: '/live-streams/{id}',
    shape: 'object',
    safe: true,
    room: { from: 'result' },
    cache: { mode: 'byId', kind: 'liveStream', ttl: 'job' },
    cost: CALL,
  }),
  'liveStreams.start': endpoint<{ params: RoomPath; body: StartLiveStreamBody; response: LiveStream }>()({
    method: 'POST',
    route: '/live-streams/room/{id}/start',
    shape: 'object',
    safe: false,
    room: { from: 'path', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  'liveStreams.stop': endpoint<{ params: Id; response: LiveStream }>()({
    method: 'POST',
    route: '/live-streams/{id}/stop',
    shape: 'object',
    safe: false,
    room: { from: 'lookup', endpoint: 'liveStreams.get', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  'liveStreams.stopAll': endpoint<{ params: RoomPath; response: LiveStream[] }>()({
    method: 'POST',
    route: '/live-streams/room/{id}/stop',
    shape: 'data',
    safe: false,
    room: { from: 'path', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  // `duration` is in seconds per the docs (the SDK README's 5000 looks like milliseconds).
  'liveStreams.sendTimedMetadata': endpoint<{
    params: Id;
    body: { payload: string; duration?: number };
    response: LiveStream;
  }>()({
    method: 'POST',
    route: '/live-streams/{id}/timed-metadata',
    shape: 'object',
    safe: false,
    room: { from: 'lookup', endpoint: 'liveStreams.get', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  'liveStreams.pauseRecording': endpoint<{ params: Id; response: LiveStream }>()({
    method: 'POST',
    route: '/live-streams/{id}/pause-recording',
    shape: 'object',
    safe: false,
    room: { from: 'lookup', endpoint: 'liveStreams.get', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  'liveStreams.resumeRecording': endpoint<{ params: Id; response: LiveStream }>()({
    method: 'POST',
    route: '/live-streams/{id}/resume-recording',
    shape: 'object',
    safe: false,
    room: { from: 'lookup', endpoint: 'liveStreams.get', param: 'id' },
    cache: null,
    cost: CALL,
  }),

  'externalStreams.list': endpoint<{ query: JobListQuery; response: Page<ExternalStream> }>()({
    method: 'GET',
    route: '/external-streams',
    shape: 'list',
    safe: true,
    room: { from: 'query', param: 'room_id' },
    cache: null,
    cost: PAGES,
    limits: OTHER_LIMITS,
  }),
  'externalStreams.get': endpoint<{ params: Id; response: ExternalStream }>()({
    method: 'GET',
    route: '/external-streams/{id}',
    shape: 'object',
    safe: true,
    room: { from: 'result' },
    cache: { mode: 'byId', kind: 'externalStream', ttl: 'job' },
    cost: CALL,
  }),
  'externalStreams.start': endpoint<{
    params: RoomPath;
    body: StartExternalStreamBody;
    response: ExternalStream;
  }>()({
    method: 'POST',
    route: '/external-streams/room/{id}/start',
    shape: 'object',
    safe: false,
    room: { from: 'path', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  'externalStreams.stop': endpoint<{ params: Id; response: ExternalStream }>()({
    method: 'POST',
    route: '/external-streams/{id}/stop',
    shape: 'object',
    safe: false,
    room: { from: 'lookup', endpoint: 'externalStreams.get', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  'externalStreams.stopAll': endpoint<{ params: RoomPath; response: ExternalStream[] }>()({
    method: 'POST',
    route: '/external-streams/room/{id}/stop',
    shape: 'data',
    safe: false,
    room: { from: 'path', param: 'id' },
    cache: null,
    cost: CALL,
  }),

  // `room_id` is required; `type` repeats (`type=a&type=b`); pages continue with `start=<next>`.
  'analytics.events': endpoint<{
    query: AnalyticsQuery;
    response: Page<AnalyticsEvent> & { total: number };
  }>()({
    method: 'GET',
    route: '/analytics/events',
    shape: 'analytics',
    safe: true,
    room: { from: 'query', param: 'room_id', required: true },
    cache: null,
    cost: PAGES,
    limits: ANALYTICS_LIMITS,
  }),

  // Their JSON keys are camelCase, unlike the rest of the API (https://www.100ms.live/docs/server-side/v2/api-reference/policy/template-object).
  'templates.list': endpoint<{ query: PageQuery; response: Page<Template> }>()({
    method: 'GET',
    route: '/templates',
    shape: 'list',
    safe: true,
    room: 'workspace',
    cache: { mode: 'writeThrough', kind: 'template', ttl: 'template' },
    cost: PAGES,
    limits: STANDARD_LIMITS,
  }),
  'templates.get': endpoint<{ params: Id; response: Template }>()({
    method: 'GET',
    route: '/templates/{id}',
    shape: 'object',
    safe: true,
    room: 'workspace',
    cache: { mode: 'byId', kind: 'template', ttl: 'template' },
    cost: CALL,
  }),

  /* Template writes and sub-resources (https://www.100ms.live/docs/server-side/v2/api-reference/policy/create-template-via-api).
     Writes change every room using the template: unconfined callers only. */
  'templates.create': endpoint<{ body: TemplateBody; response: Template }>()({
    method: 'POST',
    route: '/templates',
    shape: 'object',
    safe: false,
    room: 'admin',
    cache: null,
    cost: CALL,
  }),
  // Overwrites the whole template (roles and settings required): the gateway gets, merges, posts.
  'templates.replace': endpoint<{ params: Id; body: TemplateBody; response: Template }>()({
    method: 'POST',
    route: '/templates/{id}',
    shape: 'object',
    safe: false,
    room: 'admin',
    cache: null,
    cost: CALL,
  }),
  'templates.upsertRole': endpoint<{
    params: { id: string; role: string };
    body: Record<string, unknown>;
    response: TemplateRole;
  }>()({
    method: 'POST',
    route: '/templates/{id}/roles/{role}',
    shape: 'object',
    safe: false,
    room: 'admin',
    cache: null,
    cost: CALL,
  }),
  'templates.deleteRole': endpoint<{ params: { id: string; role: string }; response: undefined }>()({
    method: 'DELETE',
    route: '/templates/{id}/roles/{role}',
    shape: 'any',
    safe: false,
    room: 'admin',
    cache: null,
    cost: CALL,
  }),
  'templates.updateSettings': endpoint<{
    params: Id;
    body: Record<string, unknown>;
    response: Record<string, unknown>;
  }>()({
    method: 'POST',
    route: '/templates/{id}/settings',
    shape: 'object',
    safe: false,
    room: 'admin',
    cache: null,
    cost: CALL,
  }),
  'templates.updateDestinations': endpoint<{
    params: Id;
    body: Record<string, unknown>;
    response: Record<string, unknown>;
  }>()({
    method: 'POST',
    route: '/templates/{id}/destinations',
    shape: 'object',
    safe: false,
    room: 'admin',
    cache: null,
    cost: CALL,
  }),
  // Not embedded in GET /templates/{id}, unlike roles, settings and destinations.
  'templates.getRecordings': endpoint<{ params: Id; response: RecordingConfig[] }>()({
    method: 'GET',
    route: '/templates/{id}/recordings',
    shape: 'any',
    safe: true,
    room: 'workspace',
    cache: null,
    cost: CALL,
  }),
  'templates.updateRecordings': endpoint<{
    params: Id;
    body: RecordingConfig[];
    response: RecordingConfig[];
  }>()({
    method: 'POST',
    route: '/templates/{id}/recordings',
    shape: 'any',
    safe: false,
    room: 'admin',
    cache: null,
    cost: CALL,
  }),

  /* Webhook delivery history and replays, peer quality
     (https://www.100ms.live/docs/server-side/v2/api-reference/analytics/overview). */
  // Page-number pagination (`page`, `limit` 1–100), not cursors; workspace-wide without room_id.
  'analytics.webhooks': endpoint<{ query: WebhookHistoryQuery; response: WebhookHistory }>()({
    method: 'GET',
    route: '/analytics/webhooks',
    shape: 'object',
    safe: true,
    room: 'admin',
    cache: null,
    cost: CALL,
  }),
  // The docs' table calls these "query parameters" but the example sends a JSON body: a body it is.
  'analytics.replayWebhooks': endpoint<{ body: WebhookReplayBody; response: WebhookReplayStarted }>()({
    method: 'POST',
    route: '/analytics/webhooks/replay',
    shape: 'object',
    safe: false,
    room: 'admin',
    cache: null,
    cost: CALL,
  }),
  'analytics.replayStatus': endpoint<{ params: Id; response: WebhookReplayStatus }>()({
    method: 'GET',
    route: '/analytics/webhooks/replay/{id}',
    shape: 'object',
    safe: true,
    room: 'admin',
    cache: null,
    cost: CALL,
  }),
  // Only after the session ended ("not real-time"); bitrates in bits per second.
  'analytics.peerStats': endpoint<{
    query: { peer_id: string; session_id: string };
    response: PeerStats;
  }>()({
    method: 'GET',
    route: '/analytics/peer-stats',
    shape: 'object',
    safe: true,
    room: { from: 'result' },
    cache: null,
    cost: CALL,
  }),

  /* Polls (https://www.100ms.live/docs/server-side/v2/api-reference/polls/overview). A poll is
     workspace-wide; rooms refer to it by id (`polls` on the room), which is what confines it. */
  'polls.create': endpoint<{ body: PollBody; response: Poll }>()({
    method: 'POST',
    route: '/polls',
    shape: 'object',
    safe: false,
    room: 'admin',
    cache: null,
    cost: CALL,
  }),
  'polls.get': endpoint<{ params: Id; response: Poll }>()({
    method: 'GET',
    route: '/polls/{id}',
    shape: 'object',
    safe: true,
    room: { from: 'attached', field: 'polls', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  'polls.update': endpoint<{ params: Id; body: PollBody; response: Poll }>()({
    method: 'POST',
    route: '/polls/{id}',
    shape: 'object',
    safe: false,
    room: { from: 'attached', field: 'polls', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  'polls.setQuestion': endpoint<{
    params: { id: string; question: string };
    body: PollQuestionDto;
    response: PollQuestionDto;
  }>()({
    method: 'POST',
    route: '/polls/{id}/questions/{question}',
    shape: 'object',
    safe: false,
    room: { from: 'attached', field: 'polls', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  'polls.deleteQuestion': endpoint<{ params: { id: string; question: string }; response: undefined }>()({
    method: 'DELETE',
    route: '/polls/{id}/questions/{question}',
    shape: 'any',
    safe: false,
    room: { from: 'attached', field: 'polls', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  'polls.setOption': endpoint<{
    params: { id: string; question: string; option: string };
    body: PollOptionDto;
    response: PollOptionDto;
  }>()({
    method: 'POST',
    route: '/polls/{id}/questions/{question}/options/{option}',
    shape: 'object',
    safe: false,
    room: { from: 'attached', field: 'polls', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  'polls.deleteOption': endpoint<{
    params: { id: string; question: string; option: string };
    response: undefined;
  }>()({
    method: 'DELETE',
    route: '/polls/{id}/questions/{question}/options/{option}',
    shape: 'any',
    safe: false,
    room: { from: 'attached', field: 'polls', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  // The docs' example names this list `responses` too.
  'polls.listRuns': endpoint<{ params: Id; query: PageQuery; response: PollList<PollRun> }>()({
    method: 'GET',
    route: '/polls/{id}/sessions',
    shape: 'object',
    safe: true,
    room: { from: 'attached', field: 'polls', param: 'id' },
    cache: null,
    cost: PAGES,
    limits: OTHER_LIMITS,
  }),
  'polls.getRun': endpoint<{ params: { id: string; session_id: string }; response: PollRun }>()({
    method: 'GET',
    route: '/polls/{id}/sessions/{session_id}',
    shape: 'object',
    safe: true,
    room: { from: 'attached', field: 'polls', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  'polls.listResponses': endpoint<{ params: Id; query: PollListQuery; response: PollList<PollResponse> }>()({
    method: 'GET',
    route: '/polls/{id}/responses',
    shape: 'object',
    safe: true,
    room: { from: 'attached', field: 'polls', param: 'id' },
    cache: null,
    cost: PAGES,
    limits: OTHER_LIMITS,
  }),
  'polls.getResponse': endpoint<{ params: { id: string; response_id: string }; response: PollResponse }>()({
    method: 'GET',
    route: '/polls/{id}/responses/{response_id}',
    shape: 'object',
    safe: true,
    room: { from: 'attached', field: 'polls', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  'polls.listResults': endpoint<{ params: Id; query: PollListQuery; response: PollList<PollResult> }>()({
    method: 'GET',
    route: '/polls/{id}/results',
    shape: 'object',
    safe: true,
    room: { from: 'attached', field: 'polls', param: 'id' },
    cache: null,
    cost: PAGES,
    limits: OTHER_LIMITS,
  }),
  'polls.getResult': endpoint<{ params: { id: string; result_id: string }; response: PollResult }>()({
    method: 'GET',
    route: '/polls/{id}/results/{result_id}',
    shape: 'object',
    safe: true,
    room: { from: 'attached', field: 'polls', param: 'id' },
    cache: null,
    cost: CALL,
  }),

  /* RTMP ingest stream keys (https://www.100ms.live/docs/server-side/v2/api-reference/live-streams/create-rtmp-stream-key):
     one active key per room; 403 for a disabled room. */
  'streamKeys.create': endpoint<{ params: RoomPath; response: StreamKey }>()({
    method: 'POST',
    route: '/stream-keys/room/{id}',
    shape: 'object',
    safe: false,
    room: { from: 'path', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  // `{data, last}`; 404 "No active key found" when the room has none.
  'streamKeys.get': endpoint<{ params: RoomPath; response: Page<StreamKey> }>()({
    method: 'GET',
    route: '/stream-keys/room/{id}',
    shape: 'list',
    safe: true,
    room: { from: 'path', param: 'id' },
    cache: null,
    cost: CALL,
  }),
  'streamKeys.disable': endpoint<{ params: RoomPath; response: MessageResponse }>()({
    method: 'POST',
    route: '/stream-keys/room/{id}/disable',
    shape: 'object',
    safe: false,
    room: { from: 'path', param: 'id' },
    cache: null,
    cost: CALL,
  }),

  // Signed here with the app secret (https://www.100ms.live/docs/server-side/v2/introduction/authentication-and-tokens): no HTTP call, but a token for a room is
  // confined like any write to that room.
  'tokens.appToken': endpoint<{ body: AppTokenOptions; response: AppToken }>()({
    method: 'LOCAL',
    route: 'app-token',
    shape: 'any',
    safe: false,
    room: { from: 'body', field: 'roomId' },
    cache: null,
    cost: { kind: 'local' },
  }),
} as const satisfies Record<string, EndpointSpec>;

export type Catalogue = typeof ENDPOINTS;
export type EndpointName = keyof Catalogue;

type WireOf<N extends EndpointName> = Catalogue[N] extends EndpointSpec<infer W> ? W : never;
type Field<W, K extends string> = W extends { [P in K]: infer T } ? T : undefined;

/** What `send(name, args)` takes: only the parts the endpoint has. */
export type ArgsOf<N extends EndpointName> = {
  params: Field<WireOf<N>, 'params'>;
  query: Field<WireOf<N>, 'query'>;
  body: Field<WireOf<N>, 'body'>;
} extends infer A
  ? { [K in keyof A as A[K] extends undefined ? never : K]: A[K] }
  : never;
export type ResponseOf<N extends EndpointName> = WireOf<N>['response'];

/** Loosely typed arguments, for the generic wrappers (confinement, cache, estimate). */
export interface AnyArgs {
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
}

/** The one way to reach 100ms: the client, the cache and the room guard all have this shape. */
export type Send = <N extends EndpointName>(
  name: N,
  args: ArgsOf<N>,
  options?: import('./api.js').RequestOptions,
) => Promise<ResponseOf<N>>;

/** A `Send` implemented over loosely typed arguments (wrappers re-dispatch by policy). */
export type LooseSend = (
  name: EndpointName,
  args: AnyArgs,
  options?: import('./api.js').RequestOptions,
) => Promise<unknown>;

export const asSend = (loose: LooseSend): Send => loose as Send;
export const asLoose = (send: Send): LooseSend => send as unknown as LooseSend;

export function specOf(name: EndpointName): EndpointSpec {
  const spec = (ENDPOINTS as Record<string, EndpointSpec>)[name];
  if (!spec) throw new TypeError(`unknown 100ms endpoint ${JSON.stringify(name)}`);
  return spec;
}

export const endpointNames = Object.keys(ENDPOINTS) as EndpointName[];
