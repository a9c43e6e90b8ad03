/**
 * Every object field of the schema, resolved for real: a query selecting every field of every
 * type (to a bounded depth) is generated from the schema itself, run against the seeded emulator,
 * and must come back without a single error, reaching every object type.
 */
import {
  type GraphQLField,
  type GraphQLNamedType,
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import { type Stack, startStack } from '../helpers/stack.js';

const MAX_DEPTH = 5;

function requiredArgs(field: GraphQLField<unknown, unknown>) {
  return field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
}

/**
 * All fields of `type` without required arguments, recursing into composites up to MAX_DEPTH.
 * Inside fragments of abstract types every field is aliased by its type, since members may use
 * one field name with different types (e.g. `status`).
 */
function selection(type: GraphQLNamedType, depth: number, alias = false): string {
  const parts = ['__typename'];
  const name = (field: string) => (alias ? `${type.name}_${field}: ${field}` : field);
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (requiredArgs(field).length > 0) continue;
      const named = getNamedType(field.type);
      // Nested lists take two items: every field still resolves, without a 20^depth fan-out.
      const args = field.args.some((a) => a.name === 'first') ? '(first: 2)' : '';
      if (isLeafType(named)) parts.push(`${name(field.name)}${args}`);
      else if (depth < MAX_DEPTH) parts.push(`${name(field.name)}${args} { ${selection(named, depth + 1)} }`);
    }
  }
  if (isAbstractType(type) && depth < MAX_DEPTH + 1) {
    for (const member of schema.getPossibleTypes(type)) {
      parts.push(`... on ${member.name} { ${selection(member, depth + 1, true)} }`);
    }
  }
  return parts.join(' ');
}

function typenames(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) typenames(item, out);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '__typename' && typeof inner === 'string') out.add(inner);
      else typenames(inner, out);
    }
  }
  return out;
}

let stack: Stack;
const ids: Record<string, string> = {};

beforeAll(async () => {
  stack = await startStack({
    gateway: {
      maxUpstreamCalls: 100_000,
      maxDepth: 100,
      maxTokens: 100_000,
      maxAliases: 10_000,
      // On, so Query.rateLimit has something to report.
      callerCallsPerMinute: 10_000_000,
    },
  });
  const res = await stack.gql(`{
    rooms(first: 100) { nodes { id hmsId name } }
    recordings(first: 1) { nodes { id } }
    recordingAssets(first: 1) { nodes { id } }
    liveStreams(first: 1) { nodes { id } }
    externalStreams(first: 1) { nodes { id } }
    templates(first: 1) { nodes { id } }
  }`);
  const data = res.data as Record<string, { nodes: Array<{ id: string; hmsId?: string; name?: string }> }>;
  const live = data.rooms?.nodes.find((r) => r.name === 'product-standup');
  ids.room = live?.hmsId as string;
  ids.recording = data.recordings?.nodes[0]?.id as string;
  ids.recordingAsset = data.recordingAssets?.nodes[0]?.id as string;
  ids.liveStream = data.liveStreams?.nodes[0]?.id as string;
  ids.externalStream = data.externalStreams?.nodes[0]?.id as string;
  ids.template = data.templates?.nodes[0]?.id as string;
  ids.session = (await stack.hms.activeRooms.get(ids.room)).session.id;
  // A replay workflow to look up (the emulator keeps it; it changes no seed data).
  const replay = await stack.gql<{ replayWebhooks: { data?: { workflowId: string } } }>(
    'mutation { replayWebhooks(input: { status: ALL }) { ... on ReplayWebhooksSuccess { data { workflowId } } } }',
  );
  ids.webhookReplay = replay.data?.replayWebhooks.data?.workflowId as string;
  // The seed's polls have no attachments: this stack's own quiz has one (and an answer key).
  const poll = await stack.gql<{ createPoll: { data?: { hmsId: string } } }>(
    `mutation { createPoll(input: { title: "fields", type: QUIZ, questions: [{ text: "Which?", type: SINGLE_CHOICE,
      options: [{ text: "a" }, { text: "b" }], answer: { optionIndexes: [2] },
      attachments: [{ type: "image", url: "https://example.com/a.png" }] }] }) { ... on CreatePollSuccess { data { hmsId } } } }`,
  );
  ids.poll = poll.data?.createPoll.data?.hmsId as string;
});
afterAll(() => stack?.close());

describe('every field of the schema', () => {
  it('resolves every root query field and every object field without errors', async () => {
    const query = schema.getQueryType();
    if (!query) throw new Error('no Query type');
    const argsFor: Record<string, string> = {
      room: `(id: "${ids.room}")`,
      session: `(id: "${ids.session}")`,
      recording: `(id: "${ids.recording}")`,
      recordingAsset: `(id: "${ids.recordingAsset}")`,
      liveStream: `(id: "${ids.liveStream}")`,
      externalStream: `(id: "${ids.externalStream}")`,
      template: `(id: "${ids.template}")`,
      activeRoom: `(roomId: "${ids.room}")`,
      analyticsEvents: `(roomId: "${ids.room}", first: 100)`,
      poll: `(id: "${ids.poll}")`,
      webhookReplay: `(id: "${ids.webhookReplay}")`,
      node: `(id: "${ids.recording}")`,
      nodes: `(ids: ["${ids.recordingAsset}", "${ids.liveStream}", "${ids.template}"])`,
    };
    const seen = new Set<string>();
    for (const field of Object.values(query.getFields())) {
      const args = argsFor[field.name] ?? '';
      expect(
        requiredArgs(field).length === 0 || args !== '',
        `no sample arguments for Query.${field.name}`,
      ).toBe(true);
      const body = `{ ${field.name}${args} { ${selection(getNamedType(field.type), 1)} } }`;
      const res = await stack.gql(body);
      expect(res.errors, `Query.${field.name}: ${JSON.stringify(res.errors?.slice(0, 3))}`).toBeUndefined();
      expect(res.data?.[field.name], `Query.${field.name} returned nothing`).toBeTruthy();
      typenames(res.data, seen);
    }
    const errors = await stack.gql(
      `{ analyticsEvents(roomId: "${ids.room}", errorsOnly: true) { nodes { ${selection(schema.getType('AnalyticsEvent') as GraphQLNamedType, 1)} } } }`,
    );
    expect(errors.errors).toBeUndefined();
    typenames(errors.data, seen);
    // Every object type reachable from Query must have been seen with data.
    const reachable = new Set<string>();
    const visit = (type: GraphQLNamedType) => {
      if (reachable.has(type.name) || isLeafType(type)) return;
      reachable.add(type.name);
      if (isAbstractType(type)) for (const member of schema.getPossibleTypes(type)) visit(member);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) visit(getNamedType(field.type));
      }
    };
    visit(query);
    // GenericAnalyticsEvent exists for event types 100ms adds later; the emulator sends none.
    const unseen = [...reachable].filter(
      (name) =>
        isObjectType(schema.getType(name)) &&
        name !== 'Query' &&
        name !== 'GenericAnalyticsEvent' &&
        !seen.has(name),
    );
    expect(unseen.sort()).toEqual([]);
  }, 60_000);
});
