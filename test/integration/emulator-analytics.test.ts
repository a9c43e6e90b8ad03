/** `GET /v2/analytics/events` (https://www.100ms.live/docs/server-side/v2/api-reference/analytics/overview): filters, repeated `type`, `next` paging and snapshots. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ROOMS } from '../../src/emulator/index.js';
import { ERROR_EVENT_TYPES } from '../../src/hms/types.js';
import { expectHmsError, type Harness, ISO, startHarness } from '../helpers/emulator-harness.js';

let h: Harness;
let clock = Date.now();
let room: string;

beforeAll(async () => {
  h = await startHarness({ now: () => new Date(clock) });
  room = await h.roomId(SEED_ROOMS.live);
});
afterAll(() => h?.close());

describe('analytics events', () => {
  it('requires room_id', async () => {
    const answer = await h.raw('/analytics/events');
    expect(answer.status).toBe(400);
    expect(answer.json.message).toMatch(/room_id/);
  });

  it('serves more than 25 events of every supported type by default, chronologically, with the documented envelope', async () => {
    const first = await h.raw(`/analytics/events?room_id=${room}`);
    expect(Object.keys(first.json).sort()).toEqual(['events', 'limit', 'next', 'total']);
    expect(first.json.limit).toBe(10);
    expect(first.json.total).toBeGreaterThan(25);
    expect(first.json.next).toMatch(/^[0-9a-f-]{36}:\d+~/);
    const all = [];
    for await (const event of h.hms.analytics.iterateEvents({ room_id: room })) all.push(event);
    expect(all).toHaveLength(first.json.total as number);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    const times = all.map((e) => e.timestamp);
    expect([...times].sort()).toEqual(times);
    expect(new Set(all.map((e) => e.type))).toEqual(
      new Set([
        'track.add.success',
        'track.update.success',
        'track.remove.success',
        'beam.recording.success',
        // Without `type` the default is every supported type, error events included.
        'client.disconnected',
        'client.join.failed',
        'client.publish.failed',
        'client.subscribe.failed',
      ]),
    );
    const track = all.find((e) => e.type === 'track.add.success');
    expect(track).toMatchObject({ version: '2.0', timestamp: expect.stringMatching(ISO) });
    expect(track?.data).toMatchObject({
      room_id: room,
      room_name: SEED_ROOMS.live,
      track_id: expect.any(String),
      type: expect.stringMatching(/audio|video/),
    });
  });

  it('takes repeated type keys and refuses type[] and unknown types', async () => {
    const page = await h.hms.analytics.listEvents({
      room_id: room,
      type: ['track.remove.success', 'beam.recording.success'],
      limit: 100,
    });
    expect(new Set(page.items.map((e) => e.type))).toEqual(
      new Set(['track.remove.success', 'beam.recording.success']),
    );
    const log = h.emulator.stats().log.at(-1);
    expect(log?.query.type).toEqual(['track.remove.success', 'beam.recording.success']);
    expect((await h.raw(`/analytics/events?room_id=${room}&type[]=track.add.success`)).status).toBe(400);
    await expectHmsError(h.hms.analytics.listEvents({ room_id: room, type: ['peer.join.success'] }), 400);
  });

  it('serves only error events with error=true, and them too without it', async () => {
    const errors = await h.hms.analytics.listEvents({ room_id: room, error: true, limit: 100 });
    expect(errors.items.length).toBeGreaterThanOrEqual(4);
    expect(errors.items.every((e) => (ERROR_EVENT_TYPES as readonly string[]).includes(e.type))).toBe(true);
    expect(errors.items[0]?.data).toMatchObject({
      error_code: expect.any(Number),
      error_name: expect.any(String),
      action: expect.any(String),
    });
    const plain = [];
    for await (const event of h.hms.analytics.iterateEvents({ room_id: room, limit: 100 })) plain.push(event);
    const plainErrors = plain.filter((e) => (ERROR_EVENT_TYPES as readonly string[]).includes(e.type));
    expect(plainErrors.map((e) => e.id).sort()).toEqual(errors.items.map((e) => e.id).sort());
    await expectHmsError(
      h.hms.analytics.listEvents({ room_id: room, error: true, type: ['track.add.success'] }),
      400,
    );
  });

  it('filters by session, peer, user and beam', async () => {
    const session = (await h.hms.activeRooms.get(room)).session.id;
    const bySession = await h.hms.analytics.listEvents({ room_id: room, session_id: session, limit: 100 });
    expect(bySession.items.length).toBeGreaterThan(0);
    expect(bySession.items.every((e) => e.data.session_id === session)).toBe(true);
    const byUser = await h.hms.analytics.listEvents({ room_id: room, user_id: 'user-bob', limit: 100 });
    expect(byUser.items.every((e) => e.data.user_id === 'user-bob')).toBe(true);
    const peerId = byUser.items[0]?.data.peer_id as string;
    const byPeer = await h.hms.analytics.listEvents({ room_id: room, peer_id: peerId, limit: 100 });
    expect(byPeer.items.length).toBeGreaterThan(0);
    expect(byPeer.items.every((e) => e.data.peer_id === peerId)).toBe(true);
    const beam = (await h.hms.recordings.list({ room_id: room, status: 'completed' })).items[0]?.id as string;
    const byBeam = await h.hms.analytics.listEvents({ room_id: room, beam_id: beam });
    expect(byBeam.items.map((e) => [e.type, e.data.beam_id])).toEqual([['beam.recording.success', beam]]);
    const elsewhere = await h.hms.analytics.listEvents({ room_id: await h.roomId(SEED_ROOMS.empty) });
    expect(elsewhere).toMatchObject({ items: [], total: 0, next: null });
  });

  it('clamps limit to 1–100', async () => {
    expect((await h.raw(`/analytics/events?room_id=${room}&limit=0`)).json.limit).toBe(1);
    expect((await h.raw(`/analytics/events?room_id=${room}&limit=1000`)).json.limit).toBe(100);
    expect((await h.raw(`/analytics/events?room_id=${room}&limit=1`)).json.events).toHaveLength(1);
  });

  it('pages over a snapshot: events newer than the first query do not appear, until a new query', async () => {
    const first = await h.hms.analytics.listEvents({ room_id: room, limit: 10 });
    h.emulator.simulate.joinPeer(room, { name: 'Late Joiner', role: 'guest', userId: 'user-late' });
    let next = first.next;
    const seen = [...first.items];
    while (next) {
      const page = await h.hms.analytics.listEvents({ room_id: room, limit: 10, start: next });
      expect(page.total).toBe(first.total);
      seen.push(...page.items);
      next = page.next;
    }
    expect(seen).toHaveLength(first.total);
    expect(seen.some((e) => e.data.user_id === 'user-late')).toBe(false);
    const fresh = await h.hms.analytics.listEvents({ room_id: room, user_id: 'user-late' });
    expect(fresh.items.map((e) => e.type)).toEqual(['track.add.success', 'track.add.success']);
  });

  it('refuses a next token from another query, a forged one, or one older than 24 h', async () => {
    const page = await h.hms.analytics.listEvents({ room_id: room, limit: 5 });
    const token = page.next as string;
    await expectHmsError(
      h.hms.analytics.listEvents({ room_id: room, limit: 5, user_id: 'user-bob', start: token }),
      400,
    );
    await expectHmsError(h.hms.analytics.listEvents({ room_id: room, start: 'not-a-token' }), 400);
    expect((await h.hms.analytics.listEvents({ room_id: room, limit: 5, start: token })).items).toHaveLength(
      5,
    );
    // Two days on: the client re-signs its token on the same clock, the next token has expired.
    const today = clock;
    clock += 48 * 3600 * 1000;
    try {
      await expectHmsError(
        h.hms.analytics.listEvents({ room_id: room, limit: 5, start: token }),
        400,
        /start/,
      );
    } finally {
      clock = today;
    }
  });
});
