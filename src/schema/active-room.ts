import type { Track } from '../hms/types.js';
import { builder } from './builder.js';
import { parseId } from './connection.js';
import { ActivePeerRef, ActiveRoomRef, RoomRef, SessionRef } from './refs.js';

const TrackRef = builder.objectRef<Track>('Track').implement({
  description: 'A media track a connected peer publishes.',
  fields: (t) => ({
    trackId: t.exposeString('id'),
    streamId: t.string({ nullable: true, resolve: (tr) => tr.stream_id || null }),
    type: t.exposeString('type', { description: 'audio or video.' }),
    source: t.exposeString('source', { description: 'regular or screen.' }),
    mute: t.exposeBoolean('mute'),
    startedAt: t.field({ type: 'DateTime', nullable: true, resolve: (tr) => tr.started_at }),
    description: t.string({ nullable: true, resolve: (tr) => tr.description || null }),
  }),
});

builder.objectType(ActivePeerRef, {
  description: 'A peer connected right now.',
  fields: (t) => ({
    peerId: t.exposeString('id'),
    name: t.string({ nullable: true, resolve: (p) => p.name || null }),
    userId: t.string({ nullable: true, resolve: (p) => p.user_id || null }),
    role: t.exposeString('role'),
    metadata: t.string({
      nullable: true,
      description: 'Often stringified JSON.',
      resolve: (p) => p.metadata || null,
    }),
    joinedAt: t.field({ type: 'DateTime', nullable: true, resolve: (p) => p.joined_at }),
    tracks: t.field({
      type: [TrackRef],
      description: 'Costs one 100ms call per peer: select only when needed.',
      resolve: async (p, _args, ctx) => {
        const peer = await ctx.loaders.activePeer.load({ roomId: p.room_id, peerId: p.id });
        return Object.entries(peer.tracks ?? {}).map(([id, track]) => ({ ...track, id: track.id || id }));
      },
    }),
  }),
});

builder.objectType(ActiveRoomRef, {
  description: 'The live state of a room while a session is running.',
  fields: (t) => ({
    hmsId: t.exposeString('id', { description: 'The 100ms room id.' }),
    name: t.exposeString('name'),
    room: t.field({ type: RoomRef, resolve: (a, _args, ctx) => ctx.loaders.room.load(a.id) }),
    session: t.field({
      type: SessionRef,
      resolve: (a, _args, ctx) => ctx.loaders.session.load(a.session.id),
    }),
    startedAt: t.field({ type: 'DateTime', nullable: true, resolve: (a) => a.session.created_at }),
    peerCount: t.int({ resolve: (a) => a.session.peers?.length ?? 0 }),
    peers: t.field({
      type: [ActivePeerRef],
      args: { role: t.arg.string(), userId: t.arg.string() },
      resolve: async (a, args, ctx) => {
        const peers = await ctx.loaders.activePeers.load({
          roomId: a.id,
          ...(args.role != null && { role: args.role }),
          ...(args.userId != null && { userId: args.userId }),
        });
        return peers
          .map((p) => ({ ...p, room_id: a.id }))
          .sort((x, y) => (x.joined_at ?? '').localeCompare(y.joined_at ?? '') || x.id.localeCompare(y.id));
      },
    }),
  }),
});

builder.queryFields((t) => ({
  activeRoom: t.field({
    type: ActiveRoomRef,
    nullable: true,
    description: 'The live state of a room; null when no session is live.',
    args: { roomId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      ctx.loaders.activeRoom.load(parseId(String(args.roomId), 'Room', 'roomId')),
  }),
}));
