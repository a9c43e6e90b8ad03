/** Active rooms, peers, messages, removal, end-room (https://www.100ms.live/docs/server-side/v2/api-reference/active-rooms/overview) and room codes (https://www.100ms.live/docs/server-side/v2/api-reference/room-codes/room-code-overview). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEED_ROOMS } from '../../src/emulator/index.js';
import { expectHmsError, type Harness, ISO, OBJECT_ID, startHarness } from '../helpers/emulator-harness.js';

let h: Harness;
let live: string;
let idle: string;
let disabled: string;

beforeAll(async () => {
  h = await startHarness();
  live = await h.roomId(SEED_ROOMS.live);
  idle = await h.roomId(SEED_ROOMS.big);
  disabled = await h.roomId(SEED_ROOMS.disabled);
});
afterAll(() => h?.close());
beforeEach(() => h.emulator.reset({ data: true }));

const UNKNOWN = 'aaaaaaaaaaaaaaaaaaaaaaaa';

describe('active rooms', () => {
  it('shows the live session with its three active peers', async () => {
    const room = await h.hms.activeRooms.get(live);
    expect(room).toMatchObject({
      id: live,
      name: SEED_ROOMS.live,
      customer_id: expect.stringMatching(OBJECT_ID),
    });
    expect(room.session).toMatchObject({
      id: expect.stringMatching(OBJECT_ID),
      created_at: expect.stringMatching(ISO),
    });
    expect(room.session.peers).toHaveLength(3);
    const session = await h.hms.sessions.get(room.session.id);
    expect(session.active).toBe(true);
    // "Live" means minutes ago, not at the fixed seed epoch.
    expect(Date.now() - Date.parse(session.created_at as string)).toBeLessThan(3600_000);
  });

  it('answers 404 while no session is live, and for unknown rooms', async () => {
    await expectHmsError(h.hms.activeRooms.get(idle), 404);
    await expectHmsError(h.hms.activeRooms.listPeers(idle), 404);
    await expectHmsError(h.hms.activeRooms.get(UNKNOWN), 404);
  });

  it('lists peers with user_id and role filters; no match is an empty map', async () => {
    const peers = await h.hms.activeRooms.listPeers(live);
    expect(Object.keys(peers)).toHaveLength(3);
    for (const [id, peer] of Object.entries(peers)) {
      expect(peer).toMatchObject({
        id,
        name: expect.any(String),
        user_id: expect.any(String),
        role: expect.any(String),
        joined_at: expect.stringMatching(ISO),
      });
      expect(peer).not.toHaveProperty('tracks');
    }
    expect(
      Object.values(await h.hms.activeRooms.listPeers(live, { role: 'guest' }))
        .map((p) => p.user_id)
        .sort(),
    ).toEqual(['user-bob', 'user-carol']);
    expect(
      Object.values(await h.hms.activeRooms.listPeers(live, { user_id: 'user-alice' })).map((p) => p.role),
    ).toEqual(['host']);
    expect(await h.hms.activeRooms.listPeers(live, { role: 'hls-viewer' })).toEqual({});
  });

  it('gets a peer with its audio and video tracks; 404 for an unknown or departed peer', async () => {
    const alice = Object.values(await h.hms.activeRooms.listPeers(live, { user_id: 'user-alice' }))[0];
    const peer = await h.hms.activeRooms.getPeer(live, alice?.id as string);
    const tracks = Object.values(peer.tracks);
    expect(tracks.map((t) => `${t.type}/${t.source}`).sort()).toEqual([
      'audio/regular',
      'video/regular',
      'video/screen',
    ]);
    for (const [id, track] of Object.entries(peer.tracks)) {
      expect(track).toMatchObject({
        id,
        stream_id: expect.any(String),
        mute: expect.any(Boolean),
        started_at: expect.stringMatching(ISO),
      });
    }
    await expectHmsError(h.hms.activeRooms.getPeer(live, '00000000-0000-4000-8000-000000000000'), 404);
    const departed = Object.values(
      (await h.hms.sessions.get((await h.hms.activeRooms.get(live)).session.id)).peers,
    ).find((p) => p.left_at !== null);
    await expectHmsError(h.hms.activeRooms.getPeer(live, departed?.id as string), 404);
  });

  it('updates name, role and metadata; a role outside the template is a 400', async () => {
    const [peerId] = (await h.hms.activeRooms.get(live)).session.peers as [string];
    const updated = await h.hms.activeRooms.updatePeer(live, peerId, {
      name: 'Renamed',
      role: 'viewer-realtime',
      metadata: '{"x":1}',
    });
    expect(updated).toMatchObject({
      id: peerId,
      name: 'Renamed',
      role: 'viewer-realtime',
      metadata: '{"x":1}',
    });
    expect(updated.tracks).toBeTypeOf('object');
    await expectHmsError(h.hms.activeRooms.updatePeer(live, peerId, { role: 'speaker' }), 400, /role/);
    await expectHmsError(h.hms.activeRooms.updatePeer(live, peerId, {}), 400);
    await expectHmsError(
      h.hms.request('POST', `/active-rooms/${live}/peers/${peerId}`, { body: { displayName: 'x' } }),
      400,
    );
  });

  it('sends messages: peer_id wins over role, role targets, broadcast otherwise', async () => {
    const [peerId] = (await h.hms.activeRooms.get(live)).session.peers as [string];
    expect(
      await h.hms.activeRooms.sendMessage(live, { message: 'direct', peer_id: peerId, role: 'guest' }),
    ).toEqual({ message: 'message sent' });
    await h.hms.activeRooms.sendMessage(live, { message: 'to guests', role: 'guest', type: 'custom_event' });
    await h.hms.activeRooms.sendMessage(live, { message: 'everyone' });
    const sent = h.emulator.state.messages();
    expect(sent.map((m) => [m.message, m.target, m.type])).toEqual([
      ['direct', { peerId }, 'chat'],
      ['to guests', { role: 'guest' }, 'custom_event'],
      ['everyone', { broadcast: true }, 'chat'],
    ]);
  });

  it('refuses messages without text, to unknown peers, and the SDK-style peerId', async () => {
    await expectHmsError(
      h.hms.request('POST', `/active-rooms/${live}/send-message`, { body: {} }),
      400,
      /message/,
    );
    await expectHmsError(h.hms.activeRooms.sendMessage(live, { message: '' }), 400);
    await expectHmsError(
      h.hms.activeRooms.sendMessage(live, { message: 'hi', peer_id: '00000000-0000-4000-8000-000000000000' }),
      404,
    );
    await expectHmsError(
      h.hms.request('POST', `/active-rooms/${live}/send-message`, { body: { message: 'hi', peerId: 'x' } }),
      400,
      /peerId/,
    );
    await expectHmsError(h.hms.activeRooms.sendMessage(idle, { message: 'anyone?' }), 404);
    expect(h.emulator.state.messages()).toEqual([]);
  });

  it('removes peers for real: left_at set, gone from the active room; needs peer_id or role', async () => {
    const room = await h.hms.activeRooms.get(live);
    const [first] = room.session.peers as [string];
    await expectHmsError(
      h.hms.request('POST', `/active-rooms/${live}/remove-peers`, { body: { reason: 'x' } }),
      400,
    );
    expect(await h.hms.activeRooms.removePeers(live, { peer_id: first, reason: 'kicked' })).toEqual({
      message: 'peer remove request submitted',
    });
    const after = await h.hms.activeRooms.get(live);
    expect(after.session.peers).not.toContain(first);
    expect(after.session.peers).toHaveLength(2);
    const session = await h.hms.sessions.get(room.session.id);
    expect(session.peers[first]?.left_at).toMatch(ISO);
    await expectHmsError(h.hms.activeRooms.removePeers(live, { peer_id: first }), 404);
    await expectHmsError(h.hms.activeRooms.removePeers(live, { role: 'no-such-role' }), 400);
    // The first peer is the host; removing both guests empties the room and closes the session.
    expect(Object.values(await h.hms.activeRooms.listPeers(live)).map((p) => p.role)).toEqual([
      'guest',
      'guest',
    ]);
    await h.hms.activeRooms.removePeers(live, { role: 'guest' });
    await expectHmsError(h.hms.activeRooms.get(live), 404);
    expect((await h.hms.sessions.get(room.session.id)).active).toBe(false);
  });

  it('ends the room: the session closes, every peer leaves, lock disables the room', async () => {
    const room = await h.hms.activeRooms.get(live);
    expect(await h.hms.activeRooms.end(live, { reason: 'wrap up', lock: true })).toEqual({
      message: 'session is ending',
    });
    const session = await h.hms.sessions.get(room.session.id);
    expect(session.active).toBe(false);
    expect(Object.values(session.peers).every((p) => p.left_at !== null)).toBe(true);
    await expectHmsError(h.hms.activeRooms.get(live), 404);
    await expectHmsError(h.hms.activeRooms.end(live), 404);
    expect((await h.hms.rooms.get(live)).enabled).toBe(false);
    expect((await h.hms.sessions.list({ room_id: live, active: true })).items).toEqual([]);
  });

  it('ends without lock and leaves the room enabled; simulated peers can start a new session', async () => {
    await h.hms.activeRooms.end(live, {});
    expect((await h.hms.rooms.get(live)).enabled).toBe(true);
    const session = h.emulator.simulate.startSession(live, [
      { name: 'Zed', role: 'host', userId: 'user-zed' },
      { name: 'Yan', role: 'guest' },
    ]);
    const active = await h.hms.activeRooms.get(live);
    expect(active.session.id).toBe(session.id);
    expect(active.session.peers).toHaveLength(2);
  });
});

describe('room codes', () => {
  it('lists codes in the xxx-xxxx-xxx format with role and enabled filters', async () => {
    const page = await h.hms.roomCodes.list(live);
    expect(page.items.length).toBeGreaterThanOrEqual(4);
    for (const code of page.items) {
      expect(code).toMatchObject({
        code: expect.stringMatching(/^[a-z]{3}-[a-z]{4}-[a-z]{3}$/),
        room_id: live,
        created_at: expect.stringMatching(ISO),
      });
    }
    expect((await h.hms.roomCodes.list(live, { role: 'guest' })).items.every((c) => c.role === 'guest')).toBe(
      true,
    );
    const off = await h.hms.roomCodes.list(live, { enabled: false });
    expect(off.items.length).toBeGreaterThan(0);
    expect(off.items.every((c) => !c.enabled)).toBe(true);
    const small = await h.raw(`/room-codes/room/${live}?limit=2`);
    expect(small.json.data).toHaveLength(2);
    expect(small.json.last).toBe((small.json.data as Array<{ code: string }>)[1]?.code);
  });

  it('creates codes for every role at once ({data}), and one for a role', async () => {
    const lobby = await h.roomId(SEED_ROOMS.empty);
    const all = await h.hms.roomCodes.create(lobby);
    expect(all.map((c) => c.role)).toEqual(['host', 'guest', 'viewer-realtime', 'hls-viewer']);
    const wire = await h.raw(`/room-codes/room/${lobby}`, { method: 'POST' });
    expect(Object.keys(wire.json)).toEqual(['data']);
    expect((wire.json.data as unknown[]).length).toBe(4);
    const one = await h.hms.roomCodes.createForRole(lobby, 'guest');
    expect(one).toMatchObject({ role: 'guest', enabled: true, room_id: lobby });
    expect(all.map((c) => c.code)).not.toContain(one.code);
  });

  it('answers 404 for an unknown room or role and 403 "Room is disabled"', async () => {
    await expectHmsError(h.hms.roomCodes.list(UNKNOWN), 404, /Room not found/);
    await expectHmsError(h.hms.roomCodes.create(UNKNOWN), 404);
    await expectHmsError(h.hms.roomCodes.createForRole(live, 'ghost'), 404, /Role not found/);
    await expectHmsError(h.hms.roomCodes.create(disabled), 403, /^Room is disabled$/);
    await expectHmsError(h.hms.roomCodes.createForRole(disabled, 'guest'), 403, /^Room is disabled$/);
    await expectHmsError(h.hms.roomCodes.list(disabled), 403, /^Room is disabled$/);
  });

  it('enables and disables by code with exactly {code, enabled}', async () => {
    const [code] = (await h.hms.roomCodes.list(live, { enabled: true })).items;
    const off = await h.hms.roomCodes.setEnabled(code?.code as string, false);
    expect(off).toMatchObject({ code: code?.code, enabled: false });
    expect(off.updated_at).not.toBe(code?.updated_at);
    expect((await h.hms.roomCodes.setEnabled(code?.code as string, true)).enabled).toBe(true);
    await expectHmsError(
      h.hms.request('POST', '/room-codes/code', { body: { code: code?.code, enabled: true, role: 'host' } }),
      400,
    );
    await expectHmsError(h.hms.request('POST', '/room-codes/code', { body: { code: code?.code } }), 400);
    await expectHmsError(h.hms.request('POST', '/room-codes/code', { body: { enabled: true } }), 400);
    await expectHmsError(h.hms.roomCodes.setEnabled('zzz-zzzz-zzz', true), 404);
    const archived = h.emulator.state.roomCodes(disabled)[0];
    await expectHmsError(h.hms.roomCodes.setEnabled(archived?.code as string, true), 403);
  });
});
