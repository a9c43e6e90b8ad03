/**
 * Repeated queries run compiled (src/plugins/use-jit-queries.ts): every answer, errors included,
 * must be the one Yoga's own executor gives on a document's first run, with the same upstream
 * calls. Each document is sent several times; the first run is the default executor's, the later
 * ones (once graphql-jit is loaded and the document compiled) are compiled.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.js';

let stack: Stack;
let roomId: string;

const DASHBOARD = readFileSync(new URL('../../schema/operations/dashboard.graphql', import.meta.url), 'utf8');

beforeAll(async () => {
  stack = await startStack();
  roomId = (await stack.hms.rooms.list({ name: 'product-standup' })).items[0]?.id as string;
});
afterAll(() => stack?.close());
// The room in the entity cache before each test, so every run of a document makes the same calls
// whatever ran before it.
beforeEach(async () => {
  await stack.gql('query Prime($id: ID!) { room(id: $id) { name } }', { id: roomId });
  stack.resetCalls();
});

async function compiledCount(outcome: 'compiled' | 'refused') {
  const metric = await stack.gateway.metrics.compiledQueries.get();
  return metric.values.find((v) => v.labels.outcome === outcome)?.value ?? 0;
}

/**
 * Sends the document `runs` times and returns each raw answer (the text as parsed and printed
 * again, so key order counts) with the upstream calls it made.
 */
async function runs(query: string, variables: Record<string, unknown> = {}, headers = {}, count = 4) {
  const answers: Array<{ status: number; text: string; calls: number }> = [];
  for (let i = 0; i < count; i++) {
    stack.resetCalls();
    const response = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    answers.push({
      status: response.status,
      text: JSON.stringify(withoutRunningClocks(await response.json())),
      calls: stack.calls().total,
    });
  }
  return answers;
}

/**
 * The answer without what moves with the wall clock between two runs: the duration so far of a
 * session or peer still in the room (no `endedAt` / `leftAt` yet).
 */
function withoutRunningClocks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRunningClocks);
  if (typeof value !== 'object' || value === null) return value;
  const running =
    ('endedAt' in value && value.endedAt === null) || ('leftAt' in value && value.leftAt === null);
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !(running && key === 'durationSeconds'))
      .map(([key, item]) => [key, withoutRunningClocks(item)]),
  );
}

function expectSameAnswers(answers: Array<{ status: number; text: string; calls: number }>) {
  for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
}

describe('compiled queries', () => {
  it('compile a query on its second run and answer the dashboard exactly as the first run did', async () => {
    const before = await compiledCount('compiled');
    const answers = await runs(DASHBOARD, { roomId, sessions: 10 });
    expect(await compiledCount('compiled')).toBe(before + 1);
    expect(answers[0]?.text).not.toContain('"errors"');
    expect(answers[0]?.text).toContain('"peers"');
    expectSameAnswers(answers);
    // The warm dashboard's calls: sessions, recordings and assets (the room is cached).
    expect(answers.at(-1)?.calls).toBe(3);
  });

  it('keep locations, paths, codes and errors-before-data on field errors', async () => {
    const answers = await runs(
      `query Mixed($missing: ID!) {
        rooms(first: 2) { nodes { name } }
        gone: room(id: $missing) { name }
        nodes(ids: ["bm9wZTox", "not-an-id"]) { id }
      }`,
      { missing: '000000000000000000000000' },
    );
    expectSameAnswers(answers);
    const answer = JSON.parse(answers.at(-1)?.text ?? '{}');
    expect(Object.keys(answer)).toEqual(['errors', 'data', 'extensions']);
    expect(answer.errors).toHaveLength(3);
    expect(answer.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: ['gone'],
          locations: [{ line: 3, column: 9 }],
          extensions: expect.objectContaining({ code: 'NOT_FOUND' }),
        }),
        expect.objectContaining({
          path: ['nodes', 0],
          locations: [{ line: 4, column: 9 }],
          extensions: { code: 'BAD_USER_INPUT' },
        }),
        expect.objectContaining({ path: ['nodes', 1], locations: [{ line: 4, column: 9 }] }),
      ]),
    );
    expect(answer.data.rooms.nodes).toHaveLength(2);
  });

  it('leave variables that do not coerce to the default executor: same messages, same 400s', async () => {
    const query =
      'query Q($roomId: ID!, $n: Int = 10) { room(id: $roomId) { sessions(first: $n) { nodes { hmsId } } } }';
    const compiledBefore = await compiledCount('compiled');
    for (const variables of [
      { roomId, n: 2 ** 31 },
      { roomId, n: 1.5 },
      { n: 3 },
      { roomId: null },
      { roomId: ['a'] },
    ]) {
      for (const accept of ['application/json', 'application/graphql-response+json']) {
        const answers = await runs(query, variables, { accept });
        expectSameAnswers(answers);
        expect(answers[0]?.status).toBe(accept === 'application/json' ? 200 : 400);
        expect(answers[0]?.text).toContain('"locations"');
        expect(answers[0]?.calls).toBe(0);
      }
    }
    // Compiled once (on the document's second run); every request with bad variables fell back,
    // and good variables run compiled.
    expect(await compiledCount('compiled')).toBe(compiledBefore + 1);
    const [good] = await runs(query, { roomId, n: 1 }, {}, 1);
    expect(good?.status).toBe(200);
    expect(good?.text).not.toContain('"errors"');
    expect(good?.text).toContain('"hmsId"');
  });

  it('keep @skip/@include, aliases, fragments and __typename as graphql-js resolves them', async () => {
    const query = `query Shape($roomId: ID!, $withPeers: Boolean!) {
      room(id: $roomId) {
        __typename
        ...R
        label: name
        sessions(first: 2) { nodes { __typename peers @include(if: $withPeers) { name } hmsId @skip(if: $withPeers) } }
      }
    }
    fragment R on Room { id hmsId enabled }`;
    const answers = await runs(query, { roomId, withPeers: true });
    expectSameAnswers(answers);
    // The same compiled document, the directives flipped by variables alone.
    const flipped = await runs(query, { roomId, withPeers: false });
    expectSameAnswers(flipped);
    expect(flipped[0]?.text).not.toContain('"peers"');
    expect(answers[0]?.text).toContain('"peers"');
  });

  it('never compile mutations', async () => {
    const before = (await compiledCount('compiled')) + (await compiledCount('refused'));
    const mutation = 'mutation M($input: UpdateRoomInput!) { updateRoom(input: $input) { __typename } }';
    for (let i = 0; i < 3; i++) {
      await stack.gql(mutation, { input: { roomId: '000000000000000000000000', description: 'x' } });
    }
    expect((await compiledCount('compiled')) + (await compiledCount('refused'))).toBe(before);
  });
});
