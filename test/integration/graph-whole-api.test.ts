/**
 * The parts of the 100ms API the SDK never wrapped (issue 16), over real HTTP against the
 * emulator: webhook deliveries and replays, peer quality, polls, stream keys, template writes,
 * transcription options and room recording/polls. Upstream calls are counted at the emulator and
 * never exceed the gateway's own estimate; inputs are validated before anything is sent; callers
 * without hms:admin or confined by hms_rooms get nothing they should not.
 */
import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.js';

/** Answers are read structurally here: every assertion names the fields it needs. */
type Json = ReturnType<typeof JSON.parse>;

const SECRET = 'test-gateway-secret-that-is-long-enough-0123456789';
const STANDUP = '659bbe6251e48eb4266d3928';
const TOWN_HALL = '64f6fdb0566fcf557214df80';
const ENDED_WITH_POLLS = '6907249850e5c99d69a28f51';
const PULSE_POLL = '68ee111032f676db85d0ffd7';
const QUIZ_POLL = '68ef6290f9b6f596af767c56';
const ACTIVE_KEY = '68f5fa2e9f037e8686e9c8c7';

async function bearer(claims: Record<string, unknown>) {
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('whole-api')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(SECRET));
  return { authorization: `Bearer ${token}` };
}

let stack: Stack;
let admin: Record<string, string>;

beforeAll(async () => {
  stack = await startStack({ gateway: { auth: 'jwt', jwtSecret: SECRET } });
  admin = await bearer({ scope: 'hms:read hms:write hms:admin' });
});
afterAll(() => stack?.close());
afterEach(() => stack.reset());

/** Runs a document and returns data, errors and the calls it made, checked against its estimate. */
async function counted(query: string, headers: Record<string, string> = admin, variables = {}) {
  stack.resetCalls();
  const res = await stack.gql(query, variables, headers);
  const calls = stack.calls();
  const cost = res.extensions?.cost as
    | { estimatedUpstreamCalls: number; actualUpstreamCalls: number }
    | undefined;
  if (cost) {
    expect(cost.actualUpstreamCalls).toBe(calls.total);
    expect(calls.total).toBeLessThanOrEqual(cost.estimatedUpstreamCalls);
  }
  return { data: res.data as Record<string, Json>, errors: res.errors, calls };
}

describe('webhook deliveries and replays', () => {
  it('lists a room’s deliveries in one call, with their room and session, paging by position', async () => {
    const first = await counted(`{ room(id: "${STANDUP}") { webhookDeliveries(first: 5) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { eventId eventType status timestamp webhookUrl errorReason roomId sessionId room { hmsId } } } } }`);
    expect(first.errors).toBeUndefined();
    const page = first.data.room.webhookDeliveries;
    expect(page.nodes).toHaveLength(5);
    expect(page.totalCount).toBeGreaterThan(5);
    expect(page.pageInfo.hasNextPage).toBe(true);
    for (const node of page.nodes) {
      expect(node.roomId).toBe(STANDUP);
      expect(node.room.hmsId).toBe(STANDUP);
      expect(['DELIVERED', 'FAILED']).toContain(node.status);
      expect(node.errorReason === null).toBe(node.status === 'DELIVERED');
    }
    expect(first.calls.byRoute['GET /v2/analytics/webhooks']).toBe(1);

    const next =
      await counted(`{ webhookDeliveries(roomId: "${STANDUP}", first: 5, after: "${page.pageInfo.endCursor}") {
      nodes { eventId } } }`);
    const seen = new Set(page.nodes.map((n: { eventId: string }) => n.eventId));
    expect(next.data.webhookDeliveries.nodes.every((n: { eventId: string }) => !seen.has(n.eventId))).toBe(
      true,
    );
  });

  it('filters failed deliveries and refuses a window 100ms would refuse, before any call', async () => {
    const failed = await counted(
      '{ webhookDeliveries(first: 50, filter: { status: FAILED }) { nodes { status errorReason } } }',
    );
    expect(failed.errors).toBeUndefined();
    expect(failed.data.webhookDeliveries.nodes.length).toBeGreaterThan(0);
    for (const node of failed.data.webhookDeliveries.nodes) expect(node.status).toBe('FAILED');

    const since = new Date(Date.now() - 40 * 24 * 3600 * 1000).toISOString();
    const old = await counted(`{ webhookDeliveries(filter: { since: "${since}" }) { totalCount } }`);
    expect(old.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const names = await counted(
      '{ webhookDeliveries(filter: { eventTypes: ["track.add.success"] }) { totalCount } }',
    );
    expect(names.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(old.calls.total + names.calls.total).toBe(0);
  });

  it('replays and reports progress by workflow id and as a node', async () => {
    const started = await counted(`mutation { replayWebhooks(input: { roomId: "${STANDUP}" }) {
      __typename ... on ReplayWebhooksSuccess { data { id workflowId state total alreadyRunning roomId } } } }`);
    const replay = started.data.replayWebhooks.data;
    expect(started.data.replayWebhooks.__typename).toBe('ReplayWebhooksSuccess');
    expect(replay).toMatchObject({ state: 'RUNNING', alreadyRunning: false, roomId: STANDUP });
    expect(started.calls.byRoute).toEqual({
      'POST /v2/analytics/webhooks/replay': 1,
      'GET /v2/analytics/webhooks/replay/{id}': 1,
    });
    const again = await counted(`mutation { replayWebhooks(input: { roomId: "${STANDUP}" }) {
      ... on ReplayWebhooksSuccess { data { workflowId alreadyRunning } } } }`);
    expect(again.data.replayWebhooks.data).toEqual({ workflowId: replay.workflowId, alreadyRunning: true });
    const node = await counted(`{ node(id: "${replay.id}") { ... on WebhookReplay { workflowId total } }
      webhookReplay(id: "${replay.workflowId}") { workflowId } }`);
    expect(node.data.node).toEqual({ workflowId: replay.workflowId, total: replay.total });
    expect(node.data.webhookReplay.workflowId).toBe(replay.workflowId);
  });

  it('validates a replay before sending it', async () => {
    const bad = await counted(`mutation { replayWebhooks(input: { limit: 60000 }) {
      __typename ... on ValidationError { field } } }`);
    expect(bad.data.replayWebhooks).toEqual({ __typename: 'ValidationError', field: 'input.limit' });
    expect(bad.calls.total).toBe(0);
  });

  it('is for hms:admin only, and never for a caller confined by hms_rooms', async () => {
    const reader = await bearer({ scope: 'hms:read hms:write' });
    const read = await counted('{ webhookDeliveries { totalCount } }', reader);
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(read.errors?.[0]?.message).toMatch(/hms:admin/);
    const replay = await counted('mutation { replayWebhooks(input: {}) { __typename } }', reader);
    expect(replay.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const confined = await bearer({ scope: 'hms:read hms:admin', hms_rooms: [STANDUP] });
    const own = await counted(`{ room(id: "${STANDUP}") { webhookDeliveries { totalCount } } }`, confined);
    expect(own.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(own.calls.byRoute['GET /v2/analytics/webhooks']).toBeUndefined();
  });
});

describe('peer quality', () => {
  it('loads one stats call per peer of an ended session, in bits per second', async () => {
    const res = await counted(`{ session(id: "${ENDED_WITH_POLLS}") { peerCount peerStats(first: 3) {
      peerId peer { name } publishedVideoBitrateBps receivedVideoBitrateBps averageRoundTripMs maxPacketLossPercent
      tracks { direction kind layer samples { bitrateBps } } } } }`);
    expect(res.errors).toBeUndefined();
    const stats = res.data.session.peerStats;
    expect(stats.length).toBeGreaterThan(0);
    expect(stats.length).toBeLessThanOrEqual(3);
    expect(res.calls.byRoute['GET /v2/analytics/peer-stats']).toBe(Math.min(3, res.data.session.peerCount));
    const publisher = stats.find(
      (s: { publishedVideoBitrateBps: number | null }) => s.publishedVideoBitrateBps,
    );
    expect(publisher.publishedVideoBitrateBps).toBeGreaterThan(100_000);
    expect(publisher.tracks.map((t: { layer: string | null }) => t.layer)).toContain('h');
  });

  it('is empty, and calls nothing, while the session is live', async () => {
    const res = await counted(`{ room(id: "${STANDUP}") { activeSession { peerStats { peerId } } } }`);
    expect(res.data.room.activeSession.peerStats).toEqual([]);
    expect(res.calls.byRoute['GET /v2/analytics/peer-stats']).toBeUndefined();
  });
});

describe('polls', () => {
  it('follows room → polls → runs/responses/results and session → polls with one call per item', async () => {
    const res =
      await counted(`{ room(id: "${STANDUP}") { polls { hmsId title type questions { index options { text } }
      runs(first: 5) { nodes { sessionId totalResponses } }
      responses(first: 3) { nodes { hmsId question } }
      results(first: 3) { nodes { hmsId score } } } } }`);
    expect(res.errors).toBeUndefined();
    const polls = res.data.room.polls;
    expect(polls.map((p: { hmsId: string }) => p.hmsId).sort()).toEqual([PULSE_POLL, QUIZ_POLL].sort());
    expect(res.calls.byRoute).toMatchObject({
      'GET /v2/rooms/{id}': 1,
      'GET /v2/polls/{id}': 2,
      'GET /v2/polls/{id}/sessions': 2,
      'GET /v2/polls/{id}/responses': 2,
      'GET /v2/polls/{id}/results': 2,
    });
    const quiz = polls.find((p: { hmsId: string }) => p.hmsId === QUIZ_POLL);
    const result = quiz.results.nodes[0];
    const one = await counted(`{ poll(id: "${QUIZ_POLL}") { result(id: "${result.hmsId}") { score }
      response(id: "${quiz.responses.nodes[0].hmsId}") { question } } }`);
    expect(one.data.poll.result.score).toBe(result.score);
    expect(one.calls.total).toBe(3);

    const session = await counted(
      `{ session(id: "${ENDED_WITH_POLLS}") { polls { pollId totalResponses poll { title } } } }`,
    );
    expect(session.errors).toBeUndefined();
    expect(session.data.session.polls.length).toBeGreaterThan(0);
    expect(session.calls.byRoute['GET /v2/polls/{id}/sessions/{session_id}']).toBe(2);
  });

  it('creates, edits and attaches a poll, validating before sending', async () => {
    const bad =
      await counted(`mutation { createPoll(input: { type: QUIZ, questions: [{ text: "?", type: SINGLE_CHOICE,
      options: [{ text: "only" }] }] }) { __typename ... on ValidationError { field } } }`);
    expect(bad.data.createPoll).toEqual({
      __typename: 'ValidationError',
      field: 'input.questions[0].options',
    });
    expect(bad.calls.total).toBe(0);

    const created =
      await counted(`mutation { createPoll(input: { title: "Retro", questions: [{ text: "Mood?", type: SINGLE_CHOICE,
      options: [{ text: "good" }, { text: "bad" }] }] }) { ... on CreatePollSuccess { data { id hmsId } } } }`);
    const poll = created.data.createPoll.data;
    expect(created.calls.byRoute).toEqual({ 'POST /v2/polls': 1 });
    const edited =
      await counted(`mutation { setPollOption(input: { pollId: "${poll.id}", questionIndex: 1, optionIndex: 3,
      option: { text: "meh" } }) { ... on SetPollOptionSuccess { data { questions { options { text } } } } } }`);
    expect(edited.data.setPollOption.data.questions[0].options.map((o: { text: string }) => o.text)).toEqual([
      'good',
      'bad',
      'meh',
    ]);
    const attached =
      await counted(`mutation { updateRoom(input: { roomId: "${TOWN_HALL}", pollIds: ["${poll.hmsId}"] }) {
      ... on UpdateRoomSuccess { data { polls { title } } } } }`);
    expect(attached.data.updateRoom.data.polls).toEqual([{ title: 'Retro' }]);
  });

  it('confines polls to the rooms that use them', async () => {
    const confined = await bearer({ scope: 'hms:read hms:write', hms_rooms: [TOWN_HALL] });
    const hidden = await counted(`{ poll(id: "${PULSE_POLL}") { title } }`, confined);
    expect(hidden.data.poll).toBeNull();
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(hidden.calls.byRoute['GET /v2/polls/{id}']).toBeUndefined();
    const edit = await counted(
      `mutation { removePollQuestion(input: { pollId: "${PULSE_POLL}", index: 1 }) { __typename } }`,
      confined,
    );
    expect(edit.data.removePollQuestion.__typename).toBe('ForbiddenError');
    const create = await counted('mutation { createPoll(input: { title: "x" }) { __typename } }', confined);
    expect(create.data.createPoll.__typename).toBe('ForbiddenError');
    expect(create.calls.byRoute['POST /v2/polls']).toBeUndefined();
    const own = await bearer({ scope: 'hms:read', hms_rooms: [STANDUP] });
    const visible = await counted(`{ poll(id: "${PULSE_POLL}") { title } }`, own);
    expect(visible.data.poll.title).toBeTruthy();
  });
});

describe('stream keys', () => {
  it('shows the active key, rotates it (disable, create) and refuses a second active key', async () => {
    const listed = await counted(
      `{ room(id: "${TOWN_HALL}") { streamKeys { hmsId url key enabled room { hmsId } } } }`,
    );
    expect(listed.data.room.streamKeys).toMatchObject([
      { hmsId: ACTIVE_KEY, enabled: true, room: { hmsId: TOWN_HALL } },
    ]);
    expect(listed.calls.byRoute['GET /v2/stream-keys/room/{id}']).toBe(1);

    const twice = await counted(
      `mutation { createStreamKey(input: { roomId: "${TOWN_HALL}" }) { __typename } }`,
    );
    expect(twice.data.createStreamKey.__typename).toBe('ValidationError');
    const disabled = await counted(`mutation { disableStreamKey(input: { roomId: "${TOWN_HALL}" }) {
      ... on DisableStreamKeySuccess { data { hmsId enabled } } } }`);
    expect(disabled.data.disableStreamKey.data).toEqual({ hmsId: ACTIVE_KEY, enabled: false });
    const none = await counted(`{ room(id: "${TOWN_HALL}") { streamKeys { hmsId } } }`);
    expect(none.data.room.streamKeys).toEqual([]);
    const fresh = await counted(`mutation { createStreamKey(input: { roomId: "${TOWN_HALL}" }) {
      ... on CreateStreamKeySuccess { data { hmsId enabled key } } } }`);
    expect(fresh.data.createStreamKey.data.enabled).toBe(true);
    expect(fresh.data.createStreamKey.data.hmsId).not.toBe(ACTIVE_KEY);
  });

  it('refuses another room’s keys to a confined caller before calling 100ms', async () => {
    const confined = await bearer({ scope: 'hms:read hms:write', hms_rooms: [STANDUP] });
    const res = await counted(
      `mutation { disableStreamKey(input: { roomId: "${TOWN_HALL}" }) { __typename } }`,
      confined,
    );
    expect(['ForbiddenError', 'NotFoundError']).toContain(res.data.disableStreamKey.__typename);
    expect(res.calls.byRoute['POST /v2/stream-keys/room/{id}/disable']).toBeUndefined();
  });
});

describe('template writes', () => {
  it('adds and removes a role, keeping the rest of the role and template', async () => {
    const tpl = await counted(
      `{ room(id: "${STANDUP}") { template { hmsId roles { name } recordingConfigs } } }`,
    );
    const id = tpl.data.room.template.hmsId;
    expect(Array.isArray(tpl.data.room.template.recordingConfigs)).toBe(true);
    const added =
      await counted(`mutation { setTemplateRole(input: { templateId: "${id}", roleName: "moderator",
      role: { priority: 2, publishes: ["audio"], permissions: { removeOthers: true } } }) {
      ... on SetTemplateRoleSuccess { data { role(name: "moderator") { priority publishes permissions { removeOthers mute } } } } } }`);
    expect(added.data.setTemplateRole.data.role).toEqual({
      priority: 2,
      publishes: ['audio'],
      permissions: { removeOthers: true, mute: false },
    });
    const removed =
      await counted(`mutation { removeTemplateRole(input: { templateId: "${id}", roleName: "moderator" }) {
      ... on RemoveTemplateRoleSuccess { data { roles { name } } } } }`);
    expect(removed.data.removeTemplateRole.data.roles.map((r: { name: string }) => r.name).sort()).toEqual(
      tpl.data.room.template.roles.map((r: { name: string }) => r.name).sort(),
    );
  });

  it('needs hms:admin and an unconfined caller', async () => {
    const writer = await bearer({ scope: 'hms:read hms:write' });
    const res = await counted('mutation { createTemplate(input: { name: "x" }) { __typename } }', writer);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const confinedAdmin = await bearer({ scope: 'hms:read hms:write hms:admin', hms_rooms: [STANDUP] });
    const confined = await counted(
      'mutation { createTemplate(input: { name: "x" }) { __typename } }',
      confinedAdmin,
    );
    expect(confined.data.createTemplate.__typename).toBe('ForbiddenError');
    expect(confined.calls.byRoute['POST /v2/templates']).toBeUndefined();
  });
});

describe('transcription options and room recording settings', () => {
  it('sends transcription options with a recording start, after checking them', async () => {
    const bad =
      await counted(`mutation { startRecording(input: { roomId: "${STANDUP}", meetingUrl: "https://a.app.100ms.live/preview/x/y",
      transcription: { summary: { enabled: true, temperature: 3 } } }) { __typename ... on ValidationError { field } } }`);
    expect(bad.data.startRecording).toEqual({
      __typename: 'ValidationError',
      field: 'input.transcription.summary.temperature',
    });
    expect(bad.calls.total).toBe(0);
    const ok =
      await counted(`mutation { startRecording(input: { roomId: "${STANDUP}", meetingUrl: "https://a.app.100ms.live/preview/x/y",
      transcription: { modes: [RECORDED], outputModes: [TXT, JSON], summary: { enabled: true,
        sections: [{ title: "Decisions", format: BULLETS }] } } }) {
      __typename ... on StartRecordingSuccess { data { hmsId } } } }`);
    expect(ok.data.startRecording.__typename).toBe('StartRecordingSuccess');
    const recordingId = ok.data.startRecording.data.hmsId as string;
    // What 100ms makes of the options once the recording is done: transcripts in the asked formats and a summary.
    stack.emulator.advanceJobs();
    await counted(`mutation { stopRecording(input: { recordingId: "${recordingId}" }) { __typename } }`);
    stack.emulator.advanceJobs();
    stack.emulator.advanceJobs();
    const assets = stack.emulator.state.assets(STANDUP).filter((a) => a.job_id === recordingId);
    const transcripts = assets.filter((a) => a.type === 'transcript');
    expect(transcripts.map((a) => (a.metadata as { output_mode?: string }).output_mode).sort()).toEqual([
      'json',
      'txt',
    ]);
    expect(assets.some((a) => a.type === 'summary')).toBe(true);
  });

  it('sets a room’s own recording storage and never returns its credentials', async () => {
    const res =
      await counted(`mutation { updateRoom(input: { roomId: "${TOWN_HALL}", recordingInfo: { storage: {
      type: S3, location: "my-bucket", region: "eu-west-1", credentials: { key: "AKIA", secret: "shh-secret" } } } }) {
      ... on UpdateRoomSuccess { data { recordingFollowsTemplate recordingInfo { enabled storage { type location region } } } } } }`);
    expect(res.data.updateRoom.data.recordingInfo).toEqual({
      enabled: false,
      storage: { type: 'S3', location: 'my-bucket', region: 'eu-west-1' },
    });
    expect(JSON.stringify(res)).not.toContain('shh-secret');
  });
});

describe('the RoomOperations document (GraphiQL’s third tab, schema/operations)', () => {
  it('shows every new part with seed data on the demo room, within the default budget', async () => {
    const { readFileSync } = await import('node:fs');
    const query = readFileSync('schema/operations/room-operations.graphql', 'utf8');
    const res = await counted(query, admin, { roomId: STANDUP });
    expect(res.errors).toBeUndefined();
    const room = res.data.room;
    expect(room.polls.map((p: { title: string }) => p.title).length).toBe(2);
    expect(room.polls.some((p: { runs: { nodes: unknown[] } }) => p.runs.nodes.length > 0)).toBe(true);
    expect(room.webhookDeliveries.totalCount).toBeGreaterThan(0);
    expect(room.template.recordingConfigs.length).toBeGreaterThan(0);
    const ended = room.sessions.nodes;
    expect(ended.some((s: { polls: unknown[] }) => s.polls.length > 0)).toBe(true);
    expect(ended.every((s: { peerStats: unknown[] }) => s.peerStats.length > 0)).toBe(true);
    expect(res.data.ingest.nodes[0].streamKeys[0].hmsId).toBe(ACTIVE_KEY);
    expect(res.calls.total).toBeLessThanOrEqual(50);
  });
});
