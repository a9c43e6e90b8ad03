/** Rooms (https://www.100ms.live/docs/server-side/v2/api-reference/Rooms/overview). There is no DELETE: rooms are disabled, not removed. */
import type { RoomsApi } from './api.js';
import type { Send } from './endpoints.js';
import { pagedResource } from './paginate.js';
import type { ListRoomsQuery, Room } from './types.js';

export function createRoomsApi(send: Send): RoomsApi {
  return {
    ...pagedResource<Room, ListRoomsQuery>(send, 'rooms.list'),
    get: (roomId, options) => send('rooms.get', { params: { id: roomId } }, options),
    create: (body, options) => send('rooms.create', { body: body ?? {} }, options),
    update: (roomId, body, options) => send('rooms.update', { params: { id: roomId }, body }, options),
    setEnabled: (roomId, enabled, options) =>
      send('rooms.update', { params: { id: roomId }, body: { enabled } }, options),
  };
}
