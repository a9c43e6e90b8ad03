import type { Context } from '../context.js';
import { badUserInput } from '../errors.js';
import type { ListSessionsQuery } from '../hms/types.js';
import { builder } from './builder.js';
import { loadNodes, parseConnectionArgs, parseId, toConnection } from './connection.js';
import { JobStatus, UNKNOWN_VALUE } from './enums.js';
import { prefetchChildren, registerPrefetch } from './prefetch.js';
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
  args: { first?: number | null; after?: string | null; status?: string | null },
) => {
  const { first, after } = parseConnectionArgs(args);
  if (args.status === UNKNOWN_VALUE) {
    throw badUserInput(
      '`status: UNKNOWN` only describes values this gateway does not know; it cannot filter',
      'status',
    );
  }
  return {
    query: args.status ? { room_id: roomId, status: args.status } : { room_id: roomId },
    first,
    after,
  };
};

type PageArgs = {
  first?: number | null;
  after?: string | null;
  active?: boolean | null;
  status?: string | null;
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
  registerPrefetch('Room', field, (roomId, args, ctx) => load(ctx, roomId, args));
}
registerPrefetch('Room', 'roomCodes', (roomId, _args, ctx) => ctx.loaders.roomCodes.load(roomId));
registerPrefetch('Room', 'activeRoom', (roomId, _args, ctx) => ctx.loaders.activeRoom.load(roomId));
registerPrefetch('Room', 'activeSession', (roomId, _args, ctx) => ctx.loaders.activeRoom.load(roomId));

/** The live session of a room, via the active-room endpoint; null when none is live. */
export async function activeSessionOf(roomId: string, ctx: Context) {
  const active = await ctx.loaders.activeRoom.load(roomId);
  return active ? ctx.loaders.session.load(active.session.id) : null;
}

builder.node(RoomRef, {
  description: 'A 100ms room: a persistent place where sessions happen.',
  id: { resolve: byId },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.room, ids),
  fields: (t) => ({
    hmsId: t.exposeString('id', { description: 'The 100ms room id.' }),
    name: t.exposeString('name'),
    description: t.string({ nullable: true, resolve: (room) => room.description || null }),
    enabled: t.exposeBoolean('enabled'),
    region: t.string({ nullable: true, resolve: (room) => room.region || null }),
    largeRoom: t.boolean({ resolve: (room) => room.large_room ?? false }),
    size: t.int({ nullable: true, description: 'Maximum peers.', resolve: (room) => room.size ?? null }),
    maxDurationSeconds: t.int({ nullable: true, resolve: (room) => room.max_duration_seconds ?? null }),
    recordingFollowsTemplate: t.boolean({
      nullable: true,
      resolve: (room) => room.recording_source_template ?? null,
    }),
    template: t.field({
      type: TemplateRef,
      nullable: true,
      resolve: (room, _args, ctx) => (room.template_id ? ctx.loaders.template.load(room.template_id) : null),
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (room) => room.created_at }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (room) => room.updated_at }),
    sessions: t.field({
      type: SessionConnection,
      args: { ...pageArgs(t.arg), active: t.arg.boolean() },
      resolve: async (room, args, ctx) =>
        toConnection(await roomPages.sessions(ctx, room.id, args), byId, Boolean(args.after)),
    }),
    activeSession: t.field({
      type: SessionRef,
      nullable: true,
      resolve: (room, _args, ctx) => activeSessionOf(room.id, ctx),
    }),
    activeRoom: t.field({
      type: ActiveRoomRef,
      nullable: true,
      resolve: (room, _args, ctx) => ctx.loaders.activeRoom.load(room.id),
    }),
    recordings: t.field({
      type: RecordingConnection,
      args: { ...pageArgs(t.arg), status: t.arg({ type: JobStatus.ref }) },
      resolve: async (room, args, ctx) =>
        toConnection(await roomPages.recordings(ctx, room.id, args), byId, Boolean(args.after)),
    }),
    recordingAssets: t.field({
      type: RecordingAssetConnection,
      args: pageArgs(t.arg),
      resolve: async (room, args, ctx) =>
        toConnection(await roomPages.recordingAssets(ctx, room.id, args), byId, Boolean(args.after)),
    }),
    liveStreams: t.field({
      type: LiveStreamConnection,
      args: pageArgs(t.arg),
      resolve: async (room, args, ctx) =>
        toConnection(await roomPages.liveStreams(ctx, room.id, args), byId, Boolean(args.after)),
    }),
    externalStreams: t.field({
      type: ExternalStreamConnection,
      args: pageArgs(t.arg),
      resolve: async (room, args, ctx) =>
        toConnection(await roomPages.externalStreams(ctx, room.id, args), byId, Boolean(args.after)),
    }),
    roomCodes: t.field({
      type: [RoomCodeRef],
      description:
        'Join codes per role. Empty for a disabled room: 100ms refuses its codes (403) until re-enabled.',
      args: { role: t.arg.string(), enabled: t.arg.boolean() },
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
  fields: (t) => ({
    enabled: t.boolean(),
    name: t.string({ description: 'Exact room name (100ms matches it case-insensitively).' }),
    templateId: t.id(),
    createdAfter: t.field({ type: 'DateTime' }),
    createdBefore: t.field({ type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  room: t.field({
    type: RoomRef,
    nullable: true,
    description: 'A room by its 100ms id or global id. Null plus a NOT_FOUND error when it does not exist.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx, info) => {
      const roomId = parseId(String(args.id), 'Room');
      // Children need only the id: start them now instead of after the room arrives.
      prefetchChildren(info, 'Room', roomId, ctx);
      return ctx.loaders.room.load(roomId);
    },
  }),
  rooms: t.field({
    type: RoomConnection,
    args: { ...pageArgs(t.arg), filter: t.arg({ type: RoomFilter }) },
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
