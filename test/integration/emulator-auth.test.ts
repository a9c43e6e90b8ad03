/**
 * Management-token checks and wire-level strictness of the emulator, with raw fetch and
 * hand-minted tokens (https://www.100ms.live/docs/server-side/v2/introduction/authentication-and-tokens, https://www.100ms.live/docs/server-side/v2/introduction/request-and-response).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, mintToken, startHarness } from '../helpers/emulator-harness.js';

let h: Harness;
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('management token', () => {
  it('accepts a valid token', async () => {
    const answer = await h.raw('/rooms', { token: await mintToken(h.emulator) });
    expect(answer.status).toBe(200);
  });

  it('answers 401 "Authentication error" without a usable Authorization header', async () => {
    for (const headerless of [null, '', 'Basic abc', 'Bearer', 'Bearer a b']) {
      const answer =
        headerless === null
          ? await h.raw('/rooms', { token: null })
          : await fetch(`${h.emulator.url}/rooms`, { headers: { authorization: headerless } }).then(
              async (r) => ({
                status: r.status,
                json: await r.json(),
              }),
            );
      expect(answer.status).toBe(401);
      expect(answer.json).toMatchObject({ code: 401, message: 'Authentication error' });
      expect(Array.isArray(answer.json.details)).toBe(true);
    }
  });

  it.each([
    [
      'a wrong signature',
      async () => mintToken(h.emulator, {}, {}, 'not-the-secret-at-all-0123456789abcdef'),
    ],
    ['type "app"', async () => mintToken(h.emulator, { type: 'app' })],
    ['no type', async () => mintToken(h.emulator, { type: undefined })],
    ['version 1', async () => mintToken(h.emulator, { version: 1 })],
    ['version "2" as a string', async () => mintToken(h.emulator, { version: '2' })],
    ['another access key', async () => mintToken(h.emulator, { access_key: '000000000000000000000000' })],
    [
      'expiry 31 s ago (beyond the 30 s skew)',
      async () => mintToken(h.emulator, {}, { iat: now() - 3600, exp: now() - 31 }),
    ],
    [
      'nbf 60 s ahead',
      async () => mintToken(h.emulator, {}, { iat: now(), nbf: now() + 60, exp: now() + 3600 }),
    ],
    ['garbage', async () => 'not.a.jwt'],
  ])('answers 401 "Token validation error" for %s', async (_label, make) => {
    const answer = await h.raw('/rooms', { token: await make() });
    expect(answer.status).toBe(401);
    expect(answer.json).toMatchObject({ code: 401, message: 'Token validation error' });
    expect(answer.json.details).toHaveLength(1);
  });

  it('tolerates up to 30 s of clock skew on exp and nbf', async () => {
    const justExpired = await mintToken(h.emulator, {}, { iat: now() - 3600, exp: now() - 20 });
    expect((await h.raw('/rooms', { token: justExpired })).status).toBe(200);
    const almostValid = await mintToken(h.emulator, {}, { iat: now(), nbf: now() + 20, exp: now() + 3600 });
    expect((await h.raw('/rooms', { token: almostValid })).status).toBe(200);
  });

  it('refuses a token signed with another algorithm', async () => {
    const { SignJWT } = await import('jose');
    const token = await new SignJWT({ access_key: h.emulator.accessKey, type: 'management', version: 2 })
      .setProtectedHeader({ alg: 'HS512' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(h.emulator.secret));
    expect((await h.raw('/rooms', { token })).status).toBe(401);
  });

  it('checks the token before routing, and leaves /__emulator open', async () => {
    expect((await h.raw('/no-such-thing', { token: null })).status).toBe(401);
    const stats = await fetch(`${h.emulator.origin}/__emulator/stats`);
    expect(stats.status).toBe(200);
  });
});

describe('wire strictness', () => {
  it('answers unknown routes with the documented 404 body', async () => {
    const answer = await h.raw('/no-such-thing');
    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ code: 404, message: expect.any(String), details: expect.any(Array) });
    expect((await h.raw('/rooms', { method: 'DELETE' })).status).toBe(404);
    expect((await h.raw('/rooms/')).status).toBe(404);
    const outside = await fetch(`${h.emulator.origin}/v1/rooms`);
    expect(outside.status).toBe(404);
  });

  it('refuses invalid JSON with 400 and keeps serving', async () => {
    const answer = await h.raw('/rooms', { method: 'POST', rawBody: '{"name": ' });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 400, message: 'Invalid request body' });
    for (const body of ['[]', '"x"', '42', 'null']) {
      expect((await h.raw('/rooms', { method: 'POST', rawBody: body })).status).toBe(400);
    }
    expect((await h.raw('/rooms')).status).toBe(200);
  });

  it('refuses unknown and malformed query parameters', async () => {
    for (const query of [
      'limit=ten',
      'limit=10&limit=20',
      'enabled=yes',
      'after=2024-01-01',
      'after=Mon%20Jan%2001%202024',
      'roomId=abc',
      'template_id=not-an-id',
      'start=',
    ]) {
      const answer = await h.raw(`/rooms?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.json.message).toMatch(/^Invalid query parameter: /);
    }
    const id = await h.roomId('product-standup');
    expect((await h.raw(`/analytics/events?room_id=${id}&type[]=track.add.success`)).status).toBe(400);
    expect((await h.raw(`/sessions?room_id=${id}&active=undefined`)).status).toBe(400);
  });

  it('refuses unknown body fields, naming them the way 100ms does', async () => {
    const answer = await h.raw('/rooms', {
      method: 'POST',
      body: { name: 'strict-room', template: 'default-videoconf' },
    });
    expect(answer.status).toBe(400);
    expect(answer.json.message).toBe('Invalid body param: template. Use template_id');
    const camel = await h.raw('/rooms', {
      method: 'POST',
      body: { name: 'strict-room', maxDurationSeconds: 600 },
    });
    expect(camel.status).toBe(400);
    expect(camel.json.message).toBe('Invalid body param: maxDurationSeconds');
  });

  it('survives malformed requests', async () => {
    expect((await h.raw('/rooms/%E0%A4%A')).status).toBe(400);
    const huge = await h.raw('/rooms', {
      method: 'POST',
      rawBody: `{"description":"${'x'.repeat(1_100_000)}"}`,
    });
    expect(huge.status).toBe(413);
    expect((await h.raw('/rooms')).status).toBe(200);
  });
});

describe('robustness', () => {
  it('never answers 5xx to malformed bodies or queries on any route, and keeps serving', async () => {
    const room = await h.roomId('product-standup');
    const session = (await h.hms.activeRooms.get(room)).session;
    const recording = h.emulator.state.recordings(room)[0]?.id as string;
    const asset = h.emulator.state.assets(room)[0]?.id as string;
    const stream = h.emulator.state.liveStreams()[0]?.id as string;
    const external = h.emulator.state.externalStreams()[0]?.id as string;
    const template = h.emulator.state.templates()[0]?.id as string;
    const peer = session.peers[0] as string;
    const routes: Array<[string, string]> = [
      ['GET', '/rooms'],
      ['POST', '/rooms'],
      ['GET', `/rooms/${room}`],
      ['POST', `/rooms/${room}`],
      ['GET', '/sessions'],
      ['GET', `/sessions/${session.id}`],
      ['GET', `/active-rooms/${room}`],
      ['GET', `/active-rooms/${room}/peers`],
      ['GET', `/active-rooms/${room}/peers/${peer}`],
      ['POST', `/active-rooms/${room}/peers/${peer}`],
      ['POST', `/active-rooms/${room}/send-message`],
      ['POST', `/active-rooms/${room}/remove-peers`],
      ['GET', '/recordings'],
      ['GET', `/recordings/${recording}`],
      ['POST', `/recordings/room/${room}/start`],
      ['POST', `/recordings/${recording}/stop`],
      ['POST', `/recordings/room/${room}/pause`],
      ['GET', '/recording-assets'],
      ['GET', `/recording-assets/${asset}`],
      ['GET', `/recording-assets/${asset}/presigned-url`],
      ['GET', `/room-codes/room/${room}`],
      ['POST', `/room-codes/room/${room}/role/guest`],
      ['POST', '/room-codes/code'],
      ['GET', '/live-streams'],
      ['POST', `/live-streams/room/${room}/start`],
      ['POST', `/live-streams/${stream}/timed-metadata`],
      ['POST', `/live-streams/${stream}/pause-recording`],
      ['GET', '/external-streams'],
      ['POST', `/external-streams/room/${room}/start`],
      ['POST', `/external-streams/${external}/stop`],
      ['GET', '/analytics/events'],
      ['GET', '/analytics/webhooks'],
      ['POST', '/analytics/webhooks/replay'],
      ['GET', '/analytics/peer-stats'],
      ['GET', '/templates'],
      ['POST', '/templates'],
      ['POST', `/templates/${template}`],
      ['POST', `/templates/${template}/roles/x`],
      ['POST', `/templates/${template}/settings`],
      ['POST', `/templates/${template}/recordings`],
    ];
    const bodies = [
      '[]',
      'null',
      '{"a":1}',
      '{"name":123,"message":{},"peer_id":[],"role":null}',
      '{"rtmp_urls":[1],"resolution":"x","recording":[]}',
      '{"transcription":{"enabled":"yes","summary":[]}}',
      '{"webhook":{"url":5},"recording_info":"x","polls":[1]}',
      '{"payload":5,"duration":"x","code":5,"enabled":1}',
      '{"roles":[],"settings":1,"start_time":"yesterday","limit":-1}',
      '{"name":"x","roles":{"r":{"name":5,"priority":"high"}}}',
    ];
    const queries = [
      '?limit=x',
      '?start=zzz',
      '?type=a&type=b',
      '?presign_duration=1e3',
      `?room_id=${room}&error=maybe`,
      '?page=-1',
    ];
    for (const [method, path] of routes) {
      for (const rawBody of method === 'POST' ? bodies : [undefined]) {
        const answer = await h.raw(path, { method, ...(rawBody === undefined ? {} : { rawBody }) });
        expect(answer.status, `${method} ${path} ${rawBody}`).toBeLessThan(500);
      }
      for (const query of queries) {
        const answer = await h.raw(`${path}${query}`, { method });
        expect(answer.status, `${method} ${path}${query}`).toBeLessThan(500);
      }
    }
    expect((await h.raw('/rooms')).status).toBe(200);
  });
});
