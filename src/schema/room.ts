import type { Context } from '../context.js';
import { badUserInput } from '../errors.js';
import type { ListSessionsQuery } from '../hms/types.js';
import { assetView } from './asset-view.js';
import { builder } from './builder.js';
import { loadNodes, mapConnection, parseConnectionArgs, parseId, toConnection } from './connection.js';
import { JobStatus, LegacyRecordingStatus, RoomRegion, UNKNOWN_VALUE } from './enums.js';
import { connectionNodes, prefetchChildren, registerPrefetch, selectedPath } from './prefetch.js';
import {
  ActiveRoomRef,
  ExternalStreamConnection,
  LiveStreamConnection,
  pageArgs,
  RecordingAssetConnection,
  RecordingConnection,
  RoomCodeRef,
  RoomConnection,
  RoomRef,
  SessionConnection,
  SessionRef,
  TemplateRef,
} from './refs.js';
import { loadSession, sessionView } from './session-view.js';

const byId = (item: { id: string }) => item.id;

/** Loader keys for a room's connections; shared by the field resolvers and the prefetchers. */
const roomSessionsKey = (
  roomId: string,
  args: { first?: number | null; after?: string | null; active?: boolean | null },
) => {
  const { first, after } = parseConnectionArgs(args);
  const query: ListSessionsQuery = { room_id: roomId };
  if (typeof args.active === 'boolean') query.active = args.active;
  return { query, first, after };
};
const roomJobsKey = (
  roomId: string,
  args: { first?: number | null; after?: string | null; status?: string | null; jobStatus?: string | null },
) => {
  const { first, after } = parseConnectionArgs(args);
  const status = args.jobStatus ?? args.status;
  if (status === UNKNOWN_VALUE) {
    throw badUserInput(
      '`jobStatus: UNKNOWN` only describes values this gateway does not know; it cannot filter',
      'jobStatus',
    );
  }
  return {
    query: status ? { room_id: roomId, status } : { room_id: roomId },
    first,
    after,
  };
};

type PageArgs = {
  first?: number | null;
  after?: string | null;
  active?: boolean | null;
  status?: string | null;
  jobStatus?: string | null;
};

/** A room's paged children: one loader call each, shared by the field resolvers and the prefetcher. */
const roomPages = {
  sessions: (ctx: Context, roomId: string, args: PageArgs) =>
    ctx.loaders.sessionsPage.load(roomSessionsKey(roomId, args)),
  recordings: (ctx: Context, roomId: string, args: PageArgs) =>
    ctx.loaders.recordingsPage.load(roomJobsKey(roomId, args)),
  recordingAssets: (ctx: Context, roomId: string, args: PageArgs) =>
    ctx.loaders.recordingAssetsPage.load(roomJobsKey(roomId, args)),
  liveStreams: (ctx: Context, roomId: string, args: PageArgs) =>
    ctx.loaders.liveStreamsPage.load(roomJobsKey(roomId, args)),
  externalStreams: (ctx: Context, roomId: string, args: PageArgs) =>
    ctx.loaders.externalStreamsPage.load(roomJobsKey(roomId, args)),
};
for (const [field, load] of Object.entries(roomPages)) {
  if (field !== 'sessions') registerPrefetch('Room', field, (roomId, args, ctx) => load(ctx, roomId, args));
}
/**
 * The sessions' recordings and assets come from room-wide lists that only page back as far as
 * the oldest session: their first pages need nothing but the room id, so they start now, in the
 * same round trip as the room and its sessions (one round trip for a dashboard). Older pages
 * are fetched later only when a requested session predates what the first page reached.
 */
registerPrefetch('Room', 'sessions', (roomId, args, ctx, { info, field }) => {
  const sessions = connectionNodes(info, [field]);
  const recordings = selectedPath(info, sessions, ['recordings']);
  if (recordings.length > 0) ctx.loaders.prefetchRoomRecordings(roomId);
  if (
    selectedPath(info, sessions, ['recordingAssets']).length > 0 ||
    selectedPath(info, connectionNodes(info, recordings), ['assets']).length > 0
  ) {
    ctx.loaders.prefetchRoomAssets(roomId);
  }
  return roomPages.sessions(ctx, roomId, args);
});
registerPrefetch('Room', 'roomCodes', (roomId, _args, ctx) => ctx.loaders.roomCodes.load(roomId));
registerPrefetch('Room', 'activeRoom', (roomId, _args, ctx) => ctx.loaders.activeRoom.load(roomId));
registerPrefetch('Room', 'activeSession', (roomId, _args, ctx) => ctx.loaders.activeRoom.load(roomId));

/** The live session of a room, via the active-room endpoint; null when none is live. */
export async function activeSessionOf(roomId: string, ctx: Context) {
  const active = await ctx.loaders.activeRoom.load(roomId);
  return active ? loadSession(ctx, active.session.id) : null;
}

builder.node(RoomRef, {
  description:
    'A 100ms room: a persistent place where sessions happen. Peers join it with a role, through a room code or an auth token.',
  id: { resolve: byId },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.room, ids),
  fields: (t) => ({
    hmsId: t.exposeString('id', { description: 'The 100ms room id.' }),
    name: t.exposeString('name', {
      description: 'Unique name in the workspace (letters, digits and . - : _).',
    }),
    description: t.string({
      nullable: true,
      description: 'Free text set when the room was created; null when none was set.',
      resolve: (room) => room.description || null,
    }),
    enabled: t.exposeBoolean('enabled', {
      description: 'False for a disabled room: nobody can join it and its room codes stop working.',
    }),
    region: t.field({
      type: RoomRegion.ref,
      nullable: true,
      description: 'Where the room’s media servers run; null when the room follows its template’s region.',
      resolve: (room) => (room.region ? RoomRegion.fromUpstream(room.region) : null),
    }),
    largeRoom: t.boolean({
      description: 'Whether the room allows more than 2,500 peers (100ms large rooms).',
      resolve: (room) => room.large_room ?? false,
    }),
    size: t.int({
      nullable: true,
      description: 'Maximum peers at once; null when the room has no limit of its own.',
      resolve: (room) => room.size ?? null,
    }),
    maxDurationSeconds: t.int({
      nullable: true,
      description: 'Longest a session may run, in seconds (120–43,200); null for 100ms’s default.',
      resolve: (room) => room.max_duration_seconds ?? null,
    }),
    recordingFollowsTemplate: t.boolean({
      nullable: true,
      description:
        'Whether recording settings come from the template (100ms `recording_source_template`); null when 100ms does not say.',
      resolve: (room) => room.recording_source_template ?? null,
    }),
    template: t.field({
      type: TemplateRef,
      nullable: true,
      description: 'The template the room uses. Null when it has none, or loading it failed.',
      resolve: (room, _args, ctx) => (room.template_id ? ctx.loaders.template.load(room.template_id) : null),
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the room was created.',
      resolve: (room) => room.created_at,
    }),
    updatedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Last change of the room’s settings; null when never changed.',
      resolve: (room) => room.updated_at,
    }),
    sessions: t.field({
      type: SessionConnection,
      nullable: true,
      description: 'Sessions of this room, newest first. Null only when 100ms failed to list them.',
      args: {
        ...pageArgs(t.arg),
        active: t.arg.boolean({ description: 'True: only the live session; false: only ended ones.' }),
      },
      resolve: async (room, args, ctx) =>
        mapConnection(
          toConnection(await roomPages.sessions(ctx, room.id, args), byId, Boolean(args.after)),
          sessionView,
        ),
    }),
    activeSession: t.field({
      type: SessionRef,
      nullable: true,
      description: 'The session running now; null when nobody is in the room (or loading failed).',
      resolve: (room, _args, ctx) => activeSessionOf(room.id, ctx),
    }),
    activeRoom: t.field({
      type: ActiveRoomRef,
      nullable: true,
      description: 'Live state (peers, tracks) while a session runs; null when nobody is in the room.',
      resolve: (room, _args, ctx) => ctx.loaders.activeRoom.load(room.id),
    }),
    recordings: t.field({
      type: RecordingConnection,
      nullable: true,
      description: 'Browser recordings of this room. Null only when 100ms failed to list them.',
      args: {
        ...pageArgs(t.arg),
        jobStatus: t.arg({
          type: JobStatus.ref,
          description: 'Only recordings in this state (UNKNOWN is refused).',
        }),
        status: t.arg({
          type: LegacyRecordingStatus.ref,
          description: 'Deprecated alias of `jobStatus`.',
          deprecationReason: 'Use `jobStatus` (type `JobStatus`, same values).',
        }),
      },
      resolve: async (room, args, ctx) =>
        toConnection(await roomPages.recordings(ctx, room.id, args), byId, Boolean(args.after)),
    }),
    recordingAssets: t.field({
      type: RecordingAssetConnection,
      nullable: true,
      description: 'Files produced by this room’s jobs. Null only when 100ms failed to list them.',
      args: pageArgs(t.arg),
      resolve: async (room, args, ctx) =>
        mapConnection(
          toConnection(await roomPages.recordingAssets(ctx, room.id, args), byId, Boolean(args.after)),
          assetView,
        ),
    }),
    liveStreams: t.field({
      type: LiveStreamConnection,
      nullable: true,
      description: 'HLS live streams of this room. Null only when 100ms failed to list them.',
      args: pageArgs(t.arg),
      resolve: async (room, args, ctx) =>
        toConnection(await roomPages.liveStreams(ctx, room.id, args), byId, Boolean(args.after)),
    }),
    externalStreams: t.field({
      type: ExternalStreamConnection,
      nullable: true,
      description: 'RTMP streams of this room. Null only when 100ms failed to list them.',
      args: pageArgs(t.arg),
      resolve: async (room, args, ctx) =>
        toConnection(await roomPages.externalStreams(ctx, room.id, args), byId, Boolean(args.after)),
    }),
    roomCodes: t.field({
      type: [RoomCodeRef],
      nullable: true,
      description:
        'Join codes per role. Empty for a disabled room: 100ms refuses its codes (403) until re-enabled. Null only when 100ms failed to list them.',
      args: {
        role: t.arg.string({ description: 'Only the codes of this role.' }),
        enabled: t.arg.boolean({ description: 'Only enabled (true) or disabled (false) codes.' }),
      },
      resolve: async (room, args, ctx) =>
        !room.enabled
          ? []
          : (await ctx.loaders.roomCodes.load(room.id)).filter(
              (code) =>
                (args.role == null || code.role === args.role) &&
                (args.enabled == null || code.enabled === args.enabled),
            ),
    }),
  }),
});

const RoomFilter = builder.inputType('RoomFilter', {
  description: 'Narrows `rooms`; fields combine with AND.',
  fields: (t) => ({
    enabled: t.boolean({ description: 'Only enabled (true) or disabled (false) rooms.' }),
    name: t.string({ description: 'Exact room name (100ms matches it case-insensitively).' }),
    templateId: t.id({
      description: 'Only rooms of this template (100ms template id or Template global id).',
    }),
    createdAfter: t.field({ type: 'DateTime', description: 'Only rooms created after this instant.' }),
    createdBefore: t.field({ type: 'DateTime', description: 'Only rooms created before this instant.' }),
  }),
});

builder.queryFields((t) => ({
  room: t.field({
    type: RoomRef,
    nullable: true,
    description: 'A room by its 100ms id or global id. Null plus a NOT_FOUND error when it does not exist.',
    args: { id: t.arg.id({ required: true, description: 'The 100ms room id or the Room global `id`.' }) },
    resolve: (_root, args, ctx, info) => {
      const roomId = parseId(String(args.id), 'Room');
      // Children need only the id: start them now instead of after the room arrives.
      prefetchChildren(info, 'Room', roomId, ctx);
      return ctx.loaders.room.load(roomId);
    },
  }),
  rooms: t.field({
    type: RoomConnection,
    description: 'Rooms of the workspace.',
    args: {
      ...pageArgs(t.arg),
      filter: t.arg({ type: RoomFilter, description: 'Narrow the list; all rooms when omitted.' }),
    },
    resolve: async (_root, args, ctx) => {
      const { first, after } = parseConnectionArgs(args);
      const f = args.filter;
      const query = {
        ...(f?.enabled != null && { enabled: f.enabled }),
        ...(f?.name != null && { name: f.name }),
        ...(f?.templateId != null && {
          template_id: parseId(String(f.templateId), 'Template', 'filter.templateId'),
        }),
        ...(f?.createdAfter != null && { after: f.createdAfter.toISOString() }),
        ...(f?.createdBefore != null && { before: f.createdBefore.toISOString() }),
      };
      return toConnection(await ctx.loaders.roomsPage.load({ query, first, after }), byId, Boolean(after));
    },
  }),
}));
