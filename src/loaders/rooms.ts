/** Rooms, templates, live rooms and their peers, room codes. */
import DataLoader from 'dataloader';
import type { HmsApi, RequestOptions } from '../hms/api.js';
import { HmsNotFoundError } from '../hms/errors.js';
import type {
  ActivePeer,
  ActivePeerWithTracks,
  ActiveRoom,
  ListRoomsQuery,
  PageQuery,
  Room,
  RoomCode,
  Template,
} from '../hms/types.js';
import { byId, iterateOptions, pages, plainId, primeBy, stableKey } from './shared.js';

export interface ActivePeersKey {
  roomId: string;
  role?: string;
  userId?: string;
}

export function createRoomLoaders(hms: HmsApi, ro: RequestOptions) {
  const room = byId((id, o) => hms.rooms.get(id, o), ro);
  const template = byId((id, o) => hms.templates.get(id, o), ro);
  return {
    room,
    template,
    roomsPage: pages<Room, ListRoomsQuery>((q, o) => hms.rooms.iterate(q, o), primeBy(room, plainId), ro),
    templatesPage: pages<Template, PageQuery>(
      (q, o) => hms.templates.iterate(q, o),
      primeBy(template, plainId),
      ro,
    ),
    /** Null when no session is live (100ms answers 404). */
    activeRoom: new DataLoader<string, ActiveRoom | null>((ids) =>
      Promise.all(
        ids.map((id) =>
          hms.activeRooms
            .get(id, ro)
            .catch((error: Error) => (error instanceof HmsNotFoundError ? null : error)),
        ),
      ),
    ),
    activePeers: new DataLoader<ActivePeersKey, ActivePeer[], string>(
      (keys) =>
        Promise.all(
          keys.map(async ({ roomId, role, userId }) => {
            try {
              const peers = await hms.activeRooms.listPeers(roomId, { role, user_id: userId }, ro);
              return Object.entries(peers).map(([id, peer]) => ({ ...peer, id: peer.id || id }));
            } catch (error) {
              return error instanceof HmsNotFoundError ? [] : (error as Error);
            }
          }),
        ),
      { cacheKeyFn: stableKey },
    ),
    activePeer: new DataLoader<{ roomId: string; peerId: string }, ActivePeerWithTracks, string>(
      (keys) =>
        Promise.all(
          keys.map(({ roomId, peerId }) =>
            hms.activeRooms.getPeer(roomId, peerId, ro).catch((e: Error) => e),
          ),
        ),
      { cacheKeyFn: stableKey },
    ),
    /** Every code of a room: at most 100 per room (https://www.100ms.live/docs/server-side/v2/api-reference/room-codes/room-code-overview), so one call. */
    roomCodes: new DataLoader<string, RoomCode[]>((roomIds) =>
      Promise.all(
        roomIds.map(async (roomId) => {
          try {
            const codes: RoomCode[] = [];
            for await (const code of hms.roomCodes.iterate(roomId, { limit: 100 }, iterateOptions(ro, 1000)))
              codes.push(code);
            return codes;
          } catch (error) {
            return error as Error;
          }
        }),
      ),
    ),
  };
}
