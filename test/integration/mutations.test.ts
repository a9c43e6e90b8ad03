import { jwtVerify } from 'jose';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  RoomCodesDocument,
  SetRoomCodeEnabledDocument,
  StartRecordingDocument,
  StopRecordingDocument,
} from '../../examples/dashboard/src/generated/graphql.js';
import { type Stack, startStack } from '../helpers/stack.js';

let stack: Stack;
let live: { id: string; name: string };
let disabled: { id: string };

const ERR = `... on Error { __typename message code } ... on ValidationError { field } ... on RateLimitedError { retryAfterSeconds } ... on UpstreamError { outcomeUnknown }`;

/** A mutation's union answer as `mutate` selects it: the success's `data`, or an error's fields. */
interface Payload<D> {
  __typename: string;
  data: D;
  message?: string;
  code?: string;
  field?: string | null;
  retryAfterSeconds?: number | null;
  outcomeUnknown?: boolean;
}

async function mutate<D = Record<string, unknown>>(
  name: string,
  input: Record<string, unknown>,
  selection: string,
  headers = {},
): Promise<Payload<D>> {
  const type = `${name[0]?.toUpperCase()}${name.slice(1)}`;
  const res = await stack.gql<Record<string, Payload<D>>>(
    `mutation($input: ${type}Input!) { ${name}(input: $input) { __typename ... on ${type}Success { data { ${selection} } } ${ERR} } }`,
    { input },
    headers,
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const payload = res.data?.[name];
  if (!payload) throw new Error(`no ${name} in ${JSON.stringify(res)}`);
  return payload;
}

function lastWire(route: string) {
  return stack.emulator
    .stats()
    .log.filter((entry) => entry.route === route)
    .at(-1);
}

beforeAll(async () => {
  stack = await startStack();
  const rooms = await stack.hms.rooms.list({ limit: 100 });
  live = rooms.items.find((r) => r.name === 'product-standup') as { id: string; name: string };
  disabled = rooms.items.find((r) => r.name === 'archived-2023') as { id: string };
});
afterAll(() => stack?.close());
beforeEach(() => stack.resetCalls());
// Every test here changes the shared emulator (rooms, codes, jobs, the live room itself): back to
// the seed after each, gateway cache included, so the tests pass in any order.
afterEach(() => stack.reset());

describe('rooms', () => {
  it('creates a room (upsert by name) and shows it in a follow-up query', async () => {
    const created = await mutate<{ id: string; hmsId: string }>(
      'createRoom',
      { name: 'gql-new-room', description: 'made by a test', maxDurationSeconds: 3600 },
      'id hmsId name description enabled maxDurationSeconds',
    );
    expect(created.__typename).toBe('CreateRoomSuccess');
    expect(created.data).toMatchObject({
      name: 'gql-new-room',
      description: 'made by a test',
      enabled: true,
      maxDurationSeconds: 3600,
    });
    const again = await mutate(
      'createRoom',
      { name: 'gql-new-room', description: 'changed' },
      'hmsId description',
    );
    expect(again.data.hmsId).toBe(created.data.hmsId);
    const res = await stack.gql<{ room: { description: string | null } }>(
      `query($id: ID!) { room(id: $id) { description } }`,
      { id: created.data.id },
    );
    expect(res.data?.room.description).toBe('changed');
  });

  it('validates before calling upstream and names the field', async () => {
    for (const [input, field] of [
      [{ name: 'bad name & co' }, 'input.name'],
      [{ name: 'ok', maxDurationSeconds: 60 }, 'input.maxDurationSeconds'],
      [{ name: 'ok', maxDurationSeconds: 43_201 }, 'input.maxDurationSeconds'],
      [{ name: 'ok', size: 5000 }, 'input.size'],
      [{ name: 'ok', webhook: { url: 'ftp://x' } }, 'input.webhook.url'],
    ] as const) {
      const result = await mutate('createRoom', input, 'id');
      expect(result.__typename).toBe('ValidationError');
      expect(result.field).toBe(field);
      expect(result.code).toBe('VALIDATION_FAILED');
    }
    expect(stack.calls().total).toBe(0);
  });

  it('updates and disables a room; the follow-up query sees it', async () => {
    const created = await mutate<{ hmsId: string }>('createRoom', { name: 'gql-toggle' }, 'hmsId');
    const updated = await mutate(
      'updateRoom',
      { roomId: created.data.hmsId, description: 'v2' },
      'description',
    );
    expect(updated.data.description).toBe('v2');
    const off = await mutate('setRoomEnabled', { roomId: created.data.hmsId, enabled: false }, 'enabled');
    expect(off.data.enabled).toBe(false);
    const res = await stack.gql<{ room: { enabled: boolean } }>(
      `query($id: ID!) { room(id: $id) { enabled } }`,
      {
        id: created.data.hmsId,
      },
    );
    expect(res.data?.room.enabled).toBe(false);
  });

  it('maps an unknown room to NotFoundError', async () => {
    const result = await mutate('updateRoom', { roomId: 'aaaaaaaaaaaaaaaaaaaaaaaa', description: 'x' }, 'id');
    expect(result.__typename).toBe('NotFoundError');
  });
});

describe('room codes', () => {
  it('creates codes for every role and for one role, and toggles one', async () => {
    type Code = { code: string; role: string; enabled: boolean };
    const all = await mutate<Code[]>('createRoomCodes', { roomId: live.id }, 'code role enabled');
    expect(all.data.length).toBeGreaterThan(1);
    const one = await mutate<Code[]>('createRoomCodes', { roomId: live.id, role: 'guest' }, 'code role');
    expect(one.data).toHaveLength(1);
    const guest = one.data[0] as Code;
    expect(guest.role).toBe('guest');
    const off = await stack.run(SetRoomCodeEnabledDocument, { input: { code: guest.code, enabled: false } });
    expect(off.data?.setRoomCodeEnabled).toMatchObject({
      __typename: 'SetRoomCodeEnabledSuccess',
      data: { code: guest.code, enabled: false },
    });
    const res = await stack.run(RoomCodesDocument, { roomId: live.id });
    expect(res.data?.room?.roomCodes?.find((c) => c.code === guest.code)?.enabled).toBe(false);
  });

  it('refuses an unknown role without calling create, and a disabled room as Forbidden', async () => {
    const bad = await mutate('createRoomCodes', { roomId: live.id, role: 'no-such-role' }, 'code');
    expect(bad).toMatchObject({ __typename: 'ValidationError', field: 'input.role' });
    expect(stack.calls().byRoute['POST /v2/room-codes/room/{id}/role/{role}']).toBeUndefined();
    const forbidden = await mutate('createRoomCodes', { roomId: disabled.id }, 'code');
    expect(forbidden.__typename).toBe('ForbiddenError');
  });
});

describe('recordings', () => {
  it('starts a recording (STARTING in the payload), stops it, and stops all', async () => {
    const started = await stack.run(StartRecordingDocument, {
      input: { roomId: live.id, meetingUrl: 'https://x.app.100ms.live/preview/r/host' },
    });
    const recording = started.data?.startRecording;
    if (recording?.__typename !== 'StartRecordingSuccess') throw new Error(JSON.stringify(started));
    expect(recording.data.status).toBe('STARTING');
    stack.emulator.advanceJobs();
    const stopped = await stack.run(StopRecordingDocument, { input: { recordingId: recording.data.id } });
    expect(stopped.data?.stopRecording).toMatchObject({ data: { status: 'STOPPING' } });
    const all = await mutate('stopRoomRecordings', { roomId: live.id }, 'hmsId');
    expect(Array.isArray(all.data)).toBe(true);
  });

  it('maps upstream 400/403/429/503 to typed errors', async () => {
    for (const [status, typename] of [
      [400, 'ValidationError'],
      [403, 'ForbiddenError'],
      [404, 'NotFoundError'],
      [429, 'RateLimitedError'],
      [503, 'UpstreamError'],
    ] as const) {
      stack.emulator.setFaults([
        {
          route: 'POST /v2/recordings/room/{id}/start',
          kind: 'status',
          status,
          retryAfterSeconds: 3,
          times: 1,
        },
      ]);
      const result = await mutate('startRecording', { roomId: live.id }, 'id');
      expect(result.__typename).toBe(typename);
      if (typename === 'RateLimitedError') expect(result.retryAfterSeconds).toBe(3);
    }
  });

  it('never re-sends a stop that timed out', async () => {
    const slow = await startStack({ client: { timeoutMs: 300, maxRetries: 2 } });
    try {
      const room = (await slow.hms.rooms.list({ name: 'product-standup' })).items[0]?.id as string;
      const rec = await slow.hms.recordings.start(room, {});
      slow.emulator.advanceJobs();
      slow.emulator.setFaults([{ route: 'POST /v2/recordings/{id}/stop', kind: 'delay', delayMs: 1500 }]);
      slow.emulator.resetStats();
      const res = await slow.gql(
        `mutation($input: StopRecordingInput!) { stopRecording(input: $input) { __typename ... on UpstreamError { outcomeUnknown } } }`,
        { input: { recordingId: rec.id } },
      );
      expect(res.data?.stopRecording).toEqual({ __typename: 'UpstreamError', outcomeUnknown: true });
      // No waiting for the 1.5 s delay to pass: the emulator counts a request when it arrives, and
      // the gateway answers only after the client's last attempt, so any retry is counted by now.
      expect(slow.calls().byRoute['POST /v2/recordings/{id}/stop']).toBe(1);
    } finally {
      await slow.close();
    }
  });
});

describe('streams', () => {
  it('starts and stops a live stream, sends timed metadata, pauses and resumes its recording', async () => {
    const started = await mutate<{ id: string; status: string; playbackUrl: string }>(
      'startLiveStream',
      { roomId: live.id, recording: { hlsVod: true } },
      'id status playbackUrl',
    );
    expect(started.data.status).toBe('STARTING');
    expect(started.data.playbackUrl).toMatch(/m3u8/);
    stack.emulator.advanceJobs();
    const meta = await mutate(
      'sendTimedMetadata',
      { liveStreamId: started.data.id, payload: 'poll:1', duration: 10 },
      'hmsId',
    );
    expect(meta.__typename).toBe('SendTimedMetadataSuccess');
    expect(lastWire('POST /v2/live-streams/{id}/timed-metadata')?.body).toEqual({
      payload: 'poll:1',
      duration: 10,
    });
    expect(
      (await mutate('pauseLiveStreamRecording', { liveStreamId: started.data.id }, 'hmsId')).__typename,
    ).toBe('PauseLiveStreamRecordingSuccess');
    expect(
      (await mutate('resumeLiveStreamRecording', { liveStreamId: started.data.id }, 'hmsId')).__typename,
    ).toBe('ResumeLiveStreamRecordingSuccess');
    const stopped = await mutate<{ status: string }>(
      'stopLiveStream',
      { liveStreamId: started.data.id },
      'status',
    );
    expect(stopped.data.status).toBe('STOPPING');
    expect((await mutate('stopRoomLiveStreams', { roomId: live.id }, 'hmsId')).__typename).toBe(
      'StopRoomLiveStreamsSuccess',
    );
  });

  it('validates timed metadata and RTMP URLs before calling upstream', async () => {
    const long = await mutate(
      'sendTimedMetadata',
      { liveStreamId: 'aaaaaaaaaaaaaaaaaaaaaaaa', payload: 'x'.repeat(101), duration: 5 },
      'hmsId',
    );
    expect(long).toMatchObject({ __typename: 'ValidationError', field: 'input.payload' });
    for (const rtmpUrls of [[], ['https://a/b'], Array.from({ length: 6 }, (_, i) => `rtmp://h/${i}`)]) {
      const bad = await mutate('startExternalStream', { roomId: live.id, rtmpUrls }, 'id');
      expect(bad).toMatchObject({ __typename: 'ValidationError', field: 'input.rtmpUrls' });
    }
    expect(stack.calls().total).toBe(0);
  });

  it('starts and stops an external stream', async () => {
    const started = await mutate<{ id: string; status: string }>(
      'startExternalStream',
      { roomId: live.id, rtmpUrls: ['rtmp://a.rtmp.youtube.com/live2/k'], recording: true },
      'id status rtmpUrls',
    );
    expect(started.data.status).toBe('STARTING');
    stack.emulator.advanceJobs();
    expect(
      (
        await mutate<{ status: string }>(
          'stopExternalStream',
          { externalStreamId: started.data.id },
          'status',
        )
      ).data.status,
    ).toBe('STOPPING');
    expect((await mutate('stopRoomExternalStreams', { roomId: live.id }, 'hmsId')).__typename).toBe(
      'StopRoomExternalStreamsSuccess',
    );
  });
});

describe('active rooms', () => {
  it('sends a direct message with peer_id on the wire', async () => {
    const peers = await stack.hms.activeRooms.listPeers(live.id);
    const peerId = Object.keys(peers)[0] as string;
    const result = await mutate(
      'sendMessage',
      { roomId: live.id, message: 'hi', peerId },
      'broadcast peerId',
    );
    expect(result.data).toEqual({ broadcast: false, peerId });
    expect(lastWire('POST /v2/active-rooms/{id}/send-message')?.body).toEqual({
      message: 'hi',
      peer_id: peerId,
    });
  });

  it('broadcasts, targets a role, and refuses blank messages or both targets', async () => {
    expect(
      (await mutate<{ broadcast: boolean }>('sendMessage', { roomId: live.id, message: 'all' }, 'broadcast'))
        .data.broadcast,
    ).toBe(true);
    await mutate('sendMessage', { roomId: live.id, message: 'hosts', role: 'host' }, 'role');
    expect(lastWire('POST /v2/active-rooms/{id}/send-message')?.body).toEqual({
      message: 'hosts',
      role: 'host',
    });
    expect(await mutate('sendMessage', { roomId: live.id, message: '  ' }, 'broadcast')).toMatchObject({
      field: 'input.message',
    });
    expect(
      await mutate('sendMessage', { roomId: live.id, message: 'x', peerId: 'p', role: 'host' }, 'broadcast'),
    ).toMatchObject({
      __typename: 'ValidationError',
    });
  });

  it('updates a peer, removes a peer, and ends the room with lock', async () => {
    const room = await mutate<{ hmsId: string }>('createRoom', { name: 'gql-live-ops' }, 'hmsId');
    // Give the fresh room a live session through the emulator's own simulation hooks.
    const peers = await stack.hms.activeRooms.listPeers(live.id);
    const [first, second] = Object.keys(peers) as [string, string];
    const updated = await mutate(
      'updatePeer',
      { roomId: live.id, peerId: first, name: 'Renamed', role: 'guest' },
      'peerId name role',
    );
    expect(updated.data).toMatchObject({ peerId: first, name: 'Renamed', role: 'guest' });
    const badRole = await mutate('updatePeer', { roomId: live.id, peerId: first, role: 'nope' }, 'peerId');
    expect(badRole).toMatchObject({ __typename: 'ValidationError', field: 'input.role' });
    const neither = await mutate('removePeers', { roomId: live.id }, 'roomId');
    expect(neither.__typename).toBe('ValidationError');
    const removed = await mutate<{ peerId: string }>(
      'removePeers',
      { roomId: live.id, peerId: second, reason: 'test' },
      'peerId',
    );
    expect(removed.data.peerId).toBe(second);
    const ended = await mutate(
      'endActiveRoom',
      { roomId: live.id, reason: 'done', lock: true },
      'hmsId enabled',
    );
    expect(ended.data).toEqual({ hmsId: live.id, enabled: false });
    const gone = await stack.gql<{ activeRoom: { hmsId: string } | null }>(
      `query($id: ID!) { activeRoom(roomId: $id) { hmsId } }`,
      { id: live.id },
    );
    expect(gone.data?.activeRoom).toBeNull();
    const notLive = await mutate('sendMessage', { roomId: room.data.hmsId, message: 'anyone?' }, 'broadcast');
    expect(notLive.__typename).toBe('NotFoundError');
  });
});

describe('idempotency', () => {
  it('replays the first result for the same key and input, and refuses another input', async () => {
    const headers = { 'idempotency-key': 'create-once-1' };
    const first = await mutate('createRoom', { name: 'gql-idem' }, 'hmsId', headers);
    stack.resetCalls();
    const second = await mutate('createRoom', { name: 'gql-idem' }, 'hmsId', headers);
    expect(second).toEqual(first);
    expect(stack.calls().total).toBe(0);
    const conflict = await mutate('createRoom', { name: 'gql-other' }, 'hmsId', headers);
    expect(conflict.__typename).toBe('ValidationError');
    expect(stack.calls().total).toBe(0);
  });
});

describe('createAuthToken', () => {
  it('mints an app token with exactly the documented app-token claims', async () => {
    const result = await mutate<{ token: string; expiresAt: string }>(
      'createAuthToken',
      { roomId: live.id, role: 'guest', userId: 'u-42', validForSeconds: 600 },
      'token expiresAt roomId role userId',
    );
    const { payload, protectedHeader } = await jwtVerify(
      result.data.token,
      new TextEncoder().encode(stack.emulator.secret),
      {
        algorithms: ['HS256'],
      },
    );
    expect(protectedHeader).toMatchObject({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toMatchObject({
      access_key: stack.emulator.accessKey,
      type: 'app',
      version: 2,
      room_id: live.id,
      role: 'guest',
      user_id: 'u-42',
    });
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect((payload.exp as number) - (payload.nbf as number)).toBe(600);
    expect(typeof payload.iat).toBe('number');
    expect(new Date(result.data.expiresAt).getTime()).toBe((payload.exp as number) * 1000);
    expect(JSON.stringify(result)).not.toContain(stack.emulator.secret);
  });

  it('refuses an unknown role and mints nothing', async () => {
    const result = await mutate('createAuthToken', { roomId: live.id, role: 'ghost' }, 'token');
    expect(result).toMatchObject({ __typename: 'ValidationError', field: 'input.role' });
    expect(JSON.stringify(result)).not.toMatch(/eyJ/);
  });
});
