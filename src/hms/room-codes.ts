/** Room codes (https://www.100ms.live/docs/server-side/v2/api-reference/room-codes/room-code-overview): listed per room, created per room or per role, toggled by code. */
import type { IterateOptions, Page, RequestOptions, RoomCodesApi } from './api.js';
import type { Send } from './endpoints.js';
import { OTHER_LIMITS, paginate, requestOptions } from './paginate.js';
import type { ListRoomCodesQuery, RoomCode } from './types.js';

export function createRoomCodesApi(send: Send): RoomCodesApi {
  const list = (
    roomId: string,
    query: ListRoomCodesQuery = {},
    options?: RequestOptions,
  ): Promise<Page<RoomCode>> => send('roomCodes.list', { params: { id: roomId }, query }, options);
  return {
    list,
    iterate: (roomId, query: ListRoomCodesQuery = {}, options: IterateOptions = {}) =>
      paginate((q: ListRoomCodesQuery) => list(roomId, q, requestOptions(options)), query, {
        range: OTHER_LIMITS,
        max: options.max,
        signal: options.signal,
      }),
    create: (roomId, options) => send('roomCodes.create', { params: { id: roomId } }, options),
    createForRole: (roomId, role, options) =>
      send('roomCodes.createForRole', { params: { id: roomId, role } }, options),
    // Any field besides code and enabled is a 400 (https://www.100ms.live/docs/server-side/v2/api-reference/room-codes/room-code-overview).
    setEnabled: (code, enabled, options) =>
      send('roomCodes.setEnabled', { body: { code, enabled } }, options),
  };
}
