/**
 * Read-only views of the emulator's data for tests and demo code, rendered as wire DTOs (fresh
 * copies on every call). They read whatever store is current: a data reset swaps the store.
 */
import type { ExternalStream, LiveStream, Recording } from '../hms/types.js';
import type { JobKind } from './model.js';
import { compareNewestFirst } from './paginate.js';
import {
  renderAsset,
  renderJob,
  renderRoom,
  renderRoomCode,
  renderSession,
  renderTemplate,
} from './render.js';
import { renderPoll } from './routes/polls.js';
import { renderStreamKey } from './routes/stream-keys.js';
import type { Store } from './store.js';
import type { EmulatorState } from './types.js';

const byRoom = <T extends { room_id: string }>(items: T[], roomId?: string) =>
  roomId === undefined ? items : items.filter((item) => item.room_id === roomId);

export const newestFirst = <T extends { createdAt: number; id: string }>(items: Iterable<T>) =>
  [...items].sort((a, b) =>
    compareNewestFirst({ createdAt: a.createdAt, key: a.id }, { createdAt: b.createdAt, key: b.id }),
  );

export function createStateViews(current: () => Store): EmulatorState {
  const jobs = (kind: JobKind) => {
    const store = current();
    store.settleJobs();
    return newestFirst([...store.jobs.values()].filter((job) => job.kind === kind)).map((job) =>
      renderJob(store, job, true),
    );
  };
  return {
    get customerId() {
      return current().customerId;
    },
    get appId() {
      return current().appId;
    },
    rooms: () => {
      const store = current();
      return newestFirst(store.rooms.values()).map((room) => renderRoom(store, room));
    },
    room: (nameOrId) => {
      const store = current();
      const room = store.rooms.get(nameOrId) ?? store.roomByName(nameOrId);
      return room ? renderRoom(store, room) : undefined;
    },
    sessions: (roomId) => {
      const store = current();
      return byRoom(
        newestFirst(store.sessions.values()).map((s) => renderSession(store, s)),
        roomId,
      );
    },
    activeSession: (roomId) => {
      const store = current();
      const session = store.activeSession(roomId);
      return session ? renderSession(store, session) : undefined;
    },
    templates: () => {
      const store = current();
      return newestFirst(store.templates.values()).map((t) => renderTemplate(store, t));
    },
    recordings: (roomId) => byRoom(jobs('recording') as Recording[], roomId),
    liveStreams: (roomId) => byRoom(jobs('live-stream') as LiveStream[], roomId),
    externalStreams: (roomId) => byRoom(jobs('external-stream') as ExternalStream[], roomId),
    assets: (roomId) => {
      const store = current();
      store.settleJobs();
      return byRoom(newestFirst(store.assets.values()).map(renderAsset), roomId);
    },
    roomCodes: (roomId) =>
      [...current().roomCodes.values()]
        .filter((code) => roomId === undefined || code.roomId === roomId)
        .sort((a, b) =>
          compareNewestFirst(
            { createdAt: a.createdAt, key: a.code },
            { createdAt: b.createdAt, key: b.code },
          ),
        )
        .map(renderRoomCode),
    events: (roomId) =>
      current()
        .events.filter((record) => roomId === undefined || record.roomId === roomId)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)
        .map((record) => structuredClone(record.event)),
    messages: () => current().messages.map((message) => structuredClone(message)),
    polls: () => newestFirst(current().polls.values()).map(renderPoll),
    streamKeys: (roomId) => {
      const store = current();
      return newestFirst(store.streamKeys.values())
        .filter((key) => roomId === undefined || key.roomId === roomId)
        .map((key) => renderStreamKey(store, key));
    },
  };
}
