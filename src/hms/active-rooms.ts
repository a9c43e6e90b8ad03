/**
 * Active rooms, peers, messages, end room (https://www.100ms.live/docs/server-side/v2/api-reference/active-rooms/overview). Bodies are rebuilt field by field so
 * the wire names are exactly the documented ones: the SDK's `peerId` (a direct message that goes
 * out as a broadcast) cannot happen here.
 */
import type { ActiveRoomsApi } from './api.js';
import type { Send } from './endpoints.js';
import type {
  EndRoomBody,
  ListActivePeersQuery,
  RemovePeersBody,
  SendMessageBody,
  UpdatePeerBody,
} from './types.js';

function defined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

export function createActiveRoomsApi(send: Send): ActiveRoomsApi {
  return {
    get: (roomId, options) => send('activeRooms.get', { params: { id: roomId } }, options),
    listPeers: (roomId, query: ListActivePeersQuery = {}, options) =>
      send(
        'activeRooms.listPeers',
        { params: { id: roomId }, query: { user_id: query.user_id, role: query.role } },
        options,
      ),
    getPeer: (roomId, peerId, options) =>
      send('activeRooms.getPeer', { params: { id: roomId, peer_id: peerId } }, options),
    updatePeer: (roomId, peerId, body: UpdatePeerBody, options) =>
      send(
        'activeRooms.updatePeer',
        {
          params: { id: roomId, peer_id: peerId },
          body: defined({ name: body.name, role: body.role, metadata: body.metadata }),
        },
        options,
      ),
    sendMessage: (roomId, body: SendMessageBody, options) =>
      send(
        'activeRooms.sendMessage',
        {
          params: { id: roomId },
          body: defined({ message: body.message, peer_id: body.peer_id, role: body.role, type: body.type }),
        },
        options,
      ),
    removePeers: (roomId, body: RemovePeersBody, options) => {
      const target = 'peer_id' in body ? { peer_id: body.peer_id } : { role: body.role };
      return send(
        'activeRooms.removePeers',
        { params: { id: roomId }, body: defined({ ...target, reason: body.reason }) },
        options,
      );
    },
    end: (roomId, body: EndRoomBody = {}, options) =>
      send(
        'activeRooms.end',
        { params: { id: roomId }, body: defined({ reason: body.reason, lock: body.lock }) },
        options,
      ),
  };
}
