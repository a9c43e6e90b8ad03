/**
 * The emulator's public shapes, in a module of their own: `index.ts` (which builds the emulator)
 * and the parts it is built from (`activity.ts`, `simulation.ts`, `state-views.ts`, ...) all
 * import from here, so no part has to import the module that assembles it.
 */
import type {
  ActivePeerWithTracks,
  AnalyticsEvent,
  ExternalStream,
  LiveStream,
  Recording,
  RecordingAsset,
  Room,
  RoomCode,
  Session,
  Template,
} from '../hms/types.js';
import type { FaultRule, LatencyConfig } from './faults.js';
import type { RawQuery } from './http.js';
import type { MessageRecord } from './model.js';
import type { renderPoll } from './routes/polls.js';
import type { renderStreamKey } from './routes/stream-keys.js';
import type { WebhookDelivery, WebhookTarget } from './webhooks.js';

export interface EmulatorOptions {
  /** @default DEMO_CREDENTIALS.accessKey */
  accessKey?: string;
  /** @default DEMO_CREDENTIALS.secret */
  secret?: string;
  /** Seeds the data, the ids and the fault/jitter rolls. @default 1 */
  seed?: number;
  /** Added before every `/v2` answer. */
  latency?: LatencyConfig | null;
  faults?: FaultRule[];
  /** @default 0 (any free port) */
  port?: number;
  /** @default 127.0.0.1 */
  host?: string;
  /** How long each automatic job step (starting→running, stopping→post_processing→completed) takes. @default 2000 */
  jobStepMs?: number;
  /** The clock; tests pass a fixed or stepping one. @default () => new Date() */
  now?: () => Date;
  /** Where webhooks go (the workspace webhook of the dashboard). None are sent without one. */
  webhook?: WebhookTarget | null;
  /** Delays before each webhook retry. @default [1000, 3000, 10000] (100ms' schedule) */
  webhookRetryDelaysMs?: number[];
}

export interface RequestLogEntry {
  method: string;
  /** `METHOD /v2/template`, the same key as `stats().requests`. */
  route: string;
  path: string;
  query: RawQuery;
  /** Parsed JSON; the raw text when it was not JSON; undefined when there was none. */
  body: unknown;
  /** 0 while in flight, or when the connection was reset. */
  status: number;
  /** The W3C `traceparent` header, when the client sent one (tracing tests). */
  traceparent?: string;
}

export interface EmulatorStats {
  /** Requests by `METHOD /v2/route/{id}` template; unmatched paths count as `METHOD <unmatched>`. */
  requests: Record<string, number>;
  total: number;
  peakConcurrent: number;
  inFlight: number;
  /** The most recent requests (at most 1000), oldest first. */
  log: RequestLogEntry[];
}

export interface SimulatedPeer {
  name: string;
  role: string;
  userId?: string;
  metadata?: string;
}

/** Read-only views of the emulator's data, rendered as wire DTOs (fresh copies each call). */
export interface EmulatorState {
  readonly customerId: string;
  readonly appId: string;
  rooms(): Room[];
  /** By exact name (case-insensitive, as the API treats names) or by id. */
  room(nameOrId: string): Room | undefined;
  sessions(roomId?: string): Session[];
  activeSession(roomId: string): Session | undefined;
  templates(): Template[];
  recordings(roomId?: string): Recording[];
  liveStreams(roomId?: string): LiveStream[];
  externalStreams(roomId?: string): ExternalStream[];
  assets(roomId?: string): RecordingAsset[];
  roomCodes(roomId?: string): RoomCode[];
  events(roomId?: string): AnalyticsEvent[];
  /** What send-message was asked to deliver, oldest first. */
  messages(): MessageRecord[];
  /** Every poll, as `GET /v2/polls/{id}` renders it, newest first. */
  polls(): ReturnType<typeof renderPoll>[];
  /** Stream keys, disabled ones included, newest first. */
  streamKeys(roomId?: string): ReturnType<typeof renderStreamKey>[];
}

/** One answer a peer gives to one poll question (what the client SDK would send). */
export interface SimulatedPollAnswer {
  /** 1-based question index. */
  question: number;
  /** 1-based option indexes, for choice questions. */
  options?: number[];
  text?: string;
  skipped?: boolean;
  /** Seconds the peer took. @default 5 */
  duration?: number;
}

/** Drives the room side that REST cannot: peers joining and leaving. */
export interface EmulatorSimulation {
  /** Starts (or returns) the room's live session, with these peers joining (default: one host). */
  startSession(roomId: string, peers?: SimulatedPeer[]): Session;
  joinPeer(roomId: string, peer: SimulatedPeer): ActivePeerWithTracks;
  /** The session closes when its last peer leaves. */
  leavePeer(roomId: string, peerId: string, reason?: string): void;
  /**
   * Starts a recording of the room's live session, as the REST start does (same preconditions).
   * `failTranscription` makes its post-call transcription end in `transcription.failure`.
   */
  startRecording(
    roomId: string,
    options?: { transcription?: boolean; failTranscription?: boolean },
  ): Recording;
  /** Starts a poll in the room's live session (as a host's SDK would); returns the run's id. */
  startPoll(roomId: string, pollId: string): string;
  /** A peer of the live session answers; returns the response id (an update when it answered before). */
  answerPoll(roomId: string, pollId: string, peerId: string, answer: SimulatedPollAnswer): string;
  /** A broadcaster connects to the room's active stream key (`ingest.start.success`); returns the ingest id. */
  startIngest(roomId: string): string;
  /** The broadcaster disconnects (`ingest.end.success`). */
  stopIngest(roomId: string, reason?: string): void;
  /**
   * The live ingest breaks (`ingest.failure`); with none live, a broadcaster's connection is
   * refused before it starts (`ingest.start.failure`).
   */
  failIngest(roomId: string, message?: string): void;
  /** Stops the room's live recordings. */
  stopRecording(roomId: string): void;
  /** Keeps the room busy until stopped (see activity.ts): peers come and go, recordings run. */
  startActivity(options: ActivityOptions): { stop(): void };
}

export interface Emulator {
  /** Base URL including `/v2`, e.g. `http://127.0.0.1:4010/v2`. */
  readonly url: string;
  readonly origin: string;
  readonly accessKey: string;
  readonly secret: string;
  stats(): EmulatorStats;
  resetStats(): void;
  /** Resets the counters; with `data: true` also the data, back to the seed. */
  reset(options?: { data?: boolean }): void;
  setLatency(latency: LatencyConfig | null): void;
  setFaults(rules: FaultRule[]): void;
  /**
   * Every job takes its next automatic step now, whatever the clock says: starting→running,
   * stopping→post_processing→completed (assets appear on completion). A running job stays
   * running until it is stopped or its session ends, as on the real service. Pending webhook
   * replays complete too.
   */
  advanceJobs(): void;
  /** Sets (or, with null, removes) the webhook target. */
  setWebhook(target: WebhookTarget | null): void;
  /** The latest webhook deliveries (at most 500), oldest first. */
  webhookDeliveries(): WebhookDelivery[];
  readonly state: EmulatorState;
  readonly simulate: EmulatorSimulation;
  close(): Promise<void>;
}

export interface ActivityOptions {
  roomId: string;
  /** Time between steps. @default 3000 */
  everyMs?: number;
  /** @default 1 */
  seed?: number;
  /** A step failed (e.g. someone ended the room meanwhile); the simulation carries on. */
  onError?: (error: unknown) => void;
}
