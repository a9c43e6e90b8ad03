import type { ListSessionsQuery, Session, SessionPeer } from '../hms/types.js';
import { toScope } from '../loaders/index.js';
import { builder } from './builder.js';
import { loadNodes, parseConnectionArgs, parseId, sliceConnection, toConnection } from './connection.js';
import { selectsField } from './prefetch.js';
import {
  pageArgs,
  RecordingAssetConnection,
  RecordingConnection,
  RoomRef,
  SessionConnection,
  SessionRef,
} from './refs.js';
import { nowIso, seconds } from './time.js';

const SessionPeerRef = builder.objectRef<SessionPeer>('SessionPeer').implement({
  description: 'A peer that joined a session. Every re-join gets a new peerId; userId stays the same.',
  fields: (t) => ({
    peerId: t.exposeString('id'),
    userId: t.string({ nullable: true, resolve: (p) => p.user_id || null }),
    name: t.string({ nullable: true, resolve: (p) => p.name || null }),
    role: t.string({ nullable: true, resolve: (p) => p.role || null }),
    joinedAt: t.field({ type: 'DateTime', nullable: true, resolve: (p) => p.joined_at }),
    leftAt: t.field({ type: 'DateTime', nullable: true, resolve: (p) => p.left_at }),
    durationSeconds: t.int({
      nullable: true,
      description: 'Time in the session; for a peer still connected, so far.',
      resolve: (p) => seconds(p.joined_at, p.left_at ?? nowIso()),
    }),
  }),
});

const peersOf = (session: Session) =>
  Object.entries(session.peers ?? {})
    .map(([id, peer]) => ({ ...peer, id: peer.id || id }))
    .sort((a, b) => (a.joined_at ?? '').localeCompare(b.joined_at ?? '') || a.id.localeCompare(b.id));

builder.node(SessionRef, {
  description: 'One occurrence of a room being in use, from the first join to the last leave.',
  id: { resolve: (s) => s.id },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.session, ids),
  fields: (t) => ({
    hmsId: t.exposeString('id', { description: 'The 100ms session id.' }),
    room: t.field({ type: RoomRef, resolve: (s, _args, ctx) => ctx.loaders.room.load(s.room_id) }),
    active: t.exposeBoolean('active'),
    startedAt: t.field({ type: 'DateTime', resolve: (s) => s.created_at }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.updated_at }),
    endedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Null while the session is live; for a closed session, its last update.',
      resolve: (s) => (s.active ? null : s.updated_at),
    }),
    durationSeconds: t.int({
      nullable: true,
      description: 'Length of the session; for a live session, so far.',
      resolve: (s) => seconds(s.created_at, s.active ? nowIso() : s.updated_at),
    }),
    peerCount: t.int({
      description: 'Peers that ever joined (each re-join counts).',
      resolve: (s) => Object.keys(s.peers ?? {}).length,
    }),
    peers: t.field({ type: [SessionPeerRef], resolve: peersOf }),
    recordings: t.field({
      type: RecordingConnection,
      args: pageArgs(t.arg),
      resolve: async (s, args, ctx, info) => {
        const scope = toScope(s);
        // Assets come from their own list: fetch them alongside the jobs, not after them.
        if (selectsField(info, 'assets')) ctx.loaders.sessionAssets(scope).catch(() => undefined);
        return sliceConnection(await ctx.loaders.recordingsBySession.load(scope), args);
      },
    }),
    recordingAssets: t.field({
      type: RecordingAssetConnection,
      args: pageArgs(t.arg),
      resolve: async (s, args, ctx) => sliceConnection(await ctx.loaders.sessionAssets(toScope(s)), args),
    }),
  }),
});

const SessionFilter = builder.inputType('SessionFilter', {
  fields: (t) => ({
    roomId: t.id({ description: '100ms room id or Room global id.' }),
    active: t.boolean(),
    startedAfter: t.field({ type: 'DateTime' }),
    startedBefore: t.field({ type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  session: t.field({
    type: SessionRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.session.load(parseId(String(args.id), 'Session')),
  }),
  sessions: t.field({
    type: SessionConnection,
    args: { ...pageArgs(t.arg), filter: t.arg({ type: SessionFilter }) },
    resolve: async (_root, args, ctx) => {
      const { first, after } = parseConnectionArgs(args);
      const f = args.filter;
      const query: ListSessionsQuery = {
        ...(f?.roomId != null && { room_id: parseId(String(f.roomId), 'Room', 'filter.roomId') }),
        ...(f?.active != null && { active: f.active }),
        ...(f?.startedAfter != null && { after: f.startedAfter.toISOString() }),
        ...(f?.startedBefore != null && { before: f.startedBefore.toISOString() }),
      };
      return toConnection(
        await ctx.loaders.sessionsPage.load({ query, first, after }),
        (s) => s.id,
        Boolean(after),
      );
    },
  }),
}));
