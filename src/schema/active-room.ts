import type { Track } from '../hms/types.js';
import { builder } from './builder.js';
import { CACHE_KEY_DESCRIPTION, cacheKey } from './cache-key.js';
import { parseId } from './connection.js';
import { ActivePeerRef, ActiveRoomRef, RoomRef, SessionRef } from './refs.js';
import { loadSession } from './session-view.js';

const TrackRef = builder.objectRef<Track & { peer_id: string }>('Track').implement({
  description: 'A media track a connected peer publishes.',
  fields: (t) => ({
    id: t.id({ description: CACHE_KEY_DESCRIPTION, resolve: (tr) => cacheKey('Track', tr.peer_id, tr.id) }),
    trackId: t.exposeString('id', { description: 'The 100ms track id.' }),
    streamId: t.string({
      nullable: true,
      description: 'The media stream the track belongs to (camera or screen share); null when not reported.',
      resolve: (tr) => tr.stream_id || null,
    }),
    type: t.exposeString('type', { description: 'The kind of media: audio or video.' }),
    source: t.exposeString('source', {
      description: 'Where it comes from: regular (camera, microphone) or screen.',
    }),
    mute: t.exposeBoolean('mute', { description: 'True while the peer has the track muted.' }),
    startedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the peer started publishing it; null when not reported.',
      resolve: (tr) => tr.started_at,
    }),
    description: t.string({
      nullable: true,
      description: 'The app’s own label for the track; null when none was set.',
      resolve: (tr) => tr.description || null,
    }),
  }),
});

builder.objectType(ActivePeerRef, {
  description: 'A peer connected right now.',
  fields: (t) => ({
    id: t.id({ description: CACHE_KEY_DESCRIPTION, resolve: (p) => cacheKey('ActivePeer', p.id) }),
    peerId: t.exposeString('id', { description: 'The 100ms peer id (new on every join).' }),
    name: t.string({
      nullable: true,
      description: 'Display name the peer joined with; null when none was given.',
      resolve: (p) => p.name || null,
    }),
    userId: t.string({
      nullable: true,
      description: 'Your user id for the peer (from its auth token); null when none was set.',
      resolve: (p) => p.user_id || null,
    }),
    role: t.exposeString('role', { description: 'The peer’s current role.' }),
    metadata: t.string({
      nullable: true,
      description: 'The app’s metadata for the peer, often stringified JSON; null when none was set.',
      resolve: (p) => p.metadata || null,
    }),
    joinedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the peer joined; null when not reported.',
      resolve: (p) => p.joined_at,
    }),
    tracks: t.field({
      type: [TrackRef],
      nullable: true,
      description:
        'The tracks the peer publishes. Costs one 100ms call per peer: select only when needed. Null only when that call failed.',
      resolve: async (p, _args, ctx) => {
        const peer = await ctx.loaders.activePeer.load({ roomId: p.room_id, peerId: p.id });
        return Object.entries(peer.tracks ?? {}).map(([id, track]) => ({
          ...track,
          id: track.id || id,
          peer_id: p.id,
        }));
      },
    }),
  }),
});

builder.objectType(ActiveRoomRef, {
  description: 'The live state of a room while a session is running.',
  fields: (t) => ({
    id: t.id({ description: CACHE_KEY_DESCRIPTION, resolve: (a) => cacheKey('ActiveRoom', a.id) }),
    hmsId: t.exposeString('id', { description: 'The 100ms room id.' }),
    name: t.exposeString('name', { description: 'The room’s name.' }),
    room: t.field({
      type: RoomRef,
      nullable: true,
      description: 'The room itself. Null only when loading it failed.',
      resolve: (a, _args, ctx) => ctx.loaders.room.load(a.id),
    }),
    session: t.field({
      type: SessionRef,
      nullable: true,
      description: 'The live session. Null only when loading it failed.',
      resolve: (a, _args, ctx) => loadSession(ctx, a.session.id),
    }),
    startedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the live session began; null when not reported.',
      resolve: (a) => a.session.created_at,
    }),
    peerCount: t.int({
      description: 'Peers connected now.',
      resolve: (a) => a.session.peers?.length ?? 0,
    }),
    peers: t.field({
      type: [ActivePeerRef],
      nullable: true,
      description: 'Peers connected now, in join order. Null only when 100ms failed to list them.',
      args: {
        role: t.arg.string({ description: 'Only peers with this role.' }),
        userId: t.arg.string({ description: 'Only peers with this user id.' }),
      },
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
    args: { roomId: t.arg.id({ required: true, description: 'The 100ms room id or Room global id.' }) },
    resolve: (_root, args, ctx) =>
      ctx.loaders.activeRoom.load(parseId(String(args.roomId), 'Room', 'roomId')),
  }),
}));
