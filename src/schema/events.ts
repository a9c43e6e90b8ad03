/**
 * Live room events: 100ms webhooks (src/webhooks) as typed subscription payloads that link back
 * into the graph. Served over SSE by yoga; same authentication and `hms:read` scope as queries,
 * and a caller confined by `hms_rooms` only ever sees events of its rooms.
 */
import { filter, pipe } from 'graphql-yoga';
import type { Context } from '../context.js';
import { badUserInput } from '../errors.js';
import { HmsNotFoundError } from '../hms/errors.js';
import type { HmsEvent } from '../pubsub.js';
import {
  assetIdsOf,
  graphqlTypeOf,
  isExternalStreamBeam,
  PUBLISHED_TYPES,
  type RoomEventTypeName,
} from '../webhooks/envelope.js';
import { assetView } from './asset-view.js';
import { builder } from './builder.js';
import { parseId } from './connection.js';
import { JobStatus, UNKNOWN_VALUE } from './enums.js';
import { bool, dataInt, dataString, str } from './event-data.js';
import { RecordingJobUnion } from './job.js';
import { RecordingAssetRef, RecordingRef, RoomRef, SessionRef } from './refs.js';
import { loadSession } from './session-view.js';

/** A link that may point at something gone (or hidden): null rather than an error. */
const orNull = <T>(promise: Promise<T>) =>
  promise.catch((error: unknown) => {
    if (error instanceof HmsNotFoundError) return null;
    throw error;
  });

export const RoomEventRef = builder.interfaceRef<HmsEvent>('RoomEvent').implement({
  description:
    'Something that happened in a 100ms room, as 100ms reported it by webhook. Delivered at most once per event id.',
  // Only typed events get this far (see `visibleTo`).
  resolveType: (event) => graphqlTypeOf(event.type) as RoomEventTypeName,
  fields: (t) => ({
    eventId: t.exposeString('id', { description: 'The webhook event id (UUID).' }),
    type: t.exposeString('type', { description: 'The 100ms event type, e.g. `peer.join.success`.' }),
    timestamp: t.field({
      type: 'DateTime',
      description: 'When 100ms says the event happened.',
      resolve: (e) => e.timestamp,
    }),
    replay: t.exposeBoolean('replay', {
      description: 'True when 100ms re-sent an old event through its replay API.',
    }),
    roomId: t.exposeString('roomId', { description: 'The 100ms room id.' }),
    room: t.field({
      type: RoomRef,
      nullable: true,
      description: 'The room, loaded when selected. Null when it no longer exists or loading it failed.',
      resolve: (e, _args, ctx) => orNull(ctx.loaders.room.load(e.roomId)),
    }),
    sessionId: t.string({
      nullable: true,
      description: 'The 100ms session id; null for events outside a session (e.g. some room.end events).',
      resolve: (e) => e.sessionId,
    }),
    session: t.field({
      type: SessionRef,
      nullable: true,
      description: 'The session, loaded when selected. Null without `sessionId`, or when loading it failed.',
      resolve: (e, _args, ctx) => (e.sessionId ? orNull(loadSession(ctx, e.sessionId)) : null),
    }),
  }),
});

function eventType(name: RoomEventTypeName, description: string) {
  return builder.objectRef<HmsEvent>(name).implement({
    description,
    interfaces: [RoomEventRef],
    isTypeOf: (value) => graphqlTypeOf((value as HmsEvent).type) === name,
  });
}

const PeerJoined = eventType('PeerJoined', 'peer.join.success: a peer joined the room.');
const PeerLeft = eventType('PeerLeft', 'peer.leave.success: a peer left (or was removed from) the room.');
const RoleChanged = eventType('RoleChanged', "role.change.success: a peer's role changed.");

for (const ref of [PeerJoined, PeerLeft, RoleChanged]) {
  builder.objectFields(ref, (t) => ({
    peerId: t.string(
      dataString('peer_id', 'The 100ms peer id (new on every join); null when 100ms left it out.'),
    ),
    userId: t.string(
      dataString('user_id', 'Your user id for the peer (from its auth token); null when none was set.'),
    ),
    name: t.string(
      dataString('user_name', 'The display name the peer joined with; null when none was given.'),
    ),
    role: t.string(
      dataString('role', 'The peer’s role (for RoleChanged: the new role); null when 100ms left it out.'),
    ),
    metadata: t.string(dataString('user_data', 'The peer metadata string (`user_data`).')),
    joinedAt: t.field({
      type: 'DateTime',
      ...dataString('joined_at', 'When the peer joined; null when 100ms left it out.'),
    }),
  }));
}

builder.objectFields(PeerJoined, (t) => ({
  peerType: t.string(
    dataString('type', 'How the peer connected: `regular` (SDK) or `sip` (phone); null when not reported.'),
  ),
}));

builder.objectFields(PeerLeft, (t) => ({
  leftAt: t.field({
    type: 'DateTime',
    ...dataString('left_at', 'When the peer left; null when 100ms left it out.'),
  }),
  durationSeconds: t.int(
    dataInt('duration', 'Time the peer spent in the session, in seconds; null when not reported.'),
  ),
  reason: t.string(
    dataString(
      'reason',
      'Why the peer left, as 100ms words it: client request, peer kicked, websocket closed, ice connection state closed, server removed peer…; null when not reported.',
    ),
  ),
  message: t.string(
    dataString('message', 'The reason given to remove-peer, when a server removed the peer; null otherwise.'),
  ),
}));

builder.objectFields(RoleChanged, (t) => ({
  previousRole: t.string(dataString('previous_role', 'The role before the change; null when not reported.')),
  changedAt: t.field({
    type: 'DateTime',
    ...dataString('role_changed_at', 'When the role changed; null when not reported.'),
  }),
  requestedBy: t.string(
    dataString(
      'role_change_requested_by',
      'Peer id of whoever asked for the change; null when it came through the API.',
    ),
  ),
}));

/** When the session began, as SessionOpened and SessionClosed both report it. */
const sessionStartFields = (ref: ReturnType<typeof eventType>) =>
  builder.objectFields(ref, (t) => ({
    startedAt: t.field({
      type: 'DateTime',
      ...dataString('session_started_at', 'When the session began; null when not reported.'),
    }),
  }));

const SessionOpened = eventType(
  'SessionOpened',
  'session.open.success: the first peer joined; a session began.',
);
sessionStartFields(SessionOpened);

const SessionClosed = eventType(
  'SessionClosed',
  'session.close.success: the last peer left; the session ended.',
);
sessionStartFields(SessionClosed);
builder.objectFields(SessionClosed, (t) => ({
  endedAt: t.field({
    type: 'DateTime',
    ...dataString('session_stopped_at', 'When the session ended; null when not reported.'),
  }),
  durationSeconds: t.int(
    dataInt('session_duration', 'Length of the session in seconds; null when not reported.'),
  ),
}));

const RoomEnded = eventType('RoomEnded', 'room.end.success: someone ended the room for everyone.');
builder.objectFields(RoomEnded, (t) => ({
  reason: t.string(dataString('reason', 'The reason given to end-room; null when none was given.')),
  lockRoom: t.boolean({
    nullable: true,
    description: 'True when the room was also disabled, so no new session can start; null when not reported.',
    resolve: (e) => bool(e.data, 'lock_room'),
  }),
  source: t.string(dataString('source', 'Who ended it, e.g. `peer` or `api`; null when not reported.')),
  peerId: t.string(
    dataString('peer_id', 'The peer that ended the room; null when it was ended through the API.'),
  ),
  userId: t.string(
    dataString('user_id', 'Your user id of that peer; null when ended through the API or none was set.'),
  ),
  name: t.string(dataString('user_name', 'Display name of that peer; null when ended through the API.')),
}));

const JobKind = builder.enumType('RecordingJobKind', {
  description: 'Which kind of 100ms job an event is about.',
  values: {
    RECORDING: { description: 'A browser (composite) recording: beam.* events without RTMP targets.' },
    LIVE_STREAM: { description: 'An HLS live stream: hls.* events.' },
    EXTERNAL_STREAM: { description: 'An RTMP stream: beam.* events with RTMP targets.' },
  },
});
type JobKindValue = 'RECORDING' | 'LIVE_STREAM' | 'EXTERNAL_STREAM';
const jobKindOf = (e: HmsEvent): JobKindValue =>
  e.type.startsWith('hls.') ? 'LIVE_STREAM' : isExternalStreamBeam(e.data) ? 'EXTERNAL_STREAM' : 'RECORDING';

/** Where a job stands once 100ms reports the event. */
function jobStatusOf(type: string): string {
  if (type.endsWith('.started.success')) return 'running';
  if (type.endsWith('.stopped.success')) return 'post_processing';
  if (type.endsWith('.recording.success')) return 'completed';
  if (type.endsWith('.failure')) return 'failed';
  return UNKNOWN_VALUE;
}

async function assetsOf(e: HmsEvent, ctx: Context) {
  const sessionId = e.sessionId ?? undefined;
  const found = await Promise.all(
    assetIdsOf(e.type, e.data).map((id) => orNull(ctx.loaders.recordingAsset.load({ id, sessionId }))),
  );
  return found.filter((asset) => asset !== null).map(assetView);
}

const RecordingStateChanged = eventType(
  'RecordingStateChanged',
  'A recording or stream job started, stopped, produced its files, or failed (beam.* and hls.* events).',
);
builder.objectFields(RecordingStateChanged, (t) => ({
  jobId: t.string(dataString('beam_id', 'The 100ms job id (beam_id); null when 100ms left it out.')),
  jobKind: t.field({ type: JobKind, description: 'Which kind of job this is about.', resolve: jobKindOf }),
  status: t.field({
    type: JobStatus.ref,
    description: 'RUNNING (started), POST_PROCESSING (stopped, files on the way), COMPLETED or FAILED.',
    resolve: (e) => jobStatusOf(e.type),
  }),
  reason: t.string(
    dataString(
      'reason',
      'Why it stopped: client request, max duration reached, room ended, last peer left…; null for start events.',
    ),
  ),
  errorType: t.string(
    dataString('error_type', '100ms’s error category for a failure; null unless the job failed.'),
  ),
  errorMessage: t.string(
    dataString('error_message', '100ms’s explanation of a failure; null unless the job failed.'),
  ),
  durationSeconds: t.int(
    dataInt('duration', 'Recorded or streamed length in seconds; null until the job stopped.'),
  ),
  assetIds: t.stringList({
    description: 'Files produced, once completed (empty before).',
    resolve: (e) => assetIdsOf(e.type, e.data),
  }),
  assets: t.field({
    type: [RecordingAssetRef],
    nullable: true,
    description:
      'The assets of `assetIds`, loaded when selected (missing ones are left out). Null only when loading failed.',
    resolve: (e, _args, ctx) => assetsOf(e, ctx),
  }),
  job: t.field({
    type: RecordingJobUnion,
    nullable: true,
    description:
      'The job, loaded when selected. Null without a job id, when it no longer exists, or when loading failed.',
    resolve: (e, _args, ctx) => {
      const id = str(e.data, 'beam_id');
      if (!id) return null;
      const key = { id, sessionId: e.sessionId ?? undefined };
      const kind = jobKindOf(e);
      if (kind === 'LIVE_STREAM') return orNull(ctx.loaders.liveStream.load(key));
      if (kind === 'EXTERNAL_STREAM') return orNull(ctx.loaders.externalStream.load(key));
      return orNull(ctx.loaders.recording.load(key));
    },
  }),
  recording: t.field({
    type: RecordingRef,
    nullable: true,
    description:
      'The recording job, when this event is about one; null for streams, or when it no longer exists or loading failed.',
    resolve: (e, _args, ctx) => {
      const id = str(e.data, 'beam_id');
      if (!id || jobKindOf(e) !== 'RECORDING') return null;
      return orNull(ctx.loaders.recording.load({ id, sessionId: e.sessionId ?? undefined }));
    },
  }),
}));

const TranscriptionReady = eventType(
  'TranscriptionReady',
  'transcription.success: transcripts (and a summary, when enabled) of a recording are ready.',
);
builder.objectFields(TranscriptionReady, (t) => ({
  transcriptionId: t.string(
    dataString('transcription_id', 'The 100ms transcription job id; null when 100ms left it out.'),
  ),
  durationSeconds: t.int(
    dataInt('duration', 'Length of the transcribed recording in seconds; null when not reported.'),
  ),
  assetIds: t.stringList({
    description: '100ms asset ids of the transcripts and summary.',
    resolve: (e) => assetIdsOf(e.type, e.data),
  }),
  assets: t.field({
    type: [RecordingAssetRef],
    nullable: true,
    description:
      'The assets of `assetIds`, loaded when selected (missing ones are left out). Null only when loading failed.',
    resolve: (e, _args, ctx) => assetsOf(e, ctx),
  }),
  recording: t.field({
    type: RecordingRef,
    nullable: true,
    description: 'The recording that was transcribed; null when it no longer exists or loading failed.',
    resolve: (e, _args, ctx) => {
      const id = str(e.data, 'recording_id');
      return id ? orNull(ctx.loaders.recording.load({ id, sessionId: e.sessionId ?? undefined })) : null;
    },
  }),
}));

const KNOWN_TYPES = new Set(PUBLISHED_TYPES);

function parseTypes(types: readonly string[] | null | undefined): ReadonlySet<string> | null {
  if (!types) return null;
  const unknown = types.filter((type) => !KNOWN_TYPES.has(type));
  if (unknown.length > 0) {
    throw badUserInput(
      `\`types\` has event types this gateway does not publish: ${unknown.slice(0, 5).join(', ')}. ` +
        `Known: ${PUBLISHED_TYPES.join(', ')}`,
      'types',
    );
  }
  return new Set(types);
}

/**
 * Every event is checked against the caller's rooms, whatever stream it came from; and only types
 * with a GraphQL shape pass (the bus is shared, e.g. over Redis).
 */
function visibleTo(ctx: Context, types: ReadonlySet<string> | null) {
  const rooms = ctx.caller.rooms;
  return filter<HmsEvent>(
    (event) =>
      graphqlTypeOf(event.type) !== null &&
      (!rooms || rooms.has(event.roomId)) &&
      (!types || types.has(event.type)),
  );
}

builder.subscriptionType({
  authScopes: { read: true },
  description:
    'Live 100ms events, over WebSocket (graphql-ws, `graphql-transport-ws`) or SSE (send `Accept: text/event-stream`).',
});

builder.subscriptionFields((t) => ({
  roomEvents: t.field({
    type: RoomEventRef,
    description:
      'Events of one room as they happen. Fails with NOT_FOUND for a room that does not exist or is outside the caller’s rooms.',
    args: {
      roomId: t.arg.id({ required: true, description: '100ms room id or Room global id.' }),
      types: t.arg.stringList({ description: 'Only these 100ms event types, e.g. ["peer.join.success"].' }),
    },
    subscribe: async (_root, args, ctx) => {
      const roomId = parseId(String(args.roomId), 'Room', 'roomId');
      const types = parseTypes(args.types);
      // Through the caller's view of 100ms: an unknown or hidden room is a 404 here, not silence.
      await ctx.loaders.room.load(roomId);
      return pipe(ctx.events.subscribe(roomId), visibleTo(ctx, types));
    },
    resolve: (event, _args, ctx) => {
      ctx.renewLoaders();
      return event;
    },
  }),
  events: t.field({
    type: RoomEventRef,
    description:
      'Events of every room of the workspace (of the caller’s rooms only, for a caller confined by hms_rooms).',
    args: {
      types: t.arg.stringList({
        description: 'Only these 100ms event types, e.g. ["session.close.success"].',
      }),
    },
    subscribe: (_root, args, ctx) => {
      const types = parseTypes(args.types);
      return pipe(ctx.events.subscribe(), visibleTo(ctx, types));
    },
    resolve: (event, _args, ctx) => {
      ctx.renewLoaders();
      return event;
    },
  }),
}));

/* Transcription, RTMP ingest and per-peer recording events (issue 16). */

const transcriptionFields = (ref: ReturnType<typeof eventType>) =>
  builder.objectFields(ref, (t) => ({
    transcriptionId: t.string(dataString('transcription_id', 'The 100ms transcription id.')),
    recordingId: t.string(dataString('recording_id', 'The recording being transcribed.')),
    recording: t.field({
      type: RecordingRef,
      nullable: true,
      description: 'The recording being transcribed; null when not found.',
      resolve: (e, _args, ctx) => {
        const id = str(e.data, 'recording_id');
        return id ? orNull(ctx.loaders.recording.load({ id, sessionId: e.sessionId ?? undefined })) : null;
      },
    }),
  }));

const TranscriptionStarted = eventType(
  'TranscriptionStarted',
  'transcription.started.success: post-call transcription of a recording began (it takes about 20 % of the recording’s length).',
);
transcriptionFields(TranscriptionStarted);
const TranscriptionFailed = eventType(
  'TranscriptionFailed',
  'transcription.failure: transcribing a recording failed; no transcript or summary will come.',
);
transcriptionFields(TranscriptionFailed);
builder.objectFields(TranscriptionFailed, (t) => ({
  errorMessage: t.string({
    nullable: true,
    description: 'What went wrong, as 100ms says it.',
    resolve: (e) => str(e.data, 'error_message') ?? str(e.data, 'error'),
  }),
}));

const ingestFields = (ref: ReturnType<typeof eventType>) =>
  builder.objectFields(ref, (t) => ({
    ingestId: t.string(
      dataString(
        'ingest_id',
        'The 100ms ingest id (null when the connection was refused before it started).',
      ),
    ),
  }));

/** The stream and start time IngestStarted and IngestEnded both report. */
const ingestStreamFields = (ref: ReturnType<typeof eventType>) =>
  builder.objectFields(ref, (t) => ({
    streamId: t.string(dataString('stream_id', 'The media stream id.')),
    startedAt: t.field({ type: 'DateTime', ...dataString('started_at', 'When the ingest started.') }),
  }));

const IngestStarted = eventType(
  'IngestStarted',
  'ingest.start.success: an RTMP encoder connected with the room’s stream key and joined as a peer.',
);
ingestFields(IngestStarted);
ingestStreamFields(IngestStarted);

const IngestEnded = eventType('IngestEnded', 'ingest.end.success: the RTMP encoder disconnected.');
ingestFields(IngestEnded);
ingestStreamFields(IngestEnded);
builder.objectFields(IngestEnded, (t) => ({
  endedAt: t.field({ type: 'DateTime', ...dataString('completed_at', 'When it ended.') }),
  lastDisconnectedAt: t.field({
    type: 'DateTime',
    ...dataString('last_disconnected_at', 'The encoder’s last disconnection.'),
  }),
  durationSeconds: t.int(dataInt('duration', 'How long the ingest lasted.')),
  reason: t.string(dataString('reason', 'Why it ended, e.g. the encoder stopped or the key was disabled.')),
}));

const IngestFailed = eventType(
  'IngestFailed',
  'ingest.start.failure or ingest.failure: an encoder was refused, or a live ingest broke.',
);
ingestFields(IngestFailed);
builder.objectFields(IngestFailed, (t) => ({
  beforeStart: t.boolean({
    description: 'True when the encoder was refused before the ingest started (ingest.start.failure).',
    resolve: (e) => e.type === 'ingest.start.failure',
  }),
  errorMessage: t.string(dataString('error_message', 'What went wrong, as 100ms says it.')),
}));

const PeerRecordingStatus = builder.enumType('PeerRecordingStatus', {
  description: 'Where a track or stream recording stands.',
  values: {
    STARTED: { value: 'started', description: 'Recording began (track.recording.started.success).' },
    COMPLETED: { value: 'completed', description: 'The file is ready (*.recording.success).' },
    FAILED: { value: 'failed', description: 'Recording failed (*.recording.failure).' },
  } as const,
});
const peerRecordingStatus = (type: string) =>
  type.endsWith('.started.success') ? 'started' : type.endsWith('.failure') ? 'failed' : 'completed';

const peerRecordingFields = (ref: ReturnType<typeof eventType>) =>
  builder.objectFields(ref, (t) => ({
    status: t.field({
      type: PeerRecordingStatus,
      description: 'Started, completed or failed.',
      resolve: (e) => peerRecordingStatus(e.type),
    }),
    peerId: t.string(dataString('peer_id', 'The recorded peer.')),
    streamId: t.string(dataString('stream_id', 'The recorded media stream.')),
    recordingId: t.string(
      dataString('recording_id', 'The 100ms id of the recorded file (once completed or failed).'),
    ),
    sizeBytes: t.field({ type: 'SafeInt', ...dataInt('size', 'File size in bytes, once completed.') }),
    durationSeconds: t.int(dataInt('duration', 'Recorded length.')),
    errorMessage: t.string(dataString('error_message', 'Why it failed; null otherwise.')),
    assets: t.field({
      type: [RecordingAssetRef],
      description: 'The recorded file as an asset, once completed (empty when 100ms has not listed it).',
      resolve: (e, _args, ctx) => assetsOf(e, ctx),
    }),
  }));

const TrackRecordingStateChanged = eventType(
  'TrackRecordingStateChanged',
  'track.recording.*: one track of one peer is recorded to its own file (track recording).',
);
peerRecordingFields(TrackRecordingStateChanged);
builder.objectFields(TrackRecordingStateChanged, (t) => ({
  trackId: t.string(dataString('track_id', 'The recorded track.')),
  trackType: t.string(dataString('track_type', '`audio`, `video` or `screen`.')),
}));

const StreamRecordingStateChanged = eventType(
  'StreamRecordingStateChanged',
  'stream.recording.*: one peer’s audio and video are recorded together to one file (stream recording).',
);
peerRecordingFields(StreamRecordingStateChanged);
builder.objectFields(StreamRecordingStateChanged, (t) => ({
  userId: t.string(dataString('user_id', 'The recorded user.')),
  streamType: t.string(dataString('stream_type', '`regular` or `screen`.')),
}));
