/**
 * Polls and RTMP ingest stream keys over HTTP: the seeded demo data, the write endpoints with
 * their validation, the session/response/result reads, and the `ingest.*` webhooks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_POLLS, SEED_ROOMS } from '../../src/emulator/index.js';
import { type Harness, OBJECT_ID, startHarness } from '../helpers/emulator-harness.js';
import { until } from '../helpers/live.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

interface Poll {
  id: string;
  title: string;
  start: string;
  type: string;
  questions: Array<{ index: number; text: string; options: Array<{ index: number; text: string }> }>;
}

let h: Harness;
let receiver: WebhookReceiver;
const received: Array<{ type: string; data: Record<string, unknown> }> = [];

beforeAll(async () => {
  receiver = await startWebhookReceiver((text) => {
    const body = JSON.parse(text);
    received.push({ type: body.type, data: body.data });
    return 200;
  });
  h = await startHarness({ webhook: { url: receiver.url } });
});
afterAll(async () => {
  await h.close();
  await receiver.close();
});

const pollBody = {
  title: 'Lunch',
  type: 'quiz',
  start: 'manual',
  questions: [
    {
      text: 'Pizza or pasta?',
      type: 'single-choice',
      options: [{ text: 'Pizza' }, { text: 'Pasta' }],
      answer: { options: [2] },
    },
    { text: 'Why?', type: 'short-answer', answer_max_len: 100 },
  ],
};

describe('seeded polls', () => {
  it('links two polls to product-standup, with runs, responses and scored results', async () => {
    const roomId = await h.roomId(SEED_ROOMS.live);
    const room = await h.raw(`/rooms/${roomId}`);
    const polls = h.emulator.state.polls();
    const pulse = polls.find((p) => p.title === SEED_POLLS.pulse) as Poll;
    const quiz = polls.find((p) => p.title === SEED_POLLS.quiz) as Poll;
    expect(room.json.polls).toEqual([pulse.id, quiz.id]);
    const runs = await h.raw(`/polls/${pulse.id}/sessions`);
    expect(Object.keys(runs.json).sort()).toEqual(['last', 'limit', 'responses']);
    const sessions = runs.json.responses as Array<{ session_id: string; total_responses: number }>;
    expect(sessions).toHaveLength(3);
    const live = h.emulator.state.activeSession(roomId);
    expect(sessions.map((s) => s.session_id)).toContain(live?.id);
    expect(sessions.every((s) => s.total_responses > 0)).toBe(true);
    const one = await h.raw(`/polls/${pulse.id}/sessions/${live?.id}`);
    expect(one.json).toMatchObject({ poll_id: pulse.id, session_id: live?.id });

    const all = await h.raw(`/polls/${quiz.id}/responses?all=true`);
    const current = await h.raw(`/polls/${quiz.id}/responses`);
    const allList = all.json.responses as Array<{ id: string; update: boolean; original_response: string }>;
    const currentList = current.json.responses as typeof allList;
    expect(allList.length).toBe(currentList.length + 1);
    const update = currentList.find((r) => r.update);
    expect(allList.map((r) => r.id)).toContain(update?.original_response);

    const results = await h.raw(`/polls/${quiz.id}/results?question=1`);
    const scored = results.json.results as Array<{
      id: string;
      user_id: string;
      score: number;
      question: number;
    }>;
    expect(scored.every((r) => r.question === 1)).toBe(true);
    // Alice and Carol (after her update) both picked the right answer, worth the question's weight.
    expect(scored.map((r) => r.score)).toEqual([10, 10]);
    const single = await h.raw(`/polls/${quiz.id}/results/${scored[0]?.id}`);
    expect(single.json).toEqual(scored[0]);
    const response = await h.raw(`/polls/${quiz.id}/responses/${currentList[0]?.id}`);
    expect(response.json.id).toBe(currentList[0]?.id);
  });
});

describe('poll writes', () => {
  it('creates, reads, rewrites and edits questions and options, re-indexing on delete', async () => {
    const created = await h.raw('/polls', { method: 'POST', body: pollBody });
    expect(created.status).toBe(200);
    const poll = created.json as unknown as Poll;
    expect(poll.id).toMatch(OBJECT_ID);
    expect(poll).toMatchObject({ title: 'Lunch', type: 'quiz', start: 'manual' });
    expect(poll.questions.map((q) => q.index)).toEqual([1, 2]);
    expect(poll.questions[0]?.options.map((o) => o.index)).toEqual([1, 2]);
    expect((await h.raw(`/polls/${poll.id}`)).json).toEqual(created.json);

    const option = await h.raw(`/polls/${poll.id}/questions/1/options/3`, {
      method: 'POST',
      body: { text: 'Salad', weight: 2 },
    });
    expect(option.json).toEqual({ index: 3, text: 'Salad', weight: 2 });
    const question = await h.raw(`/polls/${poll.id}/questions/3`, {
      method: 'POST',
      body: { text: 'Dessert?', type: 'single-choice', options: [{ text: 'Yes' }, { text: 'No' }] },
    });
    expect(question.json).toMatchObject({ index: 3, text: 'Dessert?' });
    expect((await h.raw(`/polls/${poll.id}/questions/1`, { method: 'DELETE' })).status).toBe(204);
    const after = (await h.raw(`/polls/${poll.id}`)).json as unknown as Poll;
    expect(after.questions.map((q) => [q.index, q.text])).toEqual([
      [1, 'Why?'],
      [2, 'Dessert?'],
    ]);
    expect((await h.raw(`/polls/${poll.id}/questions/2/options/1`, { method: 'DELETE' })).status).toBe(204);
    const trimmed = (await h.raw(`/polls/${poll.id}`)).json as unknown as Poll;
    expect(trimmed.questions[1]?.options).toEqual([{ index: 1, text: 'No', weight: 1 }]);

    const rewritten = await h.raw(`/polls/${poll.id}`, { method: 'POST', body: { title: 'Dinner' } });
    expect(rewritten.json).toMatchObject({
      id: poll.id,
      title: 'Dinner',
      type: 'poll',
      start: 'auto',
      questions: [],
    });
  });

  it('refuses malformed polls and unknown ids', async () => {
    const bad = [
      { type: 'survey' },
      { questions: [{ type: 'ranking' }] },
      { questions: [{ index: 2 }] },
      { questions: [{ options: [{ text: 'a' }], answer: { options: [3] } }] },
      { title: 'x', colour: 'red' },
    ];
    for (const body of bad) expect((await h.raw('/polls', { method: 'POST', body })).status).toBe(400);
    expect((await h.raw('/polls/aaaaaaaaaaaaaaaaaaaaaaaa')).status).toBe(404);
    const roomId = await h.roomId(SEED_ROOMS.empty);
    const link = await h.raw(`/rooms/${roomId}`, {
      method: 'POST',
      body: { polls: ['aaaaaaaaaaaaaaaaaaaaaaaa'] },
    });
    expect(link.status).toBe(400);
  });

  it('runs an auto poll when the linked room starts a session; answers show up as responses and results', async () => {
    const created = await h.raw('/polls', { method: 'POST', body: { ...pollBody, start: 'auto' } });
    const pollId = created.json.id as string;
    const roomId = await h.roomId(SEED_ROOMS.webinar);
    expect(
      (await h.raw(`/rooms/${roomId}`, { method: 'POST', body: { polls: [pollId] } })).json.polls,
    ).toEqual([pollId]);
    const session = h.emulator.simulate.startSession(roomId, [{ name: 'Ann', role: 'host', userId: 'ann' }]);
    const peerId = Object.keys(session.peers ?? {})[0] as string;
    h.emulator.simulate.answerPoll(roomId, pollId, peerId, { question: 1, options: [2] });
    h.emulator.simulate.answerPoll(roomId, pollId, peerId, { question: 2, text: 'carbs' });
    const runs = await h.raw(`/polls/${pollId}/sessions`);
    expect(runs.json.responses).toEqual([
      expect.objectContaining({ session_id: session.id, total_responses: 2, unique_participants: 1 }),
    ]);
    const results = await h.raw(`/polls/${pollId}/results`);
    const byQuestion = Object.fromEntries(
      (results.json.results as Array<{ question: number; score: number }>).map((r) => [r.question, r.score]),
    );
    expect(byQuestion).toEqual({ 1: 1, 2: 0 });
    h.emulator.simulate.leavePeer(roomId, peerId);
    const closed = await h.raw(`/polls/${pollId}/sessions/${session.id}`);
    expect(closed.json.stopped_at).not.toBe('0001-01-01T00:00:00Z');
  });
});

describe('stream keys', () => {
  it('seeds an active key for town-hall', async () => {
    const roomId = await h.roomId(SEED_ROOMS.big);
    const keys = await h.raw(`/stream-keys/room/${roomId}`);
    const data = keys.json.data as Array<{ id: string; enabled: boolean; url: string; key: string }>;
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({
      enabled: true,
      url: expect.stringMatching(/^rtmp:\/\//),
      room_id: roomId,
    });
    expect(keys.json.last).toBe(data[0]?.id);
    expect(h.emulator.state.streamKeys(roomId)).toHaveLength(2);
  });

  it('creates one active key per room, disables it, and reports ingest webhooks', async () => {
    const roomId = await h.roomId(SEED_ROOMS.externalStreams);
    expect((await h.raw(`/stream-keys/room/${roomId}`)).json.message).toBe('No active key found');
    const created = await h.raw(`/stream-keys/room/${roomId}`, { method: 'POST' });
    expect(created.status).toBe(200);
    expect(Object.keys(created.json).sort()).toEqual(
      ['app_id', 'created_at', 'customer_id', 'enabled', 'id', 'key', 'room_id', 'updated_at', 'url'].sort(),
    );
    const again = await h.raw(`/stream-keys/room/${roomId}`, { method: 'POST' });
    expect([again.status, again.json.message]).toEqual([400, 'Active key already exists']);

    received.length = 0;
    const ingestId = h.emulator.simulate.startIngest(roomId);
    const disabled = await h.raw(`/stream-keys/room/${roomId}/disable`, { method: 'POST' });
    expect(disabled.json).toEqual({ message: 'key disabled successfully' });
    expect((await h.raw(`/stream-keys/room/${roomId}`)).status).toBe(404);
    await until(() => received.some((r) => r.type === 'ingest.end.success'));
    expect(received.find((r) => r.type === 'ingest.start.success')?.data).toMatchObject({
      room_id: roomId,
      ingest_id: ingestId,
      stream_id: expect.any(String),
      started_at: expect.any(String),
    });
    expect(received.find((r) => r.type === 'ingest.end.success')?.data).toMatchObject({
      ingest_id: ingestId,
      reason: 'key disabled',
      duration: expect.any(Number),
    });

    await h.raw(`/stream-keys/room/${roomId}`, { method: 'POST' });
    received.length = 0;
    h.emulator.simulate.startIngest(roomId);
    h.emulator.simulate.failIngest(roomId, 'encoder went away');
    await until(() => received.some((r) => r.type === 'ingest.failure'));
    expect(received.find((r) => r.type === 'ingest.failure')?.data).toMatchObject({
      room_id: roomId,
      error_message: 'encoder went away',
    });
    h.emulator.simulate.failIngest(roomId, 'stream key rejected');
    await until(() => received.some((r) => r.type === 'ingest.start.failure'));
    const refused = received.find((r) => r.type === 'ingest.start.failure')?.data;
    expect(refused).toMatchObject({ room_id: roomId, error_message: 'stream key rejected' });
    expect(refused).not.toHaveProperty('ingest_id');
  });

  it('answers 403 for a disabled room and 404 for an unknown one', async () => {
    const archived = await h.roomId(SEED_ROOMS.disabled);
    expect((await h.raw(`/stream-keys/room/${archived}`, { method: 'POST' })).status).toBe(403);
    expect((await h.raw('/stream-keys/room/aaaaaaaaaaaaaaaaaaaaaaaa', { method: 'POST' })).status).toBe(404);
  });
});
