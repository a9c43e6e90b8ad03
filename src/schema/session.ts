import type { ListSessionsQuery } from '../hms/types.js';
import { toScope } from '../loaders/index.js';
import { assetView } from './asset-view.js';
import { builder } from './builder.js';
import { CACHE_KEY_DESCRIPTION } from './cache-key.js';
import {
  loadNodes,
  mapConnection,
  parseConnectionArgs,
  parseId,
  sliceConnection,
  toConnection,
} from './connection.js';
import { selectsField } from './prefetch.js';
import {
  pageArgs,
  RecordingAssetConnection,
  RecordingConnection,
  RoomRef,
  SessionConnection,
  SessionRef,
} from './refs.js';
import { loadSession, peersOf, type SessionPeerView, sessionView } from './session-view.js';

export const SessionPeerRef = builder.objectRef<SessionPeerView>('SessionPeer').implement({
  description: 'A peer that joined a session. Every re-join gets a new peerId; userId stays the same.',
  fields: (t) => ({
    id: t.exposeID('id', { description: CACHE_KEY_DESCRIPTION }),
    peerId: t.exposeString('peerId', { description: 'The 100ms peer id of this join.' }),
    userId: t.exposeString('userId', {
      nullable: true,
      description: 'Your user id for the peer (from its auth token); null when none was set.',
    }),
    name: t.exposeString('name', {
      nullable: true,
      description: 'Display name the peer joined with; null when none was given.',
    }),
    role: t.exposeString('role', {
      nullable: true,
      description: 'The role the peer joined with; null when 100ms left it out.',
    }),
    joinedAt: t.expose('joinedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the peer joined; null when 100ms left it out.',
    }),
    leftAt: t.expose('leftAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the peer left; null while it is still connected.',
    }),
    durationSeconds: t.exposeInt('durationSeconds', {
      nullable: true,
      description: 'Seconds in the session; for a peer still connected, so far. Null without `joinedAt`.',
    }),
  }),
});

builder.node(SessionRef, {
  description: 'One occurrence of a room being in use, from the first join to the last leave.',
  id: { resolve: (s) => s.id },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.session, ids).map((s) => s.then((v) => v && sessionView(v))),
  fields: (t) => ({
    hmsId: t.exposeString('hmsId', { description: 'The 100ms session id.' }),
    room: t.field({
      type: RoomRef,
      nullable: true,
      description: 'The room of the session. Null only when loading it failed (the error says why).',
      resolve: (s, _args, ctx) => ctx.loaders.room.load(s.room_id),
    }),
    active: t.exposeBoolean('active', {
      description: 'True while the session is live (someone is in the room).',
    }),
    startedAt: t.expose('startedAt', { type: 'DateTime', description: 'When the first peer joined.' }),
    updatedAt: t.expose('updatedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Last change 100ms recorded (a join or leave); null when none.',
    }),
    endedAt: t.expose('endedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Null while the session is live; for a closed session, its last update.',
    }),
    durationSeconds: t.exposeInt('durationSeconds', {
      nullable: true,
      description:
        'Length of the session in seconds; for a live session, so far. Null when 100ms sent no end.',
    }),
    peerCount: t.exposeInt('peerCount', { description: 'Peers that ever joined (each re-join counts).' }),
    peers: t.field({
      type: [SessionPeerRef],
      description: 'Every join of the session, in join order (a peer that re-joined appears once per join).',
      resolve: peersOf,
    }),
    recordings: t.field({
      type: RecordingConnection,
      nullable: true,
      description: 'Browser recordings of this session. Null only when 100ms failed to list them.',
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
      nullable: true,
      description: 'Files produced by this session’s jobs. Null only when 100ms failed to list them.',
      args: pageArgs(t.arg),
      resolve: async (s, args, ctx) =>
        mapConnection(sliceConnection(await ctx.loaders.sessionAssets(toScope(s)), args), assetView),
    }),
  }),
});

const SessionFilter = builder.inputType('SessionFilter', {
  description: 'Narrows `sessions`; fields combine with AND.',
  fields: (t) => ({
    roomId: t.id({ description: 'Only sessions of this room (100ms room id or Room global id).' }),
    active: t.boolean({ description: 'True: only live sessions; false: only ended ones.' }),
    startedAfter: t.field({ type: 'DateTime', description: 'Only sessions that began after this instant.' }),
    startedBefore: t.field({
      type: 'DateTime',
      description: 'Only sessions that began before this instant.',
    }),
  }),
});

builder.queryFields((t) => ({
  session: t.field({
    type: SessionRef,
    nullable: true,
    description:
      'A session by its 100ms id or global id. Null plus a NOT_FOUND error when it does not exist.',
    args: {
      id: t.arg.id({ required: true, description: 'The 100ms session id or the Session global `id`.' }),
    },
    resolve: (_root, args, ctx) => loadSession(ctx, parseId(String(args.id), 'Session')),
  }),
  sessions: t.field({
    type: SessionConnection,
    description: 'Sessions of the workspace, newest first.',
    args: {
      ...pageArgs(t.arg),
      filter: t.arg({ type: SessionFilter, description: 'Narrow the list; all sessions when omitted.' }),
    },
    resolve: async (_root, args, ctx) => {
      const { first, after } = parseConnectionArgs(args);
      const f = args.filter;
      const query: ListSessionsQuery = {
        ...(f?.roomId != null && { room_id: parseId(String(f.roomId), 'Room', 'filter.roomId') }),
        ...(f?.active != null && { active: f.active }),
        ...(f?.startedAfter != null && { after: f.startedAfter.toISOString() }),
        ...(f?.startedBefore != null && { before: f.startedBefore.toISOString() }),
      };
      return mapConnection(
        toConnection(
          await ctx.loaders.sessionsPage.load({ query, first, after }),
          (s) => s.id,
          Boolean(after),
        ),
        sessionView,
      );
    },
  }),
}));
