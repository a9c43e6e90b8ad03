/** Rooms (reference §4.1). There is no DELETE: rooms are disabled, not removed. */
import type { RequestOptions, RoomsApi } from './api.js';
import { pagedResource, STANDARD_LIMITS } from './paginate.js';
import type { Transport } from './transport.js';
import type { CreateRoomBody, ListRoomsQuery, Room, UpdateRoomBody } from './types.js';

export function createRoomsApi(transport: Transport): RoomsApi {
  const update = (roomId: string, body: UpdateRoomBody, options?: RequestOptions) =>
    transport.send<Room>({
      method: 'POST',
      route: '/rooms/{id}',
      params: { id: roomId },
      body,
      shape: 'object',
      options,
    });
  return {
    ...pagedResource<Room, ListRoomsQuery>(transport, '/rooms', STANDARD_LIMITS),
    get: (roomId, options) =>
      transport.send<Room>({
        method: 'GET',
        route: '/rooms/{id}',
        params: { id: roomId },
        shape: 'object',
        options,
      }),
    // An upsert by name: creating an existing name reconfigures that room (reference §4.1).
    create: (body: CreateRoomBody, options) =>
      transport.send<Room>({ method: 'POST', route: '/rooms', body: body ?? {}, shape: 'object', options }),
    update,
    setEnabled: (roomId, enabled, options) => update(roomId, { enabled }, options),
  };
}
