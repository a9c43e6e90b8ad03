/** `/v2/active-rooms` (https://www.100ms.live/docs/server-side/v2/api-reference/active-rooms/overview). */
import { badRequest, invalidBodyParam, notFound } from '../http.js';
import type { PeerRecord, RoomRecord, SessionRecord } from '../model.js';
import { renderActivePeer, renderActivePeerWithTracks, renderActiveRoom } from '../render.js';
import { type RouteContext, route } from '../router.js';
import type { Store } from '../store.js';
import { findRoom } from './rooms.js';

/**
 * Active-room endpoints answer only while a session is live. The status for an idle room is
 * not documented; 404 is the plausible one (https://www.100ms.live/docs/server-side/v2/api-reference/active-rooms/overview, inferred).
 */
function live(store: Store, roomId: string): { room: RoomRecord; session: SessionRecord } {
  const room = findRoom(store, roomId);
  const session = store.activeSession(room.id);
  if (!session) throw notFound('Error: Room is not active', `room ${room.id} has no live session`);
  return { room, session };
}

function activePeer(store: Store, session: SessionRecord, peerId: string): PeerRecord {
  const peer = store.activePeers(session).find((candidate) => candidate.id === peerId);
  if (!peer) throw notFound('Error: Peer not found', `no active peer ${peerId} in session ${session.id}`);
  return peer;
}

function requireRole(store: Store, room: RoomRecord, role: string, field: string): void {
  if (!store.templateOf(room).roles[role])
    throw invalidBodyParam(field, `role ${role} is not in the room's template`);
}

function get({ store, params, query }: RouteContext) {
  query.done();
  const { room, session } = live(store, params.id as string);
  return renderActiveRoom(store, room, session);
}

function listPeers({ store, params, query }: RouteContext) {
  const userId = query.string('user_id');
  const role = query.string('role');
  query.done();
  const { session } = live(store, params.id as string);
  const peers: Record<string, ReturnType<typeof renderActivePeer>> = {};
  for (const peer of store.activePeers(session)) {
    if (userId !== undefined && peer.userId !== userId) continue;
    if (role !== undefined && peer.role !== role) continue;
    peers[peer.id] = renderActivePeer(peer);
  }
  return { peers };
}

function getPeer({ store, params, query }: RouteContext) {
  query.done();
  const { session } = live(store, params.id as string);
  return renderActivePeerWithTracks(activePeer(store, session, params.peer_id as string));
}

function updatePeer(ctx: RouteContext) {
  const { store, params } = ctx;
  const body = ctx.body();
  const name = body.string('name');
  const role = body.string('role');
  const metadata = body.string('metadata');
  body.done();
  const { room, session } = live(store, params.id as string);
  const peer = activePeer(store, session, params.peer_id as string);
  if (name === undefined && role === undefined && metadata === undefined) {
    throw badRequest('Invalid request body', 'at least one of name, role or metadata is required');
  }
  if (name !== undefined && name.trim() === '') throw invalidBodyParam('name', 'name must not be empty');
  if (role !== undefined) requireRole(store, room, role, 'role');
  const previousRole = peer.role;
  if (name !== undefined) peer.name = name;
  if (role !== undefined) peer.role = role;
  if (metadata !== undefined) peer.metadata = metadata;
  session.updatedAt = store.nowUs();
  if (peer.role !== previousRole)
    store.onChange?.({ kind: 'role.change', session, peer, previousRole }, session.updatedAt);
  return renderActivePeerWithTracks(peer);
}

function sendMessage(ctx: RouteContext) {
  const { store, params } = ctx;
  const body = ctx.body();
  const message = body.string('message');
  const peerId = body.string('peer_id');
  const role = body.string('role');
  const type = body.string('type');
  body.done();
  if (message === undefined || message === '') throw invalidBodyParam('message', 'message is required');
  const { room, session } = live(store, params.id as string);
  let target: { peerId: string } | { role: string } | { broadcast: true };
  // `peer_id` wins over `role` when both are present (https://www.100ms.live/docs/server-side/v2/api-reference/active-rooms/overview).
  if (peerId !== undefined && peerId !== '') {
    activePeer(store, session, peerId);
    target = { peerId };
  } else if (role !== undefined && role !== '') {
    requireRole(store, room, role, 'role');
    target = { role };
  } else {
    target = { broadcast: true };
  }
  store.messages.push({
    roomId: room.id,
    sessionId: session.id,
    message,
    type: type ?? 'chat',
    target,
    sentAt: store.nowUs(),
  });
  return { message: 'message sent' };
}

function removePeers(ctx: RouteContext) {
  const { store, params } = ctx;
  const body = ctx.body();
  const peerId = body.string('peer_id');
  const role = body.string('role');
  const reason = body.string('reason');
  body.done();
  if (!peerId && !role) throw badRequest('Invalid request body', 'peer_id or role is required');
  const { room, session } = live(store, params.id as string);
  let targets: PeerRecord[];
  if (peerId) {
    targets = [activePeer(store, session, peerId)];
  } else {
    requireRole(store, room, role as string, 'role');
    targets = store.activePeers(session).filter((peer) => peer.role === role);
    if (targets.length === 0) throw notFound('Error: Peer not found', `no active peer with role ${role}`);
  }
  const now = store.nowUs();
  for (const peer of targets) store.leavePeer(session, peer, 'peer kicked', now, reason ?? '');
  return { message: 'peer remove request submitted' };
}

function endRoom(ctx: RouteContext) {
  const { store, params } = ctx;
  const body = ctx.body();
  const reason = body.string('reason');
  const lock = body.bool('lock') ?? false;
  body.done();
  const { room, session } = live(store, params.id as string);
  const now = store.nowUs();
  store.onChange?.({ kind: 'room.end', session, reason: reason ?? 'room ended', lock }, now);
  store.closeSession(session, now, reason ?? 'room ended', 'client request');
  if (lock) {
    // lock: true also disables the room, so nobody can start a new session in it.
    room.enabled = false;
    room.updatedAt = now;
  }
  return { message: 'session is ending' };
}

export const activeRoomRoutes = [
  route('GET', '/v2/active-rooms/{id}', get),
  route('GET', '/v2/active-rooms/{id}/peers', listPeers),
  route('GET', '/v2/active-rooms/{id}/peers/{peer_id}', getPeer),
  route('POST', '/v2/active-rooms/{id}/peers/{peer_id}', updatePeer),
  route('POST', '/v2/active-rooms/{id}/send-message', sendMessage),
  route('POST', '/v2/active-rooms/{id}/remove-peers', removePeers),
  route('POST', '/v2/active-rooms/{id}/end-room', endRoom),
];
