/**
 * `/v2/polls` (https://www.100ms.live/docs/server-side/v2/api-reference/polls/overview): polls,
 * their questions and options, the sessions they ran in, the answers peers gave and the per-peer
 * results. Answers come from the client SDK, which the emulator stands in for with
 * `simulate.answerPoll`; the REST side only reads them.
 */
import { createHash } from 'node:crypto';
import { Body, badRequest, invalidBodyParam, invalidQueryParam, notFound } from '../http.js';
import type { PollOption, PollQuestion, PollRecord, PollResponseRecord, PollRunRecord } from '../model.js';
import { LIMIT_1_100, paginate, resolveLimit } from '../paginate.js';
import { type Reply, type RouteContext, reply, route } from '../router.js';
import type { Store } from '../store.js';
import { formatTime } from '../time.js';

const MODES = ['userid', 'peerid'] as const;
const TYPES = ['poll', 'quiz'] as const;
const STARTS = ['auto', 'manual'] as const;
/** The docs' examples show `single-choice`; the client SDK's enum has the other three. */
const QUESTION_TYPES = new Set(['single-choice', 'multiple-choice', 'short-answer', 'long-answer']);
/** Not documented; a bound keeps a poll renderable (inferred). */
const MAX_QUESTIONS = 50;
const MAX_OPTIONS = 20;

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  field: string,
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw invalidBodyParam(field, `${field} must be one of ${allowed.join(', ')}`);
  return value as T;
}

function nonNegative(value: number | undefined, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (value < 0) throw invalidBodyParam(field, `${field} must not be negative`);
  return value;
}

function readOption(body: Body, index: number, field: string): PollOption {
  const given = body.int('index');
  const text = body.string('text') ?? '';
  const weight = body.int('weight') ?? 1;
  body.done();
  if (given !== undefined && given !== index)
    throw invalidBodyParam(`${field}.index`, `index must be ${index} (1-based position)`);
  return { index, text, weight };
}

function objectArray(value: unknown, field: string, max: number): Body[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalidBodyParam(field, 'expected an array');
  if (value.length > max) throw invalidBodyParam(field, `at most ${max} entries`);
  return value.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw invalidBodyParam(`${field}[${i}]`, 'expected object');
    return new Body(item as Record<string, unknown>, `${field}[${i}].`);
  });
}

/** `index` is the question's 1-based position; a body that names another index is a 400. */
export function readQuestion(body: Body, index: number, field = 'question'): PollQuestion {
  const given = body.int('index');
  const text = body.string('text') ?? '';
  const format = body.string('format') ?? 'text';
  const attachment = objectArray(body.raw('attachment'), `${field}.attachment`, 10).map((item) => {
    const type = item.string('type') ?? '';
    const url = item.string('url') ?? '';
    item.done();
    return { type, url };
  });
  const skippable = body.bool('skippable') ?? true;
  const duration = nonNegative(body.int('duration'), `${field}.duration`, 0);
  const once = body.bool('once') ?? false;
  const weight = body.int('weight') ?? 1;
  const minLen = nonNegative(body.int('answer_min_len'), `${field}.answer_min_len`, 0);
  const maxLen = nonNegative(body.int('answer_max_len'), `${field}.answer_max_len`, 0);
  const type = body.string('type') ?? 'single-choice';
  const answerBody = body.object('answer');
  const optionBodies = objectArray(body.raw('options'), `${field}.options`, MAX_OPTIONS);
  body.done();
  if (given !== undefined && given !== index)
    throw invalidBodyParam(`${field}.index`, `index must be ${index} (1-based position)`);
  if (!QUESTION_TYPES.has(type))
    throw invalidBodyParam(`${field}.type`, `type must be one of ${[...QUESTION_TYPES].join(', ')}`);
  if (maxLen > 0 && minLen > maxLen)
    throw invalidBodyParam(`${field}.answer_min_len`, 'answer_min_len must not exceed answer_max_len');
  const options = optionBodies.map((option, i) => readOption(option, i + 1, `${field}.options[${i}]`));
  let answer: PollQuestion['answer'] = null;
  if (answerBody) {
    const picked = answerBody.raw('options');
    if (
      picked !== undefined &&
      (!Array.isArray(picked) || picked.some((v) => !Number.isInteger(v) || v < 1 || v > options.length))
    )
      throw invalidBodyParam(`${field}.answer.options`, 'answer options are 1-based option indexes');
    answer = {
      hidden: answerBody.bool('hidden') ?? false,
      options: (picked as number[] | undefined) ?? [],
      text: answerBody.string('text') ?? '',
      case: answerBody.bool('case') ?? false,
      trim: answerBody.bool('trim') ?? false,
    };
    answerBody.done();
  }
  return {
    index,
    text,
    format,
    attachment,
    skippable,
    duration,
    once,
    weight,
    answer_min_len: minLen,
    answer_max_len: maxLen,
    type,
    answer,
    options,
  };
}

/** Create and rewrite share the body; every field is optional with the documented defaults. */
function readPoll(body: Body): Omit<PollRecord, 'id' | 'createdAt'> {
  const title = body.string('title') ?? '';
  const duration = nonNegative(body.int('duration'), 'duration', 0);
  const anonymous = body.bool('anonymous') ?? false;
  const mode = oneOf(body.string('mode'), MODES, 'mode', 'userid');
  const type = oneOf(body.string('type'), TYPES, 'type', 'poll');
  const start = oneOf(body.string('start'), STARTS, 'start', 'auto');
  const questions = objectArray(body.raw('questions'), 'questions', MAX_QUESTIONS).map((question, i) =>
    readQuestion(question, i + 1, `questions[${i}]`),
  );
  body.done();
  if (title.length > 250) throw invalidBodyParam('title', 'title must be at most 250 characters');
  return { title, duration, anonymous, mode, type, start, questions };
}

export function renderPoll(poll: PollRecord) {
  return {
    id: poll.id,
    title: poll.title,
    duration: poll.duration,
    anonymous: poll.anonymous,
    mode: poll.mode,
    type: poll.type,
    start: poll.start,
    questions: structuredClone(poll.questions).map(renderQuestion),
  };
}

function renderQuestion(question: PollQuestion) {
  const { answer, ...rest } = question;
  // Go's omitempty: a question without an answer key has no `answer`.
  return answer ? { ...rest, answer } : rest;
}

export function findPoll(store: Store, id: string): PollRecord {
  const poll = store.polls.get(id);
  if (!poll) throw notFound('Error: poll not found', `no poll with id ${id}`);
  return poll;
}

function questionAt(poll: PollRecord, raw: string): PollQuestion {
  const index = Number(raw);
  const question = Number.isInteger(index) ? poll.questions[index - 1] : undefined;
  if (!question) throw notFound('Error: question not found', `poll ${poll.id} has no question ${raw}`);
  return question;
}

function create(ctx: RouteContext) {
  const { store } = ctx;
  const fields = readPoll(ctx.body());
  const now = store.nowUs();
  const poll: PollRecord = { id: store.newId(now), ...fields, createdAt: now };
  store.polls.set(poll.id, poll);
  return renderPoll(poll);
}

/** "Given poll will be rewritten with new information": omitted fields return to their defaults. */
function rewrite(ctx: RouteContext) {
  const { store, params } = ctx;
  const fields = readPoll(ctx.body());
  const poll = findPoll(store, params.id as string);
  Object.assign(poll, fields);
  return renderPoll(poll);
}

/**
 * Rewrites question n; n = count + 1 appends (inferred: the docs only show rewriting, and this is
 * the one way to add a question without rewriting the poll).
 */
function upsertQuestion(ctx: RouteContext) {
  const { store, params } = ctx;
  const body = ctx.body();
  const poll = findPoll(store, params.id as string);
  const index = Number(params.question);
  if (!Number.isInteger(index) || index < 1 || index > poll.questions.length + 1)
    throw notFound('Error: question not found', `poll ${poll.id} has no question ${params.question}`);
  if (index > MAX_QUESTIONS) throw badRequest('Error: too many questions', `at most ${MAX_QUESTIONS}`);
  const question = readQuestion(body, index);
  poll.questions[index - 1] = question;
  return renderQuestion(structuredClone(question));
}

/** Later questions move up one index ("larger indexes are pushed one index backwards"). */
function deleteQuestion({ store, params, query }: RouteContext): Reply {
  query.done();
  const poll = findPoll(store, params.id as string);
  const question = questionAt(poll, params.question as string);
  poll.questions.splice(question.index - 1, 1);
  poll.questions.forEach((q, i) => {
    q.index = i + 1;
  });
  return reply(204, undefined);
}

function upsertOption(ctx: RouteContext) {
  const { store, params } = ctx;
  const body = ctx.body();
  const poll = findPoll(store, params.id as string);
  const question = questionAt(poll, params.question as string);
  const index = Number(params.option);
  if (!Number.isInteger(index) || index < 1 || index > question.options.length + 1)
    throw notFound('Error: option not found', `question ${question.index} has no option ${params.option}`);
  if (index > MAX_OPTIONS) throw badRequest('Error: too many options', `at most ${MAX_OPTIONS}`);
  const option = readOption(body, index, 'option');
  question.options[index - 1] = option;
  return { ...option };
}

function deleteOption({ store, params, query }: RouteContext): Reply {
  query.done();
  const poll = findPoll(store, params.id as string);
  const question = questionAt(poll, params.question as string);
  const index = Number(params.option);
  if (!Number.isInteger(index) || index < 1 || index > question.options.length)
    throw notFound('Error: option not found', `question ${question.index} has no option ${params.option}`);
  question.options.splice(index - 1, 1);
  question.options.forEach((option, i) => {
    option.index = i + 1;
  });
  // Answer keys point at option indexes: drop the deleted one and shift the later ones.
  if (question.answer)
    question.answer.options = question.answer.options
      .filter((o) => o !== index)
      .map((o) => (o > index ? o - 1 : o));
  return reply(204, undefined);
}

/* ---------------------------------------------------------------- sessions, responses, results */

function renderRun(store: Store, run: PollRunRecord) {
  const responses = [...store.pollResponses.values()].filter(
    (r) => r.pollId === run.pollId && r.sessionId === run.sessionId,
  );
  return {
    id: run.id,
    poll_id: run.pollId,
    session_id: run.sessionId,
    started_at: formatTime(run.startedAt),
    stopped_at: formatTime(run.stoppedAt),
    total_responses: responses.length,
    unique_participants: new Set(responses.map((r) => r.userId || r.peerId)).size,
  };
}

export function renderResponse(response: PollResponseRecord, anonymous: boolean) {
  return {
    id: response.id,
    poll_id: response.pollId,
    session_id: response.sessionId,
    duration: response.duration,
    question: response.question,
    skipped: response.skipped,
    text: response.text,
    // Choice answers carry the picked option indexes (inferred: the docs' example is a text answer).
    options: [...response.options],
    update: response.originalResponse !== '',
    original_response: response.originalResponse,
    retries: response.retries,
    sent_at: formatTime(response.sentAt),
    // "peer id or user id is not stored" for anonymous polls.
    peer_id: anonymous ? '' : response.peerId,
    user_id: anonymous ? '' : response.userId,
  };
}

/**
 * A result is one peer's score on one question: the question's weight when the answer matches
 * the key (quiz), else 0. Its id is derived from the response's, so reads never consume ids.
 */
function resultOf(poll: PollRecord, response: PollResponseRecord) {
  const question = poll.questions[response.question - 1];
  const key = question?.answer;
  let correct = false;
  if (key && !response.skipped) {
    if (key.options.length > 0) {
      const picked = [...response.options].sort((a, b) => a - b).join(',');
      correct = picked === [...key.options].sort((a, b) => a - b).join(',');
    } else if (key.text) {
      const norm = (t: string) => {
        const trimmed = key.trim ? t.trim() : t;
        return key.case ? trimmed : trimmed.toLowerCase();
      };
      correct = norm(response.text) === norm(key.text);
    }
  }
  return {
    id: resultId(response.id),
    poll_id: response.pollId,
    session_id: response.sessionId,
    question: response.question,
    duration: response.duration,
    peer_id: poll.anonymous ? '' : response.peerId,
    user_id: poll.anonymous ? '' : response.userId,
    score: correct ? (question?.weight ?? 1) : 0,
  };
}

export function resultId(responseId: string): string {
  return createHash('sha256').update(`${responseId}|result`).digest('hex').slice(0, 24);
}

function responsesOf(store: Store, poll: PollRecord): PollResponseRecord[] {
  return [...store.pollResponses.values()].filter((r) => r.pollId === poll.id);
}

/** Only the latest answer of each peer to each question counts (an update replaces the original). */
function currentResponses(responses: PollResponseRecord[]): PollResponseRecord[] {
  const replaced = new Set(responses.map((r) => r.originalResponse).filter(Boolean));
  return responses.filter((r) => !replaced.has(r.id));
}

function questionFilter(query: RouteContext['query']): number | undefined {
  const question = query.int('question');
  if (question !== undefined && question < 1) throw invalidQueryParam('question', 'question is 1-based');
  return question;
}

function pageOf<T extends { id: string; sortAt: number }>(
  items: T[],
  limit: number,
  start: string | undefined,
) {
  const key = (item: T) => ({ createdAt: item.sortAt, key: item.id });
  const byId = new Map(items.map((item) => [item.id, item]));
  return paginate(items, key, limit, start, (id) => {
    const item = byId.get(id);
    return item ? key(item) : undefined;
  });
}

/**
 * The docs' example names the list `responses` here too (a copy-paste in the docs, kept as
 * documented: https://www.100ms.live/docs/server-side/v2/api-reference/polls/get-polls-sessions-via-api).
 */
function listRuns({ store, params, query }: RouteContext) {
  const limit = resolveLimit(query.int('limit'), LIMIT_1_100);
  const start = query.string('start');
  query.done();
  const poll = findPoll(store, params.id as string);
  store.settlePolls();
  const runs = [...store.pollRuns.values()]
    .filter((run) => run.pollId === poll.id)
    .map((run) => ({ id: run.id, sortAt: run.startedAt, run }));
  const page = pageOf(runs, limit, start);
  return { last: page.last, limit, responses: page.items.map((item) => renderRun(store, item.run)) };
}

/**
 * The sessions page's curl names one session (`/sessions/{session_id}`) while its title lists
 * them all; both are served: this one answers the poll's run in that session.
 */
function getRun({ store, params, query }: RouteContext) {
  query.done();
  const poll = findPoll(store, params.id as string);
  store.settlePolls();
  const run = [...store.pollRuns.values()].find(
    (candidate) => candidate.pollId === poll.id && candidate.sessionId === params.session_id,
  );
  if (!run)
    throw notFound('Error: poll session not found', `poll ${poll.id} did not run in ${params.session_id}`);
  return renderRun(store, run);
}

function listResponses({ store, params, query }: RouteContext) {
  const limit = resolveLimit(query.int('limit'), LIMIT_1_100);
  const start = query.string('start');
  const all = query.bool('all') ?? false;
  const question = questionFilter(query);
  query.done();
  const poll = findPoll(store, params.id as string);
  const responses = responsesOf(store, poll);
  const chosen = (all ? responses : currentResponses(responses))
    .filter((r) => question === undefined || r.question === question)
    .map((r) => ({ id: r.id, sortAt: r.sentAt, r }));
  const page = pageOf(chosen, limit, start);
  return {
    last: page.last,
    limit,
    responses: page.items.map((item) => renderResponse(item.r, poll.anonymous)),
  };
}

function getResponse({ store, params, query }: RouteContext) {
  query.done();
  const poll = findPoll(store, params.id as string);
  const response = store.pollResponses.get(params.response_id as string);
  if (!response || response.pollId !== poll.id)
    throw notFound('Error: response not found', `poll ${poll.id} has no response ${params.response_id}`);
  return renderResponse(response, poll.anonymous);
}

function listResults({ store, params, query }: RouteContext) {
  const limit = resolveLimit(query.int('limit'), LIMIT_1_100);
  const start = query.string('start');
  const question = questionFilter(query);
  query.done();
  const poll = findPoll(store, params.id as string);
  const results = currentResponses(responsesOf(store, poll))
    .filter((r) => question === undefined || r.question === question)
    .map((r) => ({ id: resultId(r.id), sortAt: r.sentAt, r }));
  const page = pageOf(results, limit, start);
  return { last: page.last, limit, results: page.items.map((item) => resultOf(poll, item.r)) };
}

function getResult({ store, params, query }: RouteContext) {
  query.done();
  const poll = findPoll(store, params.id as string);
  const response = currentResponses(responsesOf(store, poll)).find(
    (r) => resultId(r.id) === params.result_id,
  );
  if (!response)
    throw notFound('Error: result not found', `poll ${poll.id} has no result ${params.result_id}`);
  return resultOf(poll, response);
}

export const pollRoutes = [
  route('POST', '/v2/polls', create),
  route('GET', '/v2/polls/{id}', ({ store, params, query }) => {
    query.done();
    return renderPoll(findPoll(store, params.id as string));
  }),
  route('POST', '/v2/polls/{id}', rewrite),
  route('POST', '/v2/polls/{id}/questions/{question}', upsertQuestion),
  route('DELETE', '/v2/polls/{id}/questions/{question}', deleteQuestion),
  route('POST', '/v2/polls/{id}/questions/{question}/options/{option}', upsertOption),
  route('DELETE', '/v2/polls/{id}/questions/{question}/options/{option}', deleteOption),
  route('GET', '/v2/polls/{id}/sessions', listRuns),
  route('GET', '/v2/polls/{id}/sessions/{session_id}', getRun),
  route('GET', '/v2/polls/{id}/responses', listResponses),
  route('GET', '/v2/polls/{id}/responses/{response_id}', getResponse),
  route('GET', '/v2/polls/{id}/results', listResults),
  route('GET', '/v2/polls/{id}/results/{result_id}', getResult),
];
