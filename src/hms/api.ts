/**
 * The surface of the 100ms REST client: the seam between `src/loaders` (and tests, benches)
 * and the HTTP machinery in `src/hms`. Nothing in here knows GraphQL.
 *
 * Every method makes exactly one logical upstream call (plus retries), except the `iterate*`
 * helpers, which page lazily and never load more than the caller consumes.
 */

import type { Send } from './endpoints.js';
import type {
  ActivePeer,
  ActivePeerWithTracks,
  ActiveRoom,
  AnalyticsEvent,
  AnalyticsQuery,
  AssetListQuery,
  CreateRoomBody,
  EndRoomBody,
  ExternalStream,
  JobListQuery,
  ListActivePeersQuery,
  ListRoomCodesQuery,
  ListRoomsQuery,
  ListSessionsQuery,
  LiveStream,
  MessageResponse,
  PageQuery,
  PresignedUrl,
  Recording,
  RecordingAsset,
  RemovePeersBody,
  Room,
  RoomCode,
  SendMessageBody,
  Session,
  StartExternalStreamBody,
  StartLiveStreamBody,
  StartRecordingBody,
  Template,
  TimedMetadataBody,
  UpdatePeerBody,
  UpdateRoomBody,
} from './types.js';

/** One upstream HTTP attempt, as reported to `onCall` hooks (metrics, per-request cost). */
export interface UpstreamCallEvent {
  method: string;
  /** Route template, e.g. `/v2/sessions/{id}`: never ids or query values. */
  route: string;
  /** HTTP status, or 0 when no response arrived (timeout, connection error). */
  status: number;
  durationMs: number;
  /** 1 for the first attempt. */
  attempt: number;
  /** True when this attempt will be followed by a retry. */
  retrying: boolean;
}

export interface RequestOptions {
  /** Cancels the upstream call (and any pending retry) when aborted. */
  signal?: AbortSignal;
  /** Sent upstream as `x-request-id` so 100ms-side logs can be correlated. */
  requestId?: string;
  /** Called once per HTTP attempt, after it settles. */
  onCall?: (event: UpstreamCallEvent) => void;
  /**
   * Called before each HTTP attempt (retries included) is sent; throwing refuses the attempt, and
   * the call fails with that error without anything being sent (per-request upstream budgets).
   */
  beforeSend?: (attempt: { method: string; route: string; attempt: number }) => void;
  /**
   * Epoch milliseconds (the client's clock) by which the call must be done: bounds the wait for a
   * slot, each attempt and every backoff or Retry-After wait, shared by all calls of one request.
   */
  deadline?: number;
}

/** One page of a list endpoint, normalised across the two cursor styles (https://www.100ms.live/docs/server-side/v2/introduction/request-and-response#pagination, https://www.100ms.live/docs/server-side/v2/api-reference/analytics/overview). */
export interface Page<T> {
  items: T[];
  /** The `limit` the server used. */
  limit: number;
  /** Cursor for the next page (`start=`), or null when the server said there is nothing more. */
  next: string | null;
}

export interface AnalyticsPage<T = AnalyticsEvent> extends Page<T> {
  total: number;
}

export interface IterateOptions extends RequestOptions {
  /** Stop after this many items in total, whatever the page size. */
  max?: number;
}

export interface PagedResource<T, Q extends PageQuery> {
  /** Exactly one upstream call: one page. */
  list(query?: Q, options?: RequestOptions): Promise<Page<T>>;
  /** Lazily walks every page, newest first; stops on an empty cursor or a short page. */
  iterate(query?: Q, options?: IterateOptions): AsyncIterable<T>;
}

export interface RoomsApi extends PagedResource<Room, ListRoomsQuery> {
  get(roomId: string, options?: RequestOptions): Promise<Room>;
  /** Upsert by name (https://www.100ms.live/docs/server-side/v2/api-reference/Rooms/create-via-api). */
  create(body: CreateRoomBody, options?: RequestOptions): Promise<Room>;
  update(roomId: string, body: UpdateRoomBody, options?: RequestOptions): Promise<Room>;
  setEnabled(roomId: string, enabled: boolean, options?: RequestOptions): Promise<Room>;
}

export interface SessionsApi extends PagedResource<Session, ListSessionsQuery> {
  get(sessionId: string, options?: RequestOptions): Promise<Session>;
}

export interface ActiveRoomsApi {
  /** 404 (NotFound) when no session is live. */
  get(roomId: string, options?: RequestOptions): Promise<ActiveRoom>;
  /** The inner `peers` map of `GET /active-rooms/{id}/peers`. */
  listPeers(
    roomId: string,
    query?: ListActivePeersQuery,
    options?: RequestOptions,
  ): Promise<Record<string, ActivePeer>>;
  getPeer(roomId: string, peerId: string, options?: RequestOptions): Promise<ActivePeerWithTracks>;
  updatePeer(
    roomId: string,
    peerId: string,
    body: UpdatePeerBody,
    options?: RequestOptions,
  ): Promise<ActivePeerWithTracks>;
  sendMessage(roomId: string, body: SendMessageBody, options?: RequestOptions): Promise<MessageResponse>;
  removePeers(roomId: string, body: RemovePeersBody, options?: RequestOptions): Promise<MessageResponse>;
  end(roomId: string, body?: EndRoomBody, options?: RequestOptions): Promise<MessageResponse>;
}

export interface RecordingsApi extends PagedResource<Recording, JobListQuery> {
  /** The one call that returns a job with its `recording_assets`. */
  get(recordingId: string, options?: RequestOptions): Promise<Recording>;
  start(roomId: string, body?: StartRecordingBody, options?: RequestOptions): Promise<Recording>;
  stop(recordingId: string, options?: RequestOptions): Promise<Recording>;
  stopAll(roomId: string, options?: RequestOptions): Promise<Recording[]>;
  pause(roomId: string, options?: RequestOptions): Promise<Recording>;
  resume(roomId: string, options?: RequestOptions): Promise<Recording>;
}

export interface RecordingAssetsApi extends PagedResource<RecordingAsset, AssetListQuery> {
  get(assetId: string, options?: RequestOptions): Promise<RecordingAsset>;
  /** Sends `presign_duration` only when given (the SDK always sends 3600). */
  presignedUrl(
    assetId: string,
    presignDurationSeconds?: number,
    options?: RequestOptions,
  ): Promise<PresignedUrl>;
}

export interface RoomCodesApi {
  list(roomId: string, query?: ListRoomCodesQuery, options?: RequestOptions): Promise<Page<RoomCode>>;
  iterate(roomId: string, query?: ListRoomCodesQuery, options?: IterateOptions): AsyncIterable<RoomCode>;
  /** Codes for every role of the room's template. */
  create(roomId: string, options?: RequestOptions): Promise<RoomCode[]>;
  createForRole(roomId: string, role: string, options?: RequestOptions): Promise<RoomCode>;
  setEnabled(code: string, enabled: boolean, options?: RequestOptions): Promise<RoomCode>;
}

export interface LiveStreamsApi extends PagedResource<LiveStream, JobListQuery> {
  get(streamId: string, options?: RequestOptions): Promise<LiveStream>;
  start(roomId: string, body?: StartLiveStreamBody, options?: RequestOptions): Promise<LiveStream>;
  stop(streamId: string, options?: RequestOptions): Promise<LiveStream>;
  stopAll(roomId: string, options?: RequestOptions): Promise<LiveStream[]>;
  sendTimedMetadata(streamId: string, body: TimedMetadataBody, options?: RequestOptions): Promise<LiveStream>;
  pauseRecording(streamId: string, options?: RequestOptions): Promise<LiveStream>;
  resumeRecording(streamId: string, options?: RequestOptions): Promise<LiveStream>;
}

export interface ExternalStreamsApi extends PagedResource<ExternalStream, JobListQuery> {
  get(streamId: string, options?: RequestOptions): Promise<ExternalStream>;
  start(roomId: string, body: StartExternalStreamBody, options?: RequestOptions): Promise<ExternalStream>;
  stop(streamId: string, options?: RequestOptions): Promise<ExternalStream>;
  stopAll(roomId: string, options?: RequestOptions): Promise<ExternalStream[]>;
}

export interface AnalyticsApi {
  /** One page of `GET /analytics/events`; `next` continues it. */
  listEvents(query: AnalyticsQuery, options?: RequestOptions): Promise<AnalyticsPage>;
  /** Walks every page via `next` (the SDK stops after page 1). */
  iterateEvents(query: AnalyticsQuery, options?: IterateOptions): AsyncIterable<AnalyticsEvent>;
}

export interface TemplatesApi extends PagedResource<Template, PageQuery> {
  get(templateId: string, options?: RequestOptions): Promise<Template>;
}

export interface AppTokenOptions {
  roomId: string;
  role: string;
  userId?: string;
  /** @default 86400 */
  validForSeconds?: number;
}

export interface AppToken {
  token: string;
  expiresAt: Date;
}

export interface TokensApi {
  /** Cached, refreshed before expiry, single-flight. */
  managementToken(): Promise<string>;
  /** Never cached. */
  appToken(options: AppTokenOptions): Promise<AppToken>;
}

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface RawRequest {
  query?: Record<string, unknown>;
  body?: unknown;
}

export interface HmsApi {
  rooms: RoomsApi;
  sessions: SessionsApi;
  activeRooms: ActiveRoomsApi;
  recordings: RecordingsApi;
  recordingAssets: RecordingAssetsApi;
  roomCodes: RoomCodesApi;
  liveStreams: LiveStreamsApi;
  externalStreams: ExternalStreamsApi;
  analytics: AnalyticsApi;
  templates: TemplatesApi;
  tokens: TokensApi;
  /**
   * Escape hatch like the SDK's `api.get/post`: `path` is relative to the base URL
   * (e.g. `/polls/{id}`). The response is parsed like every other response.
   */
  request<T = unknown>(
    method: HttpMethod,
    path: string,
    init?: RawRequest,
    options?: RequestOptions,
  ): Promise<T>;
}

export interface HmsClient extends HmsApi {
  /** The generic sender every method wraps: one catalogue endpoint, one upstream call. */
  readonly send: Send;
  /** The access key this client signs with: the tenant key for caches. */
  readonly accessKey: string;
  /** Upstream requests currently in flight (for metrics). */
  readonly inFlight: number;
  /** Closes the connection pool; pending calls fail. */
  close(): Promise<void>;
}
