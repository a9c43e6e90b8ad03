/**
 * Poll writes (https://www.100ms.live/docs/server-side/v2/api-reference/polls/create-poll-via-api):
 * create, rewrite, and per-question / per-option edits. Creating is for unconfined callers (a new
 * poll belongs to no room yet); editing needs a room of the caller that uses the poll.
 */
import type { Context } from '../../context.js';
import type { PollBody, PollQuestionDto } from '../../hms/types.js';
import { builder } from '../builder.js';
import { httpUrl, inputId, runMutation } from '../mutation.js';
import { MUTATION_ERRORS, ValidationError } from '../mutation-errors.js';
import { loadPoll, PollMode, PollQuestionType, PollRef, PollStart, PollType } from '../poll.js';

const MAX_QUESTIONS = 50;
const MAX_OPTIONS = 20;
const CHOICE = new Set(['single-choice', 'multiple-choice']);

const OptionInput = builder.inputType('PollOptionInput', {
  description: 'A choice of a question.',
  fields: (t) => ({
    text: t.string({ required: true, description: 'What the peer sees.' }),
    weight: t.int({ description: 'Score weight (quizzes; default 1).' }),
  }),
});

const AnswerInput = builder.inputType('PollAnswerKeyInput', {
  description: 'The correct answer, which makes the question scored (quizzes).',
  fields: (t) => ({
    optionIndexes: t.intList({ description: 'Correct 1-based option indexes (choice questions).' }),
    text: t.string({ description: 'Correct text (text questions).' }),
    caseSensitive: t.boolean({ description: 'Text must match case (default false).' }),
    trim: t.boolean({ description: 'Ignore surrounding spaces (default false).' }),
    hidden: t.boolean({ description: 'Hide it from peers after they answer (default false).' }),
  }),
});

const AttachmentInput = builder.inputType('PollAttachmentInput', {
  description: 'A file shown with a question.',
  fields: (t) => ({
    type: t.string({ required: true, description: 'Kind of attachment, e.g. `image`.' }),
    url: t.string({ required: true, description: 'An http(s) URL.' }),
  }),
});

const QuestionInput = builder.inputType('PollQuestionInput', {
  description: 'A question. Its index is its position in the list (or the one the mutation names).',
  fields: (t) => ({
    text: t.string({ required: true, description: 'The question.' }),
    type: t.field({ type: PollQuestionType.ref, required: true, description: 'How it is answered.' }),
    options: t.field({ type: [OptionInput], description: 'Choices (2–20 for choice questions).' }),
    answer: t.field({ type: AnswerInput, description: 'The correct answer (quizzes).' }),
    skippable: t.boolean({ description: 'Peers may skip it (default true).' }),
    durationSeconds: t.int({ description: 'Time to answer; 0 or omitted for no limit.' }),
    once: t.boolean({ description: 'The answer cannot be changed (default false).' }),
    weight: t.int({ description: 'Score weight (default 1).' }),
    answerMinLength: t.int({ description: 'Minimum answer length (text questions).' }),
    answerMaxLength: t.int({ description: 'Maximum answer length (text questions).' }),
    attachments: t.field({ type: [AttachmentInput], description: 'At most 10 files.' }),
  }),
});

interface OptionArgs {
  text: string;
  weight?: number | null;
}
interface QuestionArgs {
  text: string;
  /** Required in the schema; optional here because the upstream enum's ref is loosely typed. */
  type?: string;
  options?: OptionArgs[] | null;
  answer?: {
    optionIndexes?: number[] | null;
    text?: string | null;
    caseSensitive?: boolean | null;
    trim?: boolean | null;
    hidden?: boolean | null;
  } | null;
  skippable?: boolean | null;
  durationSeconds?: number | null;
  once?: boolean | null;
  weight?: number | null;
  answerMinLength?: number | null;
  answerMaxLength?: number | null;
  attachments?: Array<{ type: string; url: string }> | null;
}
interface PollArgs {
  title?: string | null;
  type?: string | null;
  mode?: string | null;
  start?: string | null;
  anonymous?: boolean | null;
  durationSeconds?: number | null;
  questions?: QuestionArgs[] | null;
}

const nonNegative = (value: number | null | undefined, field: string) => {
  if (value == null) return undefined;
  if (!Number.isInteger(value) || value < 0) throw new ValidationError(`${field} must be 0 or more`, field);
  return value;
};

function optionBody(option: OptionArgs, index: number, field: string) {
  if (!option.text.trim()) throw new ValidationError(`${field}.text must not be blank`, `${field}.text`);
  return { index, text: option.text, weight: nonNegative(option.weight, `${field}.weight`) ?? 1 };
}

export function questionBody(q: QuestionArgs, index: number, field: string): PollQuestionDto {
  const type = q.type ?? 'single-choice';
  if (type === '__unknown__')
    throw new ValidationError(`${field}.type: UNKNOWN cannot be sent`, `${field}.type`);
  if (!q.text.trim()) throw new ValidationError(`${field}.text must not be blank`, `${field}.text`);
  const options = (q.options ?? []).map((o, i) => optionBody(o, i + 1, `${field}.options[${i}]`));
  if (options.length > MAX_OPTIONS)
    throw new ValidationError(`${field}.options takes at most ${MAX_OPTIONS}`, `${field}.options`);
  const choice = CHOICE.has(type);
  if (choice && options.length < 2)
    throw new ValidationError(`${field}: a ${type} question needs at least 2 options`, `${field}.options`);
  if (!choice && options.length > 0)
    throw new ValidationError(`${field}: a ${type} question has no options`, `${field}.options`);
  const min = nonNegative(q.answerMinLength, `${field}.answerMinLength`);
  const max = nonNegative(q.answerMaxLength, `${field}.answerMaxLength`);
  if (min !== undefined && max !== undefined && max > 0 && min > max)
    throw new ValidationError(
      `${field}.answerMinLength must not exceed answerMaxLength`,
      `${field}.answerMinLength`,
    );
  const body: PollQuestionDto = {
    index,
    text: q.text,
    type,
    ...(options.length > 0 && { options }),
    ...(q.skippable != null && { skippable: q.skippable }),
    ...(q.once != null && { once: q.once }),
    ...(min !== undefined && { answer_min_len: min }),
    ...(max !== undefined && { answer_max_len: max }),
  };
  const duration = nonNegative(q.durationSeconds, `${field}.durationSeconds`);
  if (duration !== undefined) body.duration = duration;
  const weight = nonNegative(q.weight, `${field}.weight`);
  if (weight !== undefined) body.weight = weight;
  if (q.attachments?.length) {
    if (q.attachments.length > 10)
      throw new ValidationError(`${field}.attachments takes at most 10`, `${field}.attachments`);
    body.attachment = q.attachments.map((a, i) => ({
      type: a.type,
      url: httpUrl(a.url, `${field}.attachments[${i}].url`) as string,
    }));
  }
  if (q.answer) {
    const picked = q.answer.optionIndexes ?? [];
    if (choice) {
      if (picked.length === 0)
        throw new ValidationError(
          `${field}.answer.optionIndexes is required for a choice question`,
          `${field}.answer.optionIndexes`,
        );
      if (picked.some((i) => !Number.isInteger(i) || i < 1 || i > options.length))
        throw new ValidationError(
          `${field}.answer.optionIndexes must be 1–${options.length}`,
          `${field}.answer.optionIndexes`,
        );
      if (type === 'single-choice' && picked.length > 1)
        throw new ValidationError(
          `${field}: a single-choice answer has one option`,
          `${field}.answer.optionIndexes`,
        );
    } else if (picked.length > 0) {
      throw new ValidationError(
        `${field}: a text question’s answer is text`,
        `${field}.answer.optionIndexes`,
      );
    }
    body.answer = {
      hidden: q.answer.hidden ?? false,
      ...(picked.length > 0 && { options: picked }),
      ...(q.answer.text != null && { text: q.answer.text }),
      ...(q.answer.caseSensitive != null && { case: q.answer.caseSensitive }),
      ...(q.answer.trim != null && { trim: q.answer.trim }),
    };
  }
  return body;
}

function pollBody(input: PollArgs): PollBody {
  const body: PollBody = {};
  if (input.title != null) {
    if (input.title.length > 250)
      throw new ValidationError('input.title must be at most 250 characters', 'input.title');
    body.title = input.title;
  }
  for (const key of ['type', 'mode', 'start'] as const) {
    const value = input[key];
    if (value === '__unknown__')
      throw new ValidationError(`input.${key}: UNKNOWN cannot be sent`, `input.${key}`);
    if (value != null) body[key] = value;
  }
  if (input.anonymous != null) body.anonymous = input.anonymous;
  const duration = nonNegative(input.durationSeconds, 'input.durationSeconds');
  if (duration !== undefined) body.duration = duration;
  if (input.questions) {
    if (input.questions.length > MAX_QUESTIONS)
      throw new ValidationError(`input.questions takes at most ${MAX_QUESTIONS}`, 'input.questions');
    body.questions = input.questions.map((q, i) => questionBody(q, i + 1, `input.questions[${i}]`));
  }
  if (body.type === 'quiz' && body.questions?.some((q) => !q.answer))
    throw new ValidationError('input.questions: every quiz question needs an answer', 'input.questions');
  return body;
}

const index = (value: number, field: string, max: number) => {
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new ValidationError(`${field} must be 1–${max}`, field);
  return String(value);
};

/**
 * A per-question or per-option edit: resolves the poll id, makes the edit, and answers with the
 * poll's current state (questions re-index on removal).
 */
const editPoll = (
  ctx: Context,
  name: string,
  input: { pollId: string | number },
  edit: (id: string) => Promise<unknown>,
) =>
  runMutation(ctx, name, input, async () => {
    const id = inputId(input.pollId, 'Poll', 'input.pollId');
    await edit(id);
    return loadPoll(ctx, id);
  });

builder.mutationFields((t) => {
  const common = {
    title: t.input.string({ description: 'At most 250 characters.' }),
    type: t.input.field({
      type: PollType.ref,
      description: 'Poll (default) or quiz (every question needs an answer).',
    }),
    mode: t.input.field({ type: PollMode.ref, description: 'Count answers per user (default) or per peer.' }),
    start: t.input.field({
      type: PollStart.ref,
      description: 'AUTO (default): starts with the session; MANUAL: a peer starts it.',
    }),
    anonymous: t.input.boolean({ description: 'Answers carry no peer or user id (default false).' }),
    durationSeconds: t.input.int({ description: 'How long it runs; 0 or omitted: until stopped.' }),
    questions: t.input.field({ type: [QuestionInput], description: `At most ${MAX_QUESTIONS}, in order.` }),
  };
  const pollId = t.input.id({ required: true, description: '100ms poll id or Poll global id.' });
  /** The inputs that name one question of a poll, and one option of a question. */
  const questionAt = {
    pollId,
    index: t.input.int({ required: true, description: '1-based question index.' }),
  };
  const optionAt = {
    pollId,
    questionIndex: t.input.int({ required: true, description: '1-based question index.' }),
    optionIndex: t.input.int({ required: true, description: '1-based option index.' }),
  };
  return {
    createPoll: t.fieldWithInput({
      description:
        'Creates a poll or quiz. Attach it to rooms with `updateRoom(pollIds:)`. Not for callers confined by hms_rooms.',
      type: PollRef,
      errors: { types: MUTATION_ERRORS },
      input: common,
      resolve: (_root, { input }, ctx) =>
        runMutation(ctx, 'createPoll', input, () =>
          ctx.send('polls.create', { body: pollBody(input) }, ctx.upstream),
        ),
    }),
    updatePoll: t.fieldWithInput({
      description:
        'Rewrites a poll: fields left out return to their defaults (100ms replaces the whole poll).',
      type: PollRef,
      errors: { types: MUTATION_ERRORS },
      input: {
        pollId,
        ...common,
      },
      resolve: (_root, { input }, ctx) =>
        runMutation(ctx, 'updatePoll', input, () => {
          const { pollId, ...rest } = input;
          const id = inputId(pollId, 'Poll', 'input.pollId');
          return ctx.send('polls.update', { params: { id }, body: pollBody(rest) }, ctx.upstream);
        }),
    }),
    setPollQuestion: t.fieldWithInput({
      description:
        'Replaces question `index`, or appends one with index = question count + 1. Returns the poll.',
      type: PollRef,
      errors: { types: MUTATION_ERRORS },
      input: {
        ...questionAt,
        question: t.input.field({ type: QuestionInput, required: true, description: 'The question.' }),
      },
      resolve: (_root, { input }, ctx) =>
        editPoll(ctx, 'setPollQuestion', input, async (id) => {
          const n = index(input.index, 'input.index', MAX_QUESTIONS);
          const body = questionBody(input.question, input.index, 'input.question');
          await ctx.send('polls.setQuestion', { params: { id, question: n }, body }, ctx.upstream);
        }),
    }),
    removePollQuestion: t.fieldWithInput({
      description: 'Removes question `index`; later questions move up one. Returns the poll.',
      type: PollRef,
      errors: { types: MUTATION_ERRORS },
      input: {
        ...questionAt,
      },
      resolve: (_root, { input }, ctx) =>
        editPoll(ctx, 'removePollQuestion', input, async (id) => {
          const n = index(input.index, 'input.index', MAX_QUESTIONS);
          await ctx.send('polls.deleteQuestion', { params: { id, question: n } }, ctx.upstream);
        }),
    }),
    setPollOption: t.fieldWithInput({
      description:
        'Replaces option `optionIndex` of a question, or appends one (count + 1). Returns the poll.',
      type: PollRef,
      errors: { types: MUTATION_ERRORS },
      input: {
        ...optionAt,
        option: t.input.field({ type: OptionInput, required: true, description: 'The option.' }),
      },
      resolve: (_root, { input }, ctx) =>
        editPoll(ctx, 'setPollOption', input, async (id) => {
          const question = index(input.questionIndex, 'input.questionIndex', MAX_QUESTIONS);
          const option = index(input.optionIndex, 'input.optionIndex', MAX_OPTIONS);
          const body = optionBody(input.option, input.optionIndex, 'input.option');
          await ctx.send('polls.setOption', { params: { id, question, option }, body }, ctx.upstream);
        }),
    }),
    removePollOption: t.fieldWithInput({
      description:
        'Removes an option of a question; later options move up one, answer keys follow. Returns the poll.',
      type: PollRef,
      errors: { types: MUTATION_ERRORS },
      input: {
        ...optionAt,
      },
      resolve: (_root, { input }, ctx) =>
        editPoll(ctx, 'removePollOption', input, async (id) => {
          const question = index(input.questionIndex, 'input.questionIndex', MAX_QUESTIONS);
          const option = index(input.optionIndex, 'input.optionIndex', MAX_OPTIONS);
          await ctx.send('polls.deleteOption', { params: { id, question, option } }, ctx.upstream);
        }),
    }),
  };
});
