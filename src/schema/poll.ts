/**
 * Polls and quizzes (https://www.100ms.live/docs/server-side/v2/api-reference/polls/overview):
 * workspace objects that rooms refer to by id (`Room.polls`); a poll runs in sessions, where
 * peers answer it. 100ms lists neither all polls nor a session's polls: a session's polls are
 * its room's polls that ran in it.
 */
import type { Context } from '../context.js';
import { badUserInput } from '../errors.js';
import { HmsNotFoundError } from '../hms/errors.js';
import type {
  Poll,
  PollList,
  PollListQuery,
  PollOptionDto,
  PollQuestionDto,
  PollResponse,
  PollResult,
  PollRun,
  Room,
  Session,
} from '../hms/types.js';
import { builder } from './builder.js';
import { CACHE_KEY_DESCRIPTION, cacheKey } from './cache-key.js';
import { parseConnectionArgs, parseId, toConnection } from './connection.js';
import { upstreamEnum } from './enums.js';
import { pageArgs, RoomRef, SessionRef } from './refs.js';
import { loadSession } from './session-view.js';

/** Polls of one room a field loads (one call each); rooms rarely have more. */
export const DEFAULT_ROOM_POLLS = 10;
export const MAX_ROOM_POLLS = 20;

export const PollMode = upstreamEnum('PollMode', 'Whose answers count once: per user id or per peer id.', [
  'userid',
  'peerid',
] as const);
export const PollType = upstreamEnum('PollType', 'A poll (opinions) or a quiz (scored answers).', [
  'poll',
  'quiz',
] as const);
export const PollStart = upstreamEnum(
  'PollStart',
  'When a poll attached to a room starts: with the session, or when a peer starts it.',
  ['auto', 'manual'] as const,
);
export const PollQuestionType = upstreamEnum('PollQuestionType', 'How a question is answered.', [
  'single-choice',
  'multiple-choice',
  'short-answer',
  'long-answer',
] as const);

async function orNull<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof HmsNotFoundError) return null;
    throw error;
  }
}

export const loadPoll = (ctx: Context, id: string) => ctx.send('polls.get', { params: { id } }, ctx.upstream);

const PollOptionRef = builder.objectRef<PollOptionDto>('PollOption').implement({
  description: 'A choice of a question.',
  fields: (t) => ({
    index: t.exposeInt('index', { description: '1-based position in the question.' }),
    text: t.exposeString('text', { description: 'What the peer sees.' }),
    weight: t.int({ description: 'Score weight (quizzes).', resolve: (o) => o.weight ?? 0 }),
  }),
});

type Answer = NonNullable<PollQuestionDto['answer']>;
const PollAnswerRef = builder.objectRef<Answer>('PollAnswerKey').implement({
  description: 'The correct answer of a quiz question.',
  fields: (t) => ({
    hidden: t.boolean({
      description: 'Hidden from peers after they answer.',
      resolve: (a) => a.hidden ?? false,
    }),
    optionIndexes: t.intList({
      description: 'Correct option indexes (choice questions).',
      resolve: (a) => a.options ?? [],
    }),
    text: t.string({
      nullable: true,
      description: 'Correct text (text questions); null for choice questions.',
      resolve: (a) => a.text || null,
    }),
    caseSensitive: t.boolean({ description: 'Text must match case.', resolve: (a) => a.case ?? false }),
    trim: t.boolean({ description: 'Surrounding spaces are ignored.', resolve: (a) => a.trim ?? false }),
  }),
});

const PollAttachmentRef = builder.objectRef<{ type: string; url: string }>('PollAttachment').implement({
  description: 'A file shown with a question.',
  fields: (t) => ({
    type: t.exposeString('type', { description: 'Kind of attachment, e.g. `image`.' }),
    url: t.exposeString('url', { description: 'Where it is.' }),
  }),
});

const PollQuestionRef = builder.objectRef<PollQuestionDto>('PollQuestion').implement({
  description: 'A question of a poll.',
  fields: (t) => ({
    index: t.exposeInt('index', {
      description: '1-based position; later questions move up when one is removed.',
    }),
    text: t.exposeString('text', { description: 'The question.' }),
    type: t.field({
      type: PollQuestionType.ref,
      description: 'Single or multiple choice, short or long text.',
      resolve: (q) => PollQuestionType.fromUpstream(q.type),
    }),
    skippable: t.boolean({ description: 'Peers may skip it.', resolve: (q) => q.skippable ?? false }),
    durationSeconds: t.int({
      nullable: true,
      description: 'Time to answer; null for no limit.',
      resolve: (q) => q.duration || null,
    }),
    once: t.boolean({ description: 'The answer cannot be changed.', resolve: (q) => q.once ?? false }),
    weight: t.int({ description: 'Score weight (quizzes).', resolve: (q) => q.weight ?? 0 }),
    answerMinLength: t.int({
      nullable: true,
      description: 'Minimum answer length (text questions); null when unset.',
      resolve: (q) => q.answer_min_len || null,
    }),
    answerMaxLength: t.int({
      nullable: true,
      description: 'Maximum answer length (text questions); null when unset.',
      resolve: (q) => q.answer_max_len || null,
    }),
    options: t.field({
      type: [PollOptionRef],
      description: 'Choices, in order.',
      resolve: (q) => q.options ?? [],
    }),
    answer: t.field({
      type: PollAnswerRef,
      nullable: true,
      description: 'The correct answer (quizzes); null when none is set.',
      resolve: (q) => q.answer ?? null,
    }),
    attachments: t.field({
      type: [PollAttachmentRef],
      description: 'Files shown with the question.',
      resolve: (q) => q.attachment ?? [],
    }),
  }),
});

export const PollRef = builder.objectRef<Poll>('Poll');

export const PollRunRef = builder.objectRef<PollRun>('PollRun').implement({
  description: 'A poll run in one session, with its answer counts.',
  fields: (t) => ({
    id: t.id({ description: CACHE_KEY_DESCRIPTION, resolve: (r) => cacheKey('PollRun', r.id) }),
    hmsId: t.exposeString('id', { description: 'The 100ms id of this run.' }),
    pollId: t.exposeString('poll_id', { description: 'The 100ms poll id.' }),
    poll: t.field({
      type: PollRef,
      description: 'The poll.',
      resolve: (r, _args, ctx) => loadPoll(ctx, r.poll_id),
    }),
    sessionId: t.exposeString('session_id', { description: 'The 100ms session id.' }),
    session: t.field({
      type: SessionRef,
      nullable: true,
      description: 'The session it ran in; null when no longer visible.',
      resolve: (r, _args, ctx) => orNull(loadSession(ctx, r.session_id)),
    }),
    startedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it started.',
      resolve: (r) => r.started_at,
    }),
    stoppedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it stopped; null while it runs.',
      resolve: (r) => r.stopped_at,
    }),
    totalResponses: t.exposeInt('total_responses', { description: 'Answers received.' }),
    uniqueParticipants: t.exposeInt('unique_participants', { description: 'Peers (or users) who answered.' }),
  }),
});

const PollResponseRef = builder.objectRef<PollResponse>('PollResponse').implement({
  description: 'One answer of one peer to one question.',
  fields: (t) => ({
    id: t.id({
      description: CACHE_KEY_DESCRIPTION,
      resolve: (r) => cacheKey('PollResponse', r.poll_id, r.id),
    }),
    hmsId: t.exposeString('id', { description: 'The 100ms response id.' }),
    sessionId: t.exposeString('session_id', { description: 'The session it was given in.' }),
    session: t.field({
      type: SessionRef,
      nullable: true,
      description: 'The session; null when no longer visible.',
      resolve: (r, _args, ctx) => orNull(loadSession(ctx, r.session_id)),
    }),
    question: t.exposeInt('question', { description: 'The question’s index.' }),
    skipped: t.exposeBoolean('skipped', { description: 'The peer skipped the question.' }),
    text: t.string({
      nullable: true,
      description: 'Text answer; null for choices.',
      resolve: (r) => r.text || null,
    }),
    optionIndexes: t.intList({ description: 'Chosen option indexes.', resolve: (r) => r.options ?? [] }),
    updated: t.exposeBoolean('update', { description: 'This answer replaced an earlier one.' }),
    originalResponseId: t.string({
      nullable: true,
      description: 'The answer this one replaced.',
      resolve: (r) => r.original_response || null,
    }),
    retries: t.exposeInt('retries', { description: 'Times the peer changed its answer.' }),
    durationMs: t.int({
      description: 'Time the peer took, in milliseconds.',
      resolve: (r) => r.duration ?? 0,
    }),
    sentAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was sent.',
      resolve: (r) => r.sent_at,
    }),
    peerId: t.string({
      nullable: true,
      description: 'Who answered; null for anonymous polls.',
      resolve: (r) => r.peer_id || null,
    }),
    userId: t.string({
      nullable: true,
      description: 'The answering user; null for anonymous polls.',
      resolve: (r) => r.user_id || null,
    }),
  }),
});

const PollResultRef = builder.objectRef<PollResult>('PollResult').implement({
  description: 'One peer’s score on one question (quizzes).',
  fields: (t) => ({
    id: t.id({ description: CACHE_KEY_DESCRIPTION, resolve: (r) => cacheKey('PollResult', r.poll_id, r.id) }),
    hmsId: t.exposeString('id', { description: 'The 100ms result id.' }),
    sessionId: t.exposeString('session_id', { description: 'The session.' }),
    question: t.exposeInt('question', { description: 'The question’s index.' }),
    score: t.exposeInt('score', { description: 'The question’s weight when right, else 0.' }),
    durationMs: t.int({
      description: 'Time the peer took, in milliseconds.',
      resolve: (r) => r.duration ?? 0,
    }),
    peerId: t.string({
      nullable: true,
      description: 'Who answered; null for anonymous polls.',
      resolve: (r) => r.peer_id || null,
    }),
    userId: t.string({
      nullable: true,
      description: 'The user; null for anonymous polls.',
      resolve: (r) => r.user_id || null,
    }),
  }),
});

const PollRunConnection = builder.connectionObject(
  { type: PollRunRef, name: 'PollRunConnection', description: 'Sessions a poll ran in.' },
  { description: 'A poll run and its cursor.' },
);
const PollResponseConnection = builder.connectionObject(
  { type: PollResponseRef, name: 'PollResponseConnection', description: 'Answers to a poll.' },
  { description: 'An answer and its cursor.' },
);
const PollResultConnection = builder.connectionObject(
  { type: PollResultRef, name: 'PollResultConnection', description: 'Scores of a poll.' },
  { description: 'A score and its cursor.' },
);

/** One window of a poll sub-list: `first + 1` items (one page of ≤ 100) make hasNextPage exact. */
async function pollPage<T extends { id: string }>(
  load: (query: PollListQuery) => Promise<PollList<T>>,
  key: 'responses' | 'results',
  args: { first?: number | null; after?: string | null },
  query: PollListQuery,
) {
  const { first, after } = parseConnectionArgs(args);
  const page = await load({ ...query, limit: Math.min(100, first + 1), ...(after && { start: after }) });
  const items = page[key] ?? [];
  let hasNextPage = items.length > first;
  // A full page of 100 cannot hold the extra item: one more item says whether there is more.
  const last = items.at(-1);
  if (first >= 100 && items.length === 100 && last) {
    hasNextPage = ((await load({ ...query, limit: 1, start: last.id }))[key] ?? []).length > 0;
  }
  return toConnection({ items: items.slice(0, first), hasNextPage }, (item) => item.id, Boolean(after));
}

const questionArg = (value: number | null | undefined) => {
  if (value == null) return {};
  if (!Number.isInteger(value) || value < 1) throw badUserInput('`question` is a 1-based index', 'question');
  return { question: value };
};

builder.node(PollRef, {
  description: 'A poll or quiz: questions, and where and how it ran.',
  id: { resolve: (p) => p.id },
  loadMany: (ids, ctx) => ids.map((id) => orNull(loadPoll(ctx, id))),
  fields: (t) => ({
    hmsId: t.exposeString('id', { description: 'The 100ms poll id.' }),
    title: t.exposeString('title', { description: 'The poll’s title.' }),
    type: t.field({
      type: PollType.ref,
      description: 'Poll or quiz.',
      resolve: (p) => PollType.fromUpstream(p.type),
    }),
    mode: t.field({
      type: PollMode.ref,
      description: 'Per user or per peer.',
      resolve: (p) => PollMode.fromUpstream(p.mode),
    }),
    start: t.field({
      type: PollStart.ref,
      description: 'Automatic or manual start.',
      resolve: (p) => PollStart.fromUpstream(p.start),
    }),
    anonymous: t.exposeBoolean('anonymous', { description: 'Answers carry no peer or user id.' }),
    durationSeconds: t.int({
      nullable: true,
      description: 'How long it runs; null when it runs until stopped.',
      resolve: (p) => p.duration || null,
    }),
    questions: t.field({
      type: [PollQuestionRef],
      description: 'Questions, in order.',
      resolve: (p) => p.questions ?? [],
    }),
    runs: t.field({
      type: PollRunConnection,
      description: 'Sessions the poll ran in, newest first.',
      args: pageArgs(t.arg),
      resolve: (p, args, ctx) =>
        pollPage(
          (query) => ctx.send('polls.listRuns', { params: { id: p.id }, query }, ctx.upstream),
          // The docs name this list `responses` too.
          'responses',
          args,
          {},
        ) as never,
    }),
    responses: t.field({
      type: PollResponseConnection,
      description: 'Answers, newest first.',
      args: {
        ...pageArgs(t.arg),
        question: t.arg.int({ description: 'Only answers to this question (1-based).' }),
        includeReplaced: t.arg.boolean({ description: 'Also answers a peer later changed (default false).' }),
      },
      resolve: (p, args, ctx) =>
        pollPage(
          (query) => ctx.send('polls.listResponses', { params: { id: p.id }, query }, ctx.upstream),
          'responses',
          args,
          { ...questionArg(args.question), ...(args.includeReplaced && { all: true }) },
        ),
    }),
    response: t.field({
      type: PollResponseRef,
      nullable: true,
      description: 'One answer by its 100ms id; null when the poll has no such answer.',
      args: { id: t.arg.string({ required: true, description: 'The 100ms response id.' }) },
      resolve: (p, args, ctx) =>
        orNull(ctx.send('polls.getResponse', { params: { id: p.id, response_id: args.id } }, ctx.upstream)),
    }),
    results: t.field({
      type: PollResultConnection,
      description: 'Per-peer scores (quizzes), newest first.',
      args: { ...pageArgs(t.arg), question: t.arg.int({ description: 'Only this question (1-based).' }) },
      resolve: (p, args, ctx) =>
        pollPage(
          (query) => ctx.send('polls.listResults', { params: { id: p.id }, query }, ctx.upstream),
          'results',
          args,
          questionArg(args.question),
        ),
    }),
    result: t.field({
      type: PollResultRef,
      nullable: true,
      description: 'One score by its 100ms id; null when the poll has no such result.',
      args: { id: t.arg.string({ required: true, description: 'The 100ms result id.' }) },
      resolve: (p, args, ctx) =>
        orNull(ctx.send('polls.getResult', { params: { id: p.id, result_id: args.id } }, ctx.upstream)),
    }),
  }),
});

const roomPollIds = (room: Room, first: number | null | undefined) => {
  const n = first ?? DEFAULT_ROOM_POLLS;
  if (!Number.isInteger(n) || n < 1 || n > MAX_ROOM_POLLS)
    throw badUserInput(`\`first\` must be 1–${MAX_ROOM_POLLS}`, 'first');
  return (room.polls ?? []).slice(0, n);
};

builder.objectField(RoomRef, 'polls', (t) =>
  t.field({
    type: [PollRef],
    description: `Polls attached to the room (started with its sessions or by peers); one call each, the first \`first\` (default ${DEFAULT_ROOM_POLLS}).`,
    args: { first: t.arg.int({ description: `1–${MAX_ROOM_POLLS}.` }) },
    resolve: async (room, args, ctx) =>
      (await Promise.all(roomPollIds(room, args.first).map((id) => orNull(loadPoll(ctx, id))))).filter(
        (p): p is Poll => p !== null,
      ),
  }),
);

builder.objectField(SessionRef, 'polls', (t) =>
  t.field({
    type: [PollRunRef],
    description:
      'The room’s polls that ran in this session, with answer counts (one call per poll of the room, the first `first`).',
    args: {
      first: t.arg.int({
        description: `Room polls to look at, 1–${MAX_ROOM_POLLS} (default ${DEFAULT_ROOM_POLLS}).`,
      }),
    },
    resolve: async (session: Session, args, ctx) => {
      const room = await ctx.loaders.room.load(session.room_id);
      const runs = await Promise.all(
        roomPollIds(room, args.first).map((id) =>
          orNull(ctx.send('polls.getRun', { params: { id, session_id: session.id } }, ctx.upstream)),
        ),
      );
      return runs.filter((r): r is PollRun => r !== null);
    },
  }),
);

builder.queryFields((t) => ({
  poll: t.field({
    type: PollRef,
    nullable: true,
    description: 'A poll by its 100ms id or global id (100ms cannot list polls: find them on rooms).',
    args: { id: t.arg.id({ required: true, description: '100ms poll id or Poll global id.' }) },
    resolve: (_root, args, ctx) => loadPoll(ctx, parseId(String(args.id), 'Poll')),
  }),
}));
