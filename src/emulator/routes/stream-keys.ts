/**
 * `/v2/stream-keys`: RTMP ingest keys, one active key per room
 * (https://www.100ms.live/docs/server-side/v2/api-reference/live-streams/create-rtmp-stream-key,
 * .../get-rtmp-stream-key, .../disable-rtmp-stream-key). A broadcaster (OBS and the like) pushes
 * to `url` with `key`; the emulator stands in for it with `simulate.startIngest`.
 */
import { badRequest, forbidden, notFound } from '../http.js';
import type { IngestRecord, RoomRecord, StreamKeyRecord } from '../model.js';
import { type RouteContext, route } from '../router.js';
import type { Store } from '../store.js';
import { formatTime, type Micros } from '../time.js';
import { findRoom } from './rooms.js';

export function renderStreamKey(store: Store, key: StreamKeyRecord) {
  return {
    id: key.id,
    url: key.url,
    key: key.key,
    room_id: key.roomId,
    customer_id: store.customerId,
    app_id: store.appId,
    enabled: key.enabled,
    created_at: formatTime(key.createdAt),
    updated_at: formatTime(key.updatedAt),
  };
}

export function activeKey(store: Store, roomId: string): StreamKeyRecord | undefined {
  for (const key of store.streamKeys.values()) if (key.roomId === roomId && key.enabled) return key;
  return undefined;
}

function ingestUrl(room: RoomRecord): string {
  const region = room.region === 'us' || room.region === 'eu' ? room.region : 'in';
  return `rtmp://ingest-${region}.100ms.live/live`;
}

/** A new enabled key; the caller has checked that the room has none. */
export function createStreamKey(store: Store, room: RoomRecord, at: Micros, secret: string): StreamKeyRecord {
  const key: StreamKeyRecord = {
    id: store.newId(at),
    roomId: room.id,
    key: secret,
    url: ingestUrl(room),
    enabled: true,
    createdAt: at,
    updatedAt: at,
  };
  store.streamKeys.set(key.id, key);
  return key;
}

/** Ends the room's live ingest (if any) with `reason`, announcing `ingest.end.success`. */
export function endIngest(
  store: Store,
  roomId: string,
  reason: string,
  at: Micros,
): IngestRecord | undefined {
  for (const ingest of store.ingests.values()) {
    if (ingest.roomId !== roomId || ingest.endedAt !== null) continue;
    ingest.endedAt = at;
    ingest.endReason = reason;
    store.onChange?.({ kind: 'ingest', ingest, state: 'end.success' }, at);
    return ingest;
  }
  return undefined;
}

/** 403 for a disabled room, as the docs list for create; reads follow the same rule (inferred). */
function usableRoom(store: Store, id: string): RoomRecord {
  const room = findRoom(store, id);
  if (!room.enabled) throw forbidden('Room is disabled', `room ${room.id} is disabled`);
  return room;
}

function create(ctx: RouteContext) {
  const { store, params } = ctx;
  ctx.body().done();
  const room = usableRoom(store, params.id as string);
  if (activeKey(store, room.id)) throw badRequest('Active key already exists', `room ${room.id} has a key`);
  const secret = store.newUuid().replace(/-/g, '');
  return renderStreamKey(store, createStreamKey(store, room, store.nowUs(), secret));
}

/** Only the active key is listed; none is a 404 "No active key found". */
function get({ store, params, query }: RouteContext) {
  query.done();
  const room = usableRoom(store, params.id as string);
  const key = activeKey(store, room.id);
  if (!key) throw notFound('No active key found', `room ${room.id} has no active stream key`);
  return { data: [renderStreamKey(store, key)], last: key.id };
}

/** Disabling cuts a live ingest off; to rotate a key, disable it and create a new one. */
function disable(ctx: RouteContext) {
  const { store, params } = ctx;
  ctx.body().done();
  const room = usableRoom(store, params.id as string);
  const key = activeKey(store, room.id);
  if (!key) throw notFound('No active key found', `room ${room.id} has no active stream key`);
  const now = store.nowUs();
  key.enabled = false;
  key.updatedAt = now;
  endIngest(store, room.id, 'key disabled', now);
  return { message: 'key disabled successfully' };
}

export const streamKeyRoutes = [
  route('POST', '/v2/stream-keys/room/{id}', create),
  route('GET', '/v2/stream-keys/room/{id}', get),
  route('POST', '/v2/stream-keys/room/{id}/disable', disable),
];
