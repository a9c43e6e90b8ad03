/**
 * Webhook delivery, as 100ms does it (https://www.100ms.live/docs/server-side/v2/how-to-guides/configure-webhooks/webhook): every store change 100ms reports becomes a
 * JSON POST with the documented envelope to the configured URL, with the configured custom
 * headers. Anything but a 200 (or no answer) is retried 3 times, 1 s, 3 s and 10 s apart; each
 * retry carries the same event id, which is what lets a receiver de-duplicate.
 *
 * Deliveries use `fetch` and their own timers, never the store's rng: turning webhooks on does
 * not change a single id the emulator hands out.
 */
import { randomUUID } from 'node:crypto';
import type {
  AssetRecord,
  IngestRecord,
  JobRecord,
  PeerRecord,
  SessionRecord,
  StoreChange,
} from './model.js';
import type { Store } from './store.js';
import { formatTime, type Micros, US_PER_SECOND } from './time.js';

export interface WebhookTarget {
  url: string;
  /** Custom headers 100ms adds to every delivery, e.g. a shared secret. */
  headers?: Record<string, string>;
}

export interface WebhookEnvelope {
  version: '2.0';
  id: string;
  app_id: string;
  account_id: string;
  template_id?: string;
  timestamp: string;
  type: string;
  data: Record<string, unknown>;
}

export interface WebhookDelivery {
  id: string;
  type: string;
  /** Attempts made so far (1 = no retry yet). */
  attempts: number;
  /** The last HTTP status; 0 when there was no answer. */
  lastStatus: number;
  state: 'pending' | 'delivered' | 'failed';
}

/** 100ms' documented schedule: retry 1 s after the first attempt, then 3 s, then 10 s later. */
export const RETRY_DELAYS_MS: readonly number[] = [1000, 3000, 10_000];
const ATTEMPT_TIMEOUT_MS = 10_000;
const HISTORY = 500;

const seconds = (from: Micros, to: Micros) => Math.max(0, Math.round((to - from) / US_PER_SECOND));

/** The 100ms webhook events one store change stands for (https://www.100ms.live/docs/server-side/v2/how-to-guides/configure-webhooks/webhook). */
export function eventsFor(
  store: Store,
  change: StoreChange,
  at: Micros,
): Array<{ type: string; data: Record<string, unknown> }> {
  const room = (roomId: string) => store.rooms.get(roomId);
  const sessionFields = (session: SessionRecord) => {
    const r = room(session.roomId);
    return {
      room_id: session.roomId,
      room_name: r?.name ?? '',
      session_id: session.id,
      template_id: r?.templateId ?? '',
      session_started_at: formatTime(session.createdAt),
    };
  };
  const peerFields = (session: SessionRecord, peer: PeerRecord) => ({
    ...sessionFields(session),
    peer_id: peer.id,
    user_id: peer.userId,
    user_name: peer.name,
    user_data: peer.metadata,
    role: peer.role,
    joined_at: formatTime(peer.joinedAt),
    type: 'regular',
  });

  switch (change.kind) {
    case 'session.open':
      return [{ type: 'session.open.success', data: sessionFields(change.session) }];
    case 'session.close':
      return [
        {
          type: 'session.close.success',
          data: {
            ...sessionFields(change.session),
            session_duration: seconds(change.session.createdAt, at),
            session_stopped_at: formatTime(at),
          },
        },
      ];
    case 'peer.join':
      return [{ type: 'peer.join.success', data: peerFields(change.session, change.peer) }];
    case 'peer.leave':
      // A REST remove-peer is `peer kicked` with its reason in `message`; `server removed peer`
      // means a server fault (https://www.100ms.live/docs/server-side/v2/how-to-guides/configure-webhooks/webhook).
      return [
        {
          type: 'peer.leave.success',
          data: {
            ...peerFields(change.session, change.peer),
            left_at: formatTime(change.peer.leftAt ?? at),
            duration: seconds(change.peer.joinedAt, change.peer.leftAt ?? at),
            reason: change.peer.leaveReason ?? 'client request',
            message: change.peer.leaveMessage ?? '',
          },
        },
      ];
    case 'role.change': {
      const { role: _role, type: _type, ...fields } = peerFields(change.session, change.peer);
      return [
        {
          type: 'role.change.success',
          data: {
            ...fields,
            previous_role: change.previousRole,
            role: change.peer.role,
            role_changed_at: formatTime(at),
            // "This field won't be present if role is changed using API" (webhook docs).
          },
        },
      ];
    }
    case 'room.end':
      return [
        {
          type: 'room.end.success',
          data: {
            ...sessionFields(change.session),
            peer_id: '',
            user_id: '',
            user_name: '',
            role: '',
            lock_room: change.lock,
            reason: change.reason,
            source: 'api',
          },
        },
      ];
    case 'job':
      return jobEvents(store, change.job, at);
    case 'transcription':
      return transcriptionEvents(store, change.job, change.state, at);
    case 'ingest':
      return ingestEvents(store, change.ingest, change.state, at);
  }
}

/**
 * Beam (recording, RTMP out) and HLS lifecycle events, with the fields the webhook docs list:
 * https://www.100ms.live/docs/server-side/v2/how-to-guides/configure-webhooks/webhook#beam-events
 * HLS events carry no `rtmp` (only beam's do).
 */
function jobEvents(
  store: Store,
  job: JobRecord,
  at: Micros,
): Array<{ type: string; data: Record<string, unknown> }> {
  const room = store.rooms.get(job.roomId);
  const session = store.sessions.get(job.sessionId);
  const hls = job.kind === 'live-stream';
  const prefix = hls ? 'hls' : 'beam';
  const size = maxSize(job);
  const stamp = formatTime(at);
  const base: Record<string, unknown> = {
    beam_id: job.id,
    job_id: job.id,
    room_id: job.roomId,
    room_name: room?.name ?? '',
    session_id: job.sessionId,
    template_id: room?.templateId ?? '',
    peer_id: job.startedBy,
    meeting_url: job.meetingUrl,
    session_started_at: formatTime(session?.createdAt ?? job.createdAt),
    // Unique per message; `randomUUID` so webhooks never consume the store's id stream.
    metadata_id: randomUUID(),
    metadata_timestamp: stamp,
    state_timestamp: stamp,
    max_width: size.width,
    max_height: size.height,
    ...(job.kind === 'live-stream'
      ? {
          url: job.playbackUrl,
          recording_single_file_per_layer_enabled: job.singleFilePerLayer,
          recording_vod_playlist_enabled: job.hlsVod,
        }
      : {
          recording_enabled: job.kind === 'recording' ? true : job.recording,
          rtmp: job.kind === 'external-stream' ? job.rtmpUrls.map((url) => ({ url })) : [],
        }),
  };
  const duration = seconds(job.startedAt ?? at, job.stoppedAt ?? at);
  const assets = store.assetsOf(job.id);
  switch (job.status) {
    case 'running':
      return [
        {
          type: `${prefix}.started.success`,
          data: {
            ...base,
            state_name: 'Started',
            start_delay: seconds(job.createdAt, at),
            ...(hls ? { started_at: stamp } : {}),
          },
        },
      ];
    case 'post_processing':
      return [
        {
          type: `${prefix}.stopped.success`,
          data: {
            ...base,
            state_name: 'Stopped',
            duration,
            ...(hls
              ? {
                  stopped_at: stamp,
                  live_transcription_enabled: (job.transcription?.modes ?? []).includes('live'),
                }
              : {}),
            reason: job.stopReason ?? 'client request',
          },
        },
      ];
    case 'failed':
      return [
        {
          type: `${prefix}.failure`,
          data: {
            ...base,
            state_name: 'Failed',
            duration: 0,
            error_code: 1,
            error_type: 'BEAM_STOPPED',
            error_message: 'Beam stopped too early',
          },
        },
      ];
    case 'completed':
      return recordingEvents(store, job, base, assets, duration, at);
    default:
      return [];
  }
}

function maxSize(job: JobRecord): { width: number; height: number } {
  return job.kind === 'live-stream' ? { width: 1920, height: 1080 } : job.resolution;
}

function recordingEvents(
  store: Store,
  job: JobRecord,
  base: Record<string, unknown>,
  assets: AssetRecord[],
  duration: number,
  at: Micros,
): Array<{ type: string; data: Record<string, unknown> }> {
  const media = assets.filter((a) => a.type === 'room-composite' || a.type === 'room-vod');
  const main = media.find((a) => a.type === 'room-vod') ?? media[0];
  if (!main) return [];
  const chat = assets.find((a) => a.type === 'chat');
  const timing = {
    started_at: formatTime(job.startedAt ?? at),
    stopped_at: formatTime(job.stoppedAt ?? at),
    duration,
  };
  // Recording events carry metadata_* but no state_* and no job_id (webhook docs).
  const {
    state_timestamp: _state,
    job_id: _job,
    recording_enabled: _enabled,
    recording_single_file_per_layer_enabled: _perLayer,
    recording_vod_playlist_enabled: _vod,
    url: _url,
    ...recordingBase
  } = base;
  if (job.kind === 'live-stream') {
    return [
      {
        type: 'hls.recording.success',
        data: {
          ...recordingBase,
          ...timing,
          recording_id: main.id,
          hls_vod_recording_path: main.type === 'room-vod' ? main.path : '',
          hls_vod_recording_presigned_url:
            main.type === 'room-vod' ? store.presign(main.path, 86_400, at) : '',
          hls_vod_recording_size: main.type === 'room-vod' ? main.size : 0,
          recording_single_files: media
            .filter((a) => a.type === 'room-composite')
            .map((a) => ({
              asset_id: a.id,
              layer: String((a.metadata as { layer?: number }).layer ?? 0),
              recording_path: a.path,
              recording_presigned_url: store.presign(a.path, 86_400, at),
              size: a.size,
            })),
          recording_created_at: formatTime(at),
        },
      },
    ];
  }
  return [
    {
      type: 'beam.recording.success',
      data: {
        ...recordingBase,
        ...timing,
        created_at: formatTime(job.createdAt),
        recording_id: main.id,
        recording_path: main.path,
        recording_presigned_url: store.presign(main.path, 86_400, at),
        chat_recording_path: chat?.path ?? '',
        chat_recording_presigned_url: chat ? store.presign(chat.path, 86_400, at) : '',
        size: main.size,
      },
    },
  ];
}

/**
 * `transcription.started.success` when the recording's files are done and transcription begins,
 * then `transcription.success` (asset ids, paths and presigned URLs) or `transcription.failure`
 * (https://www.100ms.live/docs/server-side/v2/how-to-guides/configure-webhooks/webhook#transcription-events).
 * The docs list the same `*_path` / `*_presigned_url` keys for failure as for success; a failed
 * transcription has no files, so they are empty there (inferred), with an `error_message`.
 */
function transcriptionEvents(
  store: Store,
  job: JobRecord,
  state: 'started' | 'success' | 'failure',
  at: Micros,
): Array<{ type: string; data: Record<string, unknown> }> {
  const assets = store.assetsOf(job.id);
  const find = (type: string, mode: string) =>
    assets.find((a) => a.type === type && (a.metadata as { output_mode?: string }).output_mode === mode);
  const files = {
    summary_json: find('summary', 'json'),
    transcript_json: find('transcript', 'json'),
    transcript_srt: find('transcript', 'srt'),
    transcript_txt: find('transcript', 'txt'),
  };
  const stamp = formatTime(at);
  const data: Record<string, unknown> = {
    account_id: store.customerId,
    app_id: store.appId,
    recording_id: job.id,
    room_id: job.roomId,
    room_name: store.rooms.get(job.roomId)?.name ?? '',
    session_id: job.sessionId,
    metadata_id: randomUUID(),
    metadata_timestamp: stamp,
    transcription_id: `${job.id}-transcription`,
    duration: Math.max(0, ...assets.map((a) => a.duration)),
  };
  for (const [key, asset] of Object.entries(files)) data[`${key}_asset_id`] = asset?.id ?? '';
  if (state === 'started') return [{ type: 'transcription.started.success', data }];
  for (const [key, asset] of Object.entries(files)) {
    const usable = state === 'success' && asset !== undefined;
    data[`${key}_path`] = usable ? asset.path : '';
    data[`${key}_presigned_url`] = usable ? store.presign(asset.path, 86_400, at) : '';
  }
  if (state === 'failure') {
    data.error_message = 'transcription failed';
    return [{ type: 'transcription.failure', data }];
  }
  return [{ type: 'transcription.success', data }];
}

/**
 * RTMP ingest through a room's stream key
 * (https://www.100ms.live/docs/server-side/v2/how-to-guides/configure-webhooks/webhook#rtmp-ingest-events).
 * `id`, `account_id`, `app_id`, `timestamp` and `type` in the docs' field list are the envelope's.
 */
function ingestEvents(
  store: Store,
  ingest: IngestRecord,
  state: 'start.success' | 'start.failure' | 'end.success' | 'failure',
  at: Micros,
): Array<{ type: string; data: Record<string, unknown> }> {
  const room = store.rooms.get(ingest.roomId);
  const ids = {
    room_id: ingest.roomId,
    template_id: room?.templateId ?? '',
    ingest_id: ingest.id,
  };
  if (state === 'start.success') {
    return [
      {
        type: 'ingest.start.success',
        data: { ...ids, stream_id: ingest.streamId, started_at: formatTime(ingest.startedAt) },
      },
    ];
  }
  if (state === 'end.success') {
    const ended = ingest.endedAt ?? at;
    return [
      {
        type: 'ingest.end.success',
        data: {
          ...ids,
          stream_id: ingest.streamId,
          started_at: formatTime(ingest.startedAt),
          completed_at: formatTime(ended),
          last_disconnected_at: formatTime(ended),
          duration: seconds(ingest.startedAt, ended),
          reason: ingest.endReason,
        },
      },
    ];
  }
  if (state === 'start.failure') {
    // The broadcaster never got in: there is no ingest id to report.
    const { ingest_id: _none, ...roomIds } = ids;
    return [{ type: 'ingest.start.failure', data: { ...roomIds, error_message: ingest.errorMessage } }];
  }
  return [{ type: 'ingest.failure', data: { ...ids, error_message: ingest.errorMessage } }];
}

export interface WebhookSenderOptions {
  /** @default RETRY_DELAYS_MS */
  retryDelaysMs?: readonly number[];
  /** Called once per delivery when it succeeds or gives up (tests, logs). */
  onSettled?: (delivery: WebhookDelivery) => void;
}

/** Delivers envelopes to the current target with 100ms' retry schedule. */
export function createWebhookSender(options: WebhookSenderOptions = {}) {
  const retryDelays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  let target: WebhookTarget | null = null;
  let closed = false;
  const timers = new Set<NodeJS.Timeout>();
  const controllers = new Set<AbortController>();
  const history: WebhookDelivery[] = [];

  async function attempt(envelope: WebhookEnvelope, to: WebhookTarget, delivery: WebhookDelivery) {
    if (closed) return;
    delivery.attempts += 1;
    const controller = new AbortController();
    controllers.add(controller);
    const timeout = setTimeout(() => controller.abort(), ATTEMPT_TIMEOUT_MS);
    try {
      const response = await fetch(to.url, {
        method: 'POST',
        headers: { ...to.headers, 'content-type': 'application/json', 'user-agent': 'hms-emulator-webhooks' },
        body: JSON.stringify(envelope),
        signal: controller.signal,
      });
      await response.arrayBuffer().catch(() => undefined);
      delivery.lastStatus = response.status;
    } catch {
      delivery.lastStatus = 0;
    } finally {
      clearTimeout(timeout);
      controllers.delete(controller);
    }
    if (closed) return;
    if (delivery.lastStatus === 200) {
      delivery.state = 'delivered';
      options.onSettled?.({ ...delivery });
      return;
    }
    const delay = retryDelays[delivery.attempts - 1];
    if (delay === undefined) {
      delivery.state = 'failed';
      options.onSettled?.({ ...delivery });
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      void attempt(envelope, to, delivery);
    }, delay);
    timers.add(timer);
  }

  return {
    setTarget(next: WebhookTarget | null) {
      target = next ? { url: next.url, headers: { ...next.headers } } : null;
    },
    get target(): WebhookTarget | null {
      return target;
    },
    send(envelope: WebhookEnvelope) {
      if (!target || closed) return;
      const delivery: WebhookDelivery = {
        id: envelope.id,
        type: envelope.type,
        attempts: 0,
        lastStatus: 0,
        state: 'pending',
      };
      history.push(delivery);
      if (history.length > HISTORY) history.splice(0, history.length - HISTORY);
      void attempt(envelope, target, delivery);
    },
    deliveries(): WebhookDelivery[] {
      return history.map((d) => ({ ...d }));
    },
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const controller of controllers) controller.abort();
    },
  };
}

export type WebhookSender = ReturnType<typeof createWebhookSender>;

/** Wires a store to a sender: each change becomes envelopes with fresh ids. */
export function webhookListener(store: Store, sender: WebhookSender) {
  return (change: StoreChange, at: Micros) => {
    if (!sender.target) return;
    const templateOf = (roomId: string) => store.rooms.get(roomId)?.templateId;
    for (const { type, data } of eventsFor(store, change, at)) {
      const templateId = templateOf(String(data.room_id ?? ''));
      sender.send({
        version: '2.0',
        id: randomUUID(),
        app_id: store.appId,
        account_id: store.customerId,
        ...(templateId ? { template_id: templateId } : {}),
        // Second precision, as 100ms sends it.
        timestamp: formatTime(Math.floor(at / US_PER_SECOND) * US_PER_SECOND),
        type,
        data,
      });
    }
  };
}
