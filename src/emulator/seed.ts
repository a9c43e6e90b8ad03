/**
 * Deterministic seed data. Everything derives from the seed and a FIXED epoch, so two emulators
 * with the same seed answer `GET /v2/rooms` byte for byte alike. The one exception is what must
 * look live: the current session of `product-standup` (and what happened in it) is placed
 * relative to the clock, minutes before "now". Its ids still come from the seeded generator and
 * the fixed epoch, so they are the same in every instance too.
 */
import type { AssetType, TemplateRole, TranscriptionOptions } from '../hms/types.js';
import type {
  AssetRecord,
  ExternalStreamJob,
  JobRecord,
  LiveStreamJob,
  PeerRecord,
  PollQuestion,
  PollRecord,
  PollRunRecord,
  RecordingJob,
  RoomRecord,
  SessionRecord,
  TemplateRecord,
  TrackRecord,
} from './model.js';
import type { Rng } from './random.js';
import { createStreamKey } from './routes/stream-keys.js';
import type { Store } from './store.js';
import { type Micros, US_PER_DAY, US_PER_HOUR, US_PER_MINUTE, US_PER_SECOND } from './time.js';

/** The names of the seeded rooms, by what they are good for in tests and demos. */
export const SEED_ROOMS = {
  /** A live session right now (3 active peers), 12 ended sessions, recordings on the last 10, analytics events. */
  live: 'product-standup',
  /** 125 ended sessions (some with identical start times) for pagination; live streams with room-vod assets. */
  big: 'town-hall',
  /**
   * A name with `:` and `.`, the punctuation room names allow: exercises query encoding of
   * `name=` while obeying the room-name rules the emulator enforces on create.
   */
  punctuated: 'design-review:qa.v2',
  /** Disabled room (403 on room codes and job starts). */
  disabled: 'archived-2023',
  /** Completed external streams, with and without recording. */
  externalStreams: 'sales-demo',
  /** Uses the `webinar` template. */
  webinar: 'support-office-hours',
  /** No sessions at all. */
  empty: 'lobby',
} as const;

export const SEED_TEMPLATES = { default: 'default-videoconf', webinar: 'webinar' } as const;

/** Titles of the seeded polls, both linked to `product-standup` (find ids with `state.polls()`). */
export const SEED_POLLS = {
  /** `start: "auto"`: ran in the live session and the two sessions before it, with answers. */
  pulse: 'Stand-up pulse',
  /** A quiz with an answer key (`start: "manual"`): ran in the live session; results have scores. */
  quiz: 'Release quiz',
} as const;

/** The fixed origin of seeded history: 2025-11-03T09:00:00Z (a Monday). */
export const SEED_EPOCH_MS = Date.UTC(2025, 10, 3, 9, 0, 0);
const EPOCH: Micros = SEED_EPOCH_MS * 1000;

const seconds = (value: number) => value * US_PER_SECOND;
const minutes = (value: number) => value * US_PER_MINUTE;

function role(
  name: string,
  priority: number,
  publish: string[],
  subscribeTo: string[],
  permissions: Partial<Record<string, boolean>>,
): TemplateRole {
  const all = [
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
  return {
    name,
    publishParams: {
      allowed: publish,
      audio: { bitRate: 32, codec: 'opus' },
      video: { bitRate: 700, codec: 'vp8', frameRate: 30, width: 1280, height: 720 },
      screen: { bitRate: 1024, codec: 'vp8', frameRate: 10, width: 1920, height: 1080 },
      simulcast: {
        video: {
          layers: [
            { rid: 'f', scaleResolutionDownBy: 1, maxBitrate: 700, maxFramerate: 30 },
            { rid: 'h', scaleResolutionDownBy: 2, maxBitrate: 250, maxFramerate: 30 },
            { rid: 'q', scaleResolutionDownBy: 4, maxBitrate: 100, maxFramerate: 15 },
          ],
        },
        screen: {},
      },
    },
    subscribeParams: {
      subscribeToRoles: subscribeTo,
      maxSubsBitRate: 3200,
      subscribeDegradation: {
        packetLossThreshold: 25,
        degradeGracePeriodSeconds: 1,
        recoverGracePeriodSeconds: 4,
      },
    },
    permissions: Object.fromEntries(all.map((p) => [p, permissions[p] ?? false])),
    priority,
    maxPeerCount: 0,
  };
}

const HOST_PERMISSIONS = {
  endRoom: true,
  removeOthers: true,
  mute: true,
  unmute: true,
  changeRole: true,
  pollRead: true,
  pollWrite: true,
  browserRecording: true,
  rtmpStreaming: true,
  hlsStreaming: true,
};

function destinations(viewerRole: string, hlsRole: string) {
  return {
    browserRecordings: {
      'recording-default': {
        name: 'recording-default',
        role: viewerRole,
        width: 1280,
        height: 720,
        maxDuration: 14_400,
        thumbnails: { width: 0, height: 0 },
        presignDuration: 259_200,
        autoStart: false,
        autoStopTimeout: 300,
      },
    },
    rtmpDestinations: {},
    hlsDestinations: {
      'hls-default': {
        name: 'hls-default',
        role: hlsRole,
        maxDuration: 14_400,
        layers: [
          { width: 1920, height: 1080, videoBitrate: 4000, audioBitrate: 128 },
          { width: 1280, height: 720, videoBitrate: 2000, audioBitrate: 128 },
          { width: 640, height: 360, videoBitrate: 800, audioBitrate: 64 },
        ],
        playlistType: 'live',
        numPlaylistSegments: 5,
        videoFrameRate: 30,
        enableMetadataInsertion: true,
        enableStaticUrl: true,
        autoStopTimeout: 300,
        recording: {
          hlsVod: true,
          singleFilePerLayer: false,
          enableZipUpload: true,
          layers: [],
          thumbnails: { enabled: true, width: 1280, height: 720, offsets: [2, 30, 60], fps: 0 },
          presignDuration: 259_200,
        },
      },
    },
    transcriptions: {},
  };
}

function recordingConfig(viewerRole: string) {
  return [
    {
      name: 'recording-default',
      role: viewerRole,
      maxDuration: 14_400,
      presignDuration: 259_200,
      thumbnails: { enabled: false },
      compositeRecording: {
        browserComposite: { autoStart: false, autoStopTimeout: 300, width: 1280, height: 720 },
        customComposite: { enabled: false },
      },
      trackRecording: { enabled: false },
      streamRecording: { enabled: false },
    },
  ];
}

interface Person {
  name: string;
  role: string;
  userId: string;
}

class Seeder {
  readonly store: Store;
  readonly rng: Rng;
  /** Start of the live session: minutes before the clock's "now". */
  readonly liveStart: Micros;

  constructor(store: Store, rng: Rng, now: Micros) {
    this.store = store;
    this.rng = rng;
    this.liveStart = now - minutes(23) - seconds(17) - 412_093;
  }

  /** Ids carry a fixed time, never the clock's, so they are identical in every instance. */
  id(at: Micros): string {
    return this.rng.objectId(at / US_PER_SECOND);
  }

  micros(): number {
    return this.rng.int(0, 999_999);
  }

  template(
    name: string,
    createdAt: Micros,
    roles: TemplateRole[],
    region: string,
    viewer: string,
    hls: string,
  ): TemplateRecord {
    const template: TemplateRecord = {
      id: this.id(createdAt),
      name,
      roles: Object.fromEntries(roles.map((r) => [r.name, r])),
      settings: {
        region,
        recording: { enabled: false, upload: {} },
        roomState: { messageInterval: 5, sendPeerList: false, stopRoomStateOnJoin: false, enabled: true },
        retry: {},
      },
      destinations: destinations(viewer, hls),
      plugins: {
        whiteboard: {
          permissions: {
            admin: [roles[0]?.name ?? 'host'],
            writer: roles.slice(0, 2).map((r) => r.name),
            reader: [],
          },
        },
      },
      recordings: recordingConfig(viewer),
      subdomain: 'hms-graph-demo',
      createdAt,
      updatedAt: createdAt + US_PER_DAY * 3,
    };
    this.store.templates.set(template.id, template);
    return template;
  }

  room(fields: Partial<RoomRecord> & Pick<RoomRecord, 'name' | 'templateId' | 'createdAt'>): RoomRecord {
    const room: RoomRecord = {
      id: this.id(fields.createdAt),
      enabled: true,
      description: '',
      region: 'in',
      recordingInfo: null,
      largeRoom: false,
      size: 0,
      maxDurationSeconds: 43_200,
      polls: [],
      webhook: null,
      updatedAt: null,
      ...fields,
    };
    this.store.rooms.set(room.id, room);
    return room;
  }

  tracks(at: Micros, kinds: Array<'audio' | 'video' | 'screen'>): TrackRecord[] {
    const camera = this.rng.uuid();
    return kinds.map((kind) => ({
      id: this.rng.uuid(),
      streamId: kind === 'screen' ? this.rng.uuid() : camera,
      mute: false,
      type: kind === 'audio' ? 'audio' : 'video',
      source: kind === 'screen' ? 'screen' : 'regular',
      startedAt: at,
      description: kind === 'screen' ? 'screen share' : kind === 'audio' ? 'microphone' : 'camera',
    }));
  }

  peer(
    session: SessionRecord,
    person: Person,
    joinedAt: Micros,
    leftAt: Micros | null,
    withTracks: boolean,
  ): PeerRecord {
    const peer: PeerRecord = {
      id: this.rng.uuid(),
      sessionId: session.id,
      roomId: session.roomId,
      name: person.name,
      role: person.role,
      userId: person.userId,
      user: this.rng.uuid(),
      metadata: '',
      joinedAt,
      leftAt,
      leaveReason: leftAt === null ? null : 'client request',
      tracks: withTracks ? this.tracks(joinedAt, ['audio', 'video']) : [],
    };
    session.peers.push(peer);
    return peer;
  }

  /**
   * An ended session. `rejoin` makes the second person drop and come back with a new peer id
   * and the same user id, as real re-joins do (https://www.100ms.live/docs/server-side/v2/api-reference/Sessions/list-sessions).
   */
  endedSession(
    room: RoomRecord,
    start: Micros,
    lengthMinutes: number,
    people: Person[],
    opts: { rejoin?: boolean; tracks?: boolean } = {},
  ) {
    const session: SessionRecord = {
      id: this.id(start),
      roomId: room.id,
      active: false,
      createdAt: start,
      updatedAt: start,
      peers: [],
    };
    this.store.sessions.set(session.id, session);
    const end = start + minutes(lengthMinutes);
    people.forEach((person, index) => {
      const joined = start + seconds(index * 20 + this.rng.int(1, 15)) + this.micros();
      const left = end - seconds(this.rng.int(0, 40)) - this.micros();
      if (opts.rejoin && index === 1) {
        const drop = start + minutes(Math.floor(lengthMinutes / 2)) + this.micros();
        const first = this.peer(session, person, joined, drop, opts.tracks ?? false);
        first.leaveReason = 'websocket closed';
        this.peer(session, person, drop + seconds(25) + this.micros(), left, opts.tracks ?? false);
      } else {
        this.peer(session, person, joined, left, opts.tracks ?? false);
      }
    });
    session.updatedAt = Math.max(...session.peers.map((p) => p.leftAt ?? start), start);
    return session;
  }

  meetingUrl(room: RoomRecord, roleName: string): string {
    return `https://hms-graph-demo.app.100ms.live/preview/${room.id}/${roleName}?skip_preview=true`;
  }

  asset(
    job: JobRecord,
    idAt: Micros,
    type: AssetType,
    ext: string,
    size: number,
    duration: number,
    metadata: AssetRecord['metadata'],
    createdAt: Micros,
    thumbnails: string[] | null = null,
  ): AssetRecord {
    const id = this.id(idAt);
    const stamp = Math.floor(createdAt / US_PER_SECOND);
    const stem = type === 'room-vod' ? `hls-vod/${job.id}/${stamp}` : `${job.id}/${type}-${stamp}`;
    const asset: AssetRecord = {
      id,
      jobId: job.id,
      roomId: job.roomId,
      sessionId: job.sessionId,
      type,
      status: 'completed',
      path: `${this.store.storageRoot(job)}/${stem}.${ext}`,
      size,
      duration,
      createdAt,
      thumbnails,
      metadata,
    };
    this.store.assets.set(asset.id, asset);
    return asset;
  }

  /**
   * A completed recording of `session`: `offset` after the session began, `length` long.
   * `idAt` keeps ids clock-free for jobs in the live session.
   */
  recording(
    room: RoomRecord,
    session: SessionRecord,
    idAt: Micros,
    offset: Micros,
    length: Micros,
    opts: { transcription?: TranscriptionOptions; size?: number; failed?: boolean; audioOnly?: boolean } = {},
  ): RecordingJob {
    const created = session.createdAt + offset;
    const started = created + seconds(4) + this.micros();
    const stopped = started + length;
    const job: RecordingJob = {
      kind: 'recording',
      id: this.id(idAt),
      roomId: room.id,
      sessionId: session.id,
      status: opts.failed ? 'failed' : 'completed',
      stepAt: stopped + seconds(40),
      meetingUrl: this.meetingUrl(room, 'viewer-realtime'),
      destination: '',
      startedBy: session.peers[0]?.id ?? '',
      stoppedBy: session.peers[0]?.id ?? '',
      createdAt: created,
      updatedAt: stopped + seconds(40),
      startedAt: started,
      stoppedAt: stopped,
      paused: false,
      audioOnly: opts.audioOnly ?? false,
      resolution: { width: 1280, height: 720 },
      transcription: opts.transcription ?? null,
      assetTypes: null,
    };
    this.store.jobs.set(job.id, job);
    if (opts.failed) return job;
    const done = stopped + seconds(30) + this.micros();
    const duration = Math.round(length / US_PER_SECOND);
    const made = [
      this.asset(
        job,
        idAt + 1,
        'room-composite',
        job.audioOnly ? 'mp3' : 'mp4',
        opts.size ?? duration * 150_000 + this.rng.int(0, 99_999),
        duration,
        job.audioOnly ? { media_type: 'audio' } : { resolution: { width: 1280, height: 720 } },
        done,
      ),
      this.asset(job, idAt + 2, 'chat', 'csv', this.rng.int(400, 9000), 0, {}, done),
    ];
    if (opts.transcription?.enabled) {
      let n = 3;
      for (const mode of opts.transcription.output_modes ?? ['txt', 'srt', 'json']) {
        made.push(
          this.asset(
            job,
            idAt + n++,
            'transcript',
            mode,
            duration * 20 + this.rng.int(0, 999),
            duration,
            { output_mode: mode },
            done + seconds(90),
          ),
        );
      }
      if (opts.transcription.summary?.enabled) {
        made.push(
          this.asset(
            job,
            idAt + n,
            'summary',
            'json',
            this.rng.int(900, 4000),
            duration,
            { output_mode: 'json' },
            done + seconds(95),
          ),
        );
      }
    }
    job.assetTypes = [...new Set(made.map((a) => a.type))];
    this.store.recordBeamEvent(job, made[0], done);
    return job;
  }

  liveStream(
    room: RoomRecord,
    session: SessionRecord,
    offset: Micros,
    length: Micros,
    hlsVod: boolean,
    perLayer: boolean,
  ): LiveStreamJob {
    const created = session.createdAt + offset;
    const started = created + seconds(9) + this.micros();
    const stopped = started + length;
    const id = this.id(created);
    const day = new Date(created / 1000).toISOString().slice(0, 10).replace(/-/g, '');
    const job: LiveStreamJob = {
      kind: 'live-stream',
      id,
      roomId: room.id,
      sessionId: session.id,
      status: 'completed',
      stepAt: stopped + seconds(60),
      meetingUrl: this.meetingUrl(room, 'hls-viewer'),
      destination: 'hls-default',
      startedBy: session.peers[0]?.id ?? '',
      stoppedBy: '',
      createdAt: created,
      updatedAt: stopped + seconds(60),
      startedAt: started,
      stoppedAt: stopped,
      paused: false,
      hlsVod,
      singleFilePerLayer: perLayer,
      playbackUrl: `https://cdn-us.100ms.live/beam/${this.store.customerId}/${room.id}/${day}/${Math.floor(created / US_PER_SECOND)}/master.m3u8`,
      transcription: null,
      timedMetadata: [],
    };
    this.store.jobs.set(job.id, job);
    const done = stopped + seconds(45) + this.micros();
    const duration = Math.round(length / US_PER_SECOND);
    if (hlsVod) {
      const root = this.store.storageRoot(job);
      const thumbs = [0, 1, 2].map((i) => `${root}/thumbnails/${job.id}-${i}.jpeg`);
      this.asset(
        job,
        created + 1,
        'room-vod',
        'zip',
        duration * 300_000 + this.rng.int(0, 99_999),
        duration,
        { num_layers: '3', max_width: 1920, max_height: 1080 },
        done,
        thumbs,
      );
    }
    if (perLayer) {
      [
        { width: 1920, height: 1080 },
        { width: 1280, height: 720 },
        { width: 640, height: 360 },
      ].forEach((resolution, layer) => {
        this.asset(
          job,
          created + 2 + layer,
          'room-composite',
          'mp4',
          Math.round((duration * 250_000) / (layer + 1)),
          duration,
          { resolution, layer },
          done,
        );
      });
    }
    return job;
  }

  externalStream(
    room: RoomRecord,
    session: SessionRecord,
    offset: Micros,
    length: Micros,
    rtmpUrls: string[],
    recording: boolean,
    failed = false,
  ): ExternalStreamJob {
    const created = session.createdAt + offset;
    const started = failed ? null : created + seconds(7) + this.micros();
    const stopped = started === null ? null : started + length;
    const job: ExternalStreamJob = {
      kind: 'external-stream',
      id: this.id(created),
      roomId: room.id,
      sessionId: session.id,
      status: failed ? 'failed' : 'completed',
      stepAt: (stopped ?? created) + seconds(30),
      meetingUrl: this.meetingUrl(room, 'viewer-realtime'),
      destination: '',
      startedBy: '',
      stoppedBy: '',
      createdAt: created,
      updatedAt: (stopped ?? created) + seconds(30),
      startedAt: started,
      stoppedAt: stopped,
      paused: false,
      rtmpUrls,
      recording,
      resolution: { width: 1280, height: 720 },
    };
    this.store.jobs.set(job.id, job);
    if (recording && stopped !== null) {
      const done = stopped + seconds(35) + this.micros();
      const duration = Math.round(length / US_PER_SECOND);
      const asset = this.asset(
        job,
        created + 1,
        'room-composite',
        'mp4',
        duration * 150_000 + this.rng.int(0, 99_999),
        duration,
        { resolution: { width: 1280, height: 720 } },
        done,
      );
      this.store.recordBeamEvent(job, asset, done);
    }
    return job;
  }

  roomCodes(room: RoomRecord, template: TemplateRecord): void {
    const at = room.createdAt + US_PER_DAY;
    for (const roleName of Object.keys(template.roles)) {
      const code = this.rng.roomCode();
      this.store.roomCodes.set(code, {
        code,
        roomId: room.id,
        role: roleName,
        enabled: true,
        createdAt: at,
        updatedAt: at,
      });
    }
  }

  trackEvents(session: SessionRecord, until: Micros | null): void {
    for (const peer of session.peers) {
      for (const track of peer.tracks) {
        this.store.recordTrackEvent('track.add.success', session, peer, track, peer.joinedAt + 350_000);
        const end = peer.leftAt ?? until;
        if (peer.leftAt !== null && end !== null)
          this.store.recordTrackEvent('track.remove.success', session, peer, track, end);
      }
    }
  }

  errorEvent(
    room: RoomRecord,
    template: TemplateRecord,
    session: SessionRecord | null,
    peer: { id: string; userId: string; name: string; role: string },
    at: Micros,
    type: string,
    error: {
      code: number;
      name: string;
      message: string;
      description: string;
      action: string;
      terminal: boolean;
    },
  ): void {
    this.store.recordEvent(
      'error',
      type,
      at,
      { roomId: room.id, sessionId: session?.id ?? null, peerId: peer.id, userId: peer.userId },
      {
        user_id: peer.userId,
        user_name: peer.name,
        peer_id: peer.id,
        account_id: this.store.customerId,
        room_id: room.id,
        ...(session ? { session_id: session.id } : {}),
        room_name: room.name,
        template_id: template.id,
        role: peer.role,
        error_code: error.code,
        error_name: error.name,
        error_message: error.message,
        error_description: error.description,
        domain: 'hms-graph-demo.app.100ms.live',
        is_terminal: error.terminal,
        action: error.action,
        agent: {
          sdk: 'web',
          sdk_version: '0.12.2',
          os: 'macOS',
          os_version: '14.5',
          device_model: '',
          framework: 'react',
          framework_version: '18.3.1',
          framework_sdk_version: '0.10.2',
          is_prebuilt: true,
          domain: 'hms-graph-demo.app.100ms.live',
          string: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)',
        },
      },
    );
  }
}

const STANDUP_TEAM: Person[] = [
  { name: 'Alice Nakamura', role: 'host', userId: 'user-alice' },
  { name: 'Bob Okafor', role: 'guest', userId: 'user-bob' },
  { name: 'Carol Lindqvist', role: 'guest', userId: 'user-carol' },
  { name: 'Dan Moreau', role: 'guest', userId: 'user-dan' },
  { name: 'Erin Costa', role: 'guest', userId: 'user-erin' },
  { name: 'Farid Haddad', role: 'viewer-realtime', userId: 'user-farid' },
];

/** Fills an empty store. `now` only places the live session; nothing else reads the clock. */
export function seed(store: Store, rng: Rng, now: Micros): void {
  const s = new Seeder(store, rng, now);
  store.customerId = s.id(EPOCH - 900 * US_PER_DAY);
  store.appId = s.id(EPOCH - 899 * US_PER_DAY);

  const videoconf = s.template(
    SEED_TEMPLATES.default,
    EPOCH - 700 * US_PER_DAY,
    [
      role('host', 1, ['audio', 'video', 'screen'], ['host', 'guest'], HOST_PERMISSIONS),
      role('guest', 2, ['audio', 'video', 'screen'], ['host', 'guest'], { pollRead: true, pollWrite: true }),
      role('viewer-realtime', 3, [], ['host', 'guest'], { pollRead: true }),
      role('hls-viewer', 4, [], [], { pollRead: true }),
    ],
    'in',
    'viewer-realtime',
    'hls-viewer',
  );
  const webinar = s.template(
    SEED_TEMPLATES.webinar,
    EPOCH - 400 * US_PER_DAY,
    [
      role('host', 1, ['audio', 'video', 'screen'], ['host', 'speaker'], HOST_PERMISSIONS),
      role('speaker', 2, ['audio', 'video', 'screen'], ['host', 'speaker'], {
        pollRead: true,
        unmute: false,
      }),
      role('hls-viewer', 3, [], [], { pollRead: true }),
    ],
    'us',
    'hls-viewer',
    'hls-viewer',
  );

  const standup = s.room({
    name: SEED_ROOMS.live,
    description: 'Daily product stand-up',
    templateId: videoconf.id,
    region: 'in',
    createdAt: EPOCH - 665 * US_PER_DAY + seconds(1234) + 500_000,
    updatedAt: EPOCH - 30 * US_PER_DAY + seconds(77) + 250_000,
    maxDurationSeconds: 3600,
  });
  const townHall = s.room({
    name: SEED_ROOMS.big,
    description: 'Company all-hands, streamed over HLS',
    templateId: videoconf.id,
    region: 'us',
    largeRoom: true,
    size: 10_000,
    webhook: {
      url: 'https://hooks.example.com/100ms/town-hall',
      headers: { 'x-hook-source': 'hms-graph-demo' },
    },
    createdAt: EPOCH - 790 * US_PER_DAY + seconds(4000),
  });
  const design = s.room({
    name: SEED_ROOMS.punctuated,
    description: 'Design reviews and QA sign-off',
    templateId: videoconf.id,
    region: 'eu',
    recordingInfo: {
      enabled: false,
      upload_info: {
        type: 's3',
        location: 'design-review-recordings',
        prefix: 'qa/',
        options: { region: 'eu-west-1' },
      },
    },
    createdAt: EPOCH - 510 * US_PER_DAY + seconds(86) + 120_000,
  });
  const archived = s.room({
    name: SEED_ROOMS.disabled,
    description: 'Retired in December 2023',
    templateId: videoconf.id,
    region: '',
    enabled: false,
    createdAt: Date.UTC(2023, 0, 16, 10, 0, 0) * 1000,
    updatedAt: Date.UTC(2023, 11, 20, 17, 45, 12) * 1000 + 3_000,
  });
  const sales = s.room({
    name: SEED_ROOMS.externalStreams,
    description: 'Product demos restreamed to YouTube and LinkedIn',
    templateId: videoconf.id,
    region: 'auto',
    createdAt: EPOCH - 420 * US_PER_DAY + seconds(500),
  });
  const support = s.room({
    name: SEED_ROOMS.webinar,
    description: 'Weekly support office hours',
    templateId: webinar.id,
    region: 'us',
    createdAt: EPOCH - 270 * US_PER_DAY + seconds(12),
    updatedAt: EPOCH - 100 * US_PER_DAY,
  });
  s.room({
    name: SEED_ROOMS.empty,
    description: 'Nothing has happened here yet',
    templateId: videoconf.id,
    region: 'in',
    createdAt: EPOCH - 2 * US_PER_DAY + 9_999,
  });

  for (const room of [standup, townHall, design, archived, sales]) s.roomCodes(room, videoconf);
  s.roomCodes(support, webinar);
  {
    // A rotated guest code: disabled, replaced by the one above.
    const at = standup.createdAt + 40 * US_PER_DAY;
    const code = rng.roomCode();
    store.roomCodes.set(code, {
      code,
      roomId: standup.id,
      role: 'guest',
      enabled: false,
      createdAt: at,
      updatedAt: at + US_PER_DAY,
    });
  }

  /* product-standup: 12 ended daily sessions, then the live one. */
  const standupSessions: SessionRecord[] = [];
  for (let day = 12; day >= 1; day--) {
    const start = EPOCH - day * US_PER_DAY + minutes(30) + s.micros();
    const people = STANDUP_TEAM.slice(0, 3 + (day % 4));
    const withEvents = day <= 2;
    standupSessions.unshift(
      s.endedSession(standup, start, 14 + (day % 9), people, { rejoin: day % 3 === 0, tracks: withEvents }),
    );
  }
  // The live session. Its id is tied to the fixed epoch; its times to the clock.
  const live: SessionRecord = {
    id: s.id(EPOCH + minutes(30)),
    roomId: standup.id,
    active: true,
    createdAt: s.liveStart,
    updatedAt: s.liveStart,
    peers: [],
  };
  store.sessions.set(live.id, live);
  const [alice, bob, carol] = STANDUP_TEAM as [Person, Person, Person];
  const at = (sec: number) => s.liveStart + seconds(sec) + 31_337;
  const alicePeer = s.peer(live, alice, at(5), null, false);
  alicePeer.tracks = s.tracks(at(5), ['audio', 'video', 'screen']);
  alicePeer.metadata = JSON.stringify({ avatar: 'https://i.pravatar.cc/64?u=alice', handRaised: false });
  const bobFirst = s.peer(live, bob, at(40), at(360), true);
  bobFirst.leaveReason = 'websocket closed';
  const carolPeer = s.peer(live, carol, at(61), null, true);
  const bobAgain = s.peer(live, bob, at(380), null, true);
  const bobAudio = bobAgain.tracks.find((t) => t.type === 'audio');
  if (bobAudio) bobAudio.mute = true;
  live.updatedAt = at(380);

  // Recordings: the 10 most recent sessions (live + 9 ended) have 1–2 each.
  const transcribed: TranscriptionOptions = {
    enabled: true,
    modes: ['recorded'],
    output_modes: ['txt', 'srt', 'json'],
    summary: { enabled: true },
  };
  s.recording(standup, live, EPOCH + minutes(32), minutes(2), minutes(13), { transcription: transcribed });
  const recent = standupSessions.slice(0, 9);
  recent.forEach((session, index) => {
    const idBase = session.createdAt;
    const length = minutes(10 + (index % 4));
    s.recording(standup, session, idBase + seconds(60), seconds(60), length, {
      transcription: index % 2 === 0 ? transcribed : undefined,
      // The > 2 GiB file: a long 1080p composite, exact size beyond 32 bits.
      size: index === 0 ? 3_221_225_472 + 987_654 : undefined,
    });
    if (index % 3 === 1) s.recording(standup, session, idBase + seconds(900), seconds(900), minutes(3));
  });
  // Older history: a failed recording on the 11th session.
  const eleventh = standupSessions[10];
  if (eleventh)
    s.recording(standup, eleventh, eleventh.createdAt + seconds(120), seconds(120), minutes(5), {
      failed: true,
    });

  // Analytics: track events for the live session and the two previous ones, plus errors.
  for (const session of standupSessions.slice(0, 2)) s.trackEvents(session, null);
  s.trackEvents(live, null);
  const carolVideo = carolPeer.tracks.find((t) => t.type === 'video');
  if (carolVideo)
    store.recordTrackEvent('track.update.success', live, carolPeer, { ...carolVideo, mute: true }, at(600));
  const aliceScreen = alicePeer.tracks.find((t) => t.source === 'screen');
  if (aliceScreen)
    store.recordTrackEvent('track.update.success', live, alicePeer, { ...aliceScreen, mute: false }, at(720));
  if (bobAudio) store.recordTrackEvent('track.update.success', live, bobAgain, bobAudio, at(400));
  s.errorEvent(
    standup,
    videoconf,
    live,
    { id: bobFirst.id, userId: bob.userId, name: bob.name, role: bob.role },
    at(359),
    'client.disconnected',
    {
      code: 4006,
      name: 'ICEDisconnected',
      message: 'ICE connection state disconnected',
      description: 'Network connection lost',
      action: 'RECONNECT_SIGNAL',
      terminal: false,
    },
  );
  s.errorEvent(
    standup,
    videoconf,
    live,
    { id: carolPeer.id, userId: carol.userId, name: carol.name, role: carol.role },
    at(66),
    'client.publish.failed',
    {
      code: 3001,
      name: 'CantAccessCaptureDevice',
      message: 'User denied permission to access capture device - video',
      description: 'Camera permission denied',
      action: 'PUBLISH',
      terminal: false,
    },
  );
  s.errorEvent(
    standup,
    videoconf,
    live,
    { id: alicePeer.id, userId: alice.userId, name: alice.name, role: alice.role },
    at(300),
    'client.subscribe.failed',
    {
      code: 3012,
      name: 'TrackSubscribeFailed',
      message: 'Failed to subscribe to remote track',
      description: 'Remote track could not be subscribed',
      action: 'SUBSCRIBE',
      terminal: false,
    },
  );
  s.errorEvent(
    standup,
    videoconf,
    null,
    { id: rng.uuid(), userId: 'user-dan', name: 'Dan Moreau', role: 'guest' },
    at(120),
    'client.join.failed',
    {
      code: 1003,
      name: 'WebSocketConnectionLost',
      message: 'Network connection lost',
      description: 'Join failed before the session was reached',
      action: 'JOIN',
      terminal: true,
    },
  );

  /* town-hall: 125 ended sessions every other day; some share a start time to the microsecond. */
  const hallPeople: Person[] = [
    { name: 'CEO', role: 'host', userId: 'user-ceo' },
    { name: 'CTO', role: 'guest', userId: 'user-cto' },
    { name: 'Viewer One', role: 'hls-viewer', userId: 'user-v1' },
    { name: 'Viewer Two', role: 'hls-viewer', userId: 'user-v2' },
  ];
  const hall: SessionRecord[] = [];
  let previousStart = 0;
  for (let i = 0; i < 125; i++) {
    const start =
      i % 14 === 4 && previousStart
        ? previousStart
        : EPOCH - i * 2 * US_PER_DAY + 6 * US_PER_HOUR + s.micros();
    previousStart = start;
    hall.push(
      s.endedSession(townHall, start, 45 + (i % 20), hallPeople.slice(0, 2 + (i % 3)), {
        rejoin: i % 10 === 7,
      }),
    );
  }
  hall.slice(0, 6).forEach((session, i) => {
    s.liveStream(townHall, session, minutes(1), minutes(40), i !== 5, i < 2);
  });

  /* design-review:qa.v2: three sessions, one audio-only recording. */
  const designPeople: Person[] = [
    { name: 'Grace Ito', role: 'host', userId: 'user-grace' },
    { name: 'Hugo Brandt', role: 'guest', userId: 'user-hugo' },
  ];
  const designSessions = [3, 10, 17].map((d) =>
    s.endedSession(design, EPOCH - d * US_PER_DAY + 5 * US_PER_HOUR + s.micros(), 50, designPeople),
  );
  const designLatest = designSessions[0] as SessionRecord;
  s.recording(design, designLatest, designLatest.createdAt + seconds(30), seconds(30), minutes(40), {
    audioOnly: true,
  });

  /* archived-2023: old sessions only. */
  for (let i = 0; i < 4; i++) {
    s.endedSession(archived, Date.UTC(2023, 10, 6 + i * 7, 15, 0, 0) * 1000 + s.micros(), 30, designPeople);
  }

  /* sales-demo: external streams, with and without recording, and one that failed to start. */
  const salesPeople: Person[] = [
    { name: 'Ivy Chen', role: 'host', userId: 'user-ivy' },
    { name: 'Prospect', role: 'guest', userId: 'user-prospect-7' },
  ];
  const salesSessions = [1, 8, 15, 22].map((d) =>
    s.endedSession(sales, EPOCH - d * US_PER_DAY + 7 * US_PER_HOUR + s.micros(), 35, salesPeople),
  );
  const [sales0, sales1, sales2, sales3] = salesSessions as [
    SessionRecord,
    SessionRecord,
    SessionRecord,
    SessionRecord,
  ];
  s.externalStream(
    sales,
    sales0,
    minutes(2),
    minutes(30),
    [
      'rtmp://a.rtmp.youtube.com/live2/q8t3-x9vw-2k4d-77pa',
      'rtmps://live-api-s.facebook.com:443/rtmp/FB-1029-demo',
    ],
    true,
  );
  s.externalStream(
    sales,
    sales1,
    minutes(1),
    minutes(25),
    ['rtmps://rtmp.linkedin.com:443/live/li-demo-key'],
    false,
  );
  s.externalStream(
    sales,
    sales2,
    minutes(3),
    minutes(20),
    ['rtmp://a.rtmp.youtube.com/live2/k2m4-9fj3-00aa-zz1q'],
    true,
  );
  s.externalStream(
    sales,
    sales3,
    minutes(2),
    0,
    ['rtmp://a.rtmp.youtube.com/live2/expired-key'],
    false,
    true,
  );

  /* support-office-hours: webinar template, one HLS stream without recording. */
  const supportPeople: Person[] = [
    { name: 'Support Lead', role: 'host', userId: 'user-support' },
    { name: 'Customer A', role: 'hls-viewer', userId: 'user-cust-a' },
    { name: 'Customer B', role: 'speaker', userId: 'user-cust-b' },
  ];
  const supportSessions = [4, 11].map((d) =>
    s.endedSession(support, EPOCH - d * US_PER_DAY + 8 * US_PER_HOUR + s.micros(), 60, supportPeople),
  );
  s.liveStream(support, supportSessions[0] as SessionRecord, minutes(5), minutes(50), false, false);

  // Everything below was added after the data above: appended, so earlier ids stay the same.
  seedPolls(s, standup, [live, ...standupSessions.slice(0, 2)]);
  seedStreamKeys(s, townHall);
}

function choice(index: number, text: string, options: string[], key?: number[]): PollQuestion {
  return {
    index,
    text,
    format: 'text',
    attachment: [],
    skippable: true,
    duration: 0,
    once: false,
    weight: 10,
    answer_min_len: 0,
    answer_max_len: 0,
    type: 'single-choice',
    answer: key ? { hidden: false, options: key, text: '', case: false, trim: true } : null,
    options: options.map((text, i) => ({ index: i + 1, text, weight: 1 })),
  };
}

/** Two polls linked to product-standup: runs in its latest sessions, with answers and an update. */
function seedPolls(s: Seeder, room: RoomRecord, sessions: SessionRecord[]): void {
  const { store } = s;
  const pulse: PollRecord = {
    id: s.id(EPOCH - 20 * US_PER_DAY),
    title: SEED_POLLS.pulse,
    duration: 0,
    anonymous: false,
    mode: 'userid',
    type: 'poll',
    start: 'auto',
    questions: [
      choice(1, 'How is the sprint going?', ['On track', 'At risk', 'Blocked']),
      {
        ...choice(2, 'Anything blocking you?', []),
        type: 'short-answer',
        answer_min_len: 1,
        answer_max_len: 280,
      },
    ],
    createdAt: EPOCH - 20 * US_PER_DAY,
  };
  const quiz: PollRecord = {
    id: s.id(EPOCH - 19 * US_PER_DAY),
    title: SEED_POLLS.quiz,
    duration: 0,
    anonymous: false,
    mode: 'userid',
    type: 'quiz',
    start: 'manual',
    questions: [
      choice(1, 'Which day is the release?', ['Tuesday', 'Thursday', 'Friday'], [2]),
      choice(2, 'Who owns the rollback plan?', ['Alice', 'Bob', 'Carol'], [3]),
    ],
    createdAt: EPOCH - 19 * US_PER_DAY,
  };
  store.polls.set(pulse.id, pulse);
  store.polls.set(quiz.id, quiz);
  room.polls = [pulse.id, quiz.id];
  const answers = ['On track', 'At risk', 'Blocked'];
  sessions.forEach((session, n) => {
    const idAt = EPOCH - n * US_PER_DAY + minutes(45);
    const run: PollRunRecord = {
      id: s.id(idAt),
      pollId: pulse.id,
      sessionId: session.id,
      startedAt: session.createdAt + seconds(2),
      stoppedAt: session.active ? null : session.updatedAt,
    };
    store.pollRuns.set(run.id, run);
    const people = session.peers.filter(
      (peer, i, all) => all.findIndex((p) => p.userId === peer.userId) === i,
    );
    people.forEach((peer, i) => {
      const sentAt = peer.joinedAt + seconds(30 + i * 7);
      store.pollResponses.set(s.id(idAt + i * 2 + 1), {
        id: s.id(idAt + i * 2 + 1),
        pollId: pulse.id,
        sessionId: session.id,
        question: 1,
        peerId: peer.id,
        userId: peer.userId,
        skipped: false,
        text: '',
        options: [((i + n) % answers.length) + 1],
        duration: 4 + i,
        originalResponse: '',
        retries: 0,
        sentAt,
      });
      if (i === 1) {
        store.pollResponses.set(s.id(idAt + i * 2 + 2), {
          id: s.id(idAt + i * 2 + 2),
          pollId: pulse.id,
          sessionId: session.id,
          question: 2,
          peerId: peer.id,
          userId: peer.userId,
          skipped: false,
          text: 'Waiting on the staging database migration',
          options: [],
          duration: 21,
          originalResponse: '',
          retries: 0,
          sentAt: sentAt + seconds(20),
        });
      }
    });
  });
  // The quiz ran in the live session: Alice answered right at once, Carol changed her answer.
  const live = sessions[0];
  if (!live) return;
  const quizRun: PollRunRecord = {
    id: s.id(EPOCH + minutes(50)),
    pollId: quiz.id,
    sessionId: live.id,
    startedAt: live.createdAt + minutes(8),
    stoppedAt: live.createdAt + minutes(10),
  };
  store.pollRuns.set(quizRun.id, quizRun);
  const byUser = (userId: string) => live.peers.find((p) => p.userId === userId && p.leftAt === null);
  const alice = byUser('user-alice');
  const carol = byUser('user-carol');
  const base = { pollId: quiz.id, sessionId: live.id, skipped: false, text: '', retries: 0 };
  if (alice) {
    store.pollResponses.set(s.id(EPOCH + minutes(51)), {
      ...base,
      id: s.id(EPOCH + minutes(51)),
      question: 1,
      peerId: alice.id,
      userId: alice.userId,
      options: [2],
      duration: 6,
      originalResponse: '',
      sentAt: quizRun.startedAt + seconds(20),
    });
    store.pollResponses.set(s.id(EPOCH + minutes(52)), {
      ...base,
      id: s.id(EPOCH + minutes(52)),
      question: 2,
      peerId: alice.id,
      userId: alice.userId,
      options: [3],
      duration: 9,
      originalResponse: '',
      sentAt: quizRun.startedAt + seconds(35),
    });
  }
  if (carol) {
    const first = s.id(EPOCH + minutes(53));
    store.pollResponses.set(first, {
      ...base,
      id: first,
      question: 1,
      peerId: carol.id,
      userId: carol.userId,
      options: [3],
      duration: 12,
      originalResponse: '',
      sentAt: quizRun.startedAt + seconds(25),
    });
    const updated = s.id(EPOCH + minutes(54));
    store.pollResponses.set(updated, {
      ...base,
      id: updated,
      question: 1,
      peerId: carol.id,
      userId: carol.userId,
      options: [2],
      duration: 30,
      originalResponse: first,
      retries: 1,
      sentAt: quizRun.startedAt + seconds(43),
    });
  }
}

/** town-hall takes RTMP in from a studio encoder: one active key, and the one it replaced. */
function seedStreamKeys(s: Seeder, room: RoomRecord): void {
  const rotated = EPOCH - 60 * US_PER_DAY;
  const old = createStreamKey(s.store, room, rotated, s.rng.uuid().replace(/-/g, ''));
  old.enabled = false;
  old.updatedAt = EPOCH - 14 * US_PER_DAY;
  createStreamKey(s.store, room, EPOCH - 14 * US_PER_DAY + seconds(30), s.rng.uuid().replace(/-/g, ''));
}
