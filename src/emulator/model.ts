/**
 * The emulator's internal records. They are richer than the wire DTOs (they keep the facts the
 * wire only implies: why a peer left, whether a job is paused, when its current step began) and
 * use integer microseconds for time; `render.ts` turns them into the exact DTOs of
 * `src/hms/types.ts`.
 */
import type {
  AnalyticsEvent,
  AssetMetadata,
  AssetStatus,
  AssetType,
  JobStatus,
  RecordingInfo,
  RoomWebhook,
  TemplateRole,
  TranscriptionOptions,
} from '../hms/types.js';
import type { Micros } from './time.js';

export interface TemplateRecord {
  id: string;
  name: string;
  roles: Record<string, TemplateRole>;
  settings: Record<string, unknown>;
  destinations: Record<string, unknown>;
  plugins: Record<string, unknown> | null;
  /** RecordingConfig[] of `/templates/{id}/recordings`. */
  recordings: unknown[];
  /**
   * Dashboard-made templates have a subdomain, which lets the server build a meeting URL for
   * recordings and streams; API-made ones do not, so `meeting_url` becomes required (https://www.100ms.live/docs/server-side/v2/api-reference/recordings/overview).
   */
  subdomain: string | null;
  createdAt: Micros;
  updatedAt: Micros | null;
}

export interface RoomRecord {
  id: string;
  name: string;
  enabled: boolean;
  description: string;
  templateId: string;
  region: string;
  /** Null while the room follows its template's recording settings. */
  recordingInfo: RecordingInfo | null;
  largeRoom: boolean;
  size: number;
  maxDurationSeconds: number;
  polls: string[];
  webhook: RoomWebhook | null;
  createdAt: Micros;
  /** Null renders as the Go zero time, as the real API does for never-updated rooms. */
  updatedAt: Micros | null;
}

export interface TrackRecord {
  id: string;
  streamId: string;
  mute: boolean;
  type: 'audio' | 'video';
  source: 'regular' | 'screen';
  startedAt: Micros;
  description: string;
}

export interface PeerRecord {
  id: string;
  sessionId: string;
  roomId: string;
  name: string;
  role: string;
  userId: string;
  /** The deprecated 100ms-generated user id. */
  user: string;
  metadata: string;
  joinedAt: Micros;
  leftAt: Micros | null;
  leaveReason: string | null;
  /** What remove-peer was told (`reason` in its body); the webhook's `message`. */
  leaveMessage?: string;
  tracks: TrackRecord[];
}

export interface SessionRecord {
  id: string;
  roomId: string;
  active: boolean;
  createdAt: Micros;
  updatedAt: Micros;
  /** In join order; every peer that ever joined, re-joins included. */
  peers: PeerRecord[];
}

export type JobKind = 'recording' | 'live-stream' | 'external-stream';

interface JobBase {
  id: string;
  roomId: string;
  sessionId: string;
  status: JobStatus;
  /** When the current status began: the lazy state machine counts `jobStepMs` from here. */
  stepAt: Micros;
  meetingUrl: string;
  destination: string;
  startedBy: string;
  stoppedBy: string;
  createdAt: Micros;
  updatedAt: Micros;
  startedAt: Micros | null;
  stoppedAt: Micros | null;
  paused: boolean;
  /**
   * Why it stopped, as `beam.stopped.success` / `hls.stopped.success` report it: `client request`
   * for a stop through the API, `room ended` when the session closed under it.
   */
  stopReason?: string;
}

export interface RecordingJob extends JobBase {
  kind: 'recording';
  audioOnly: boolean;
  resolution: { width: number; height: number };
  transcription: TranscriptionOptions | null;
  assetTypes: string[] | null;
  /** The simulation can make post-call transcription fail (`transcription.failure`). */
  transcriptionFails?: boolean;
}

export interface LiveStreamJob extends JobBase {
  kind: 'live-stream';
  hlsVod: boolean;
  singleFilePerLayer: boolean;
  playbackUrl: string;
  transcription: TranscriptionOptions | null;
  timedMetadata: Array<{ payload: string; duration: number; at: Micros }>;
}

export interface ExternalStreamJob extends JobBase {
  kind: 'external-stream';
  rtmpUrls: string[];
  recording: boolean;
  resolution: { width: number; height: number };
}

export type JobRecord = RecordingJob | LiveStreamJob | ExternalStreamJob;

export interface AssetRecord {
  id: string;
  jobId: string;
  roomId: string;
  sessionId: string;
  type: AssetType;
  status: AssetStatus;
  path: string;
  size: number;
  duration: number;
  createdAt: Micros;
  thumbnails: string[] | null;
  metadata: AssetMetadata;
  /** Transcripts and summaries stay `processing` until then, like 100ms' post-call transcription. */
  readyAt?: Micros;
}

export interface RoomCodeRecord {
  code: string;
  roomId: string;
  role: string;
  enabled: boolean;
  createdAt: Micros;
  updatedAt: Micros;
}

export type EventCategory = 'track' | 'recording' | 'error';

export interface EventRecord {
  /** Insertion order: the analytics snapshot watermark. */
  seq: number;
  at: Micros;
  category: EventCategory;
  roomId: string;
  sessionId: string | null;
  peerId: string | null;
  userId: string | null;
  beamId: string | null;
  event: AnalyticsEvent;
}

/** What `send-message` was asked to deliver; tests read it through `state.messages()`. */
export interface MessageRecord {
  roomId: string;
  sessionId: string;
  message: string;
  type: string;
  /** `peer_id` wins over `role`; neither means a broadcast. */
  target: { peerId: string } | { role: string } | { broadcast: true };
  sentAt: Micros;
}

/**
 * A state change 100ms reports by webhook (https://www.100ms.live/docs/server-side/v2/how-to-guides/configure-webhooks/webhook). The store announces them through
 * `Store.onChange`; `webhooks.ts` turns them into deliveries.
 */
export type StoreChange =
  | { kind: 'session.open'; session: SessionRecord }
  | { kind: 'session.close'; session: SessionRecord }
  | { kind: 'peer.join'; session: SessionRecord; peer: PeerRecord }
  | { kind: 'peer.leave'; session: SessionRecord; peer: PeerRecord }
  | { kind: 'role.change'; session: SessionRecord; peer: PeerRecord; previousRole: string }
  | { kind: 'room.end'; session: SessionRecord; reason: string; lock: boolean }
  /** A job entered `job.status` (running, stopping, post_processing, completed or failed). */
  | { kind: 'job'; job: JobRecord }
  /** Post-call transcription of a recording began, finished or failed. */
  | { kind: 'transcription'; job: JobRecord; state: 'started' | 'success' | 'failure' }
  /** An RTMP ingest connected to, or left, a room's stream key. */
  | {
      kind: 'ingest';
      ingest: IngestRecord;
      state: 'start.success' | 'start.failure' | 'end.success' | 'failure';
    };

/**
 * A poll (https://www.100ms.live/docs/server-side/v2/api-reference/polls/create-polls-via-api).
 * Questions are stored as sent (snake_case wire shape), re-indexed 1..n.
 */
export interface PollRecord {
  id: string;
  title: string;
  duration: number;
  anonymous: boolean;
  mode: 'userid' | 'peerid';
  type: 'poll' | 'quiz';
  start: 'auto' | 'manual';
  questions: PollQuestion[];
  createdAt: Micros;
}

export interface PollOption {
  index: number;
  text: string;
  weight: number;
}

export interface PollQuestion {
  index: number;
  text: string;
  format: string;
  attachment: Array<{ type: string; url: string }>;
  skippable: boolean;
  duration: number;
  once: boolean;
  weight: number;
  answer_min_len: number;
  answer_max_len: number;
  type: string;
  answer: { hidden: boolean; options: number[]; text: string; case: boolean; trim: boolean } | null;
  options: PollOption[];
}

/** One run of a poll in one session. */
export interface PollRunRecord {
  id: string;
  pollId: string;
  sessionId: string;
  startedAt: Micros;
  stoppedAt: Micros | null;
}

export interface PollResponseRecord {
  id: string;
  pollId: string;
  sessionId: string;
  question: number;
  peerId: string;
  userId: string;
  skipped: boolean;
  text: string;
  options: number[];
  /** Seconds the peer took to answer. */
  duration: number;
  /** An update replaces an earlier answer: `original_response` names it. */
  originalResponse: string;
  retries: number;
  sentAt: Micros;
}

/** RTMP ingest key of a room (https://www.100ms.live/docs/server-side/v2/api-reference/live-streams/create-rtmp-stream-key). */
export interface StreamKeyRecord {
  id: string;
  roomId: string;
  key: string;
  url: string;
  enabled: boolean;
  createdAt: Micros;
  updatedAt: Micros;
}

/** One broadcaster connection through a stream key. */
export interface IngestRecord {
  id: string;
  streamKeyId: string;
  roomId: string;
  /** The stream inside the room the ingest publishes. */
  streamId: string;
  startedAt: Micros;
  endedAt: Micros | null;
  endReason: string;
  errorMessage: string;
}
