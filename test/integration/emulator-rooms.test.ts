/**
 * Rooms, sessions and templates through the real client (https://www.100ms.live/docs/server-side/v2/api-reference/Rooms/create-via-api, https://www.100ms.live/docs/server-side/v2/api-reference/Sessions/list-sessions, https://www.100ms.live/docs/server-side/v2/api-reference/policy/template-object), the
 * pagination contract (https://www.100ms.live/docs/server-side/v2/introduction/request-and-response) and seed determinism.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, SEED_ROOMS } from '../../src/emulator/index.js';
import type { Session, Template } from '../../src/hms/types.js';
import { expectHmsError, type Harness, ISO, OBJECT_ID, startHarness } from '../helpers/emulator-harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());
// Tests here create and change rooms and templates: back to the seed after each, in any order.
afterEach(() => h.emulator.reset({ data: true }));

describe('rooms', () => {
  it('lists the seeded rooms newest first with the documented shape', async () => {
    const page = await h.hms.rooms.list({ limit: 100 });
    const names = page.items.map((room) => room.name);
    for (const name of Object.values(SEED_ROOMS)) expect(names).toContain(name);
    expect(page.next).toBeNull();
    const created = page.items.map((room) => room.created_at);
    expect([...created].sort().reverse()).toEqual(created);
    const room = page.items.find((r) => r.name === SEED_ROOMS.live);
    expect(room).toMatchObject({
      id: expect.stringMatching(OBJECT_ID),
      enabled: true,
      customer_id: expect.stringMatching(OBJECT_ID),
      template_id: expect.stringMatching(OBJECT_ID),
      template: 'default-videoconf',
      region: 'in',
      recording_source_template: true,
      created_at: expect.stringMatching(ISO),
      key: `${room?.customer_id}:${SEED_ROOMS.live}`,
    });
    // The real API sends the Go zero time for never-updated rooms; the client turns it into null.
    expect(page.items.some((r) => r.updated_at === null)).toBe(true);
    expect(page.items.find((r) => r.name === SEED_ROOMS.disabled)?.enabled).toBe(false);
  });

  it('filters by exact name (case-insensitive, spaces and & encoded), enabled, template and dates', async () => {
    const spaced = await h.hms.rooms.list({ name: SEED_ROOMS.punctuated });
    expect(spaced.items.map((r) => r.name)).toEqual([SEED_ROOMS.punctuated]);
    expect((await h.hms.rooms.list({ name: 'PRODUCT-STANDUP' })).items).toHaveLength(1);
    expect((await h.hms.rooms.list({ name: 'design-review' })).items).toHaveLength(0);
    const disabled = await h.hms.rooms.list({ enabled: false });
    expect(disabled.items.every((r) => !r.enabled)).toBe(true);
    expect(disabled.items.map((r) => r.name)).toContain(SEED_ROOMS.disabled);
    const templates = await h.hms.templates.list();
    const webinar = templates.items.find((t) => t.name === 'webinar');
    const byTemplate = await h.hms.rooms.list({ template_id: webinar?.id });
    expect(byTemplate.items.map((r) => r.name)).toEqual([SEED_ROOMS.webinar]);
    const old = await h.hms.rooms.list({ before: '2023-12-31T23:59:59Z' });
    expect(old.items.map((r) => r.name)).toContain(SEED_ROOMS.disabled);
    expect(old.items.every((r) => r.created_at < '2024')).toBe(true);
    const recent = await h.hms.rooms.list({
      after: new Date('2025-10-01T00:00:00Z'),
      before: '2025-12-31T00:00:00Z',
    });
    expect(recent.items.map((r) => r.name)).toEqual([SEED_ROOMS.empty]);
  });

  it('gets a room by id and answers 404 for an unknown one', async () => {
    const id = await h.roomId(SEED_ROOMS.live);
    const room = await h.hms.rooms.get(id);
    expect(room.name).toBe(SEED_ROOMS.live);
    expect(room.key).toBeUndefined();
    await expectHmsError(h.hms.rooms.get('aaaaaaaaaaaaaaaaaaaaaaaa'), 404, /Room not found/);
  });

  it('creates with defaults, upserts by name (template included), and updates', async () => {
    const created = await h.hms.rooms.create({
      name: 'emu-new-room',
      description: 'first',
      max_duration_seconds: 600,
    });
    expect(created).toMatchObject({
      name: 'emu-new-room',
      description: 'first',
      enabled: true,
      max_duration_seconds: 600,
    });
    expect(created.template).toBe('default-videoconf');
    const webinar = (await h.hms.templates.list()).items.find((t) => t.name === 'webinar');
    const again = await h.hms.rooms.create({
      name: 'EMU-NEW-ROOM',
      description: 'second',
      template_id: webinar?.id,
    });
    expect(again.id).toBe(created.id);
    expect(again).toMatchObject({ description: 'second', template_id: webinar?.id, template: 'webinar' });
    const updated = await h.hms.rooms.update(created.id, { description: 'third', region: 'eu', size: 50 });
    expect(updated).toMatchObject({ description: 'third', region: 'eu', size: 50 });
    const off = await h.hms.rooms.setEnabled(created.id, false);
    expect(off.enabled).toBe(false);
    expect((await h.hms.rooms.get(created.id)).enabled).toBe(false);
    const unnamed = await h.hms.rooms.create({});
    expect(unnamed.name).toMatch(/^[0-9a-f-]{36}$/);
    const pinned = await h.hms.rooms.create({
      name: 'emu-pinned',
      recording_info: { enabled: false, upload_info: { type: 's3', location: 'bucket-1' } },
    });
    expect(pinned.recording_source_template).toBe(false);
    expect(pinned.recording_info?.upload_info).toMatchObject({ type: 's3', location: 'bucket-1' });
    const secret = await h.hms.rooms.update(pinned.id, {
      recording_info: {
        enabled: true,
        upload_info: { type: 'gs', location: 'b', credentials: { key: 'k', secret: 's3cr3t' } },
      },
    });
    expect(secret.recording_info?.upload_info).toEqual({ type: 'gs', location: 'b' });
  });

  it.each([
    [{ name: 'bad name' }, /^Invalid body param: name$/],
    [{ name: 'bad&name' }, /^Invalid body param: name$/],
    [{ max_duration_seconds: 119 }, /^Invalid body param: max_duration_seconds less than 120 seconds$/],
    [
      { max_duration_seconds: 43_201 },
      /^Invalid body param: max_duration_seconds greater than 43200 seconds$/,
    ],
    [{ region: 'ap' }, /^Error: region not supported$/],
    [{ size: 2501 }, /^Invalid body param: size$/],
    [{ large_room: true, size: 20_001 }, /^Invalid body param: size$/],
    [{ template_id: 'nope' }, /^Invalid body param: template_id$/],
    [{ webhook: { url: 'ftp://x' } }, /^Invalid body param: webhook\.url$/],
    [{ recording_info: { enabled: true, upload_info: { type: 's3' } } }, /^Bucket location is missing$/],
    [
      { recording_info: { enabled: true, upload_info: { type: 'dropbox', location: 'x' } } },
      /^Invalid upload configuration$/,
    ],
  ])('refuses create body %j with 400', async (body, message) => {
    await expectHmsError(h.hms.rooms.create(body as never), 400, message);
  });

  it('answers 400 "Error: template not found" for an unknown template and 400 for template_id on update', async () => {
    await expectHmsError(
      h.hms.rooms.create({ name: 'emu-x', template_id: 'aaaaaaaaaaaaaaaaaaaaaaaa' }),
      400,
      /^Error: template not found$/,
    );
    const id = await h.roomId(SEED_ROOMS.empty);
    await expectHmsError(
      // Not in the typed client (update has no template_id): send it raw to check the server side.
      h.hms.request('POST', `/rooms/${id}`, { body: { template_id: 'aaaaaaaaaaaaaaaaaaaaaaaa' } }),
      400,
      /template_id/,
    );
    await expectHmsError(h.hms.rooms.update(id, { name: SEED_ROOMS.live }), 400, /name already exists/);
    await expectHmsError(h.hms.rooms.update('aaaaaaaaaaaaaaaaaaaaaaaa', { description: 'x' }), 404);
  });
});

describe('sessions', () => {
  it('lists sessions with peer maps, re-joins as new peer ids with the same user id', async () => {
    const roomId = await h.roomId(SEED_ROOMS.live);
    const page = await h.hms.sessions.list({ room_id: roomId, limit: 100 });
    expect(page.items).toHaveLength(13);
    const [live, ...ended] = page.items as [Session, ...Session[]];
    expect(live.active).toBe(true);
    expect(ended.every((s) => !s.active)).toBe(true);
    const peers = Object.values(live.peers);
    expect(peers).toHaveLength(4);
    expect(peers.filter((p) => p.left_at === null)).toHaveLength(3);
    const bob = peers.filter((p) => p.user_id === 'user-bob');
    expect(bob).toHaveLength(2);
    expect(new Set(bob.map((p) => p.id)).size).toBe(2);
    for (const [id, peer] of Object.entries(live.peers)) {
      expect(peer).toMatchObject({
        id,
        session_id: live.id,
        name: expect.any(String),
        role: expect.any(String),
      });
    }
    expect(await h.hms.sessions.get(live.id)).toEqual(live);
  });

  it('filters by active and by created_at bounds (inclusive)', async () => {
    const roomId = await h.roomId(SEED_ROOMS.big);
    const all = await h.hms.sessions.list({ room_id: roomId, limit: 100 });
    const pivot = all.items[20] as Session;
    const after = await h.hms.sessions.list({
      room_id: roomId,
      after: pivot.created_at as string,
      limit: 100,
    });
    expect(after.items.at(-1)?.created_at).toBe(pivot.created_at);
    expect(after.items.every((s) => (s.created_at as string) >= (pivot.created_at as string))).toBe(true);
    const before = await h.hms.sessions.list({
      room_id: roomId,
      before: pivot.created_at as string,
      limit: 10,
    });
    expect(before.items[0]?.created_at).toBe(pivot.created_at);
    const active = await h.hms.sessions.list({ active: true, limit: 100 });
    expect(active.items.map((s) => s.room_id)).toEqual([await h.roomId(SEED_ROOMS.live)]);
  });

  it('sends data: null for an empty result, which the client reads as an empty page', async () => {
    const roomId = await h.roomId(SEED_ROOMS.empty);
    const answer = await h.raw(`/sessions?room_id=${roomId}`);
    expect(answer.json).toEqual({ limit: 10, data: null, last: '' });
    expect((await h.hms.sessions.list({ room_id: roomId })).items).toEqual([]);
  });

  it('answers 404 for an unknown session', async () => {
    await expectHmsError(h.hms.sessions.get('aaaaaaaaaaaaaaaaaaaaaaaa'), 404);
  });
});

describe('pagination', () => {
  async function walk(limit: number): Promise<{ ids: string[]; pages: number }> {
    const roomId = await h.roomId(SEED_ROOMS.big);
    const ids: string[] = [];
    let start: string | undefined;
    let pages = 0;
    for (;;) {
      const answer = await h.raw(
        `/sessions?room_id=${roomId}&limit=${limit}${start ? `&start=${start}` : ''}`,
      );
      expect(answer.status).toBe(200);
      pages += 1;
      const data = (answer.json.data ?? []) as Session[];
      ids.push(...data.map((s) => s.id));
      if (data.length === 0) {
        // Only an empty page has no last object: `last` is "".
        expect(answer.json.last).toBe('');
        break;
      }
      // `last` is the id of the last object, on the final page too.
      expect(answer.json.last).toBe(data.at(-1)?.id);
      if (data.length < limit) break;
      start = answer.json.last;
    }
    return { ids, pages };
  }

  it('walks every page of the big room with the smallest and largest limit: full set, in order, no duplicates', async () => {
    const roomId = await h.roomId(SEED_ROOMS.big);
    const expected = h.emulator.state.sessions(roomId).map((s) => s.id);
    expect(expected.length).toBeGreaterThanOrEqual(120);
    // Some seeded sessions share a start time to the microsecond: ties must not break paging.
    const starts = h.emulator.state.sessions(roomId).map((s) => s.created_at);
    expect(new Set(starts).size).toBeLessThan(starts.length);
    for (const limit of [10, 100]) {
      const { ids, pages } = await walk(limit);
      expect(ids).toEqual(expected);
      expect(new Set(ids).size).toBe(ids.length);
      expect(pages).toBe(Math.ceil(expected.length / limit));
    }
    const iterated: string[] = [];
    for await (const session of h.hms.sessions.iterate({ room_id: roomId, limit: 10 }))
      iterated.push(session.id);
    expect(iterated).toEqual(expected);
  });

  it('ends an exactly full final page with its last id, so the walk costs one more (empty) call', async () => {
    const roomId = await h.roomId(SEED_ROOMS.big);
    const total = h.emulator.state.sessions(roomId).length;
    expect(total % 25).toBe(0);
    const { ids, pages } = await walk(25);
    expect(ids).toHaveLength(total);
    expect(pages).toBe(total / 25 + 1);
    h.emulator.resetStats();
    const iterated: string[] = [];
    for await (const session of h.hms.sessions.iterate({ room_id: roomId, limit: 25 }))
      iterated.push(session.id);
    expect(iterated).toHaveLength(total);
    expect(h.emulator.stats().requests['GET /v2/sessions']).toBe(total / 25 + 1);
  });

  it('clamps limit to 10–100 and refuses a foreign cursor', async () => {
    expect((await h.raw('/sessions?limit=1')).json.limit).toBe(10);
    expect((await h.raw('/sessions?limit=1')).json.data).toHaveLength(10);
    expect((await h.raw('/sessions?limit=1000')).json.data).toHaveLength(100);
    expect((await h.raw('/rooms?limit=0')).json.limit).toBe(10);
    expect((await h.raw('/sessions?start=aaaaaaaaaaaaaaaaaaaaaaaa')).status).toBe(400);
  });
});

describe('templates', () => {
  it('lists and gets templates with camelCase keys and realistic roles', async () => {
    const page = await h.hms.templates.list();
    expect(page.items.map((t) => t.name).sort()).toEqual(['default-videoconf', 'webinar']);
    const template = await h.hms.templates.get(
      page.items.find((t) => t.name === 'default-videoconf')?.id as string,
    );
    expect(Object.keys(template.roles)).toEqual(['host', 'guest', 'viewer-realtime', 'hls-viewer']);
    expect(template).toMatchObject({
      customerId: expect.stringMatching(OBJECT_ID),
      createdAt: expect.stringMatching(ISO),
    });
    expect(template.roles.host?.permissions).toMatchObject({
      endRoom: true,
      removeOthers: true,
      hlsStreaming: true,
    });
    expect(template.roles['hls-viewer']?.publishParams?.allowed).toEqual([]);
    expect(template).not.toHaveProperty('customer_id');
    await expectHmsError(h.hms.templates.get('aaaaaaaaaaaaaaaaaaaaaaaa'), 404);
  });

  it('creates (upsert by name), replaces, and edits roles, settings, destinations and recordings', async () => {
    const created = (await h.hms.request('POST', '/templates', {
      body: { name: 'emu template', roles: { speaker: { publishParams: { allowed: ['audio'] } } } },
    })) as Template;
    expect(created.roles.speaker?.name).toBe('speaker');
    const again = (await h.hms.request('POST', '/templates', {
      body: { name: 'emu template', roles: { a: {} } },
    })) as Template;
    expect(again.id).toBe(created.id);
    await expectHmsError(
      h.hms.request('POST', `/templates/${created.id}`, { body: { roles: {} } }),
      400,
      /settings/,
    );
    const replaced = (await h.hms.request('POST', `/templates/${created.id}`, {
      body: { roles: { host: {} }, settings: { region: 'eu' } },
    })) as Template;
    expect(Object.keys(replaced.roles)).toEqual(['host']);
    expect(
      await h.hms.request('POST', `/templates/${created.id}/roles/guest`, { body: { priority: 2 } }),
    ).toMatchObject({ name: 'guest', priority: 2 });
    expect(await h.hms.request('GET', `/templates/${created.id}/roles/guest`)).toMatchObject({
      name: 'guest',
    });
    expect(await h.hms.request('DELETE', `/templates/${created.id}/roles/guest`)).toBeUndefined();
    await expectHmsError(h.hms.request('DELETE', `/templates/${created.id}/roles/guest`), 404);
    expect(
      await h.hms.request('POST', `/templates/${created.id}/settings`, { body: { region: 'us' } }),
    ).toEqual({ region: 'us' });
    expect(await h.hms.request('GET', `/templates/${created.id}/destinations`)).toEqual({});
    await expectHmsError(
      h.hms.request('POST', `/templates/${created.id}/recordings`, { body: [{}, {}] }),
      400,
    );
    expect(
      await h.hms.request('POST', `/templates/${created.id}/recordings`, { body: [{ name: 'r' }] }),
    ).toEqual([{ name: 'r' }]);
  });
});

describe('determinism', () => {
  it('answers GET /v2/rooms byte for byte alike across instances with the same seed, and differently for another seed', async () => {
    const bodies: string[] = [];
    for (const seed of [7, 7, 8]) {
      const emulator = await createEmulator({ seed });
      try {
        const { mintToken } = await import('../helpers/emulator-harness.js');
        const token = await mintToken(emulator);
        const response = await fetch(`${emulator.url}/rooms?limit=100`, {
          headers: { authorization: `Bearer ${token}` },
        });
        bodies.push(await response.text());
      } finally {
        await emulator.close();
      }
    }
    expect(bodies[0]).toBe(bodies[1]);
    expect(bodies[2]).not.toBe(bodies[0]);
    expect(JSON.parse(bodies[2] as string).data.map((r: { name: string }) => r.name)).toEqual(
      JSON.parse(bodies[0] as string).data.map((r: { name: string }) => r.name),
    );
  });
});
