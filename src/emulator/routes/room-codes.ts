/** `/v2/room-codes` (https://www.100ms.live/docs/server-side/v2/api-reference/room-codes/room-code-overview). */
import { ApiError, badRequest, forbidden, invalidBodyParam, notFound } from '../http.js';
import type { RoomCodeRecord, RoomRecord } from '../model.js';
import { LIMIT_1_100, paginate, resolveLimit } from '../paginate.js';
import { renderRoomCode } from '../render.js';
import { type RouteContext, route } from '../router.js';
import type { Store } from '../store.js';

const MAX_CODES_PER_ROOM = 100;

/** Room codes answer 404 for an unknown room and 403 for a disabled one (https://www.100ms.live/docs/server-side/v2/api-reference/room-codes/room-code-overview). */
function usableRoom(store: Store, id: string): RoomRecord {
  const room = store.rooms.get(id);
  if (!room) throw notFound('Room not found', `no room with id ${id}`);
  if (!room.enabled) throw forbidden('Room is disabled', `room ${room.id} is disabled`);
  return room;
}

function codesOf(store: Store, roomId: string): RoomCodeRecord[] {
  return [...store.roomCodes.values()].filter((code) => code.roomId === roomId);
}

function mint(store: Store, room: RoomRecord, role: string, at: number): RoomCodeRecord {
  if (codesOf(store, room.id).length >= MAX_CODES_PER_ROOM) {
    throw badRequest('Error: room code limit reached', `a room can have at most ${MAX_CODES_PER_ROOM} codes`);
  }
  const record: RoomCodeRecord = {
    code: store.newRoomCode(),
    roomId: room.id,
    role,
    enabled: true,
    createdAt: at,
    updatedAt: at,
  };
  store.roomCodes.set(record.code, record);
  return record;
}

function list({ store, params, query }: RouteContext) {
  const role = query.string('role');
  const enabled = query.bool('enabled');
  const limit = resolveLimit(query.int('limit'), LIMIT_1_100);
  const start = query.string('start');
  query.done();
  const room = usableRoom(store, params.id as string);
  // A role the room's template does not have is a 404, not an empty list
  // (https://www.100ms.live/docs/server-side/v2/api-reference/room-codes/get-room-code).
  if (role !== undefined && !store.templateOf(room).roles[role])
    throw notFound('Role not found', `the room's template has no role ${role}`);
  const codes = codesOf(store, room.id).filter(
    (code) =>
      (role === undefined || code.role === role) && (enabled === undefined || code.enabled === enabled),
  );
  const key = (code: RoomCodeRecord) => ({ createdAt: code.createdAt, key: code.code });
  const page = paginate(codes, key, limit, start, (code) => {
    const record = store.roomCodes.get(code);
    return record ? key(record) : undefined;
  });
  return { limit, data: page.items.map(renderRoomCode), last: page.last };
}

/**
 * Create-all reconciles the room's codes with its template: every role without an enabled code
 * gets one, codes of roles that no longer exist are disabled, and the answer lists the enabled
 * codes of every current role (https://www.100ms.live/docs/server-side/v2/api-reference/room-codes/room-code-overview; idempotent re-runs are inferred).
 */
function createAll(ctx: RouteContext) {
  const { store, params } = ctx;
  ctx.body().done();
  const room = usableRoom(store, params.id as string);
  const roles = Object.keys(store.templateOf(room).roles);
  const now = store.nowUs();
  for (const code of codesOf(store, room.id)) {
    if (!roles.includes(code.role) && code.enabled) {
      code.enabled = false;
      code.updatedAt = now;
    }
  }
  for (const role of roles) {
    if (!codesOf(store, room.id).some((code) => code.role === role && code.enabled))
      mint(store, room, role, now);
  }
  const data = codesOf(store, room.id)
    .filter((code) => code.enabled && roles.includes(code.role))
    .sort((a, b) => roles.indexOf(a.role) - roles.indexOf(b.role) || a.createdAt - b.createdAt)
    .map(renderRoomCode);
  return { data };
}

function createForRole(ctx: RouteContext) {
  const { store, params } = ctx;
  ctx.body().done();
  const room = usableRoom(store, params.id as string);
  const role = params.role as string;
  if (!store.templateOf(room).roles[role])
    throw notFound('Role not found', `role ${role} is not in the room's template`);
  return renderRoomCode(mint(store, room, role, store.nowUs()));
}

function setEnabled(ctx: RouteContext) {
  const { store } = ctx;
  const body = ctx.body();
  // Exactly `code` and `enabled`: any other field is a 400 (https://www.100ms.live/docs/server-side/v2/api-reference/room-codes/room-code-overview).
  const code = body.string('code');
  const enabled = body.bool('enabled');
  body.done();
  if (code === undefined || code === '') throw invalidBodyParam('code', 'code is required');
  if (enabled === undefined) throw invalidBodyParam('enabled', 'enabled is required');
  const record = store.roomCodes.get(code);
  if (!record) throw notFound('Code not found', `no room code ${code}`);
  if (enabled) {
    const room = store.rooms.get(record.roomId);
    if (!room?.enabled || !store.templateOf(room).roles[record.role]) {
      throw new ApiError(403, 'Code can not be enabled', [
        'its room is disabled or its role no longer exists',
      ]);
    }
  }
  if (record.enabled !== enabled) {
    record.enabled = enabled;
    record.updatedAt = store.nowUs();
  }
  return renderRoomCode(record);
}

export const roomCodeRoutes = [
  route('GET', '/v2/room-codes/room/{id}', list),
  route('POST', '/v2/room-codes/room/{id}', createAll),
  route('POST', '/v2/room-codes/room/{id}/role/{role}', createForRole),
  route('POST', '/v2/room-codes/code', setEnabled),
];
