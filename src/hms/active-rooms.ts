/**
 * Active rooms, peers, messages, end room (reference §4.3). Bodies are rebuilt field by field so
 * the wire names are exactly the documented ones: the SDK's `peerId` (a direct message that goes
 * out as a broadcast) cannot happen here.
 */
import type { ActiveRoomsApi } from './api.js';
import type { Transport } from './transport.js';
import type {
  ActivePeer,
  ActivePeerWithTracks,
  ActiveRoom,
  EndRoomBody,
  ListActivePeersQuery,
  MessageResponse,
  RemovePeersBody,
  SendMessageBody,
  UpdatePeerBody,
} from './types.js';

function defined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

export function createActiveRoomsApi(transport: Transport): ActiveRoomsApi {
  return {
    get: (roomId, options) =>
      transport.send<ActiveRoom>({
        method: 'GET',
        route: '/active-rooms/{id}',
        params: { id: roomId },
        shape: 'object',
        options,
      }),
    listPeers: (roomId, query: ListActivePeersQuery = {}, options) =>
      transport.send<Record<string, ActivePeer>>({
        method: 'GET',
        route: '/active-rooms/{id}/peers',
        params: { id: roomId },
        query: { user_id: query.user_id, role: query.role },
        shape: 'peers',
        options,
      }),
    getPeer: (roomId, peerId, options) =>
      transport.send<ActivePeerWithTracks>({
        method: 'GET',
        route: '/active-rooms/{id}/peers/{peer_id}',
        params: { id: roomId, peer_id: peerId },
        shape: 'object',
        options,
      }),
    updatePeer: (roomId, peerId, body: UpdatePeerBody, options) =>
      transport.send<ActivePeerWithTracks>({
        method: 'POST',
        route: '/active-rooms/{id}/peers/{peer_id}',
        params: { id: roomId, peer_id: peerId },
        body: defined({ name: body.name, role: body.role, metadata: body.metadata }),
        shape: 'object',
        options,
      }),
    sendMessage: (roomId, body: SendMessageBody, options) =>
      transport.send<MessageResponse>({
        method: 'POST',
        route: '/active-rooms/{id}/send-message',
        params: { id: roomId },
        body: defined({ message: body.message, peer_id: body.peer_id, role: body.role, type: body.type }),
        shape: 'object',
        options,
      }),
    removePeers: (roomId, body: RemovePeersBody, options) => {
      const target = 'peer_id' in body ? { peer_id: body.peer_id } : { role: body.role };
      return transport.send<MessageResponse>({
        method: 'POST',
        route: '/active-rooms/{id}/remove-peers',
        params: { id: roomId },
        body: defined({ ...target, reason: body.reason }),
        shape: 'object',
        options,
      });
    },
    end: (roomId, body: EndRoomBody = {}, options) =>
      transport.send<MessageResponse>({
        method: 'POST',
        route: '/active-rooms/{id}/end-room',
        params: { id: roomId },
        body: defined({ reason: body.reason, lock: body.lock }),
        shape: 'object',
        options,
      }),
  };
}
