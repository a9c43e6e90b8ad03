/**
 * A stateful emulator of the 100ms REST API v2 over real HTTP (think stripe-mock or LocalStack).
 * It powers demo mode, the test suite (which counts upstream calls through `stats()`) and
 * benchmarks (latency and faults). It shares DTO types with `src/hms` and none of its logic: it
 * is the other side of the wire, and its strictness is there to catch client bugs.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { type ActivityOptions, startActivity } from './activity.js';
import { authenticate } from './auth.js';
import {
  FaultPlan,
  type FaultRule,
  faultMessage,
  type LatencyConfig,
  parseFaultRules,
  parseLatency,
} from './faults.js';
import { ApiError, Body, notFound, parseRawQuery, Query, type RawQuery } from './http.js';
import type { JobKind, MessageRecord } from './model.js';
import { compareNewestFirst } from './paginate.js';
import { deriveSeed, Rng } from './random.js';
import {
  renderActivePeerWithTracks,
  renderAsset,
  renderJob,
  renderRoom,
  renderRoomCode,
  renderSession,
  renderTemplate,
} from './render.js';
import { type Match, Reply, Router } from './router.js';
import { activeRoomRoutes } from './routes/active-rooms.js';
import { analyticsRoutes } from './routes/analytics.js';
import { analyticsWebhookRoutes } from './routes/analytics-webhooks.js';
import { externalStreamRoutes } from './routes/external-streams.js';
import { jobsOf, resolveMeetingUrl, startPreconditions } from './routes/jobs.js';
import { liveStreamRoutes } from './routes/live-streams.js';
import { pollRoutes, renderPoll } from './routes/polls.js';
import { recordingAssetRoutes } from './routes/recording-assets.js';
import { createRecordingJob, recordingRoutes } from './routes/recordings.js';
import { roomCodeRoutes } from './routes/room-codes.js';
import { roomRoutes } from './routes/rooms.js';
import { sessionRoutes } from './routes/sessions.js';
import { activeKey, endIngest, renderStreamKey, streamKeyRoutes } from './routes/stream-keys.js';
import { templateRoutes } from './routes/templates.js';
import { seed } from './seed.js';
import { LIVE_JOB_STATUSES, Store } from './store.js';
import {
  createWebhookSender,
  type WebhookDelivery,
  type WebhookTarget,
  webhookListener,
} from './webhooks.js';

export type { FaultRule, LatencyConfig } from './faults.js';
export { SEED_EPOCH_MS, SEED_POLLS, SEED_ROOMS, SEED_TEMPLATES } from './seed.js';
export type { WebhookDelivery, WebhookTarget } from './webhooks.js';
export { RETRY_DELAYS_MS as WEBHOOK_RETRY_DELAYS_MS } from './webhooks.js';

/**
 * Fixed demo credentials: a 24-hex access key like the dashboard's, and a secret. They protect
 * nothing but fake data on 127.0.0.1.
 */
export const DEMO_CREDENTIALS = Object.freeze({
  accessKey: '64f0c0ffee5eed0000d3a0a1',
  secret: 'hms-graph-demo-secret-not-for-production-use-0001',
});

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
  /** The live ingest breaks (`ingest.failure`). */
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

const MAX_BODY_BYTES = 1024 * 1024;
const LOG_SIZE = 1000;
const MAX_LOGGED_BODY_CHARS = 64 * 1024;
const UNMATCHED = '<unmatched>';

const ROUTER = new Router([
  ...roomRoutes,
  ...sessionRoutes,
  ...activeRoomRoutes,
  ...recordingRoutes,
  ...recordingAssetRoutes,
  ...roomCodeRoutes,
  ...liveStreamRoutes,
  ...externalStreamRoutes,
  ...analyticsRoutes,
  ...analyticsWebhookRoutes,
  ...templateRoutes,
  ...pollRoutes,
  ...streamKeyRoutes,
]);

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const accessKey = options.accessKey ?? DEMO_CREDENTIALS.accessKey;
  const secret = options.secret ?? DEMO_CREDENTIALS.secret;
  const seedValue = options.seed ?? 1;
  const now = options.now ?? (() => new Date());
  const jobStepMs = options.jobStepMs ?? 2000;
  let latency: LatencyConfig | null = options.latency ?? null;
  const jitterRng = new Rng(deriveSeed(seedValue, 'jitter'));
  const faults = new FaultPlan(new Rng(deriveSeed(seedValue, 'faults')), options.faults ?? []);

  const webhooks = createWebhookSender({ retryDelaysMs: options.webhookRetryDelaysMs });
  webhooks.setTarget(options.webhook ?? null);
  const activities = new Set<{ stop(): void }>();

  const buildStore = () => {
    const seedRng = new Rng(deriveSeed(seedValue, 'seed-data'));
    const fresh = new Store({ rng: seedRng, now, jobStepMs });
    seed(fresh, seedRng, fresh.nowUs());
    fresh.rng = new Rng(deriveSeed(seedValue, 'runtime-ids'));
    fresh.onChange = webhookListener(fresh, webhooks);
    return fresh;
  };
  let store = buildStore();

  let requests: Record<string, number> = {};
  let total = 0;
  let inFlight = 0;
  let peakConcurrent = 0;
  let log: RequestLogEntry[] = [];
  let closed = false;
  const timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();

  const resetStats = () => {
    requests = {};
    total = 0;
    peakConcurrent = inFlight;
    log = [];
  };

  /** Holds an answer; resolves early (to nothing) when the emulator closes. */
  const hold = (ms: number) =>
    new Promise<void>((resolve) => {
      if (ms <= 0 || closed) return resolve();
      const entry = {
        resolve,
        timer: setTimeout(() => {
          timers.delete(entry);
          resolve();
        }, ms),
      };
      timers.add(entry);
    });

  const latencyMs = () => {
    if (!latency) return 0;
    const jitter = latency.jitterMs ? (jitterRng.next() * 2 - 1) * latency.jitterMs : 0;
    return Math.max(0, latency.ms + jitter);
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (res.destroyed || res.writableEnded || res.headersSent) return;
    const text = status === 204 || body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, {
      ...headers,
      ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  };

  async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname;
    let body: unknown;
    if (req.method === 'POST') {
      const text = await readBody(req);
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        return send(res, 400, new ApiError(400, 'Invalid request body', ['body is not valid JSON']).body());
      }
    }
    if (req.method === 'GET' && path === '/__emulator/stats') {
      const { log: entries, ...counters } = emulator.stats();
      return send(
        res,
        200,
        url.searchParams.get('log') === 'true' ? { ...counters, log: entries } : counters,
      );
    }
    if (req.method === 'POST' && path === '/__emulator/reset') {
      const data = (body as { data?: unknown } | undefined)?.data === true;
      emulator.reset({ data });
      return send(res, 200, { reset: true, data });
    }
    if (req.method === 'POST' && path === '/__emulator/faults') {
      const rules = parseFaultRules(body);
      if (typeof rules === 'string')
        return send(res, 400, new ApiError(400, 'Invalid fault rules', [rules]).body());
      faults.set(rules);
      return send(res, 200, {
        faults: rules.map((r) => ({ ...r, route: r.route instanceof RegExp ? String(r.route) : r.route })),
      });
    }
    if (req.method === 'POST' && path === '/__emulator/latency') {
      const parsed = parseLatency(body);
      if (typeof parsed === 'string')
        return send(res, 400, new ApiError(400, 'Invalid latency', [parsed]).body());
      latency = parsed;
      return send(res, 200, { latency });
    }
    if (req.method === 'POST' && path === '/__emulator/advance-jobs') {
      emulator.advanceJobs();
      return send(res, 200, { advanced: true });
    }
    return send(res, 404, notFound('Not found', `no emulator control endpoint ${req.method} ${path}`).body());
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname;
    let match: Match | undefined;
    let early: ApiError | undefined;
    try {
      match = path.startsWith('/v2/') ? ROUTER.match(method, path) : undefined;
    } catch (error) {
      early = error instanceof ApiError ? error : new ApiError(400, 'Invalid path');
    }
    const template = match?.route.template ?? UNMATCHED;
    const routeKey = `${method} ${template}`;
    requests[routeKey] = (requests[routeKey] ?? 0) + 1;
    total += 1;
    inFlight += 1;
    peakConcurrent = Math.max(peakConcurrent, inFlight);
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      inFlight -= 1;
    };
    res.once('close', settle);

    const rawQuery = parseRawQuery(url.search);
    const entry: RequestLogEntry = {
      method,
      route: routeKey,
      path,
      query: rawQuery,
      body: undefined,
      status: 0,
    };
    log.push(entry);
    if (log.length > LOG_SIZE) log.splice(0, log.length - LOG_SIZE);

    let text = '';
    try {
      text = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        entry.status = 413;
        return send(res, 413, new ApiError(413, 'Request body too large').body(), { connection: 'close' });
      }
      return void req.socket.destroy();
    }
    let parsedBody: unknown;
    let bodyError: ApiError | undefined;
    if (text.trim() !== '') {
      // The log keeps 1000 entries: large bodies are summarised so it stays small in memory.
      const loggable = text.length <= MAX_LOGGED_BODY_CHARS;
      try {
        parsedBody = JSON.parse(text);
        entry.body = loggable ? parsedBody : `<${text.length} characters of JSON>`;
      } catch (error) {
        entry.body = loggable ? text : `<${text.length} characters, not JSON>`;
        bodyError = new ApiError(400, 'Invalid request body', [
          `body is not valid JSON: ${(error as Error).message}`,
        ]);
      }
    }

    const fault = faults.pick({ method, template: match ? template : path, path });
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }

    let status: number;
    let payload: unknown;
    const headers: Record<string, string> = {};
    const requestId = req.headers['x-request-id'];
    if (typeof requestId === 'string' && requestId.length <= 200) headers['x-request-id'] = requestId;
    if (fault?.kind === 'status') {
      status = fault.status ?? 503;
      const retryAfter = fault.retryAfterSeconds ?? (status === 429 ? 1 : undefined);
      if (retryAfter !== undefined) headers['retry-after'] = String(Math.ceil(retryAfter));
      payload = { code: status, message: faultMessage(status, Math.ceil(retryAfter ?? 0)), details: [] };
    } else {
      ({ status, payload } = await dispatch(
        req,
        path,
        match,
        early,
        bodyError,
        rawQuery,
        parsedBody,
        headers,
      ));
    }
    entry.status = status;
    const wait = latencyMs() + (fault?.kind === 'delay' ? (fault.delayMs ?? 1000) : 0);
    await hold(wait);
    if (closed) return void res.destroy();
    send(res, status, payload, headers);
  }

  async function dispatch(
    req: IncomingMessage,
    path: string,
    match: Match | undefined,
    early: ApiError | undefined,
    bodyError: ApiError | undefined,
    rawQuery: RawQuery,
    parsedBody: unknown,
    headers: Record<string, string>,
  ): Promise<{ status: number; payload: unknown }> {
    try {
      if (!path.startsWith('/v2/') && path !== '/v2')
        throw notFound('Not found', `no route for ${req.method} ${path}`);
      await authenticate(req.headers.authorization, { accessKey, secret, now });
      if (early) throw early;
      if (!match) throw notFound('Not found', `no route for ${req.method} ${path}`);
      if (bodyError) throw bodyError;
      store.settleJobs();
      const result = match.route.handler({
        store,
        params: match.params,
        query: new Query(rawQuery),
        rawBody: parsedBody,
        body: () => Body.from(parsedBody),
      });
      if (result instanceof Reply) return { status: result.status, payload: result.body };
      return { status: 200, payload: result };
    } catch (error) {
      if (error instanceof ApiError) {
        Object.assign(headers, error.headers);
        return { status: error.status, payload: error.body() };
      }
      // A handler bug must never take the emulator down: answer 500 like the real service.
      return {
        status: 500,
        payload: { code: 500, message: 'Internal server error', details: [String(error)] },
      };
    }
  }

  const server = createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://emulator.invalid');
    } catch {
      return send(res, 400, new ApiError(400, 'Invalid request target').body());
    }
    const handler = url.pathname.startsWith('/__emulator/') ? handleControl : handleApi;
    handler(req, res, url).catch((error: unknown) => {
      send(res, 500, { code: 500, message: 'Internal server error', details: [String(error)] });
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${host}:${address.port}`;

  const byRoom = <T extends { room_id: string }>(items: T[], roomId?: string) =>
    roomId === undefined ? items : items.filter((item) => item.room_id === roomId);
  const newestFirst = <T extends { createdAt: number; id: string }>(items: Iterable<T>) =>
    [...items].sort((a, b) =>
      compareNewestFirst({ createdAt: a.createdAt, key: a.id }, { createdAt: b.createdAt, key: b.id }),
    );
  const jobs = (kind: JobKind) => {
    store.settleJobs();
    return newestFirst([...store.jobs.values()].filter((job) => job.kind === kind)).map((job) =>
      renderJob(store, job, true),
    );
  };
  const findRoomRecord = (roomId: string) => {
    const room = store.rooms.get(roomId);
    if (!room) throw new Error(`emulator: no room ${roomId}`);
    return room;
  };

  const state: EmulatorState = {
    get customerId() {
      return store.customerId;
    },
    get appId() {
      return store.appId;
    },
    rooms: () => newestFirst(store.rooms.values()).map((room) => renderRoom(store, room)),
    room: (nameOrId) => {
      const room = store.rooms.get(nameOrId) ?? store.roomByName(nameOrId);
      return room ? renderRoom(store, room) : undefined;
    },
    sessions: (roomId) =>
      byRoom(
        newestFirst(store.sessions.values()).map((s) => renderSession(store, s)),
        roomId,
      ),
    activeSession: (roomId) => {
      const session = store.activeSession(roomId);
      return session ? renderSession(store, session) : undefined;
    },
    templates: () => newestFirst(store.templates.values()).map((t) => renderTemplate(store, t)),
    recordings: (roomId) => byRoom(jobs('recording') as Recording[], roomId),
    liveStreams: (roomId) => byRoom(jobs('live-stream') as LiveStream[], roomId),
    externalStreams: (roomId) => byRoom(jobs('external-stream') as ExternalStream[], roomId),
    assets: (roomId) => {
      store.settleJobs();
      return byRoom(newestFirst(store.assets.values()).map(renderAsset), roomId);
    },
    roomCodes: (roomId) =>
      [...store.roomCodes.values()]
        .filter((code) => roomId === undefined || code.roomId === roomId)
        .sort((a, b) =>
          compareNewestFirst(
            { createdAt: a.createdAt, key: a.code },
            { createdAt: b.createdAt, key: b.code },
          ),
        )
        .map(renderRoomCode),
    events: (roomId) =>
      store.events
        .filter((record) => roomId === undefined || record.roomId === roomId)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)
        .map((record) => structuredClone(record.event)),
    messages: () => store.messages.map((message) => structuredClone(message)),
    polls: () => newestFirst(store.polls.values()).map(renderPoll),
    streamKeys: (roomId) =>
      newestFirst(store.streamKeys.values())
        .filter((key) => roomId === undefined || key.roomId === roomId)
        .map((key) => renderStreamKey(store, key)),
  };

  const simulate: EmulatorSimulation = {
    startSession(roomId, peers = [{ name: 'Host', role: 'host' }]) {
      const room = findRoomRecord(roomId);
      store.settleJobs();
      const session = store.startSession(room);
      for (const peer of peers) simulate.joinPeer(roomId, peer);
      return renderSession(store, session);
    },
    joinPeer(roomId, peer) {
      const room = findRoomRecord(roomId);
      if (!store.templateOf(room).roles[peer.role])
        throw new Error(`emulator: role ${peer.role} is not in the room's template`);
      const session = store.startSession(room);
      const record = store.joinPeer(session, {
        name: peer.name,
        role: peer.role,
        userId: peer.userId ?? `user-${store.newUuid().slice(0, 8)}`,
        ...(peer.metadata !== undefined ? { metadata: peer.metadata } : {}),
      });
      return renderActivePeerWithTracks(record);
    },
    leavePeer(roomId, peerId, reason = 'client request') {
      const session = store.activeSession(roomId);
      const peer = session?.peers.find((candidate) => candidate.id === peerId && candidate.leftAt === null);
      if (!session || !peer) throw new Error(`emulator: no active peer ${peerId} in room ${roomId}`);
      store.settleJobs();
      store.leavePeer(session, peer, reason);
    },
    startRecording(roomId, recordingOptions = {}) {
      store.settleJobs();
      const { room, session } = startPreconditions(store, 'recording', roomId);
      let meetingUrl: string;
      try {
        meetingUrl = resolveMeetingUrl(store, room, undefined);
      } catch {
        meetingUrl = `https://emulator.invalid/meeting/${room.id}`;
      }
      const job = createRecordingJob(store, room, session, {
        meetingUrl,
        transcription: recordingOptions.transcription
          ? { enabled: true, modes: ['recorded'], summary: { enabled: true } }
          : null,
      });
      if (recordingOptions.failTranscription) job.transcriptionFails = true;
      return renderJob(store, job, true) as Recording;
    },
    startPoll(roomId, pollId) {
      const session = store.activeSession(findRoomRecord(roomId).id);
      if (!session) throw new Error(`emulator: room ${roomId} has no live session`);
      if (!store.polls.has(pollId)) throw new Error(`emulator: no poll ${pollId}`);
      return store.startPoll(pollId, session).id;
    },
    answerPoll(roomId, pollId, peerId, answer) {
      const session = store.activeSession(findRoomRecord(roomId).id);
      const peer = session?.peers.find((p) => p.id === peerId && p.leftAt === null);
      if (!session || !peer) throw new Error(`emulator: no active peer ${peerId} in room ${roomId}`);
      store.settlePolls();
      const run = [...store.pollRuns.values()].find(
        (r) => r.pollId === pollId && r.sessionId === session.id && r.stoppedAt === null,
      );
      if (!run) throw new Error(`emulator: poll ${pollId} is not running in room ${roomId}`);
      const poll = store.polls.get(pollId);
      if (!poll?.questions[answer.question - 1])
        throw new Error(`emulator: poll ${pollId} has no question ${answer.question}`);
      const previous = [...store.pollResponses.values()]
        .filter((r) => r.pollId === pollId && r.sessionId === session.id && r.question === answer.question)
        .filter((r) => (poll.mode === 'peerid' ? r.peerId === peer.id : r.userId === peer.userId))
        .at(-1);
      if (previous && poll.questions[answer.question - 1]?.once)
        throw new Error(`emulator: question ${answer.question} can be answered once`);
      const at = store.nowUs();
      const response = {
        id: store.newId(at),
        pollId,
        sessionId: session.id,
        question: answer.question,
        peerId: peer.id,
        userId: peer.userId,
        skipped: answer.skipped ?? false,
        text: answer.text ?? '',
        options: [...(answer.options ?? [])],
        duration: answer.duration ?? 5,
        originalResponse: previous?.id ?? '',
        retries: previous ? previous.retries + 1 : 0,
        sentAt: at,
      };
      store.pollResponses.set(response.id, response);
      return response.id;
    },
    startIngest(roomId) {
      const room = findRoomRecord(roomId);
      const key = activeKey(store, room.id);
      if (!key) throw new Error(`emulator: room ${roomId} has no active stream key`);
      const live = [...store.ingests.values()].find((i) => i.roomId === room.id && i.endedAt === null);
      if (live) return live.id;
      const at = store.nowUs();
      const ingest = {
        id: store.newId(at),
        streamKeyId: key.id,
        roomId: room.id,
        streamId: store.newUuid(),
        startedAt: at,
        endedAt: null,
        endReason: '',
        errorMessage: '',
      };
      store.ingests.set(ingest.id, ingest);
      store.onChange?.({ kind: 'ingest', ingest, state: 'start.success' }, at);
      return ingest.id;
    },
    stopIngest(roomId, reason = 'client request') {
      if (!endIngest(store, findRoomRecord(roomId).id, reason, store.nowUs()))
        throw new Error(`emulator: room ${roomId} has no live ingest`);
    },
    failIngest(roomId, message = 'ingest stream disconnected unexpectedly') {
      const room = findRoomRecord(roomId);
      const ingest = [...store.ingests.values()].find((i) => i.roomId === room.id && i.endedAt === null);
      if (!ingest) throw new Error(`emulator: room ${roomId} has no live ingest`);
      const at = store.nowUs();
      ingest.endedAt = at;
      ingest.endReason = 'failure';
      ingest.errorMessage = message;
      store.onChange?.({ kind: 'ingest', ingest, state: 'failure' }, at);
    },
    stopRecording(roomId) {
      store.settleJobs();
      const now = store.nowUs();
      for (const job of jobsOf(store, 'recording')) {
        if (job.roomId === roomId && LIVE_JOB_STATUSES.has(job.status))
          store.stopJob(job, '', now, 'client request');
      }
    },
    startActivity(activityOptions) {
      const activity = startActivity(simulate, state, activityOptions);
      const handle = {
        stop: () => {
          activity.stop();
          activities.delete(handle);
        },
      };
      activities.add(handle);
      return handle;
    },
  };

  const emulator: Emulator = {
    url: `${origin}/v2`,
    origin,
    accessKey,
    secret,
    stats: () => ({
      requests: { ...requests },
      total,
      peakConcurrent,
      inFlight,
      log: log.map((e) => ({ ...e })),
    }),
    resetStats,
    reset(resetOptions = {}) {
      resetStats();
      if (resetOptions.data) store = buildStore();
    },
    setLatency(value) {
      latency = value ? { ...value } : null;
    },
    setFaults(rules) {
      faults.set(rules);
    },
    advanceJobs() {
      store.advanceJobs();
    },
    setWebhook(target) {
      webhooks.setTarget(target);
    },
    webhookDeliveries: () => webhooks.deliveries(),
    state,
    simulate,
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        closed = true;
        for (const activity of [...activities]) activity.stop();
        webhooks.close();
        for (const entry of timers) {
          clearTimeout(entry.timer);
          entry.resolve();
        }
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return emulator;
}
