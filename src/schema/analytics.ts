import { badUserInput } from '../errors.js';
import type { AnalyticsEvent } from '../hms/types.js';
import { ERROR_EVENT_TYPES, RECORDING_EVENT_TYPES, TRACK_EVENT_TYPES } from '../hms/types.js';
import type { AnalyticsKey } from '../loaders/index.js';
import { builder } from './builder.js';
import { MAX_FIRST, parseId } from './connection.js';
import { bool, dataInt, dataString, str } from './event-data.js';
import { AnalyticsEventConnection, AnalyticsEventRef, RoomRef, SessionRef } from './refs.js';
import { loadSession } from './session-view.js';

type Data = Record<string, unknown>;

const families = {
  TrackEvent: new Set<string>(TRACK_EVENT_TYPES),
  RecordingEvent: new Set<string>(RECORDING_EVENT_TYPES),
  ErrorEvent: new Set<string>(ERROR_EVENT_TYPES),
};

AnalyticsEventRef.implement({
  description: 'An analytics event of a room (track, recording or client error), newest data first.',
  resolveType: (event) => {
    for (const [name, types] of Object.entries(families)) if (types.has(event.type)) return name;
    return 'GenericAnalyticsEvent';
  },
  fields: (t) => ({
    eventId: t.exposeString('id', { description: 'The 100ms event id (UUID).' }),
    type: t.exposeString('type', { description: 'The 100ms event type, e.g. `track.add.success`.' }),
    timestamp: t.field({ type: 'DateTime', description: 'When it happened.', resolve: (e) => e.timestamp }),
    room: t.field({
      type: RoomRef,
      nullable: true,
      description: 'The room, loaded when selected. Null without `roomId`, or when loading it failed.',
      resolve: (e, _args, ctx) => {
        const id = str(e.data, 'room_id');
        return id ? ctx.loaders.room.load(id) : null;
      },
    }),
    roomId: t.string(dataString('room_id', 'The 100ms room id; null when 100ms left it out.')),
    session: t.field({
      type: SessionRef,
      nullable: true,
      description: 'The session, loaded when selected. Null without `sessionId`, or when loading it failed.',
      resolve: (e, _args, ctx) => {
        const id = str(e.data, 'session_id');
        return id ? loadSession(ctx, id) : null;
      },
    }),
    sessionId: t.string(dataString('session_id', 'The 100ms session id; null when 100ms left it out.')),
    peerId: t.string(dataString('peer_id', 'The 100ms peer id; null for events without a peer.')),
    userId: t.string(dataString('user_id', 'Your user id of the peer; null when none was set.')),
  }),
});

const isType = (names: Set<string>) => (value: unknown) =>
  typeof value === 'object' && value !== null && names.has((value as AnalyticsEvent).type);

builder.objectType(builder.objectRef<AnalyticsEvent<Data>>('TrackEvent'), {
  description:
    'A track was published, changed or unpublished: track.add.success, track.update.success or track.remove.success.',
  interfaces: [AnalyticsEventRef],
  isTypeOf: isType(families.TrackEvent),
  fields: (t) => ({
    trackId: t.string(dataString('track_id', 'The 100ms track id; null when not reported.')),
    streamId: t.string(dataString('stream_id', 'The media stream of the track; null when not reported.')),
    trackType: t.string(dataString('type', 'The kind of media: audio or video; null when not reported.')),
    source: t.string(
      dataString(
        'source',
        'Where it comes from: regular (camera, microphone) or screen; null when not reported.',
      ),
    ),
    mute: t.boolean({
      nullable: true,
      description: 'Whether the track was muted; null when not reported.',
      resolve: (e) => bool(e.data, 'mute'),
    }),
    userName: t.string(dataString('user_name', 'Display name of the peer; null when not reported.')),
    role: t.string(dataString('role', 'Role of the peer; null when not reported.')),
    startedAt: t.field({
      type: 'DateTime',
      ...dataString('started_at', 'When the track started; null when not reported.'),
    }),
    stoppedAt: t.field({
      type: 'DateTime',
      ...dataString('stopped_at', 'When the track stopped; null while it runs or when not reported.'),
    }),
  }),
});

builder.objectType(builder.objectRef<AnalyticsEvent<Data>>('RecordingEvent'), {
  description: 'beam.recording.success: a recording or stream job produced its file.',
  interfaces: [AnalyticsEventRef],
  isTypeOf: isType(families.RecordingEvent),
  fields: (t) => ({
    beamId: t.string(dataString('beam_id', 'The 100ms job id; null when not reported.')),
    durationSeconds: t.int(dataInt('duration', 'Recorded length in seconds; null when not reported.')),
    sizeBytes: t.field({
      type: 'SafeInt',
      ...dataInt('size', 'File size in bytes; null when not reported.'),
    }),
    recordingPath: t.string(dataString('recording_path', 'Storage URI of the file; null when not reported.')),
    startedAt: t.field({
      type: 'DateTime',
      ...dataString('started_at', 'When the job started; null when not reported.'),
    }),
    stoppedAt: t.field({
      type: 'DateTime',
      ...dataString('stopped_at', 'When the job stopped; null when not reported.'),
    }),
  }),
});

builder.objectType(builder.objectRef<AnalyticsEvent<Data>>('ErrorEvent'), {
  description: 'A client-side failure: publish, subscribe, join, connect or disconnect.',
  interfaces: [AnalyticsEventRef],
  isTypeOf: isType(families.ErrorEvent),
  fields: (t) => ({
    errorCode: t.int(dataInt('error_code', 'The 100ms SDK error code, e.g. 3001; null when not reported.')),
    errorName: t.string(
      dataString('error_name', 'The SDK error name, e.g. `CantAccessCaptureDevice`; null when not reported.'),
    ),
    errorMessage: t.string(dataString('error_message', 'The SDK error message; null when not reported.')),
    errorDescription: t.string(
      dataString('error_description', 'A longer explanation of the error; null when not reported.'),
    ),
    action: t.string(
      dataString('action', 'What the client was doing: PUBLISH, SUBSCRIBE, JOIN, …; null when not reported.'),
    ),
    isTerminal: t.boolean({
      nullable: true,
      description: 'True when the error ended the peer’s session; null when not reported.',
      resolve: (e) => bool(e.data, 'is_terminal'),
    }),
    userName: t.string(dataString('user_name', 'Display name of the peer; null when not reported.')),
    role: t.string(dataString('role', 'Role of the peer; null when not reported.')),
  }),
});

builder.objectType(builder.objectRef<AnalyticsEvent<Data>>('GenericAnalyticsEvent'), {
  description: 'An event type this gateway does not model yet; its common fields still resolve.',
  interfaces: [AnalyticsEventRef],
  isTypeOf: (value) =>
    typeof value === 'object' &&
    value !== null &&
    !Object.values(families).some((types) => types.has((value as AnalyticsEvent).type)),
  fields: () => ({}),
});

/** Analytics cursors are (page start token, offset): see `analyticsWindow` in the loaders. */
function encodePosition(position: { start?: string; skip: number }): string {
  return Buffer.from(JSON.stringify({ a: 1, s: position.start ?? null, k: position.skip }), 'utf8').toString(
    'base64url',
  );
}

function decodePosition(cursor: string): { start?: string; skip: number } {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      a?: number;
      s?: unknown;
      k?: unknown;
    };
    if (
      value.a === 1 &&
      (value.s === null || (typeof value.s === 'string' && value.s.length <= 2048)) &&
      typeof value.k === 'number' &&
      Number.isInteger(value.k) &&
      value.k >= 0 &&
      value.k <= 100
    ) {
      return { start: value.s ?? undefined, skip: value.k };
    }
  } catch {
    // fall through
  }
  throw badUserInput('`after` is not an analytics cursor this API issued', 'after');
}

builder.queryFields((t) => ({
  analyticsEvents: t.field({
    type: AnalyticsEventConnection,
    description: 'Track, recording and error events of one room (last 30 days), paged past page 1.',
    args: {
      roomId: t.arg.id({ required: true, description: 'The 100ms room id or Room global id.' }),
      types: t.arg.stringList({
        description:
          'Event types; default: every track and recording type (or every error type with errorsOnly).',
      }),
      errorsOnly: t.arg.boolean({
        description: 'Client error events (publish, subscribe, join, connect, disconnect).',
      }),
      sessionId: t.arg.id({ description: 'Only events of this session (100ms id or Session global id).' }),
      peerId: t.arg.string({ description: 'Only events of this peer (100ms peer id).' }),
      userId: t.arg.string({ description: 'Only events of peers with this user id.' }),
      first: t.arg.int({ description: 'Page size, 1–100 (default 20).' }),
      after: t.arg.string({ description: 'An `endCursor` or edge `cursor` from a previous page.' }),
    },
    resolve: async (_root, args, ctx) => {
      const first = args.first ?? 20;
      if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
        throw badUserInput(`\`first\` must be between 1 and ${MAX_FIRST}, got ${first}`, 'first');
      }
      const position = args.after ? decodePosition(args.after) : { skip: 0 };
      const key: AnalyticsKey = {
        query: {
          room_id: parseId(String(args.roomId), 'Room', 'roomId'),
          ...(args.types?.length && { type: [...args.types] }),
          ...(args.sessionId != null && {
            session_id: parseId(String(args.sessionId), 'Session', 'sessionId'),
          }),
          ...(args.peerId != null && { peer_id: args.peerId }),
          ...(args.userId != null && { user_id: args.userId }),
          ...(args.errorsOnly === true && { error: true }),
        },
        first,
        start: position.start,
        skip: position.skip,
      };
      const window = await ctx.loaders.analyticsPage.load(key);
      const edges = window.items.map((node, i) => ({
        cursor: encodePosition(window.positions[i] ?? { skip: 0 }),
        node,
      }));
      return {
        edges,
        pageInfo: {
          hasNextPage: window.hasNextPage,
          hasPreviousPage: Boolean(args.after),
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
      };
    },
  }),
}));
