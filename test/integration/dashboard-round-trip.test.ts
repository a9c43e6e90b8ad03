/**
 * A dashboard is one round trip to 100ms: the room, its sessions and the first pages of the
 * room-wide recordings and assets are all in flight together (look-ahead prefetch). Proven by the
 * emulator's peak concurrency under a latency that dwarfs the gateway's dispatch time, not by
 * timing. And the answers stay exact when a busy room's recordings span several pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardDocument, type DashboardQuery } from '../../examples/dashboard/src/generated/graphql.js';
import { SEED_ROOMS } from '../../src/emulator/index.js';
import { type Stack, startStack, typed } from '../helpers/stack.js';

interface Nodes<T> {
  nodes: T[];
}
interface BusyRoom {
  room: {
    sessions: Nodes<{
      hmsId: string;
      recordings: Nodes<{ hmsId: string; assets: Array<{ hmsId: string }> }>;
    }>;
  };
}
const BUSY_ROOM = typed<BusyRoom>(
  `query($id: ID!) { room(id: $id) { sessions(first: 5) { nodes { hmsId
     recordings(first: 100) { nodes { hmsId assets { hmsId } } } } } } }`,
);
const SESSIONS_AND_RECORDINGS = typed<BusyRoom>(
  `query($id: ID!) { room(id: $id) { sessions(first: 3) { nodes { hmsId recordings { nodes { hmsId } } } } } }`,
);
/** What a dashboard loaded, without the durations of live sessions (they move with the clock). */
const loaded = (data: DashboardQuery | null | undefined) =>
  data?.room?.sessions?.nodes.map((s) => [s.hmsId, s.recordings?.nodes.map((r) => r.hmsId)]);

async function roomId(stack: Stack, name: string): Promise<string> {
  const id = (await stack.hms.rooms.list({ name })).items[0]?.id;
  if (!id) throw new Error(`seed room ${name} missing`);
  return id;
}

describe('dashboard round trips', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  it('sends all four calls of a cold dashboard together, and the three of a warm one', async () => {
    // Cold: nothing cached in the gateway, whichever test ran before.
    stack.reset();
    const id = await roomId(stack, SEED_ROOMS.live);
    // Each answer waits 1 s: a second wave would start only after the first one ended, so the
    // peak concurrency tells one round trip (4 in flight) from two (2 then 2).
    stack.emulator.setLatency({ ms: 1000 });
    try {
      stack.resetCalls();
      const cold = await stack.run(DashboardDocument, { roomId: id });
      expect(cold.errors).toBeUndefined();
      expect(cold.data?.room?.sessions?.nodes).toHaveLength(10);
      const coldStats = stack.emulator.stats();
      expect(coldStats.total).toBe(4);
      expect(coldStats.peakConcurrent).toBe(4);
      expect(Object.keys(coldStats.requests).sort()).toEqual([
        'GET /v2/recording-assets',
        'GET /v2/recordings',
        'GET /v2/rooms/{id}',
        'GET /v2/sessions',
      ]);

      stack.resetCalls();
      const warm = await stack.run(DashboardDocument, { roomId: id });
      expect(loaded(warm.data)).toEqual(loaded(cold.data));
      const warmStats = stack.emulator.stats();
      expect(warmStats.total).toBe(3);
      expect(warmStats.peakConcurrent).toBe(3);
    } finally {
      stack.emulator.setLatency(null);
    }
  });

  it('starts no room-wide list that the selection does not need', async () => {
    const id = await roomId(stack, SEED_ROOMS.live);
    stack.resetCalls();
    const res = await stack.gql(SESSIONS_AND_RECORDINGS, { id });
    expect(res.errors).toBeUndefined();
    expect(stack.calls().byRoute['GET /v2/recording-assets']).toBeUndefined();
    expect(stack.calls().byRoute['GET /v2/recordings']).toBe(1);
  });
});

describe('a busy room whose recordings span pages', () => {
  let stack: Stack;
  let clock = Date.now();
  beforeAll(async () => {
    // A clock the test moves, so every recording has its own created_at and jobs complete.
    stack = await startStack({ emulator: { now: () => new Date(clock) } });
  });
  afterAll(() => stack?.close());

  function session(roomId: string, recordings: number) {
    const { emulator } = stack;
    clock += 60_000;
    emulator.simulate.startSession(roomId, [{ name: 'Host', role: 'host', userId: 'host-1' }]);
    for (let i = 0; i < recordings; i++) {
      clock += 5_000;
      emulator.simulate.startRecording(roomId);
      clock += 5_000;
      emulator.simulate.stopRecording(roomId);
      clock += 5_000;
      emulator.advanceJobs();
    }
    clock += 5_000;
    const live = emulator.state.activeSession(roomId);
    for (const peerId of Object.keys(live?.peers ?? {})) emulator.simulate.leavePeer(roomId, peerId);
    clock += 60_000;
  }

  it('answers every session exactly when the newest 100 recordings do not reach the older sessions', async () => {
    const id = await roomId(stack, SEED_ROOMS.punctuated);
    // Oldest first: 3, then 70, then 70 recordings. The first room page (100) covers the newest
    // session and part of the middle one; the older ones need the second page.
    session(id, 3);
    session(id, 70);
    session(id, 70);
    const recordings = stack.emulator.state.recordings(id);
    expect(recordings.length).toBeGreaterThan(140);
    const assets = stack.emulator.state.assets(id);

    stack.resetCalls();
    const res = await stack.gql(BUSY_ROOM, { id });
    expect(res.errors).toBeUndefined();
    const sessions = res.data?.room.sessions.nodes ?? [];
    expect(sessions.length).toBeGreaterThanOrEqual(4);
    for (const s of sessions) {
      const expected = recordings.filter((r) => r.session_id === s.hmsId).map((r) => r.id);
      const got = s.recordings.nodes;
      expect(got.map((r) => r.hmsId).sort()).toEqual(expected.sort());
      for (const r of got) {
        const want = assets.filter((a) => a.job_id === r.hmsId).map((a) => a.id);
        expect(r.assets.map((a) => a.hmsId).sort()).toEqual(want.sort());
      }
    }
    expect(sessions.map((s) => s.recordings.nodes.length).slice(0, 3)).toEqual([70, 70, 3]);
    // Room, sessions, and a few pages of each room-wide list: far fewer than one call per session.
    const byRoute = stack.calls().byRoute;
    expect(byRoute['GET /v2/recordings']).toBeGreaterThanOrEqual(2);
    expect(stack.calls().total).toBeLessThanOrEqual(2 + 3 + 5);
  });
});
