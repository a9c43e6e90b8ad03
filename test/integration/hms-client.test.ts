/**
 * The 100ms client over real HTTP against a programmable port-0 server: what goes on the wire,
 * what comes back, and how failures, retries, the concurrency cap, aborts and pagination behave.
 */
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HmsClient, UpstreamCallEvent } from '../../src/hms/api.js';
import { createHmsClient, type HmsClientOptions, type HmsLogger } from '../../src/hms/client.js';
import {
  HmsAbortedError,
  HmsBadRequestError,
  HmsConnectionError,
  HmsError,
  HmsForbiddenError,
  HmsNotFoundError,
  HmsRateLimitedError,
  HmsResponseError,
  HmsServerError,
  HmsTimeoutError,
  HmsUnauthorizedError,
} from '../../src/hms/errors.js';
import { collect } from '../../src/hms/paginate.js';
import {
  type RecordedRequest,
  type Reply,
  startTestServer,
  type TestServer,
} from '../helpers/test-server.js';

const SECRET = 'integration-secret-0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const ZERO = '0001-01-01T00:00:00Z';

let server: TestServer;
let client: HmsClient | undefined;
let sleeps: number[] = [];

/** Records backoff delays and returns at once (still honouring aborts), so retries cost no time. */
const instantSleep = async (ms: number, signal: AbortSignal) => {
  sleeps.push(ms);
  signal.throwIfAborted();
  await new Promise((resolve) => setImmediate(resolve));
  signal.throwIfAborted();
};

function makeClient(overrides: Partial<HmsClientOptions> = {}): HmsClient {
  client = createHmsClient({
    accessKey: 'ak_integration',
    secret: SECRET,
    baseUrl: server.baseUrl,
    timeoutMs: 2000,
    maxRetries: 2,
    random: () => 0.5,
    sleep: instantSleep,
    ...overrides,
  });
  return client;
}

function tokenOf(request: RecordedRequest): string {
  return String(request.headers.authorization ?? '').replace(/^Bearer /, '');
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

async function failure(promise: Promise<unknown>): Promise<HmsError> {
  try {
    await promise;
  } catch (error) {
    return error as HmsError;
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  await client?.close();
  client = undefined;
  sleeps = [];
  server.reset();
  server.handle(() => ({ json: {} }));
});

afterAll(async () => {
  await server.close();
});

const room = {
  id: 'r1',
  name: 'standup',
  enabled: true,
  description: '',
  customer_id: 'c1',
  template_id: 't1',
  region: 'in',
  created_at: '2024-01-01T00:00:00Z',
  updated_at: ZERO,
};
const job = {
  id: 'j1',
  room_id: 'r1',
  session_id: 's1',
  status: 'starting',
  meeting_url: '',
  started_by: '',
  stopped_by: '',
  created_at: '2024-01-01T00:00:00Z',
  updated_at: ZERO,
  started_at: null,
  stopped_at: ZERO,
};
const jobParsed = { ...job, updated_at: null, stopped_at: null };
const list = (data: unknown[], last = '') => ({ limit: 10, data, last });

interface WireCase {
  name: string;
  run: (c: HmsClient) => Promise<unknown>;
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  rawQuery?: string;
  body?: unknown;
  reply: Reply;
  result: unknown;
}

const wire: WireCase[] = [
  // Rooms: https://www.100ms.live/docs/server-side/v2/api-reference/Rooms/overview
  {
    name: 'rooms.list',
    run: (c) =>
      c.rooms.list({ name: 'a b&c', enabled: true, after: new Date('2024-01-01T00:00:00Z'), limit: 500 }),
    method: 'GET',
    path: '/v2/rooms',
    rawQuery: 'name=a%20b%26c&enabled=true&after=2024-01-01T00%3A00%3A00.000Z&limit=100',
    reply: { json: list([room], 'r1') },
    result: { items: [{ ...room, updated_at: null }], limit: 10, next: null },
  },
  {
    name: 'rooms.get',
    run: (c) => c.rooms.get('r/1 x'),
    method: 'GET',
    path: '/v2/rooms/r%2F1%20x',
    reply: { json: room },
    result: { ...room, updated_at: null },
  },
  {
    name: 'rooms.create',
    run: (c) => c.rooms.create({ name: 'standup', template_id: 't1', size: 10 }),
    method: 'POST',
    path: '/v2/rooms',
    body: { name: 'standup', template_id: 't1', size: 10 },
    reply: { json: room },
    result: { ...room, updated_at: null },
  },
  {
    name: 'rooms.update',
    run: (c) => c.rooms.update('r1', { description: 'd', max_duration_seconds: 600 }),
    method: 'POST',
    path: '/v2/rooms/r1',
    body: { description: 'd', max_duration_seconds: 600 },
    reply: { json: room },
    result: { ...room, updated_at: null },
  },
  {
    name: 'rooms.setEnabled',
    run: (c) => c.rooms.setEnabled('r1', false),
    method: 'POST',
    path: '/v2/rooms/r1',
    body: { enabled: false },
    reply: { json: { ...room, enabled: false } },
    result: { ...room, enabled: false, updated_at: null },
  },
  // Sessions: https://www.100ms.live/docs/server-side/v2/api-reference/Sessions/list-sessions
  {
    name: 'sessions.list',
    run: (c) => c.sessions.list({ room_id: 'r1', active: false, limit: 5 }),
    method: 'GET',
    path: '/v2/sessions',
    rawQuery: 'room_id=r1&active=false&limit=10',
    reply: { json: { limit: 10, data: null, last: '' } },
    result: { items: [], limit: 10, next: null },
  },
  {
    name: 'sessions.get',
    run: (c) => c.sessions.get('s1'),
    method: 'GET',
    path: '/v2/sessions/s1',
    reply: {
      json: { id: 's1', peers: { p1: { id: 'p1', joined_at: '2024-01-01T00:00:00Z', left_at: ZERO } } },
    },
    result: { id: 's1', peers: { p1: { id: 'p1', joined_at: '2024-01-01T00:00:00Z', left_at: null } } },
  },
  // Active rooms: https://www.100ms.live/docs/server-side/v2/api-reference/active-rooms/overview
  {
    name: 'activeRooms.get',
    run: (c) => c.activeRooms.get('r1'),
    method: 'GET',
    path: '/v2/active-rooms/r1',
    reply: { json: { id: 'r1', session: { id: 's1', peers: ['p1'] } } },
    result: { id: 'r1', session: { id: 's1', peers: ['p1'] } },
  },
  {
    name: 'activeRooms.listPeers',
    run: (c) => c.activeRooms.listPeers('r1', { role: 'host', user_id: 'u 1' }),
    method: 'GET',
    path: '/v2/active-rooms/r1/peers',
    rawQuery: 'user_id=u%201&role=host',
    reply: { json: { peers: { p1: { id: 'p1', role: 'host' } } } },
    result: { p1: { id: 'p1', role: 'host' } },
  },
  {
    name: 'activeRooms.getPeer',
    run: (c) => c.activeRooms.getPeer('r1', 'p1'),
    method: 'GET',
    path: '/v2/active-rooms/r1/peers/p1',
    reply: { json: { id: 'p1', tracks: { t1: { id: 't1', started_at: ZERO } } } },
    result: { id: 'p1', tracks: { t1: { id: 't1', started_at: null } } },
  },
  {
    name: 'activeRooms.updatePeer',
    run: (c) => c.activeRooms.updatePeer('r1', 'p1', { role: 'guest', metadata: '{"x":1}' }),
    method: 'POST',
    path: '/v2/active-rooms/r1/peers/p1',
    body: { role: 'guest', metadata: '{"x":1}' },
    reply: { json: { id: 'p1', role: 'guest', tracks: {} } },
    result: { id: 'p1', role: 'guest', tracks: {} },
  },
  {
    name: 'activeRooms.sendMessage (peer_id on the wire, never peerId)',
    run: (c) => c.activeRooms.sendMessage('r1', { message: 'hi', peer_id: 'p1', type: 'chat' }),
    method: 'POST',
    path: '/v2/active-rooms/r1/send-message',
    body: { message: 'hi', peer_id: 'p1', type: 'chat' },
    reply: { json: { message: 'message sent' } },
    result: { message: 'message sent' },
  },
  {
    name: 'activeRooms.removePeers',
    run: (c) => c.activeRooms.removePeers('r1', { role: 'guest', reason: 'bye' }),
    method: 'POST',
    path: '/v2/active-rooms/r1/remove-peers',
    body: { role: 'guest', reason: 'bye' },
    reply: { json: { message: 'peer remove request submitted' } },
    result: { message: 'peer remove request submitted' },
  },
  {
    name: 'activeRooms.end',
    run: (c) => c.activeRooms.end('r1', { reason: 'done', lock: true }),
    method: 'POST',
    path: '/v2/active-rooms/r1/end-room',
    body: { reason: 'done', lock: true },
    reply: { json: { message: 'session is ending' } },
    result: { message: 'session is ending' },
  },
  // Recordings: https://www.100ms.live/docs/server-side/v2/api-reference/recordings/overview
  {
    name: 'recordings.list',
    run: (c) => c.recordings.list({ room_id: 'r1', status: 'running', start: 'j0' }),
    method: 'GET',
    path: '/v2/recordings',
    rawQuery: 'room_id=r1&status=running&start=j0',
    reply: { json: list([job]) },
    result: { items: [jobParsed], limit: 10, next: null },
  },
  {
    name: 'recordings.get',
    run: (c) => c.recordings.get('j1'),
    method: 'GET',
    path: '/v2/recordings/j1',
    reply: { json: { ...job, recording_assets: [{ id: 'a1', size: 5_000_000_000, created_at: ZERO }] } },
    result: { ...jobParsed, recording_assets: [{ id: 'a1', size: 5_000_000_000, created_at: null }] },
  },
  {
    name: 'recordings.start',
    run: (c) =>
      c.recordings.start('r1', {
        meeting_url: 'https://x/preview/r1/bot',
        resolution: { width: 1280, height: 720 },
      }),
    method: 'POST',
    path: '/v2/recordings/room/r1/start',
    body: { meeting_url: 'https://x/preview/r1/bot', resolution: { width: 1280, height: 720 } },
    reply: { json: job },
    result: jobParsed,
  },
  {
    name: 'recordings.stop',
    run: (c) => c.recordings.stop('j1'),
    method: 'POST',
    path: '/v2/recordings/j1/stop',
    reply: { json: job },
    result: jobParsed,
  },
  {
    name: 'recordings.stopAll',
    run: (c) => c.recordings.stopAll('r1'),
    method: 'POST',
    path: '/v2/recordings/room/r1/stop',
    reply: { json: list([job]) },
    result: [jobParsed],
  },
  {
    name: 'recordings.pause',
    run: (c) => c.recordings.pause('r1'),
    method: 'POST',
    path: '/v2/recordings/room/r1/pause',
    reply: { json: job },
    result: jobParsed,
  },
  {
    name: 'recordings.resume',
    run: (c) => c.recordings.resume('r1'),
    method: 'POST',
    path: '/v2/recordings/room/r1/resume',
    reply: { json: job },
    result: jobParsed,
  },
  // Recording assets: https://www.100ms.live/docs/server-side/v2/api-reference/recording-assets/overview
  {
    name: 'recordingAssets.list',
    run: (c) => c.recordingAssets.list({ session_id: 's1', status: 'completed' }),
    method: 'GET',
    path: '/v2/recording-assets',
    rawQuery: 'session_id=s1&status=completed',
    reply: { json: list([{ id: 'a1', size: 3_000_000_000 }]) },
    result: { items: [{ id: 'a1', size: 3_000_000_000 }], limit: 10, next: null },
  },
  {
    name: 'recordingAssets.get',
    run: (c) => c.recordingAssets.get('a1'),
    method: 'GET',
    path: '/v2/recording-assets/a1',
    reply: { json: { id: 'a1', size: 2_147_483_649 } },
    result: { id: 'a1', size: 2_147_483_649 },
  },
  {
    name: 'recordingAssets.presignedUrl (with duration)',
    run: (c) => c.recordingAssets.presignedUrl('a1', 600),
    method: 'GET',
    path: '/v2/recording-assets/a1/presigned-url',
    rawQuery: 'presign_duration=600',
    reply: { json: { id: 'a1', path: 's3://b/a1', url: 'https://u', expiry: 600 } },
    result: { id: 'a1', path: 's3://b/a1', url: 'https://u', expiry: 600 },
  },
  {
    name: 'recordingAssets.presignedUrl (server default duration)',
    run: (c) => c.recordingAssets.presignedUrl('a1'),
    method: 'GET',
    path: '/v2/recording-assets/a1/presigned-url',
    rawQuery: '',
    reply: { json: { id: 'a1', path: 'p', url: 'u', expiry: 259200 } },
    result: { id: 'a1', path: 'p', url: 'u', expiry: 259200 },
  },
  // Room codes: https://www.100ms.live/docs/server-side/v2/api-reference/room-codes/room-code-overview
  {
    name: 'roomCodes.list',
    run: (c) => c.roomCodes.list('r1', { role: 'host', enabled: true, limit: 20 }),
    method: 'GET',
    path: '/v2/room-codes/room/r1',
    rawQuery: 'role=host&enabled=true&limit=20',
    reply: { json: { limit: 20, data: [{ code: 'abc-defg-hij' }], last: '' } },
    result: { items: [{ code: 'abc-defg-hij' }], limit: 20, next: null },
  },
  {
    name: 'roomCodes.create',
    run: (c) => c.roomCodes.create('r1'),
    method: 'POST',
    path: '/v2/room-codes/room/r1',
    reply: { json: { data: [{ code: 'abc-defg-hij', role: 'host' }] } },
    result: [{ code: 'abc-defg-hij', role: 'host' }],
  },
  {
    name: 'roomCodes.createForRole',
    run: (c) => c.roomCodes.createForRole('r1', 'co host'),
    method: 'POST',
    path: '/v2/room-codes/room/r1/role/co%20host',
    reply: { json: { code: 'abc-defg-hij', role: 'co host' } },
    result: { code: 'abc-defg-hij', role: 'co host' },
  },
  {
    name: 'roomCodes.setEnabled',
    run: (c) => c.roomCodes.setEnabled('abc-defg-hij', false),
    method: 'POST',
    path: '/v2/room-codes/code',
    body: { code: 'abc-defg-hij', enabled: false },
    reply: { json: { code: 'abc-defg-hij', enabled: false, updated_at: ZERO } },
    result: { code: 'abc-defg-hij', enabled: false, updated_at: null },
  },
  // Live streams: https://www.100ms.live/docs/server-side/v2/api-reference/live-streams/overview
  {
    name: 'liveStreams.list',
    run: (c) => c.liveStreams.list({ room_id: 'r1', limit: 1000 }),
    method: 'GET',
    path: '/v2/live-streams',
    rawQuery: 'room_id=r1&limit=100',
    reply: { json: { limit: 100, data: [job], last: 'j1' } },
    result: { items: [jobParsed], limit: 100, next: null },
  },
  {
    name: 'liveStreams.get',
    run: (c) => c.liveStreams.get('j1'),
    method: 'GET',
    path: '/v2/live-streams/j1',
    reply: { json: job },
    result: jobParsed,
  },
  {
    name: 'liveStreams.start',
    run: (c) => c.liveStreams.start('r1', { recording: { hls_vod: true } }),
    method: 'POST',
    path: '/v2/live-streams/room/r1/start',
    body: { recording: { hls_vod: true } },
    reply: { json: job },
    result: jobParsed,
  },
  {
    name: 'liveStreams.stop',
    run: (c) => c.liveStreams.stop('j1'),
    method: 'POST',
    path: '/v2/live-streams/j1/stop',
    reply: { json: job },
    result: jobParsed,
  },
  {
    name: 'liveStreams.stopAll',
    run: (c) => c.liveStreams.stopAll('r1'),
    method: 'POST',
    path: '/v2/live-streams/room/r1/stop',
    reply: { json: { error: '', limit: 10, data: null, last: '' } },
    result: [],
  },
  {
    name: 'liveStreams.sendTimedMetadata',
    run: (c) => c.liveStreams.sendTimedMetadata('j1', { payload: 'quiz:1', duration: 5 }),
    method: 'POST',
    path: '/v2/live-streams/j1/timed-metadata',
    body: { payload: 'quiz:1', duration: 5 },
    reply: { json: job },
    result: jobParsed,
  },
  {
    name: 'liveStreams.pauseRecording',
    run: (c) => c.liveStreams.pauseRecording('j1'),
    method: 'POST',
    path: '/v2/live-streams/j1/pause-recording',
    reply: { json: job },
    result: jobParsed,
  },
  {
    name: 'liveStreams.resumeRecording',
    run: (c) => c.liveStreams.resumeRecording('j1'),
    method: 'POST',
    path: '/v2/live-streams/j1/resume-recording',
    reply: { json: job },
    result: jobParsed,
  },
  // External streams: https://www.100ms.live/docs/server-side/v2/api-reference/external-streams/overview
  {
    name: 'externalStreams.list',
    run: (c) => c.externalStreams.list({ session_id: 's1' }),
    method: 'GET',
    path: '/v2/external-streams',
    rawQuery: 'session_id=s1',
    reply: { json: list([job]) },
    result: { items: [jobParsed], limit: 10, next: null },
  },
  {
    name: 'externalStreams.get',
    run: (c) => c.externalStreams.get('j1'),
    method: 'GET',
    path: '/v2/external-streams/j1',
    reply: { json: job },
    result: jobParsed,
  },
  {
    name: 'externalStreams.start',
    run: (c) => c.externalStreams.start('r1', { rtmp_urls: ['rtmp://a/live/k'], recording: true }),
    method: 'POST',
    path: '/v2/external-streams/room/r1/start',
    body: { rtmp_urls: ['rtmp://a/live/k'], recording: true },
    reply: { json: job },
    result: jobParsed,
  },
  {
    name: 'externalStreams.stop',
    run: (c) => c.externalStreams.stop('j1'),
    method: 'POST',
    path: '/v2/external-streams/j1/stop',
    reply: { json: job },
    result: jobParsed,
  },
  {
    name: 'externalStreams.stopAll',
    run: (c) => c.externalStreams.stopAll('r1'),
    method: 'POST',
    path: '/v2/external-streams/room/r1/stop',
    reply: { json: list([job]) },
    result: [jobParsed],
  },
  // Analytics: https://www.100ms.live/docs/server-side/v2/api-reference/analytics/overview
  {
    name: 'analytics.listEvents',
    run: (c) =>
      c.analytics.listEvents({
        room_id: 'r1',
        type: ['track.add.success', 'track.remove.success'],
        error: false,
        limit: 0,
      }),
    method: 'GET',
    path: '/v2/analytics/events',
    rawQuery: 'room_id=r1&type=track.add.success&type=track.remove.success&error=false&limit=1',
    reply: {
      json: { limit: 1, total: 2, next: 'n1', events: [{ id: 'e1', timestamp: '2024-01-01T00:00:00Z' }] },
    },
    result: { items: [{ id: 'e1', timestamp: '2024-01-01T00:00:00Z' }], limit: 1, total: 2, next: 'n1' },
  },
  // Templates: https://www.100ms.live/docs/server-side/v2/api-reference/policy/template-object
  {
    name: 'templates.list',
    run: (c) => c.templates.list({ limit: 10 }),
    method: 'GET',
    path: '/v2/templates',
    rawQuery: 'limit=10',
    reply: { json: { limit: 10, data: [{ id: 't1', name: 'default', updatedAt: ZERO }], last: 't1' } },
    result: { items: [{ id: 't1', name: 'default', updatedAt: null }], limit: 10, next: null },
  },
  {
    name: 'templates.get',
    run: (c) => c.templates.get('t1'),
    method: 'GET',
    path: '/v2/templates/t1',
    reply: { json: { id: 't1', roles: {} } },
    result: { id: 't1', roles: {} },
  },
  // Escape hatch
  {
    name: 'request GET with query',
    run: (c) => c.request('GET', '/polls/p1/responses', { query: { all: true, question: 2 } }),
    method: 'GET',
    path: '/v2/polls/p1/responses',
    rawQuery: 'all=true&question=2',
    reply: { json: { last: '', limit: 10, responses: [] } },
    result: { last: '', limit: 10, responses: [] },
  },
  {
    name: 'request POST with body',
    run: (c) => c.request('POST', '/polls', { body: { title: 'Q' } }),
    method: 'POST',
    path: '/v2/polls',
    body: { title: 'Q' },
    reply: { json: { id: 'p1', title: 'Q' } },
    result: { id: 'p1', title: 'Q' },
  },
  {
    name: 'request DELETE → 204',
    run: (c) => c.request('DELETE', '/templates/t1/roles/guest'),
    method: 'DELETE',
    path: '/v2/templates/t1/roles/guest',
    reply: { status: 204 },
    result: undefined,
  },
];

describe('every endpoint on the wire', () => {
  it.each(wire.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    server.handle(() => testCase.reply);
    const c = makeClient();
    const result = await testCase.run(c);

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests as [RecordedRequest];
    expect(request.method).toBe(testCase.method);
    expect(request.path).toBe(testCase.path);
    expect(request.rawQuery).toBe(testCase.rawQuery ?? '');
    expect(request.body).toEqual(testCase.body);
    expect(request.headers.accept).toBe('application/json');
    expect(request.headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    expect(request.headers['content-type']).toBe(
      testCase.body === undefined ? undefined : 'application/json',
    );
    expect(result).toEqual(testCase.result);
  });

  it('sends x-request-id when given (and only a safe one)', async () => {
    const c = makeClient();
    await c.rooms.get('r1', { requestId: 'req-123' });
    await c.rooms.get('r1');
    await c.rooms.get('r1', { requestId: 'bad\r\nheader: injected' });
    expect(server.requests.map((r) => r.headers['x-request-id'])).toEqual(['req-123', undefined, undefined]);
    expect(server.requests[2]?.headers.header).toBeUndefined();
  });

  it('keeps the /v2 prefix of the base URL, with or without a trailing slash', async () => {
    const c = makeClient({ baseUrl: `${server.baseUrl}/` });
    await c.rooms.get('r1');
    expect(server.requests[0]?.path).toBe('/v2/rooms/r1');
  });

  it('refuses empty or traversing ids and unsafe escape-hatch paths before sending', async () => {
    const c = makeClient();
    await expect(c.rooms.get('')).rejects.toThrow(TypeError);
    await expect(c.rooms.get('..')).rejects.toThrow(TypeError);
    await expect(c.request('GET', 'https://evil.example/rooms')).rejects.toThrow(TypeError);
    await expect(c.request('GET', '//evil.example/rooms')).rejects.toThrow(TypeError);
    await expect(c.request('GET', '/rooms?name=x')).rejects.toThrow(TypeError);
    await expect(c.request('GET', '/rooms/%2e%2e/x')).rejects.toThrow(TypeError);
    await expect(c.analytics.listEvents({ room_id: '' })).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });

  it('rejects an answer of the wrong shape as HmsResponseError naming the endpoint', async () => {
    server.handle(() => ({ json: { id: 'not-a-list' } }));
    const error = await failure(makeClient().sessions.list());
    expect(error).toBeInstanceOf(HmsResponseError);
    expect(error.message).toContain('GET /v2/sessions');
  });

  it('maps upstream errors with their message and request id', async () => {
    server.handle(() => ({
      status: 404,
      json: { code: 404, message: 'Room not found' },
      headers: { 'x-request-id': 'upstream-42' },
    }));
    const error = await failure(makeClient().rooms.get('nope'));
    expect(error).toBeInstanceOf(HmsNotFoundError);
    expect(error).toMatchObject({
      status: 404,
      method: 'GET',
      path: '/v2/rooms/nope',
      requestId: 'upstream-42',
    });
    expect(error.message).toBe('Room not found');
  });

  it('reports each attempt to onCall with a route template, never ids or query values', async () => {
    const events: UpstreamCallEvent[] = [];
    const perCall: UpstreamCallEvent[] = [];
    server.handle((r) => (r.index === 0 ? { status: 503 } : { json: { id: 's1', peers: {} } }));
    const c = makeClient({ onCall: (e) => events.push(e) });
    await c.sessions.get('s-secret-id', { onCall: (e) => perCall.push(e) });
    expect(events).toHaveLength(2);
    expect(perCall).toEqual(events);
    expect(events.map(({ durationMs: _d, ...e }) => e)).toEqual([
      { method: 'GET', route: '/v2/sessions/{id}', status: 503, attempt: 1, retrying: true },
      { method: 'GET', route: '/v2/sessions/{id}', status: 200, attempt: 2, retrying: false },
    ]);
    await c.request('GET', '/polls/6543abc/results', { query: { question: 1 } });
    expect(events[2]?.route).toBe('/v2/polls/{id}/results');
  });
});

describe('token re-mint on 401 (and on a 403 that blames the token)', () => {
  it('re-mints once and replays: the server sees two different tokens', async () => {
    server.handle((r) =>
      r.index === 0
        ? { status: 401, json: { code: 401, message: 'Token validation error' } }
        : { json: room },
    );
    const c = makeClient({ maxRetries: 0 });
    await expect(c.rooms.get('r1')).resolves.toMatchObject({ id: 'r1' });
    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests.map(tokenOf);
    expect(first).not.toBe(second);
    // The fresh token is kept for later calls.
    await c.rooms.get('r1');
    expect(tokenOf(server.requests[2] as RecordedRequest)).toBe(second);
  });

  it('surfaces a second 401 as HmsUnauthorizedError after exactly one replay', async () => {
    server.handle(() => ({
      status: 401,
      json: { code: 401, message: 'Token validation error', details: ['not found'] },
    }));
    const error = await failure(makeClient().rooms.get('r1'));
    expect(error).toBeInstanceOf(HmsUnauthorizedError);
    expect(server.requests).toHaveLength(2);
  });

  it('replays a POST once on a 403 that blames the token (nothing was done)', async () => {
    server.handle((r) =>
      r.index === 0
        ? { status: 403, json: { code: 403, message: 'Authentication error: token expired' } }
        : { json: job },
    );
    await expect(makeClient().recordings.start('r1')).resolves.toMatchObject({ id: 'j1' });
    expect(server.requests).toHaveLength(2);
    expect(tokenOf(server.requests[0] as RecordedRequest)).not.toBe(
      tokenOf(server.requests[1] as RecordedRequest),
    );
  });

  it('surfaces a business 403 at once: a fresh token would not change the answer', async () => {
    let signings = 0;
    server.handle(() => ({ status: 403, json: { message: 'Room is disabled' } }));
    const c = makeClient({ onTokenSigned: () => signings++ });
    const error = await failure(c.roomCodes.create('r1'));
    expect(error).toBeInstanceOf(HmsForbiddenError);
    expect(error.message).toBe('Room is disabled');
    expect(server.requests).toHaveLength(1);
    expect(signings).toBe(1);
  });

  it('replays a token-blaming 403 only once', async () => {
    server.handle(() => ({ status: 403, json: { data: { description: 'Error: invalid token' } } }));
    expect(await failure(makeClient().rooms.get('r1'))).toBeInstanceOf(HmsForbiddenError);
    expect(server.requests).toHaveLength(2);
  });

  it('re-mints once for many concurrent 401s with the same token', async () => {
    let signings = 0;
    const firstToken = deferred();
    let stale: string | undefined;
    server.handle((r) => {
      const token = tokenOf(r);
      stale ??= token;
      firstToken.resolve();
      return token === stale ? { status: 401, json: {} } : { json: room };
    });
    const c = makeClient({ onTokenSigned: () => signings++ });
    await Promise.all(Array.from({ length: 20 }, () => c.rooms.get('r1')));
    expect(signings).toBe(2);
  });
});

describe('retries', () => {
  it('waits out Retry-After: 1 on a 429 before retrying (timed at the server)', async () => {
    server.handle((r) =>
      r.index === 0
        ? { status: 429, json: { message: 'rate limit exceeded' }, headers: { 'retry-after': '1' } }
        : { json: room },
    );
    const c = makeClient({ sleep: undefined });
    await expect(c.rooms.get('r1')).resolves.toMatchObject({ id: 'r1' });
    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests as [RecordedRequest, RecordedRequest];
    // Lower bound only (ms truncation of Date.now allows 1 ms slack); no upper bound on timing.
    expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(999);
  });

  it('retries a 429 on a start-recording POST: the rate limiter refused it without acting', async () => {
    server.handle((r) => (r.index === 0 ? { status: 429, headers: { 'retry-after': '0' } } : { json: job }));
    await expect(makeClient().recordings.start('r1')).resolves.toMatchObject({ id: 'j1' });
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([0]);
  });

  it('gives up on 429 with HmsRateLimitedError carrying retryAfterSeconds', async () => {
    server.handle(() => ({ status: 429, json: { message: 'rate limit exceeded, retry after 45 seconds' } }));
    const error = await failure(makeClient({ maxRetries: 0 }).rooms.list());
    expect(error).toBeInstanceOf(HmsRateLimitedError);
    expect((error as HmsRateLimitedError).retryAfterSeconds).toBe(45);
  });

  it('does not wait out a Retry-After longer than the cap', async () => {
    server.handle(() => ({ status: 429, headers: { 'retry-after': '3600' } }));
    const error = await failure(makeClient().rooms.list());
    expect(error).toBeInstanceOf(HmsRateLimitedError);
    expect((error as HmsRateLimitedError).retryAfterSeconds).toBe(3600);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a 503 on a GET with jittered backoff, up to 1 + maxRetries attempts', async () => {
    server.handle(() => ({ status: 503, json: { message: 'unavailable' } }));
    const error = await failure(makeClient().sessions.get('s1'));
    expect(error).toBeInstanceOf(HmsServerError);
    expect(error.status).toBe(503);
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([100, 200]); // random 0.5 × 200·2^(n-1)
  });

  it('recovers when a retried GET succeeds', async () => {
    server.handle((r) => (r.index < 2 ? { status: 500 } : { json: { id: 's1', peers: {} } }));
    await expect(makeClient().sessions.get('s1')).resolves.toEqual({ id: 's1', peers: {} });
    expect(server.requests).toHaveLength(3);
  });

  it('never retries a 503 on a start-recording POST', async () => {
    server.handle(() => ({ status: 503, json: { message: 'unavailable' } }));
    const error = await failure(makeClient().recordings.start('r1', { audio_only: true }));
    expect(error).toBeInstanceOf(HmsServerError);
    expect(server.requests).toHaveLength(1);
  });

  it('never re-sends a POST that timed out', async () => {
    server.handle(() => 'hang');
    const error = await failure(makeClient({ timeoutMs: 150 }).recordings.start('r1'));
    expect(error).toBeInstanceOf(HmsTimeoutError);
    expect((error as HmsTimeoutError).requestSent).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a GET that timed out, then reports HmsTimeoutError', async () => {
    server.handle(() => 'hang');
    const events: UpstreamCallEvent[] = [];
    const error = await failure(
      makeClient({ timeoutMs: 100, onCall: (e) => events.push(e) }).rooms.get('r1'),
    );
    expect(error).toBeInstanceOf(HmsTimeoutError);
    expect(server.requests).toHaveLength(3);
    expect(events.map((e) => [e.status, e.retrying])).toEqual([
      [0, true],
      [0, true],
      [0, false],
    ]);
  });

  it('never re-sends a POST whose connection broke mid-request', async () => {
    server.handle(() => 'destroy');
    const error = await failure(makeClient().liveStreams.stop('j1'));
    expect(error).toBeInstanceOf(HmsConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  it('does retry a POST refused before sending (ECONNREFUSED), once something listens', async () => {
    const spare = await startTestServer(() => ({ json: job }));
    const port = spare.port;
    await spare.close(); // nothing listens on `port` now
    let revived: TestServer | undefined;
    const c = makeClient({
      baseUrl: `http://127.0.0.1:${port}/v2`,
      sleep: async () => {
        revived ??= await startTestServer(() => ({ json: job }), port);
      },
    });
    try {
      await expect(c.recordings.start('r1')).resolves.toMatchObject({ id: 'j1' });
      expect(revived?.requests).toHaveLength(1);
    } finally {
      await c.close();
      await revived?.close();
    }
  });

  it('reports refused connections as HmsConnectionError (kind refused) after the retries', async () => {
    const spare = await startTestServer();
    const port = spare.port;
    await spare.close();
    const error = await failure(makeClient({ baseUrl: `http://127.0.0.1:${port}/v2` }).rooms.get('r1'));
    expect(error).toBeInstanceOf(HmsConnectionError);
    expect((error as HmsConnectionError).kind).toBe('refused');
    expect(sleeps).toHaveLength(2);
  });

  it('does not retry 4xx answers', async () => {
    server.handle(() => ({
      status: 400,
      json: { message: 'Invalid body param: template. Use template_id' },
    }));
    const error = await failure(makeClient().rooms.create({ name: 'x' }));
    expect(error).toBeInstanceOf(HmsBadRequestError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('concurrency cap', () => {
  it('keeps at most maxConcurrency requests in flight (measured at the server) and completes all', async () => {
    server.handle(() => ({ json: room, delayMs: 5 }));
    const c = makeClient({ maxConcurrency: 8 });
    let clientPeak = 0;
    const calls = Array.from({ length: 200 }, (_, i) =>
      c.rooms.get(`r${i}`).finally(() => {
        clientPeak = Math.max(clientPeak, c.inFlight);
      }),
    );
    clientPeak = Math.max(clientPeak, c.inFlight);
    expect(c.inFlight).toBeLessThanOrEqual(8);
    const results = await Promise.all(calls);
    expect(results).toHaveLength(200);
    expect(server.requests).toHaveLength(200);
    expect(server.peakInFlight).toBeLessThanOrEqual(8);
    expect(server.peakInFlight).toBeGreaterThan(1); // it does run in parallel
    expect(clientPeak).toBeLessThanOrEqual(8);
    expect(c.inFlight).toBe(0);
  });

  it('holds for a burst of 1000 calls', async () => {
    server.handle(() => ({ json: room }));
    const c = makeClient({ maxConcurrency: 32 });
    await Promise.all(Array.from({ length: 1000 }, () => c.rooms.get('r1')));
    expect(server.requests).toHaveLength(1000);
    expect(server.peakInFlight).toBeLessThanOrEqual(32);
  });

  it('serves waiting calls in FIFO order', async () => {
    server.handle(() => ({ json: room, delayMs: 2 }));
    const c = makeClient({ maxConcurrency: 1 });
    await Promise.all(Array.from({ length: 10 }, (_, i) => c.rooms.get(`r${i}`)));
    expect(server.requests.map((r) => r.path)).toEqual(
      Array.from({ length: 10 }, (_, i) => `/v2/rooms/r${i}`),
    );
  });

  it('does not hold a slot while backing off', async () => {
    const gate = deferred();
    server.handle((r) => (r.path === '/v2/rooms/flaky' && r.index === 0 ? { status: 503 } : { json: room }));
    const c = makeClient({
      maxConcurrency: 1,
      sleep: async () => {
        // While the flaky call sleeps, another call gets the only slot.
        await c.rooms.get('other');
        gate.resolve();
      },
    });
    await c.rooms.get('flaky');
    await gate.promise;
    expect(server.requests.map((r) => r.path)).toEqual([
      '/v2/rooms/flaky',
      '/v2/rooms/other',
      '/v2/rooms/flaky',
    ]);
  });
});

describe('cancellation', () => {
  it('aborts an in-flight call', async () => {
    const arrived = deferred();
    server.handle(() => {
      arrived.resolve();
      return 'hang';
    });
    const controller = new AbortController();
    const call = failure(makeClient().rooms.get('r1', { signal: controller.signal }));
    await arrived.promise;
    controller.abort();
    const error = await call;
    expect(error).toBeInstanceOf(HmsAbortedError);
    expect(server.requests).toHaveLength(1);
  });

  it('cancels a pending backoff: no further attempt is made', async () => {
    server.handle(() => ({ status: 503, headers: { 'retry-after': '30' } }));
    const controller = new AbortController();
    // The injected sleep says when the client is in its backoff, and ends only when aborted.
    const sleeping = deferred();
    const c = makeClient({
      sleep: (_ms, signal) =>
        new Promise<void>((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(signal.reason), { once: true });
          sleeping.resolve();
        }),
    });
    const call = failure(c.rooms.get('r1', { signal: controller.signal }));
    await sleeping.promise;
    controller.abort();
    const error = await call;
    expect(error).toBeInstanceOf(HmsAbortedError);
    expect(server.requests).toHaveLength(1);
  });

  it('removes a queued call without sending it', async () => {
    const arrived = deferred();
    server.handle(() => {
      arrived.resolve();
      return { json: room, delayMs: 100 };
    });
    const c = makeClient({ maxConcurrency: 1 });
    const first = c.rooms.get('first');
    const controller = new AbortController();
    const queued = failure(c.rooms.get('queued', { signal: controller.signal }));
    await arrived.promise;
    controller.abort();
    expect(await queued).toBeInstanceOf(HmsAbortedError);
    await first;
    expect(server.requests.map((r) => r.path)).toEqual(['/v2/rooms/first']);
  });

  it('sends nothing for an already-aborted signal, and maps AbortSignal.timeout to a timeout', async () => {
    const c = makeClient();
    expect(await failure(c.rooms.get('r1', { signal: AbortSignal.abort() }))).toBeInstanceOf(HmsAbortedError);
    server.handle(() => 'hang');
    expect(await failure(c.rooms.get('r1', { signal: AbortSignal.timeout(30) }))).toBeInstanceOf(
      HmsTimeoutError,
    );
  });

  it('shares one listener per caller signal: no MaxListenersExceededWarning with many calls', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      server.handle((r) =>
        r.path.endsWith('/flaky') && r.index < 10 ? { status: 503 } : { json: room, delayMs: 2 },
      );
      const c = makeClient({ maxConcurrency: 4 });
      const { signal } = new AbortController();
      await Promise.all(
        Array.from({ length: 60 }, (_, i) => c.rooms.get(i % 6 === 0 ? 'flaky' : `r${i}`, { signal })),
      );
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('close() fails queued calls and refuses new ones', async () => {
    const arrived = deferred();
    server.handle(() => {
      arrived.resolve();
      return { json: room, delayMs: 50 };
    });
    const c = makeClient({ maxConcurrency: 1 });
    const running = c.rooms.get('a');
    const queued = failure(c.rooms.get('b'));
    await arrived.promise;
    const closing = c.close();
    const error = await queued;
    expect(error).toBeInstanceOf(HmsConnectionError);
    expect((error as HmsConnectionError).kind).toBe('closed');
    await expect(running).resolves.toMatchObject({ id: 'r1' });
    await closing;
    expect(await failure(c.rooms.get('c'))).toBeInstanceOf(HmsConnectionError);
  });
});

describe('pagination over the wire', () => {
  /** 25 rooms served 10 at a time, cursor = last id of the page. */
  function roomsServer(total: number, pageSize = 10) {
    const rooms = Array.from({ length: total }, (_, i) => ({
      ...room,
      id: `r${String(i).padStart(3, '0')}`,
    }));
    server.handle((r) => {
      const start =
        typeof r.query.start === 'string' ? rooms.findIndex((x) => x.id === r.query.start) + 1 : 0;
      const data = rooms.slice(start, start + pageSize);
      return { json: { limit: pageSize, data, last: data.at(-1)?.id ?? '' } };
    });
    return rooms;
  }

  it('walks every page with last and stops on the short page', async () => {
    roomsServer(25);
    const items = await collect(makeClient().rooms.iterate(), { max: 1000 });
    expect(items.map((r) => r.id)).toEqual(
      Array.from({ length: 25 }, (_, i) => `r${String(i).padStart(3, '0')}`),
    );
    expect(server.requests.map((r) => r.rawQuery)).toEqual(['', 'start=r009', 'start=r019']);
  });

  it('stops on last: "" even when the page is full', async () => {
    server.handle(() => ({
      json: { limit: 10, data: Array.from({ length: 10 }, (_, i) => ({ code: `c${i}` })), last: '' },
    }));
    const codes = await collect(makeClient().roomCodes.iterate('r1'), { max: 1000 });
    expect(codes).toHaveLength(10);
    expect(server.requests).toHaveLength(1);
  });

  it('fetches one extra (empty) page when the total is a multiple of the page size, then stops', async () => {
    roomsServer(20);
    const items = await collect(makeClient().rooms.iterate({ limit: 10 }), { max: 1000 });
    expect(items).toHaveLength(20);
    expect(server.requests.map((r) => r.rawQuery)).toEqual([
      'limit=10',
      'start=r009&limit=10',
      'start=r019&limit=10',
    ]);
  });

  it('honours max: no page beyond what is needed, and max as page size', async () => {
    roomsServer(1000, 100);
    const items = await collect(makeClient().rooms.iterate({}, { max: 30 }), { max: 1000 });
    expect(items).toHaveLength(30);
    expect(server.requests.map((r) => r.rawQuery)).toEqual(['limit=30']);
  });

  it('walks analytics pages with next (the SDK stopped after page 1)', async () => {
    const events = Array.from({ length: 7 }, (_, i) => ({
      id: `e${i}`,
      type: 'track.add.success',
      timestamp: ZERO,
    }));
    server.handle((r) => {
      const from = r.query.start ? Number(String(r.query.start).split('~')[1]) : 0;
      const page = events.slice(from, from + 3);
      const next = from + 3 < events.length ? `uuid:x:0~${from + 3}` : '';
      return { json: { limit: 3, total: events.length, next, events: page } };
    });
    const items = await collect(
      makeClient().analytics.iterateEvents({ room_id: 'r1', type: ['track.add.success'], limit: 3 }),
      {
        max: 100,
      },
    );
    expect(items.map((e) => e.id)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
    expect(items[0]?.timestamp).toBeNull();
    expect(server.requests.map((r) => r.query.start)).toEqual([undefined, 'uuid:x:0~3', 'uuid:x:0~6']);
    expect(
      server.requests.every((r) => r.query.room_id === 'r1' && r.query.type === 'track.add.success'),
    ).toBe(true);
  });

  it('continues past a server-capped page size (the SDK stopped early)', async () => {
    roomsServer(45, 20); // asked for 100, served 20 per page with limit: 20
    const items = await collect(makeClient().rooms.iterate({ limit: 100 }), { max: 1000 });
    expect(items).toHaveLength(45);
    expect(server.requests).toHaveLength(3);
  });
});

describe('secrets never leak', () => {
  it('no error, JSON, inspect output (with cause) or log line holds the secret, a token or "Bearer"', async () => {
    const logs: string[] = [];
    const capture =
      (level: string) =>
      (obj: object, msg?: string): void => {
        logs.push(`${level} ${msg ?? ''} ${JSON.stringify(obj)} ${inspect(obj, { depth: 10 })}`);
      };
    const logger: HmsLogger = {
      debug: capture('debug'),
      info: capture('info'),
      warn: capture('warn'),
      error: capture('error'),
    };

    const spare = await startTestServer();
    const closedPort = spare.port;
    await spare.close();

    const mode: { reply: (r: RecordedRequest) => Reply } = { reply: () => ({ json: {} }) };
    server.handle((r) => mode.reply(r));
    const c = makeClient({ logger, timeoutMs: 100, maxRetries: 1 });
    const refused = createHmsClient({
      accessKey: 'ak_integration',
      secret: SECRET,
      baseUrl: `http://127.0.0.1:${closedPort}/v2`,
      maxRetries: 0,
      logger,
    });

    // An upstream that echoes our Authorization header back is the worst case for a message.
    const echo = (status: number) => (r: RecordedRequest) => ({
      status,
      json: {
        code: status,
        message: `rejected ${r.headers.authorization}`,
        details: [String(r.headers.authorization)],
      },
    });
    const scenarios: Array<[string, () => Reply | ((r: RecordedRequest) => Reply), () => Promise<unknown>]> =
      [
        ['400 echo', () => echo(400), () => c.rooms.create({ name: 'x' })],
        ['401 echo', () => echo(401), () => c.rooms.get('r1')],
        ['403 echo', () => echo(403), () => c.recordings.start('r1')],
        ['404', () => ({ status: 404, json: { message: 'Room not found' } }), () => c.rooms.get('r1')],
        ['429', () => ({ status: 429, headers: { 'retry-after': '3600' } }), () => c.rooms.list()],
        ['500 echo', () => echo(500), () => c.sessions.get('s1')],
        ['timeout', () => 'hang', () => c.sessions.get('s1')],
        ['reset', () => 'destroy', () => c.recordings.stop('j1')],
        ['bad json', () => ({ raw: '{"size": 1e400, ' }), () => c.recordingAssets.get('a1')],
        ['unsafe size', () => ({ json: { id: 'a', size: 2 ** 60 } }), () => c.recordingAssets.get('a1')],
        ['aborted', () => 'hang', () => c.rooms.get('r1', { signal: AbortSignal.timeout(20) })],
        ['refused', () => ({ json: {} }), () => refused.recordings.start('r1')],
      ];

    const errors: unknown[] = [];
    for (const [label, reply, run] of scenarios) {
      const r = reply();
      mode.reply = typeof r === 'function' ? r : () => r;
      try {
        await run();
        throw new Error(`${label}: expected a failure`);
      } catch (error) {
        expect(error, label).toBeInstanceOf(HmsError);
        errors.push(error);
      }
    }
    await refused.close();

    const tokens = new Set(server.requests.map(tokenOf).filter(Boolean));
    expect(tokens.size).toBeGreaterThanOrEqual(2); // the 401 re-mint produced a second one
    const forbidden = [SECRET, 'Bearer', ...tokens];
    const outputs = [
      ...errors.flatMap((e) => [
        String((e as Error).message),
        JSON.stringify(e),
        inspect(e, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
        String((e as Error).stack),
      ]),
      ...logs,
      inspect(c, { depth: 5, showHidden: true }),
      JSON.stringify(c),
    ];
    for (const output of outputs) {
      for (const needle of forbidden)
        expect(output.includes(needle), `${needle.slice(0, 12)}… in ${output.slice(0, 200)}`).toBe(false);
    }
    expect(logs.length).toBeGreaterThan(0);
  });
});
