/**
 * Room confinement (`hms_rooms`, src/loaders/confine.ts): the view of the 100ms client a
 * confined caller's request goes through, over the real client and the emulator. Outside reads
 * look missing, outside writes are refused, both before anything is sent where the room is known.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEED_ROOMS } from '../../src/emulator/index.js';
import type { HmsApi } from '../../src/hms/api.js';
import { HmsForbiddenError, HmsNotFoundError } from '../../src/hms/errors.js';
import { createApi } from '../../src/hms/surface.js';
import { confine } from '../../src/loaders/confine.js';
import { type Harness, startHarness } from '../helpers/emulator-harness.js';

let h: Harness;
let mine: string;
let other: string;
let scoped: HmsApi;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}
const calls = () => h.emulator.stats().total;

beforeAll(async () => {
  h = await startHarness();
  mine = await h.roomId(SEED_ROOMS.live);
  other = await h.roomId(SEED_ROOMS.externalStreams);
  scoped = createApi(confine(h.hms.send, new Set([mine])), {
    managementToken: () => h.hms.tokens.managementToken(),
    request: h.hms.request.bind(h.hms),
  });
});
afterAll(() => h?.close());
beforeEach(() => h.emulator.resetStats());

describe('reads', () => {
  it('lists only the allowed rooms, and a room outside is missing without a call', async () => {
    const page = await scoped.rooms.list({ limit: 100 });
    expect(page.items.map((room) => room.id)).toEqual([mine]);
    h.emulator.resetStats();
    expect(await rejection(scoped.rooms.get(other))).toBeInstanceOf(HmsNotFoundError);
    expect(await rejection(scoped.activeRooms.get(other))).toBeInstanceOf(HmsNotFoundError);
    expect(await rejection(scoped.roomCodes.list(other))).toBeInstanceOf(HmsNotFoundError);
    expect(calls()).toBe(0);
  });

  it('filters unfiltered lists to the allowed rooms, and a filter on a room outside is empty without a call', async () => {
    const sessions = await scoped.sessions.list({ limit: 50 });
    expect(sessions.items.length).toBeGreaterThan(0);
    expect(sessions.items.every((s) => s.room_id === mine)).toBe(true);
    const externals = await scoped.externalStreams.list({ limit: 50 });
    expect(externals.items.every((s) => s.room_id === mine)).toBe(true);
    h.emulator.resetStats();
    expect((await scoped.recordings.list({ room_id: other })).items).toEqual([]);
    expect(calls()).toBe(0);
  });

  it('hides an object of another room fetched by id, like a missing one', async () => {
    const foreign = (await h.hms.externalStreams.list({ room_id: other })).items[0];
    if (!foreign) throw new Error('the seed has external streams in sales-demo');
    expect(await rejection(scoped.externalStreams.get(foreign.id))).toBeInstanceOf(HmsNotFoundError);
  });
});

describe('writes', () => {
  it('refuses writes to a room outside before anything is sent', async () => {
    for (const write of [
      () => scoped.recordings.start(other, {}),
      () => scoped.rooms.update(other, { description: 'x' }),
      () => scoped.activeRooms.sendMessage(other, { message: 'hi' }),
      () => scoped.roomCodes.create(other),
      () => scoped.rooms.create({ name: 'new-room' }),
    ]) {
      expect(await rejection(write())).toBeInstanceOf(HmsForbiddenError);
    }
    expect(calls()).toBe(0);
  });

  it('refuses to stop a job of another room after looking it up, and sends no stop', async () => {
    const foreign = (await h.hms.externalStreams.list({ room_id: other })).items[0];
    if (!foreign) throw new Error('the seed has external streams in sales-demo');
    h.emulator.resetStats();
    expect(await rejection(scoped.externalStreams.stop(foreign.id))).toBeInstanceOf(HmsForbiddenError);
    expect(Object.keys(h.emulator.stats().requests)).toEqual(['GET /v2/external-streams/{id}']);
  });
});
