/**
 * The rest of `/v2/analytics` (https://www.100ms.live/docs/server-side/v2/api-reference/analytics/list-webhook-events, https://www.100ms.live/docs/server-side/v2/api-reference/analytics/overview): webhook delivery history, webhook replay
 * workflows and per-peer quality stats. None of it is stored as such: deliveries and stats are
 * derived from the sessions, peers and jobs in the store, with hash-seeded values, so reads never
 * consume the id generator and the same state always gives the same answer.
 */
import { createHash } from 'node:crypto';
import { type Body, invalidBodyParam, invalidQueryParam, notFound } from '../http.js';
import type { PeerRecord, SessionRecord } from '../model.js';
import { type LimitRule, resolveLimit } from '../paginate.js';
import { Rng } from '../random.js';
import { type RouteContext, route } from '../router.js';
import type { Store } from '../store.js';
import { formatTime, type Micros, parseTime, US_PER_DAY, US_PER_SECOND } from '../time.js';

/** Types the history and replay APIs accept in `event_names` (https://www.100ms.live/docs/server-side/v2/api-reference/analytics/overview). */
const WEBHOOK_EVENT_NAMES = new Set([
  'session.open.success',
  'session.close.success',
  'peer.join.success',
  'peer.leave.success',
  'recording.success',
  'recording.failed',
  'transcription.success',
  'beam.started.success',
  'beam.stopped.success',
  'beam.recording.success',
  'hls.recording.success',
  'stream.recording.success',
]);
const DELIVERY_STATUSES = new Set(['all', 'failed', 'success']);
const LIMIT_WEBHOOKS: LimitRule = { min: 1, max: 100, default: 50 };
const MAX_WINDOW = 14 * US_PER_DAY;
const RETENTION = 30 * US_PER_DAY;
const MAX_REPLAY = 50_000;

function hashUuid(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function hashSeed(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

interface Delivery {
  id: string;
  name: string;
  at: Micros;
  roomId: string;
  failed: boolean;
  record: Record<string, unknown>;
}

/** Every webhook the store implies, newest first. One in seven deliveries failed (deterministic). */
function deliveries(store: Store, from: Micros, to: Micros): Delivery[] {
  const out: Delivery[] = [];
  const add = (
    name: string,
    at: Micros,
    roomId: string,
    subject: string,
    eventData: Record<string, unknown>,
  ) => {
    if (at < from || at > to) return;
    const id = hashUuid(`${name}|${subject}|${at}`);
    // Decided by the event and its subject, not its time: the live session is placed relative to
    // now, and which of its deliveries failed must not change from one run to the next.
    const failed = hashSeed(`${name}|${subject}`) % 7 === 0;
    const room = store.rooms.get(roomId);
    const payload: Record<string, unknown> = {
      event_data: eventData,
      webhook_url: room?.webhook?.url ?? 'https://hooks.example.com/100ms',
      original_event_name: name,
    };
    if (failed) payload.error_reason = 'endpoint answered HTTP 502 after 3 retries';
    out.push({
      id,
      name,
      at,
      roomId,
      failed,
      record: {
        event_id: id,
        event_name: failed ? 'reporter.webhook.delivery.failed' : 'reporter.webhook.delivery.success',
        room_id: roomId,
        event_timestamp: formatTime(at),
        payload,
      },
    });
  };
  for (const session of store.sessions.values()) {
    const base = { room_id: session.roomId, session_id: session.id };
    add('session.open.success', session.createdAt, session.roomId, session.id, {
      ...base,
      session_started_at: formatTime(session.createdAt),
    });
    if (!session.active) add('session.close.success', session.updatedAt, session.roomId, session.id, base);
    for (const peer of session.peers) {
      const peerData = { ...base, peer_id: peer.id, user_id: peer.userId, role: peer.role };
      add('peer.join.success', peer.joinedAt, session.roomId, peer.id, peerData);
      if (peer.leftAt !== null)
        add('peer.leave.success', peer.leftAt, session.roomId, peer.id, {
          ...peerData,
          reason: peer.leaveReason ?? '',
        });
    }
  }
  for (const job of store.jobs.values()) {
    const data = { room_id: job.roomId, session_id: job.sessionId, beam_id: job.id };
    if (job.startedAt !== null) add('beam.started.success', job.startedAt, job.roomId, job.id, data);
    if (job.stoppedAt !== null) add('beam.stopped.success', job.stoppedAt, job.roomId, job.id, data);
    if (job.status === 'completed') {
      const name = job.kind === 'live-stream' ? 'hls.recording.success' : 'beam.recording.success';
      if (job.kind !== 'live-stream' || store.assetsOf(job.id).length > 0)
        add(name, job.updatedAt, job.roomId, `${job.id}:rec`, data);
    }
    const transcripts = store
      .assetsOf(job.id)
      .filter((a) => (a.type === 'transcript' || a.type === 'summary') && a.status === 'completed');
    if (transcripts.length > 0) {
      const at = Math.max(...transcripts.map((a) => a.createdAt));
      add('transcription.success', at, job.roomId, `${job.id}:transcription`, {
        ...data,
        recording_id: job.id,
      });
    }
  }
  return out.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
}

interface Window {
  start: Micros;
  end: Micros;
}

function readWindow(
  store: Store,
  start: Micros | undefined,
  end: Micros | undefined,
  field: (name: string) => Error,
): Window {
  const now = store.nowUs();
  const window = { start: start ?? now - US_PER_DAY, end: end ?? now };
  if (window.start < now - RETENTION) throw field('start_time');
  if (window.end < window.start) throw field('end_time');
  if (window.end - window.start > MAX_WINDOW) throw field('end_time');
  return window;
}

function checkNames(names: string[] | undefined, field: (name: string) => Error): void {
  if (names?.some((name) => !WEBHOOK_EVENT_NAMES.has(name))) throw field('event_names');
}

function history({ store, query }: RouteContext) {
  const start = query.time('start_time');
  const end = query.time('end_time');
  const roomId = query.objectId('room_id');
  const status = query.string('status') ?? 'all';
  const names = query.list('event_names');
  const limit = resolveLimit(query.int('limit'), LIMIT_WEBHOOKS);
  const page = query.int('page') ?? 1;
  query.done();
  const asQuery = (name: string) => invalidQueryParam(name);
  if (!DELIVERY_STATUSES.has(status)) throw asQuery('status');
  if (page < 1) throw asQuery('page');
  checkNames(names, asQuery);
  const window = readWindow(store, start, end, asQuery);
  const matching = deliveries(store, window.start, window.end).filter(
    (d) =>
      (roomId === undefined || d.roomId === roomId) &&
      (names === undefined || names.includes(d.name)) &&
      (status === 'all' || (status === 'failed') === d.failed),
  );
  const totalPages = Math.ceil(matching.length / limit);
  return {
    events: matching.slice((page - 1) * limit, page * limit).map((d) => d.record),
    pagination: {
      current_page: page,
      page_size: limit,
      total_pages: totalPages,
      total_items: matching.length,
      has_next: page < totalPages,
      has_prev: page > 1,
    },
    summary: { total_events: matching.length },
  };
}

function readReplay(store: Store, body: Body) {
  const startText = body.string('start_time');
  const endText = body.string('end_time');
  const roomId = body.string('room_id');
  const names = body.stringArray('event_names');
  const limit = body.int('limit') ?? MAX_REPLAY;
  const offset = body.int('offset') ?? 0;
  // Replays default to the failed deliveries: the point of a replay (https://www.100ms.live/docs/server-side/v2/api-reference/analytics/overview).
  const status = body.string('status') ?? 'failed';
  body.done();
  const asBody = (name: string) => invalidBodyParam(name);
  const parse = (text: string | undefined, name: string) => {
    if (text === undefined) return undefined;
    const value = parseTime(text);
    if (value === null) throw asBody(name);
    return value;
  };
  const window = readWindow(store, parse(startText, 'start_time'), parse(endText, 'end_time'), asBody);
  if (limit < 1 || limit > MAX_REPLAY) throw asBody('limit');
  if (offset < 0) throw asBody('offset');
  if (!DELIVERY_STATUSES.has(status)) throw asBody('status');
  checkNames(names, asBody);
  // "Identical" means the same request body, not the same resolved window.
  const key = JSON.stringify([startText, endText, roomId, names, limit, offset, status]);
  return { window, roomId, names, limit, offset, status, key };
}

function replay(ctx: RouteContext) {
  const { store } = ctx;
  const request = readReplay(store, ctx.body());
  const { window, roomId, names, limit, offset, status, key } = request;
  const filters = {
    start_time: formatTime(window.start),
    end_time: formatTime(window.end),
    room_id: roomId ?? '',
    event_types: names ?? [],
  };
  const now = store.nowUs();
  const running = [...store.replays.values()].find((w) => w.key === key && w.completeAt > now);
  if (running) {
    return {
      workflow_id: running.id,
      status: 'already_running',
      message: 'an identical replay is already running',
      filters,
    };
  }
  const selected = deliveries(store, window.start, window.end)
    .filter(
      (d) =>
        (roomId === undefined || d.roomId === roomId) &&
        (names === undefined || names.includes(d.name)) &&
        (status === 'all' || (status === 'failed') === d.failed),
    )
    .slice(offset, offset + limit);
  const id = hashUuid(`${key}|${now}`);
  // Delivered at 10 events per second (https://www.100ms.live/docs/server-side/v2/api-reference/analytics/overview), but never faster than one job step so
  // tests can observe "Running"; advanceJobs() finishes it at once.
  const duration = Math.max(store.jobStepMs * 1000, (selected.length / 10) * US_PER_SECOND);
  store.replays.set(id, {
    id,
    key,
    filters: { ...filters, limit, offset },
    startedAt: now,
    completeAt: now + duration,
    total: selected.length,
  });
  return {
    workflow_id: id,
    status: 'started',
    message: `replaying ${selected.length} webhook events`,
    filters,
  };
}

function replayStatus({ store, params, query }: RouteContext) {
  query.done();
  const workflow = store.replays.get(params.id as string);
  if (!workflow) throw notFound('Error: workflow not found', `no replay workflow ${params.id}`);
  const now = store.nowUs();
  const done = now >= workflow.completeAt;
  const span = Math.max(1, workflow.completeAt - workflow.startedAt);
  const completed = done ? workflow.total : Math.floor((workflow.total * (now - workflow.startedAt)) / span);
  return {
    workflow_id: workflow.id,
    status: done ? 'completed' : 'Running',
    started_at: formatTime(workflow.startedAt),
    completed_at: done ? formatTime(workflow.completeAt) : null,
    filters: workflow.filters,
    progress: { total: workflow.total, completed, failed: 0 },
    result: { total: workflow.total, completed, failed: 0, failed_events: [] },
  };
}

interface Band {
  minBps: number;
  maxBps: number;
  minFps: number;
  maxFps: number;
}

/**
 * Bitrates are bits per second, as 100ms reports them (e.g. 2,500,000 for a 720p `h` layer;
 * https://www.100ms.live/docs/server-side/v2/api-reference/analytics/peer-quality-stats).
 */
const SIMULCAST_LAYERS: Array<Band & { rid: 'h' | 'm' | 'l' }> = [
  { rid: 'h', minBps: 1_800_000, maxBps: 2_600_000, minFps: 24, maxFps: 30 },
  { rid: 'm', minBps: 900_000, maxBps: 1_300_000, minFps: 24, maxFps: 30 },
  { rid: 'l', minBps: 150_000, maxBps: 350_000, minFps: 12, maxFps: 15 },
];
const HIGH_BAND: Band = SIMULCAST_LAYERS[0] as Band;
const SCREEN_BAND: Band = { minBps: 500_000, maxBps: 1_000_000, minFps: 5, maxFps: 10 };

function series(rng: Rng, points: number, min: number, max: number, decimals = 0): number[] {
  const scale = 10 ** decimals;
  return Array.from({ length: points }, () => Math.round((min + rng.next() * (max - min)) * scale) / scale);
}

/**
 * Quality stats exist only after the session ended (https://www.100ms.live/docs/server-side/v2/api-reference/analytics/overview: "not real-time"); before
 * that, and for peers not in the session, there is nothing to find: 404 (inferred).
 */
function peerStats({ store, query }: RouteContext) {
  const peerId = query.string('peer_id');
  const sessionId = query.objectId('session_id');
  query.done();
  if (peerId === undefined) throw invalidQueryParam('peer_id', 'peer_id is required');
  if (sessionId === undefined) throw invalidQueryParam('session_id', 'session_id is required');
  const session: SessionRecord | undefined = store.sessions.get(sessionId);
  if (!session) throw notFound('Error: session not found', `no session ${sessionId}`);
  const peer: PeerRecord | undefined = session.peers.find((candidate) => candidate.id === peerId);
  if (!peer) throw notFound('Error: peer not found', `peer ${peerId} was not in session ${sessionId}`);
  if (session.active)
    throw notFound('Error: peer stats not available', 'stats are available once the session has ended');
  const rng = new Rng(hashSeed(`${sessionId}|${peerId}`));
  const end = peer.leftAt ?? session.updatedAt;
  const step = 10 * US_PER_SECOND;
  const points = Math.max(1, Math.min(60, Math.floor((end - peer.joinedAt) / step)));
  const timestamps = Array.from({ length: points }, (_, i) => Math.floor((peer.joinedAt + i * step) / 1000));
  const tracks =
    peer.tracks.length > 0
      ? peer.tracks
      : [
          { id: hashUuid(`${peerId}|audio`), type: 'audio', source: 'regular' },
          { id: hashUuid(`${peerId}|video`), type: 'video', source: 'regular' },
        ];
  const room = store.rooms.get(session.roomId);
  const role = room ? store.templateOf(room).roles[peer.role] : undefined;
  // Viewers publish nothing: their publisher section is empty.
  const publishes = (role?.publishParams?.allowed ?? []).length > 0;
  const videos = publishes ? tracks.filter((t) => t.type === 'video') : [];
  const audios = publishes ? tracks.filter((t) => t.type === 'audio') : [];
  // One entry per simulcast layer the role publishes, highest first, sharing the track id; a
  // screen share (or a role without simulcast) is one entry with `rid: null`.
  const simulcast = role?.publishParams?.simulcast as { video?: { layers?: unknown[] } } | undefined;
  const layerCount = Math.min(3, simulcast?.video?.layers?.length ?? 0);
  const layers = SIMULCAST_LAYERS.slice(0, layerCount);
  const publisherVideo = videos.flatMap((t) => {
    const rids = t.source === 'screen' || layers.length === 0 ? [null] : layers;
    return rids.map((layer) => {
      const band: Band = layer ?? (t.source === 'screen' ? SCREEN_BAND : HIGH_BAND);
      return {
        track_id: t.id,
        type: t.source,
        rid: layer?.rid ?? null,
        time_series: {
          timestamps,
          bitrate: series(rng, points, band.minBps, band.maxBps),
          fps: series(rng, points, band.minFps, band.maxFps),
          packet_loss_percent: series(rng, points, 0, 2, 2),
          rtt_ms: series(rng, points, 40, 120),
        },
      };
    });
  });
  return {
    peer_id: peer.id,
    session_id: session.id,
    room_id: session.roomId,
    publisher: {
      video: publisherVideo,
      audio: audios.map((t) => ({
        track_id: t.id,
        time_series: {
          timestamps,
          bitrate: series(rng, points, 24_000, 64_000),
          packet_loss_percent: series(rng, points, 0, 1, 2),
          rtt_ms: series(rng, points, 40, 120),
          jitter_ms: series(rng, points, 1, 15, 1),
        },
      })),
    },
    subscriber: {
      video: [
        {
          track_id: hashUuid(`${sessionId}|${peerId}|sub-video`),
          type: 'regular',
          time_series: {
            timestamps,
            bitrate: series(rng, points, 300_000, 2_500_000),
            fps: series(rng, points, 15, 30),
            freeze_count: series(rng, points, 0, 2),
          },
        },
      ],
      audio: [
        {
          track_id: hashUuid(`${sessionId}|${peerId}|sub-audio`),
          time_series: {
            timestamps,
            bitrate: series(rng, points, 24_000, 40_000),
            concealed_samples: series(rng, points, 0, 500),
            packet_loss_percent: series(rng, points, 0, 1, 2),
          },
        },
      ],
    },
  };
}

export const analyticsWebhookRoutes = [
  route('GET', '/v2/analytics/peer-stats', peerStats),
  route('GET', '/v2/analytics/webhooks', history),
  route('POST', '/v2/analytics/webhooks/replay', replay),
  route('GET', '/v2/analytics/webhooks/replay/{id}', replayStatus),
];
