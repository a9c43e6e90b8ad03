/** Room codes (reference §4.6): listed per room, created per room or per role, toggled by code. */
import type { IterateOptions, Page, RequestOptions, RoomCodesApi } from './api.js';
import { OTHER_LIMITS, paginate, requestOptions, withClampedLimit } from './paginate.js';
import type { Transport } from './transport.js';
import type { ListRoomCodesQuery, RoomCode } from './types.js';

export function createRoomCodesApi(transport: Transport): RoomCodesApi {
  const list = (roomId: string, query: ListRoomCodesQuery = {}, options?: RequestOptions) =>
    transport.send<Page<RoomCode>>({
      method: 'GET',
      route: '/room-codes/room/{id}',
      params: { id: roomId },
      query: withClampedLimit(query, OTHER_LIMITS),
      shape: 'list',
      options,
    });
  return {
    list,
    iterate: (roomId, query: ListRoomCodesQuery = {}, options: IterateOptions = {}) =>
      paginate((q: ListRoomCodesQuery) => list(roomId, q, requestOptions(options)), query, {
        range: OTHER_LIMITS,
        max: options.max,
        signal: options.signal,
      }),
    create: (roomId, options) =>
      transport.send<RoomCode[]>({
        method: 'POST',
        route: '/room-codes/room/{id}',
        params: { id: roomId },
        shape: 'data',
        options,
      }),
    createForRole: (roomId, role, options) =>
      transport.send<RoomCode>({
        method: 'POST',
        route: '/room-codes/room/{id}/role/{role}',
        params: { id: roomId, role },
        shape: 'object',
        options,
      }),
    // Any field besides code and enabled is a 400 (reference §4.6).
    setEnabled: (code, enabled, options) =>
      transport.send<RoomCode>({
        method: 'POST',
        route: '/room-codes/code',
        body: { code, enabled },
        shape: 'object',
        options,
      }),
  };
}
