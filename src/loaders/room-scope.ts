/**
 * Confines a caller with an `hms_rooms` claim to those rooms and everything under them, in one
 * place: a view of the 100ms client that every loader and mutation of the request goes through.
 * Reads outside the rooms look exactly like missing objects (404); writes outside are refused
 * (403) before anything is sent. The generic `request` escape hatch is admin-only and bypasses
 * the restriction by design.
 */
import type { HmsApi, IterateOptions, Page, RequestOptions } from '../hms/api.js';
import { HmsForbiddenError, HmsNotFoundError } from '../hms/errors.js';
import type { ListRoomsQuery, Room } from '../hms/types.js';
import { bindApi } from './cached-api.js';

/** How far an unfiltered list is scanned for a restricted caller's items. */
const MAX_SCAN = 2000;

export function restrictToRooms(hms: HmsApi, rooms: ReadonlySet<string>): HmsApi {
  const allowed = (roomId: string | undefined) => roomId !== undefined && rooms.has(roomId);
  const hidden = (path: string): never => {
    throw new HmsNotFoundError({ method: 'GET', path, status: 404, message: 'Not found' });
  };
  const refuse = (method: string, path: string): never => {
    throw new HmsForbiddenError({
      method,
      path,
      status: 403,
      message: 'This caller may not act on that room (hms_rooms)',
    });
  };
  const readRoom = (roomId: string, path: string) => {
    if (!allowed(roomId)) hidden(path);
  };
  const writeRoom = (roomId: string, path: string) => {
    if (!allowed(roomId)) refuse('POST', path);
  };
  const checkItem =
    <T extends { room_id: string }>(path: string) =>
    (item: T) => {
      if (!allowed(item.room_id)) hidden(path);
      return item;
    };

  /** A list confined to the caller's rooms; a room filter outside them is simply empty. */
  function confinedList<
    T extends { room_id: string },
    Q extends { room_id?: string; start?: string; limit?: number },
  >(base: {
    list(query?: Q, options?: RequestOptions): Promise<Page<T>>;
    iterate(query?: Q, options?: IterateOptions): AsyncIterable<T>;
  }) {
    async function* iterate(query?: Q, options?: IterateOptions): AsyncIterable<T> {
      if (query?.room_id !== undefined) {
        // Filtered by one of the caller's rooms: everything in it is visible, no scan needed.
        if (allowed(query.room_id)) yield* base.iterate(query, options);
        return;
      }
      let scanned = 0;
      let yielded = 0;
      const max = options?.max ?? Number.POSITIVE_INFINITY;
      for await (const item of base.iterate(query, { ...options, max: MAX_SCAN })) {
        if (++scanned > MAX_SCAN || yielded >= max) return;
        if (allowed(item.room_id)) {
          yielded += 1;
          yield item;
        }
      }
    }
    async function list(query?: Q, options?: RequestOptions): Promise<Page<T>> {
      if (query?.room_id !== undefined && allowed(query.room_id)) return base.list(query, options);
      const limit = query?.limit ?? 10;
      const items: T[] = [];
      for await (const item of iterate(query, { ...options, max: limit + 1 })) items.push(item);
      const page = items.slice(0, limit);
      return {
        items: page,
        limit,
        next: items.length > limit ? ((page.at(-1) as { id?: string }).id ?? null) : null,
      };
    }
    return { iterate, list };
  }

  /** A restricted caller's rooms are few: load them by id and filter/page in memory. */
  async function allowedRooms(query: ListRoomsQuery | undefined, options?: RequestOptions): Promise<Room[]> {
    const all = await Promise.all(
      [...rooms].map((id) =>
        hms.rooms.get(id, options).catch((error: unknown) => {
          if (error instanceof HmsNotFoundError) return null;
          throw error;
        }),
      ),
    );
    const after = query?.after
      ? Date.parse(String(query.after instanceof Date ? query.after.toISOString() : query.after))
      : null;
    const before = query?.before
      ? Date.parse(String(query.before instanceof Date ? query.before.toISOString() : query.before))
      : null;
    return all
      .filter((room): room is Room => room !== null)
      .filter(
        (room) =>
          (query?.enabled === undefined || room.enabled === query.enabled) &&
          (query?.name === undefined || room.name.toLowerCase() === query.name.toLowerCase()) &&
          (query?.template_id === undefined || room.template_id === query.template_id) &&
          (after === null || Date.parse(room.created_at) >= after) &&
          (before === null || Date.parse(room.created_at) <= before),
      )
      .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id));
  }

  function fromStart(all: Room[], start: string | undefined) {
    if (!start) return all;
    const index = all.findIndex((room) => room.id === start);
    return index < 0 ? [] : all.slice(index + 1);
  }

  function jobs<
    T extends { room_id: string },
    Q extends { room_id?: string; start?: string; limit?: number },
  >(
    base: {
      get(id: string, options?: RequestOptions): Promise<T>;
      list(query?: Q, options?: RequestOptions): Promise<Page<T>>;
      iterate(query?: Q, options?: IterateOptions): AsyncIterable<T>;
    },
    prefix: string,
  ) {
    const get = (id: string, options?: RequestOptions) =>
      base.get(id, options).then(checkItem<T>(`${prefix}/{id}`));
    /** Before touching a job by id, make sure it is in one of the caller's rooms. */
    const guardJob = async (id: string, options?: RequestOptions) => {
      const job = await base.get(id, options).catch((error: unknown) => {
        if (error instanceof HmsNotFoundError) refuse('POST', `${prefix}/{id}`);
        throw error;
      });
      writeRoom(job.room_id, `${prefix}/{id}`);
    };
    return { get, guardJob, ...confinedList<T, Q>(base) };
  }

  const recordings = jobs(hms.recordings, '/recordings');
  const liveStreams = jobs(hms.liveStreams, '/live-streams');
  const externalStreams = jobs(hms.externalStreams, '/external-streams');
  const assets = confinedList(hms.recordingAssets);
  const sessions = confinedList(hms.sessions);

  return {
    ...bindApi(hms),
    rooms: {
      async get(roomId, options) {
        readRoom(roomId, '/rooms/{id}');
        return hms.rooms.get(roomId, options);
      },
      async list(query, options) {
        const all = fromStart(await allowedRooms(query, options), query?.start);
        const limit = query?.limit ?? 10;
        const items = all.slice(0, limit);
        return { items, limit, next: all.length > limit ? (items.at(-1)?.id ?? null) : null };
      },
      async *iterate(query, options) {
        const all = fromStart(await allowedRooms(query, options), query?.start);
        yield* all.slice(0, options?.max ?? all.length);
      },
      async create(_body) {
        return refuse('POST', '/rooms');
      },
      async update(roomId, body, options) {
        writeRoom(roomId, '/rooms/{id}');
        return hms.rooms.update(roomId, body, options);
      },
      async setEnabled(roomId, enabled, options) {
        writeRoom(roomId, '/rooms/{id}');
        return hms.rooms.setEnabled(roomId, enabled, options);
      },
    },
    sessions: {
      ...sessions,
      get: (id, options) => hms.sessions.get(id, options).then(checkItem('/sessions/{id}')),
    },
    activeRooms: {
      async get(roomId, options) {
        readRoom(roomId, '/active-rooms/{id}');
        return hms.activeRooms.get(roomId, options);
      },
      async listPeers(roomId, query, options) {
        readRoom(roomId, '/active-rooms/{id}/peers');
        return hms.activeRooms.listPeers(roomId, query, options);
      },
      async getPeer(roomId, peerId, options) {
        readRoom(roomId, '/active-rooms/{id}/peers/{peer}');
        return hms.activeRooms.getPeer(roomId, peerId, options);
      },
      async updatePeer(roomId, peerId, body, options) {
        writeRoom(roomId, '/active-rooms/{id}/peers/{peer}');
        return hms.activeRooms.updatePeer(roomId, peerId, body, options);
      },
      async sendMessage(roomId, body, options) {
        writeRoom(roomId, '/active-rooms/{id}/send-message');
        return hms.activeRooms.sendMessage(roomId, body, options);
      },
      async removePeers(roomId, body, options) {
        writeRoom(roomId, '/active-rooms/{id}/remove-peers');
        return hms.activeRooms.removePeers(roomId, body, options);
      },
      async end(roomId, body, options) {
        writeRoom(roomId, '/active-rooms/{id}/end-room');
        return hms.activeRooms.end(roomId, body, options);
      },
    },
    recordings: {
      list: recordings.list,
      iterate: recordings.iterate,
      get: recordings.get,
      async start(roomId, body, options) {
        writeRoom(roomId, '/recordings/room/{id}/start');
        return hms.recordings.start(roomId, body, options);
      },
      async stop(id, options) {
        await recordings.guardJob(id, options);
        return hms.recordings.stop(id, options);
      },
      async stopAll(roomId, options) {
        writeRoom(roomId, '/recordings/room/{id}/stop');
        return hms.recordings.stopAll(roomId, options);
      },
      async pause(roomId, options) {
        writeRoom(roomId, '/recordings/room/{id}/pause');
        return hms.recordings.pause(roomId, options);
      },
      async resume(roomId, options) {
        writeRoom(roomId, '/recordings/room/{id}/resume');
        return hms.recordings.resume(roomId, options);
      },
    },
    recordingAssets: {
      ...assets,
      get: (id, options) => hms.recordingAssets.get(id, options).then(checkItem('/recording-assets/{id}')),
      async presignedUrl(assetId, duration, options) {
        await hms.recordingAssets.get(assetId, options).then(checkItem('/recording-assets/{id}'));
        return hms.recordingAssets.presignedUrl(assetId, duration, options);
      },
    },
    roomCodes: {
      async list(roomId, query, options) {
        readRoom(roomId, '/room-codes/room/{id}');
        return hms.roomCodes.list(roomId, query, options);
      },
      async *iterate(roomId, query, options) {
        readRoom(roomId, '/room-codes/room/{id}');
        yield* hms.roomCodes.iterate(roomId, query, options);
      },
      async create(roomId, options) {
        writeRoom(roomId, '/room-codes/room/{id}');
        return hms.roomCodes.create(roomId, options);
      },
      async createForRole(roomId, role, options) {
        writeRoom(roomId, '/room-codes/room/{id}/role/{role}');
        return hms.roomCodes.createForRole(roomId, role, options);
      },
      async setEnabled(code, enabled, options) {
        // No get-by-code endpoint: find the code among the caller's rooms before touching it.
        for (const roomId of rooms) {
          for await (const existing of hms.roomCodes.iterate(
            roomId,
            { limit: 100 },
            { ...options, max: 1000 },
          )) {
            if (existing.code === code) return hms.roomCodes.setEnabled(code, enabled, options);
          }
        }
        return refuse('POST', '/room-codes/code');
      },
    },
    liveStreams: {
      list: liveStreams.list,
      iterate: liveStreams.iterate,
      get: liveStreams.get,
      async start(roomId, body, options) {
        writeRoom(roomId, '/live-streams/room/{id}/start');
        return hms.liveStreams.start(roomId, body, options);
      },
      async stop(id, options) {
        await liveStreams.guardJob(id, options);
        return hms.liveStreams.stop(id, options);
      },
      async stopAll(roomId, options) {
        writeRoom(roomId, '/live-streams/room/{id}/stop');
        return hms.liveStreams.stopAll(roomId, options);
      },
      async sendTimedMetadata(id, body, options) {
        await liveStreams.guardJob(id, options);
        return hms.liveStreams.sendTimedMetadata(id, body, options);
      },
      async pauseRecording(id, options) {
        await liveStreams.guardJob(id, options);
        return hms.liveStreams.pauseRecording(id, options);
      },
      async resumeRecording(id, options) {
        await liveStreams.guardJob(id, options);
        return hms.liveStreams.resumeRecording(id, options);
      },
    },
    externalStreams: {
      list: externalStreams.list,
      iterate: externalStreams.iterate,
      get: externalStreams.get,
      async start(roomId, body, options) {
        writeRoom(roomId, '/external-streams/room/{id}/start');
        return hms.externalStreams.start(roomId, body, options);
      },
      async stop(id, options) {
        await externalStreams.guardJob(id, options);
        return hms.externalStreams.stop(id, options);
      },
      async stopAll(roomId, options) {
        writeRoom(roomId, '/external-streams/room/{id}/stop');
        return hms.externalStreams.stopAll(roomId, options);
      },
    },
    analytics: {
      async listEvents(query, options) {
        readRoom(query.room_id, '/analytics/events');
        return hms.analytics.listEvents(query, options);
      },
      async *iterateEvents(query, options) {
        readRoom(query.room_id, '/analytics/events');
        yield* hms.analytics.iterateEvents(query, options);
      },
    },
  };
}
