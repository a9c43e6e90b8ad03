/**
 * Upstream DTOs for the 100ms REST API v2, in snake_case exactly as the API sends them
 * (the object pages of
 * https://www.100ms.live/docs/server-side/v2/api-reference/). Shared by the client (`src/hms`) and the emulator (`src/emulator`), which
 * share these shapes but none of their logic.
 *
 * Timestamps are ISO 8601 strings on the wire. The client's response parser (`parse.ts`) turns
 * the Go zero time `0001-01-01T00:00:00Z` into `null`, which is why most are `| null` here.
 */

export type IsoDate = string;

/** `{limit, data, last}`: the cursor envelope of most list endpoints (https://www.100ms.live/docs/server-side/v2/introduction/request-and-response#pagination). */
export interface ListEnvelope<T> {
  limit: number;
  data: T[] | null;
  last: string;
}

/** Stop-all endpoints of live and external streams may add an `error` string (https://www.100ms.live/docs/server-side/v2/api-reference/live-streams/overview, https://www.100ms.live/docs/server-side/v2/api-reference/external-streams/overview). */
export interface StopAllEnvelope<T> extends ListEnvelope<T> {
  error?: string;
}

/** `{limit, total, next, events}`: the analytics envelope (https://www.100ms.live/docs/server-side/v2/api-reference/analytics/overview). */
export interface AnalyticsEnvelope<T = AnalyticsEvent> {
  limit: number;
  total: number;
  next: string;
  events: T[] | null;
}

/** Error body of 4xx/5xx answers (https://www.100ms.live/docs/server-side/v2/introduction/request-and-response#errors); both known variants. */
export interface HmsErrorBody {
  code?: number;
  message?: string;
  details?: string[];
  data?: { description?: string };
}

export interface UploadInfo {
  type: 's3' | 'gs' | 'oss' | 'azure';
  location: string;
  prefix?: string;
  options?: { region?: string };
  credentials?: { key: string; secret: string };
}

export interface RecordingInfo {
  enabled: boolean;
  upload_info?: UploadInfo;
}

export interface RoomWebhook {
  url: string;
  headers?: Record<string, string>;
}

export type RoomRegion = 'in' | 'us' | 'eu' | 'auto' | '';

export interface Room {
  id: string;
  name: string;
  enabled: boolean;
  description: string;
  customer_id: string;
  customer?: string;
  app_id?: string;
  recording_info?: RecordingInfo | null;
  recording_source_template?: boolean;
  enabled_source_template?: boolean;
  template_id: string;
  /** Deprecated: the template's name. */
  template?: string;
  region: RoomRegion | string;
  large_room?: boolean;
  size?: number;
  max_duration_seconds?: number;
  polls?: string[];
  webhook?: RoomWebhook | null;
  created_at: IsoDate;
  updated_at: IsoDate | null;
  /** `<customer_id>:<room name>`, list output only. */
  key?: string;
}

export interface CreateRoomBody {
  name?: string;
  description?: string;
  template_id?: string;
  recording_info?: RecordingInfo;
  region?: RoomRegion;
  large_room?: boolean;
  size?: number;
  max_duration_seconds?: number;
  webhook?: RoomWebhook;
  polls?: string[];
}

/** Update takes the create fields except the template (https://www.100ms.live/docs/server-side/v2/api-reference/Rooms/update-a-room lists no `template_id`). */
export interface UpdateRoomBody extends Omit<CreateRoomBody, 'template_id'> {
  enabled?: boolean;
}

export interface ListRoomsQuery {
  enabled?: boolean;
  /** Created at or after. */
  after?: Date | string;
  /** Created at or before. */
  before?: Date | string;
  name?: string;
  template_id?: string;
  limit?: number;
  start?: string;
}

export interface SessionPeer {
  id: string;
  session_id: string;
  name: string;
  role: string;
  user_id: string;
  /** Deprecated 100ms-generated id. */
  user?: string;
  joined_at: IsoDate | null;
  left_at: IsoDate | null;
}

export interface Session {
  id: string;
  room_id: string;
  customer_id: string;
  app_id?: string;
  active: boolean;
  /** Map keyed by peer id; every peer that ever joined (https://www.100ms.live/docs/server-side/v2/api-reference/Sessions/object). */
  peers: Record<string, SessionPeer>;
  created_at: IsoDate;
  updated_at: IsoDate | null;
}

export interface ListSessionsQuery {
  room_id?: string;
  active?: boolean;
  /** Started at or after. */
  after?: Date | string;
  /** Started at or before. */
  before?: Date | string;
  limit?: number;
  start?: string;
}

export interface ActiveRoom {
  id: string;
  name: string;
  customer_id: string;
  session: { id: string; created_at: IsoDate; peers: string[] };
}

export interface Track {
  id: string;
  stream_id: string;
  mute: boolean;
  type: 'audio' | 'video' | string;
  source: 'regular' | 'screen' | string;
  started_at: IsoDate | null;
  description: string;
}

export interface ActivePeer {
  id: string;
  name: string;
  user_id: string;
  metadata: string;
  role: string;
  joined_at: IsoDate | null;
}

export interface ActivePeerWithTracks extends ActivePeer {
  tracks: Record<string, Track>;
}

export interface ListActivePeersQuery {
  user_id?: string;
  role?: string;
}

export interface UpdatePeerBody {
  name?: string;
  role?: string;
  metadata?: string;
}

export interface SendMessageBody {
  message: string;
  /** Wins over `role` when both are given. The SDK wrongly sends `peerId`. */
  peer_id?: string;
  role?: string;
  type?: string;
}

export type RemovePeersBody = { peer_id: string; reason?: string } | { role: string; reason?: string };

export interface EndRoomBody {
  reason?: string;
  /** Also disables the room. */
  lock?: boolean;
}

export interface MessageResponse {
  message: string;
}

export type JobStatus = 'starting' | 'running' | 'stopping' | 'post_processing' | 'completed' | 'failed';

export type AssetType =
  | 'room-composite'
  | 'room-composite-legacy'
  | 'room-vod'
  | 'chat'
  | 'transcript'
  | 'summary'
  | 'track'
  | 'stream';

export type AssetStatus = 'completed' | 'failed' | 'processing';

export interface AssetMetadata {
  resolution?: { width: number; height: number };
  layer?: number | string;
  num_layers?: string;
  max_width?: number;
  max_height?: number;
  output_mode?: 'txt' | 'srt' | 'json';
  track_id?: string;
  stream_id?: string;
  peer_id?: string;
  user_id?: string;
  track_type?: 'audio' | 'video';
  stream_type?: 'regular' | 'screen' | 'audio';
  [key: string]: unknown;
}

/** An asset as embedded in a job's `recording_assets` (no job/room/session ids). */
export interface EmbeddedAsset {
  id: string;
  thumbnails: string[] | null;
  duration: number;
  path: string;
  status: AssetStatus | string;
  created_at: IsoDate;
  type: AssetType | string;
  /** Bytes. Can exceed 2^31: always a JS number holding an exact integer (< 2^53). */
  size: number;
  metadata: AssetMetadata;
}

export interface RecordingAsset extends EmbeddedAsset {
  job_id: string;
  room_id: string;
  session_id: string;
}

export interface BeamJob {
  id: string;
  room_id: string;
  session_id: string;
  status: JobStatus | string;
  meeting_url: string;
  destination?: string;
  /** Peer id of the starter; `""` when started from the server. */
  started_by: string;
  stopped_by: string;
  created_at: IsoDate;
  updated_at: IsoDate | null;
  started_at: IsoDate | null;
  stopped_at: IsoDate | null;
  /** Only on single-object GETs, once the job produced assets. */
  recording_assets?: EmbeddedAsset[] | null;
}

export interface Recording extends BeamJob {
  asset_types: string[] | null;
}

export interface LiveStream extends BeamJob {
  playback: { url: string };
  recording: { hls_vod: boolean; single_file_per_layer: boolean };
}

export interface ExternalStream extends BeamJob {
  rtmp_urls: string[];
  recording: boolean;
  resolution: { width: number; height: number };
}

export interface JobListQuery {
  room_id?: string;
  session_id?: string;
  status?: string;
  limit?: number;
  start?: string;
}

export interface AssetListQuery {
  room_id?: string;
  session_id?: string;
  status?: 'completed' | 'failed' | string;
  limit?: number;
  start?: string;
}

export interface Resolution {
  width: number;
  height: number;
}

export interface TranscriptionOptions {
  enabled: boolean;
  modes?: Array<'recorded' | 'live' | 'caption'>;
  output_modes?: Array<'txt' | 'srt' | 'json'>;
  custom_vocabulary?: string[];
  summary?: {
    enabled?: boolean;
    context?: string;
    temperature?: number;
    sections?: Array<{ title: string; format: 'bullets' | 'paragraph' }>;
  };
}

export interface StartRecordingBody {
  meeting_url?: string;
  resolution?: Resolution;
  destination?: string;
  audio_only?: boolean;
  transcription?: TranscriptionOptions;
}

export interface StartLiveStreamBody {
  meeting_url?: string;
  recording?: { hls_vod?: boolean; single_file_per_layer?: boolean };
  destination?: string;
  transcription?: TranscriptionOptions;
}

export interface TimedMetadataBody {
  /** ≤ 100 characters. */
  payload: string;
  /** Seconds (https://www.100ms.live/docs/server-side/v2/api-reference/live-streams/overview). */
  duration: number;
}

export interface StartExternalStreamBody {
  /** `rtmp://` or `rtmps://`; at most 5 (the start endpoint's page says 5, the overview 3: inferred 5). */
  rtmp_urls: string[];
  meeting_url?: string;
  recording?: boolean;
  resolution?: Resolution;
  destination?: string;
}

export interface PresignedUrl {
  id: string;
  path: string;
  url: string;
  /** Seconds of validity. */
  expiry: number;
}

export interface RoomCode {
  code: string;
  room_id: string;
  role: string;
  enabled: boolean;
  created_at: IsoDate;
  updated_at: IsoDate | null;
}

export interface ListRoomCodesQuery {
  role?: string;
  enabled?: boolean;
  limit?: number;
  start?: string;
}

export interface AnalyticsEvent<D = Record<string, unknown>> {
  version: string;
  id: string;
  timestamp: IsoDate;
  type: string;
  data: D;
}

export interface AnalyticsQuery {
  /** Required. */
  room_id: string;
  /** Repeatable: sent as `type=a&type=b`. */
  type?: string[];
  session_id?: string;
  peer_id?: string;
  user_id?: string;
  beam_id?: string;
  error?: boolean;
  limit?: number;
  start?: string;
}

export const TRACK_EVENT_TYPES = [
  'track.add.success',
  'track.update.success',
  'track.remove.success',
] as const;
export const RECORDING_EVENT_TYPES = ['beam.recording.success'] as const;
export const ERROR_EVENT_TYPES = [
  'client.publish.failed',
  'client.subscribe.failed',
  'client.join.failed',
  'client.disconnected',
  'client.connect.failed',
] as const;

/** Templates use camelCase JSON keys, unlike the rest of the API (https://www.100ms.live/docs/server-side/v2/api-reference/policy/template-object). */
export interface TemplateRole {
  name: string;
  publishParams?: {
    allowed?: string[];
    audio?: { bitRate?: number; codec?: string };
    video?: { bitRate?: number; codec?: string; frameRate?: number; width?: number; height?: number };
    screen?: { bitRate?: number; codec?: string; frameRate?: number; width?: number; height?: number };
    simulcast?: unknown;
  };
  subscribeParams?: {
    subscribeToRoles?: string[];
    maxSubsBitRate?: number;
    subscribeDegradation?: unknown;
  };
  permissions?: Partial<Record<TemplatePermission, boolean>>;
  priority?: number;
  maxPeerCount?: number;
}

/** A role's permissions in a template, in the order the schema lists them. */
export const TEMPLATE_PERMISSIONS = [
  'endRoom',
  'removeOthers',
  'mute',
  'unmute',
  'changeRole',
  'sendRoomState',
  'pollRead',
  'pollWrite',
  'browserRecording',
  'rtmpStreaming',
  'hlsStreaming',
] as const;
export type TemplatePermission = (typeof TEMPLATE_PERMISSIONS)[number];

export interface Template {
  id: string;
  name: string;
  customerId: string;
  roles: Record<string, TemplateRole>;
  settings: { region?: string; [key: string]: unknown };
  destinations?: Record<string, unknown>;
  plugins?: Record<string, unknown>;
  createdAt: IsoDate;
  updatedAt: IsoDate | null;
}

export interface PageQuery {
  limit?: number;
  start?: string;
}

/* ------------------------------------------------------------------ the parts the SDK never wrapped */

/**
 * `GET /analytics/peer-stats` (https://www.100ms.live/docs/server-side/v2/api-reference/analytics/peer-quality-stats):
 * parallel time series keyed by `timestamps` (epoch milliseconds); bitrates in bits per second.
 */
export interface PeerStatsTrack {
  track_id: string;
  /** `regular` or `screen` (video only). */
  type?: string;
  /** Simulcast layer `h`/`m`/`l`, or null (publisher video only). */
  rid?: string | null;
  time_series: { timestamps: number[]; [series: string]: Array<number | null> };
}
export interface PeerStats {
  peer_id: string;
  session_id: string;
  room_id: string;
  publisher: { video: PeerStatsTrack[]; audio: PeerStatsTrack[] };
  subscriber: { video: PeerStatsTrack[]; audio: PeerStatsTrack[] };
}

/** `GET /analytics/webhooks` (https://www.100ms.live/docs/server-side/v2/api-reference/analytics/list-webhook-events). */
export interface WebhookHistoryQuery {
  start_time?: string;
  end_time?: string;
  room_id?: string;
  status?: 'all' | 'failed' | 'success';
  event_names?: string[];
  limit?: number;
  page?: number;
}
export interface WebhookDelivery {
  event_id: string;
  /** `reporter.webhook.delivery.success` or `reporter.webhook.delivery.failed`. */
  event_name: string;
  room_id: string;
  event_timestamp: IsoDate;
  payload: {
    event_data: { session_id?: string; peer_id?: string; user_id?: string; [key: string]: unknown };
    webhook_url: string;
    original_event_name: string;
    error_reason?: string;
  };
}
export interface WebhookHistory {
  events: WebhookDelivery[] | null;
  pagination: {
    current_page: number;
    page_size: number;
    total_pages: number;
    total_items: number;
    has_next: boolean;
    has_prev: boolean;
  };
  summary?: { total_events: number };
}
export interface WebhookReplayBody {
  start_time?: string;
  end_time?: string;
  room_id?: string;
  event_names?: string[];
  limit?: number;
  offset?: number;
  status?: 'all' | 'failed' | 'success';
}
export interface WebhookReplayStarted {
  workflow_id: string;
  status: 'started' | 'already_running' | string;
  message: string;
  filters: { start_time: string; end_time: string; room_id: string; event_types: string[] };
}
export interface WebhookReplayStatus {
  workflow_id: string;
  status: string;
  started_at: IsoDate | null;
  completed_at: IsoDate | null;
  filters: {
    start_time: string;
    end_time: string;
    room_id: string;
    event_types: string[];
    limit?: number;
    offset?: number;
  };
  progress: { total: number; completed: number; failed: number };
  result?: { total: number; completed: number; failed: number; failed_events: string[] } | null;
}

/** Polls (https://www.100ms.live/docs/server-side/v2/api-reference/polls/overview). */
export interface PollOptionDto {
  index: number;
  text: string;
  weight: number;
}
export interface PollQuestionDto {
  index: number;
  text: string;
  format?: string;
  attachment?: Array<{ type: string; url: string }>;
  skippable?: boolean;
  duration?: number;
  once?: boolean;
  weight?: number;
  answer_min_len?: number;
  answer_max_len?: number;
  type: string;
  answer?: { hidden?: boolean; options?: number[]; text?: string; case?: boolean; trim?: boolean } | null;
  options?: PollOptionDto[];
}
export interface Poll {
  id: string;
  title: string;
  duration: number;
  anonymous: boolean;
  mode: string;
  type: string;
  start: string;
  questions: PollQuestionDto[] | null;
}
export type PollBody = Partial<Omit<Poll, 'id' | 'questions'>> & { questions?: PollQuestionDto[] };
export interface PollRun {
  id: string;
  poll_id: string;
  session_id: string;
  started_at: IsoDate | null;
  stopped_at: IsoDate | null;
  total_responses: number;
  unique_participants: number;
}
export interface PollResponse {
  id: string;
  poll_id: string;
  session_id: string;
  duration: number;
  question: number;
  skipped: boolean;
  text: string;
  options?: number[];
  update: boolean;
  original_response: string;
  retries: number;
  sent_at: IsoDate | null;
  peer_id: string;
  user_id: string;
}
export interface PollResult {
  id: string;
  poll_id: string;
  session_id: string;
  question: number;
  duration: number;
  peer_id: string;
  user_id: string;
  score: number;
}
/** `{last, limit, responses | results}`: the poll sub-lists' envelope (the item key varies by list). */
export interface PollList<T> {
  last: string;
  limit: number;
  responses?: T[] | null;
  results?: T[] | null;
}
export interface PollListQuery {
  start?: string;
  limit?: number;
  question?: number;
  all?: boolean;
}

/** RTMP ingest keys (https://www.100ms.live/docs/server-side/v2/api-reference/live-streams/create-rtmp-stream-key). */
export interface StreamKey {
  id: string;
  url: string;
  key: string;
  room_id: string;
  customer_id?: string;
  app_id?: string;
  enabled: boolean;
  created_at: IsoDate;
  updated_at: IsoDate | null;
}

/** Template writes (https://www.100ms.live/docs/server-side/v2/api-reference/policy/create-template-via-api). */
export interface TemplateBody {
  name?: string;
  roles?: Record<string, Record<string, unknown>>;
  settings?: Record<string, unknown>;
  destinations?: Record<string, unknown>;
  plugins?: Record<string, unknown>;
}
export type RecordingConfig = Record<string, unknown>;
