/**
 * The emulator's state and the domain rules that more than one route needs: who is live, how a
 * session ends, how a job moves through its states and what it leaves behind. Routes validate
 * the wire; the store keeps the world consistent.
 */
import type { AnalyticsEvent, AssetType, JobStatus, TranscriptionOptions } from '../hms/types.js';
import { type Presigner, presign } from './downloads.js';
import type {
  AssetRecord,
  EventCategory,
  EventRecord,
  IngestRecord,
  JobRecord,
  MessageRecord,
  PeerRecord,
  PollRecord,
  PollResponseRecord,
  PollRunRecord,
  RoomCodeRecord,
  RoomRecord,
  SessionRecord,
  StoreChange,
  StreamKeyRecord,
  TemplateRecord,
  TrackRecord,
} from './model.js';
import type { Rng } from './random.js';
import { formatTime, type Micros, US_PER_MS, US_PER_SECOND } from './time.js';

/** The steps a job takes by itself; `running` lasts until someone stops it (or the session ends). */
const AUTOMATIC_NEXT: Partial<Record<JobStatus, JobStatus>> = {
  starting: 'running',
  stopping: 'post_processing',
  post_processing: 'completed',
};

export const LIVE_JOB_STATUSES: ReadonlySet<string> = new Set(['starting', 'running']);

export interface ReplayWorkflow {
  id: string;
  /** Identical in-flight requests reuse the workflow (https://www.100ms.live/docs/server-side/v2/api-reference/analytics/overview). */
  key: string;
  filters: Record<string, unknown>;
  startedAt: Micros;
  completeAt: Micros;
  total: number;
}

export interface StoreOptions {
  /** Stream for ids created after seeding. */
  rng: Rng;
  now: () => Date;
  jobStepMs: number;
  /** Signs the download URLs the emulator itself serves (`downloads.ts`). */
  presigner: Presigner;
}

export class Store {
  customerId = '';
  appId = '';
  readonly templates = new Map<string, TemplateRecord>();
  readonly rooms = new Map<string, RoomRecord>();
  readonly sessions = new Map<string, SessionRecord>();
  readonly jobs = new Map<string, JobRecord>();
  readonly assets = new Map<string, AssetRecord>();
  readonly roomCodes = new Map<string, RoomCodeRecord>();
  readonly events: EventRecord[] = [];
  readonly messages: MessageRecord[] = [];
  /** Webhook replay workflows by id (`/analytics/webhooks/replay`). */
  readonly replays = new Map<string, ReplayWorkflow>();
  readonly polls = new Map<string, PollRecord>();
  /** Runs of polls in sessions (`/polls/{id}/sessions`). */
  readonly pollRuns = new Map<string, PollRunRecord>();
  readonly pollResponses = new Map<string, PollResponseRecord>();
  readonly streamKeys = new Map<string, StreamKeyRecord>();
  readonly ingests = new Map<string, IngestRecord>();
  rng: Rng;
  readonly #now: () => Date;
  readonly #presigner: Presigner;
  jobStepMs: number;
  /** Told of every change 100ms would report by webhook (set after seeding: the seed sends none). */
  onChange: ((change: StoreChange, at: Micros) => void) | null = null;

  constructor(options: StoreOptions) {
    this.rng = options.rng;
    this.#now = options.now;
    this.#presigner = options.presigner;
    this.jobStepMs = options.jobStepMs;
  }

  /**
   * A presigned download URL for a stored file, valid `expirySeconds` from `at`; it points at the
   * emulator's own origin, which serves the bytes (`downloads.ts`).
   */
  presign(path: string, expirySeconds: number, at: Micros): string {
    return presign(this.#presigner, path, expirySeconds, at);
  }

  nowUs(): Micros {
    return this.#now().getTime() * US_PER_MS;
  }

  /** An id for something created now (its ObjectId carries the current second, like Mongo's). */
  newId(at: Micros = this.nowUs()): string {
    return this.rng.objectId(at / US_PER_SECOND);
  }

  newUuid(): string {
    return this.rng.uuid();
  }

  newRoomCode(): string {
    for (;;) {
      const code = this.rng.roomCode();
      if (!this.roomCodes.has(code)) return code;
    }
  }

  roomByName(name: string): RoomRecord | undefined {
    const wanted = name.toLowerCase();
    for (const room of this.rooms.values()) if (room.name.toLowerCase() === wanted) return room;
    return undefined;
  }

  templateByName(name: string): TemplateRecord | undefined {
    for (const template of this.templates.values()) if (template.name === name) return template;
    return undefined;
  }

  templateOf(room: RoomRecord): TemplateRecord {
    const template = this.templates.get(room.templateId);
    if (!template) throw new Error(`room ${room.id} points at missing template ${room.templateId}`);
    return template;
  }

  activeSession(roomId: string): SessionRecord | undefined {
    for (const session of this.sessions.values())
      if (session.roomId === roomId && session.active) return session;
    return undefined;
  }

  activePeers(session: SessionRecord): PeerRecord[] {
    return session.peers.filter((peer) => peer.leftAt === null);
  }

  /* ---------------------------------------------------------------- sessions and peers */

  startSession(room: RoomRecord, at: Micros = this.nowUs()): SessionRecord {
    const existing = this.activeSession(room.id);
    if (existing) return existing;
    const session: SessionRecord = {
      id: this.newId(at),
      roomId: room.id,
      active: true,
      createdAt: at,
      updatedAt: at,
      peers: [],
    };
    this.sessions.set(session.id, session);
    this.onChange?.({ kind: 'session.open', session }, at);
    // Polls linked to the room with `start: "auto"` begin with the session
    // (https://www.100ms.live/docs/server-side/v2/api-reference/polls/link-polls-with-room-via-api).
    for (const pollId of room.polls) {
      if (this.polls.get(pollId)?.start === 'auto') this.startPoll(pollId, session, at);
    }
    return session;
  }

  /* ---------------------------------------------------------------- polls */

  /** A poll begins in a session (auto at session start, or as the SDK's start would). */
  startPoll(pollId: string, session: SessionRecord, at: Micros = this.nowUs()): PollRunRecord {
    const running = [...this.pollRuns.values()].find(
      (run) => run.pollId === pollId && run.sessionId === session.id && run.stoppedAt === null,
    );
    if (running) return running;
    const run: PollRunRecord = {
      id: this.newId(at),
      pollId,
      sessionId: session.id,
      startedAt: at,
      stoppedAt: null,
    };
    this.pollRuns.set(run.id, run);
    return run;
  }

  /** A poll run ends when its `duration` is over or its session closes. */
  settlePolls(at: Micros = this.nowUs()): void {
    for (const run of this.pollRuns.values()) {
      if (run.stoppedAt !== null) continue;
      const duration = this.polls.get(run.pollId)?.duration ?? 0;
      if (duration > 0 && at - run.startedAt >= duration * US_PER_SECOND)
        run.stoppedAt = run.startedAt + duration * US_PER_SECOND;
      else if (!this.sessions.get(run.sessionId)?.active)
        run.stoppedAt = this.sessions.get(run.sessionId)?.updatedAt ?? at;
    }
  }

  joinPeer(
    session: SessionRecord,
    peer: {
      name: string;
      role: string;
      userId: string;
      metadata?: string;
      tracks?: Array<'audio' | 'video' | 'screen'>;
    },
    at: Micros = this.nowUs(),
  ): PeerRecord {
    const record: PeerRecord = {
      id: this.newUuid(),
      sessionId: session.id,
      roomId: session.roomId,
      name: peer.name,
      role: peer.role,
      userId: peer.userId,
      user: this.newUuid(),
      metadata: peer.metadata ?? '',
      joinedAt: at,
      leftAt: null,
      leaveReason: null,
      tracks: [],
    };
    const cameraStream = this.newUuid();
    for (const kind of peer.tracks ?? ['audio', 'video']) {
      const screen = kind === 'screen';
      record.tracks.push({
        id: this.newUuid(),
        streamId: screen ? this.newUuid() : cameraStream,
        mute: false,
        type: kind === 'audio' ? 'audio' : 'video',
        source: screen ? 'screen' : 'regular',
        startedAt: at,
        description: screen ? 'screen share' : kind === 'audio' ? 'microphone' : 'camera',
      });
    }
    session.peers.push(record);
    session.updatedAt = at;
    for (const track of record.tracks) this.recordTrackEvent('track.add.success', session, record, track, at);
    this.onChange?.({ kind: 'peer.join', session, peer: record }, at);
    return record;
  }

  /** A peer leaves; the session closes when nobody is left, as a real room does. */
  leavePeer(
    session: SessionRecord,
    peer: PeerRecord,
    reason: string,
    at: Micros = this.nowUs(),
    message = '',
  ): void {
    if (peer.leftAt !== null) return;
    peer.leftAt = at;
    peer.leaveReason = reason;
    if (message) peer.leaveMessage = message;
    session.updatedAt = at;
    for (const track of peer.tracks) this.recordTrackEvent('track.remove.success', session, peer, track, at);
    this.onChange?.({ kind: 'peer.leave', session, peer }, at);
    if (session.active && this.activePeers(session).length === 0) this.closeSession(session, at);
  }

  /**
   * Ends the session: every peer leaves and the room's live jobs begin stopping. `jobReason` is
   * the jobs' stop reason: an end-room call stops them as a `client request`; a session that
   * closes by itself leaves them to notice the `room ended`
   * (https://www.100ms.live/docs/server-side/v2/how-to-guides/configure-webhooks/webhook#beam-stop-reason).
   */
  closeSession(
    session: SessionRecord,
    at: Micros = this.nowUs(),
    reason = 'room ended',
    jobReason = 'room ended',
  ): void {
    if (!session.active) return;
    session.active = false;
    for (const peer of this.activePeers(session)) {
      peer.leftAt = at;
      peer.leaveReason = reason;
      for (const track of peer.tracks)
        this.recordTrackEvent('track.remove.success', session, peer, track, at);
      this.onChange?.({ kind: 'peer.leave', session, peer }, at);
    }
    session.updatedAt = at;
    for (const run of this.pollRuns.values())
      if (run.sessionId === session.id && run.stoppedAt === null) run.stoppedAt = at;
    this.onChange?.({ kind: 'session.close', session }, at);
    for (const job of this.jobs.values()) {
      if (job.sessionId === session.id && LIVE_JOB_STATUSES.has(job.status))
        this.stopJob(job, '', at, jobReason);
    }
  }

  /* ---------------------------------------------------------------- jobs */

  /**
   * Brings every job up to date with the clock. The state machine is lazy (no timers): a job
   * whose current step began `jobStepMs` ago or more moves on, as many steps as fit.
   */
  settleJobs(at: Micros = this.nowUs()): void {
    const step = this.jobStepMs * US_PER_MS;
    for (const job of this.jobs.values()) {
      for (;;) {
        const next = AUTOMATIC_NEXT[job.status];
        if (!next || at - job.stepAt < step) break;
        this.#enter(job, next, job.stepAt + step);
      }
    }
    this.#settleTranscripts(at, false);
  }

  /**
   * Transcripts and summaries appear `processing` when the recording completes and turn
   * `completed` (or `failed`) one job step later: 100ms transcribes after the call, taking about
   * a fifth of the recording's duration
   * (https://www.100ms.live/docs/server-side/v2/how-to-guides/enable-transcription-and-summary).
   */
  #settleTranscripts(at: Micros, force: boolean): void {
    const finished = new Map<string, JobRecord>();
    for (const asset of this.assets.values()) {
      if (asset.status !== 'processing' || asset.readyAt === undefined) continue;
      if (!force && asset.readyAt > at) continue;
      const job = this.jobs.get(asset.jobId);
      const fails = job?.kind === 'recording' && job.transcriptionFails === true;
      asset.status = fails ? 'failed' : 'completed';
      if (fails) asset.size = 0;
      delete asset.readyAt;
      if (job) finished.set(job.id, job);
    }
    for (const job of finished.values()) {
      const fails = job.kind === 'recording' && job.transcriptionFails === true;
      this.onChange?.({ kind: 'transcription', job, state: fails ? 'failure' : 'success' }, at);
    }
  }

  /** `advanceJobs()`: every job takes its next automatic step now, whatever the clock says. */
  advanceJobs(at: Micros = this.nowUs()): void {
    this.settleJobs(at);
    for (const job of [...this.jobs.values()]) {
      const next = AUTOMATIC_NEXT[job.status];
      if (next) this.#enter(job, next, at);
    }
    this.#settleTranscripts(at, true);
    for (const workflow of this.replays.values()) {
      if (workflow.completeAt > at) workflow.completeAt = at;
    }
  }

  /** `reason` is what the stopped webhook reports: `client request` for a stop through the API. */
  stopJob(job: JobRecord, stoppedBy: string, at: Micros = this.nowUs(), reason = 'client request'): void {
    job.stoppedBy = stoppedBy;
    job.stopReason = reason;
    this.#enter(job, 'stopping', at);
  }

  #enter(job: JobRecord, status: JobStatus, at: Micros): void {
    job.status = status;
    job.stepAt = at;
    job.updatedAt = at;
    if (status === 'running') job.startedAt = at;
    if (status === 'post_processing') job.stoppedAt = at;
    if (status === 'completed') {
      if (job.startedAt === null) {
        // Stopped before it ever ran: nothing was captured. The real service reports such a
        // beam as failed (inferred; the docs only list `failed` as a terminal state).
        job.status = 'failed';
        this.onChange?.({ kind: 'job', job }, at);
        return;
      }
      this.#produceAssets(job, at);
    }
    this.onChange?.({ kind: 'job', job }, at);
    if (status === 'completed' && this.assetsOf(job.id).some((a) => a.status === 'processing'))
      this.onChange?.({ kind: 'transcription', job, state: 'started' }, at);
  }

  #produceAssets(job: JobRecord, at: Micros): void {
    const startedAt = job.startedAt ?? at;
    const stoppedAt = job.stoppedAt ?? at;
    const duration = Math.max(1, Math.round((stoppedAt - startedAt) / US_PER_SECOND));
    const made: AssetRecord[] = [];
    const add = (
      type: AssetType,
      ext: string,
      size: number,
      metadata: AssetRecord['metadata'],
      extra?: Partial<AssetRecord>,
    ) => {
      const asset = this.makeAsset(job, type, ext, size, type === 'chat' ? 0 : duration, metadata, at, extra);
      made.push(asset);
      return asset;
    };
    const readyAt = at + this.jobStepMs * US_PER_MS;
    const addTranscripts = (transcription: TranscriptionOptions | null) => {
      if (!transcribesAfterCall(transcription)) return;
      const pending = { status: 'processing' as const, readyAt };
      for (const mode of transcription?.output_modes ?? ['txt', 'srt', 'json']) {
        add('transcript', mode, duration * 20 + this.rng.int(0, 999), { output_mode: mode }, pending);
      }
      if (transcription?.summary?.enabled)
        add('summary', 'json', this.rng.int(900, 4000), { output_mode: 'json' }, pending);
    };
    if (job.kind === 'recording') {
      const bitrate = job.audioOnly ? 16_000 : 150_000;
      add(
        'room-composite',
        job.audioOnly ? 'mp3' : 'mp4',
        duration * bitrate + this.rng.int(0, 9999),
        job.audioOnly ? { media_type: 'audio' } : { resolution: { ...job.resolution } },
      );
      add('chat', 'csv', this.rng.int(200, 9000), {});
      addTranscripts(job.transcription);
      this.recordBeamEvent(job, made[0], at);
    } else if (job.kind === 'live-stream') {
      if (job.hlsVod) {
        add(
          'room-vod',
          'zip',
          duration * 300_000 + this.rng.int(0, 9999),
          { num_layers: '3', max_width: 1920, max_height: 1080 },
          {
            thumbnails: [0, 1, 2].map((i) => `${this.storageRoot(job)}/thumbnails/${job.id}-${i}.jpeg`),
          },
        );
      }
      if (job.singleFilePerLayer) {
        const layers = [
          { width: 1920, height: 1080 },
          { width: 1280, height: 720 },
          { width: 640, height: 360 },
        ];
        layers.forEach((resolution, layer) => {
          add('room-composite', 'mp4', Math.round((duration * 250_000) / (layer + 1)), { resolution, layer });
        });
      }
      addTranscripts(job.transcription);
    } else if (job.recording) {
      const asset = add('room-composite', 'mp4', duration * 150_000 + this.rng.int(0, 9999), {
        resolution: { ...job.resolution },
      });
      this.recordBeamEvent(job, asset, at);
    }
  }

  storageRoot(job: { roomId: string }): string {
    const room = this.rooms.get(job.roomId);
    const region = room?.region && room.region !== 'auto' ? room.region : 'in';
    return `s3://hms-recordings-${region}/${this.customerId}/${job.roomId}`;
  }

  makeAsset(
    job: JobRecord,
    type: AssetType,
    ext: string,
    size: number,
    duration: number,
    metadata: AssetRecord['metadata'],
    at: Micros,
    extra: Partial<AssetRecord> = {},
  ): AssetRecord {
    const id = this.newId(at);
    const stamp = Math.floor(at / US_PER_SECOND);
    const stem = type === 'room-vod' ? `hls-vod/${job.id}/${stamp}` : `${job.id}/${type}-${stamp}`;
    const asset: AssetRecord = {
      id,
      jobId: job.id,
      roomId: job.roomId,
      sessionId: job.sessionId,
      type,
      status: 'completed',
      path: `${this.storageRoot(job)}/${stem}.${ext}`,
      size,
      duration,
      createdAt: at,
      thumbnails: null,
      metadata,
      ...extra,
    };
    this.assets.set(asset.id, asset);
    return asset;
  }

  assetsOf(jobId: string): AssetRecord[] {
    return [...this.assets.values()].filter((asset) => asset.jobId === jobId);
  }

  /* ---------------------------------------------------------------- analytics events */

  recordEvent(
    category: EventCategory,
    type: string,
    at: Micros,
    ids: {
      roomId: string;
      sessionId?: string | null;
      peerId?: string | null;
      userId?: string | null;
      beamId?: string | null;
    },
    data: Record<string, unknown>,
  ): EventRecord {
    const event: AnalyticsEvent = {
      version: '2.0',
      id: this.newUuid(),
      timestamp: formatTime(at),
      type,
      data,
    };
    const record: EventRecord = {
      seq: this.events.length + 1,
      at,
      category,
      roomId: ids.roomId,
      sessionId: ids.sessionId ?? null,
      peerId: ids.peerId ?? null,
      userId: ids.userId ?? null,
      beamId: ids.beamId ?? null,
      event,
    };
    this.events.push(record);
    return record;
  }

  recordTrackEvent(
    type: 'track.add.success' | 'track.update.success' | 'track.remove.success',
    session: SessionRecord,
    peer: PeerRecord,
    track: TrackRecord,
    at: Micros,
  ): void {
    const room = this.rooms.get(session.roomId);
    const data: Record<string, unknown> = {
      room_id: session.roomId,
      session_id: session.id,
      room_name: room?.name ?? '',
      peer_id: peer.id,
      user_id: peer.userId,
      user_name: peer.name,
      joined_at: formatTime(peer.joinedAt),
      role: peer.role,
      track_id: track.id,
      stream_id: track.streamId,
      type: track.type,
      source: track.source,
      mute: track.mute,
      started_at: formatTime(track.startedAt),
    };
    if (type === 'track.remove.success') data.stopped_at = formatTime(at);
    this.recordEvent(
      'track',
      type,
      at,
      {
        roomId: session.roomId,
        sessionId: session.id,
        peerId: peer.id,
        userId: peer.userId,
      },
      data,
    );
  }

  recordBeamEvent(job: JobRecord, asset: AssetRecord | undefined, at: Micros): void {
    const session = this.sessions.get(job.sessionId);
    const room = this.rooms.get(job.roomId);
    const startedAt = job.startedAt ?? at;
    const stoppedAt = job.stoppedAt ?? at;
    const resolution = job.kind === 'live-stream' ? { width: 1920, height: 1080 } : job.resolution;
    const path = asset?.path ?? '';
    this.recordEvent(
      'recording',
      'beam.recording.success',
      at,
      { roomId: job.roomId, sessionId: job.sessionId, peerId: job.startedBy || null, beamId: job.id },
      {
        beam_id: job.id,
        room_id: job.roomId,
        session_id: job.sessionId,
        peer_id: job.startedBy,
        template_id: room?.templateId ?? '',
        metadata_id: '',
        metadata_timestamp: formatTime(at),
        created_at: formatTime(job.createdAt),
        started_at: formatTime(startedAt),
        stopped_at: formatTime(stoppedAt),
        session_started_at: formatTime(session?.createdAt ?? startedAt),
        duration: Math.max(0, Math.round((stoppedAt - startedAt) / US_PER_SECOND)),
        max_width: resolution.width,
        max_height: resolution.height,
        recording_id: asset?.id ?? '',
        recording_path: path,
        recording_presigned_url: this.presign(path, 86_400, at),
        chat_recording_path: '',
        chat_recording_presigned_url: '',
        location: this.presign(path, 86_400, at),
        meeting_url: job.meetingUrl,
        rtmp: job.kind === 'external-stream' ? job.rtmpUrls.map((url) => ({ url })) : [],
        size: asset?.size ?? 0,
      },
    );
  }
}

/** Post-call transcription leaves files behind; `live` captions alone do not. `enabled` defaults to false. */
export function transcribesAfterCall(transcription: TranscriptionOptions | null): boolean {
  return transcription?.enabled === true && (transcription.modes ?? ['recorded']).includes('recorded');
}

/**
 * What a recording will produce, known at start: 100ms fills `asset_types` in the start answer
 * (https://www.100ms.live/docs/server-side/v2/api-reference/recordings/start-recording-for-room).
 */
export function plannedAssetTypes(transcription: TranscriptionOptions | null): string[] {
  const types = ['room-composite', 'chat'];
  if (transcribesAfterCall(transcription)) {
    types.push('transcript');
    if (transcription?.summary?.enabled) types.push('summary');
  }
  return types;
}
