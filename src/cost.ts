/**
 * Upstream-call budget, GitHub/Shopify style: before executing, estimate how many 100ms calls a
 * document can cost, following the loaders' batching rules; reject it when over the budget; and
 * report `extensions.cost { estimatedUpstreamCalls actualUpstreamCalls }` on every response.
 *
 * The estimate is an upper bound of the *batched* plan: a field costs calls per *group* where the
 * loaders batch (sibling sessions of one room share one recordings call), per parent object where
 * they cannot (one presigned URL per asset), and nothing where data is embedded (session peers).
 */
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getOperationAST,
  isAbstractType,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from './context.js';

/** How many parent objects reach a field, and in how many batchable groups (rooms) they fall. */
interface Fanout {
  objects: number;
  groups: number;
}

type Args = Record<string, unknown>;
type Rule = (args: Args, parent: Fanout) => { calls: number; child: Fanout };

const first = (args: Args, fallback = 20) => (typeof args.first === 'number' ? args.first : fallback);
/** A window of `first` costs ceil((first + 1) / 100) list pages (the extra item makes hasNextPage exact). */
const pages = (n: number) => Math.ceil((n + 1) / 100);
/** Upper bound for lists whose size the query does not bound (assets of a job, live peers). */
const UNBOUNDED = 20;

const lookup: Rule = (_args, parent) => ({
  calls: parent.objects,
  child: { objects: parent.objects, groups: parent.groups },
});
const rootConnection: Rule = (args, parent) => ({
  calls: pages(first(args)),
  child: { objects: parent.objects * first(args), groups: first(args) },
});
/** One list call per room (the room id is in the filter). */
const perRoomConnection: Rule = (args, parent) => ({
  calls: parent.objects * pages(first(args)),
  child: { objects: parent.objects * first(args), groups: parent.objects },
});
/** Batched per room by the session-children loaders. */
const perGroup: Rule = (args, parent) => ({
  calls: parent.groups,
  child: { objects: parent.objects * first(args, UNBOUNDED), groups: parent.groups },
});
const perObject: Rule = (_args, parent) => ({ calls: parent.objects, child: parent });
const perObjectList: Rule = (_args, parent) => ({
  calls: parent.objects,
  child: { objects: parent.objects * UNBOUNDED, groups: parent.groups },
});
/** By-id lookups of objects the request has usually loaded already: at most one per group. */
const reference: Rule = (_args, parent) => ({ calls: parent.groups, child: parent });
const embeddedList: Rule = (_args, parent) => ({
  calls: 0,
  child: { objects: parent.objects * UNBOUNDED, groups: parent.groups },
});

const RULES: Record<string, Rule> = {
  'Query.node': lookup,
  'Query.nodes': (args, parent) => {
    const n = Array.isArray(args.ids) ? args.ids.length : 1;
    return { calls: n, child: { objects: parent.objects * n, groups: n } };
  },
  'Query.room': lookup,
  'Query.session': lookup,
  'Query.recording': lookup,
  'Query.recordingAsset': lookup,
  'Query.liveStream': lookup,
  'Query.externalStream': lookup,
  'Query.template': lookup,
  'Query.activeRoom': lookup,
  'Query.rooms': rootConnection,
  'Query.sessions': rootConnection,
  'Query.recordings': rootConnection,
  'Query.recordingAssets': rootConnection,
  'Query.liveStreams': rootConnection,
  'Query.externalStreams': rootConnection,
  'Query.templates': rootConnection,
  'Query.analyticsEvents': (args, parent) => ({
    calls: pages(first(args)),
    child: { objects: parent.objects * first(args), groups: 1 },
  }),
  'Room.sessions': perRoomConnection,
  'Room.recordings': perRoomConnection,
  'Room.recordingAssets': perRoomConnection,
  'Room.liveStreams': perRoomConnection,
  'Room.externalStreams': perRoomConnection,
  'Room.roomCodes': perObjectList,
  'Room.activeRoom': perObject,
  'Room.activeSession': (args, parent) => ({
    calls: parent.objects * 2,
    child: perObject(args, parent).child,
  }),
  'Room.template': reference,
  'Session.recordings': perGroup,
  'Session.recordingAssets': perGroup,
  'Session.room': reference,
  'Session.peers': embeddedList,
  'Recording.assets': perGroup,
  'LiveStream.assets': perGroup,
  'ExternalStream.assets': perGroup,
  'Job.assets': perGroup,
  'Recording.room': reference,
  'Recording.session': reference,
  'LiveStream.room': reference,
  'LiveStream.session': reference,
  'ExternalStream.room': reference,
  'ExternalStream.session': reference,
  'RecordingAsset.room': reference,
  'RecordingAsset.session': reference,
  'RecordingAsset.job': (_args, parent) => ({ calls: parent.groups * 3, child: parent }),
  'RecordingAsset.presignedUrl': perObject,
  'ActiveRoom.peers': perObjectList,
  'ActiveRoom.room': reference,
  'ActiveRoom.session': reference,
  'ActivePeer.tracks': perObject,
  'RoomCode.room': reference,
  'TrackEvent.room': reference,
  'TrackEvent.session': reference,
  'RecordingEvent.room': reference,
  'RecordingEvent.session': reference,
  'ErrorEvent.room': reference,
  'ErrorEvent.session': reference,
  'GenericAnalyticsEvent.room': reference,
  'GenericAnalyticsEvent.session': reference,
};

/** Mutations: the call itself plus the checks some make first (room, template). */
const MUTATION_CALLS = 3;

export function estimateUpstreamCalls(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): number {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return 0;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const def of document.definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return 0;

  const fieldDef = (type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined =>
    isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;

  function walk(
    selectionSet: SelectionSetNode | undefined,
    type: GraphQLNamedType,
    fanout: Fanout,
    depth: number,
  ): number {
    if (!selectionSet || depth > 50) return 0;
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        total += walk(selection.selectionSet, on ?? type, fanout, depth + 1);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        const on = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
        if (fragment && on) total += walk(fragment.selectionSet, on, fanout, depth + 1);
      } else {
        total += field(selection, type, fanout, depth);
      }
    }
    return total;
  }

  function field(node: FieldNode, type: GraphQLNamedType, fanout: Fanout, depth: number): number {
    const name = node.name.value;
    if (name.startsWith('__')) return 0;
    // On an abstract type, charge the costliest implementation.
    const candidates = isAbstractType(type) ? [type, ...schema.getPossibleTypes(type)] : [type];
    let best = 0;
    for (const candidate of candidates) {
      const def = fieldDef(candidate, name);
      if (!def) continue;
      let args: Args = {};
      try {
        args = getArgumentValues(def, node, variables);
      } catch {
        args = {};
      }
      const rule = RULES[`${candidate.name}.${name}`];
      const { calls, child } = rule ? rule(args, fanout) : { calls: 0, child: fanout };
      best = Math.max(best, calls + walk(node.selectionSet, getNamedType(def.type), child, depth + 1));
    }
    return best;
  }

  const perField = walk(operation.selectionSet, root, { objects: 1, groups: 1 }, 0);
  if (operation.operation === 'mutation') {
    return perField + MUTATION_CALLS * operation.selectionSet.selections.length;
  }
  return perField;
}

const ESTIMATE = Symbol('estimatedUpstreamCalls');
/** Estimates kept per document (for distinct variables and operation names) before starting over. */
const MEMO_PER_DOCUMENT = 64;

/**
 * The estimate depends only on the schema, the document, the variables and the operation name.
 * Yoga's parser cache hands out the same DocumentNode for the same query text, so estimates are
 * memoised per document object: a repeated query no longer walks its selections every time.
 */
function memoizedEstimate() {
  const memo = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();
  return (
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Record<string, unknown> | undefined,
    operationName?: string | null,
  ): number => {
    let bySchema = memo.get(schema);
    if (!bySchema) {
      bySchema = new WeakMap();
      memo.set(schema, bySchema);
    }
    let byDocument = bySchema.get(document);
    if (!byDocument) {
      byDocument = new Map();
      bySchema.set(document, byDocument);
    }
    const key = `${operationName ?? ''}\n${JSON.stringify(variables ?? null)}`;
    let estimate = byDocument.get(key);
    if (estimate === undefined) {
      estimate = estimateUpstreamCalls(schema, document, variables, operationName);
      if (byDocument.size >= MEMO_PER_DOCUMENT) byDocument.clear();
      byDocument.set(key, estimate);
    }
    return estimate;
  };
}

/** Rejects over-budget documents before any upstream call; reports the cost on every response. */
export function useUpstreamCost(maxUpstreamCalls: number): Plugin<Context> {
  const estimateOf = memoizedEstimate();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const estimate = estimateOf(
        args.schema,
        args.document,
        args.variableValues ?? undefined,
        args.operationName,
      );
      (args.contextValue as Context & { [ESTIMATE]?: number })[ESTIMATE] = estimate;
      if (estimate > maxUpstreamCalls) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(
              `This operation could cost up to ${estimate} calls to 100ms, over the limit of ${maxUpstreamCalls}. ` +
                'Ask for fewer items (smaller `first`), fewer nested lists, or split it into several requests.',
              {
                extensions: {
                  code: 'UPSTREAM_BUDGET_EXCEEDED',
                  estimatedUpstreamCalls: estimate,
                  maxUpstreamCalls,
                },
              },
            ),
          ],
          extensions: { cost: { estimatedUpstreamCalls: estimate, actualUpstreamCalls: 0 } },
        });
      }
      return {
        onExecuteDone({ args: doneArgs, result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const ctx = doneArgs.contextValue as Context & { [ESTIMATE]?: number };
          const cost = {
            estimatedUpstreamCalls: ctx[ESTIMATE] ?? estimate,
            actualUpstreamCalls: ctx.cost.calls,
          };
          setResult({ ...result, extensions: { ...result.extensions, cost } });
        },
      };
    },
  };
}
