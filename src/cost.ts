/**
 * The upstream-call estimate, GitHub/Shopify style: before executing, how many 100ms calls a
 * document can cost, following the loaders' batching rules and the catalogue's cost and room
 * rules. It is the up-front refusal; the per-request counter (`beforeSend` in context.ts) is what
 * makes the budget hold whatever the estimate missed.
 *
 * The estimate is an upper bound of the *batched* plan: a field costs calls per *group* where the
 * loaders batch (sibling sessions of one room share one recordings call), per parent object where
 * they cannot (one presigned URL per asset), and nothing where data is embedded (session peers).
 *
 * Sound by construction: fragments (inline or spread, nested or chained) are walked at the depth
 * of the field they sit in, spreads are memoised, and a document it cannot walk throws
 * `CannotEstimateError` (the plugin refuses it) instead of counting as 0. Every field of the
 * schema that returns an object must have a rule here or be declared free (`checkCostRules`,
 * run at gateway start and in the tests), so a new field cannot silently cost nothing.
 */
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getOperationAST,
  isAbstractType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import { type EndpointName, specOf } from './hms/endpoints.js';

/** How many parent objects reach a field, and in how many batchable groups (rooms) they fall. */
export interface Fanout {
  objects: number;
  groups: number;
}

/** Who asks: a caller confined by `hms_rooms` pays per room for workspace lists. */
export interface CostEnv {
  /** Number of rooms of a confined caller; null when unconfined. */
  confinedRooms: number | null;
}

type Args = Record<string, unknown>;
export type Rule = (args: Args, parent: Fanout, env: CostEnv) => { calls: number; child: Fanout };

export class CannotEstimateError extends Error {
  override readonly name = 'CannotEstimateError';
}

const first = (args: Args, fallback = 20) => (typeof args.first === 'number' ? args.first : fallback);
/** Upper bound for lists whose size the query does not bound (assets of a job, live peers). */
const UNBOUNDED = 20;
/** Deeper than any valid document (GATEWAY_MAX_DEPTH is validated first): refuse, don't guess. */
const MAX_FIELD_DEPTH = 64;

/** A window of `n` costs ceil((n + 1) / pageSize) list pages (the extra item makes hasNextPage exact). */
function pagesOf(endpoint: EndpointName, n: number): number {
  const cost = specOf(endpoint).cost;
  const pageSize = cost.kind === 'pages' ? cost.pageSize : 1;
  return Math.ceil((n + 1) / pageSize);
}

/** What a list costs given who asks, from the endpoint's room policy (see `src/loaders/confine.ts`). */
function listCalls(endpoint: EndpointName, n: number, filteredByRoom: boolean, env: CostEnv): number {
  const pages = pagesOf(endpoint, n);
  const rooms = env.confinedRooms;
  if (rooms === null) return pages;
  const policy = specOf(endpoint).room;
  if (policy === 'workspace') return 2 * rooms; // the rooms, then their templates by id
  if (policy === 'admin') return 0;
  if (policy.from === 'rooms') return rooms;
  if (policy.from === 'query' && !filteredByRoom) return rooms * pages;
  return pages;
}

/** Extra calls the room guard makes before the call itself (lookups of the object's room). */
function guardCalls(endpoint: EndpointName, env: CostEnv): number {
  const rooms = env.confinedRooms;
  if (rooms === null) return 0;
  const policy = specOf(endpoint).room;
  if (policy === 'workspace') return rooms;
  if (policy !== 'admin' && policy.from === 'lookup') return 'param' in policy ? 1 : rooms;
  if (policy !== 'admin' && policy.from === 'attached') return rooms;
  return 0;
}

const hasRoomFilter = (args: Args) => {
  const filter = args.filter as { roomId?: unknown } | null | undefined;
  return filter?.roomId !== undefined && filter?.roomId !== null;
};

const lookup =
  (endpoint: EndpointName): Rule =>
  (_args, parent, env) => ({
    calls: parent.objects * (1 + guardCalls(endpoint, env)),
    child: { objects: parent.objects, groups: parent.groups },
  });
const rootConnection =
  (endpoint: EndpointName): Rule =>
  (args, parent, env) => ({
    calls: listCalls(endpoint, first(args), hasRoomFilter(args), env),
    child: { objects: parent.objects * first(args), groups: first(args) },
  });
/** One list call per room (the room id is in the filter). */
const perRoomConnection =
  (endpoint: EndpointName): Rule =>
  (args, parent) => ({
    calls: parent.objects * pagesOf(endpoint, first(args)),
    child: { objects: parent.objects * first(args), groups: parent.objects },
  });
/** A poll's sub-list: one page of `first + 1` per poll, after the room check of a confined caller. */
const pollList =
  (endpoint: EndpointName): Rule =>
  (args, parent, env) => ({
    calls: parent.objects * (pagesOf(endpoint, first(args)) + guardCalls(endpoint, env)),
    child: { objects: parent.objects * first(args), groups: parent.objects * first(args) },
  });
/** Batched per room by the session-children loaders. */
const perGroup: Rule = (args, parent) => ({
  calls: parent.groups,
  child: { objects: parent.objects * first(args, UNBOUNDED), groups: parent.groups },
});
const perObject =
  (endpoint: EndpointName): Rule =>
  (_args, parent, env) => ({ calls: parent.objects * (1 + guardCalls(endpoint, env)), child: parent });
const perObjectList: Rule = (_args, parent) => ({
  calls: parent.objects,
  child: { objects: parent.objects * UNBOUNDED, groups: parent.groups },
});
/** By-id lookups of objects the request has usually loaded already: at most one per group. */
const reference: Rule = (_args, parent) => ({ calls: parent.groups, child: parent });
/** Objects of a webhook event loaded by id (one GET each, or one list for several of a session). */
const eventObjects: Rule = (_args, parent) => ({
  calls: parent.objects * 2,
  child: { objects: parent.objects * UNBOUNDED, groups: parent.groups },
});
/** Reads only what the parent already holds. */
const free: Rule = (_args, parent) => ({ calls: 0, child: parent });
const embeddedList: Rule = (_args, parent) => ({
  calls: 0,
  child: { objects: parent.objects * UNBOUNDED, groups: parent.groups },
});

const EVENT_TYPES = [
  'PeerJoined',
  'PeerLeft',
  'RoleChanged',
  'SessionOpened',
  'SessionClosed',
  'RoomEnded',
  'RecordingStateChanged',
  'TranscriptionReady',
  'TranscriptionStarted',
  'TranscriptionFailed',
  'IngestStarted',
  'IngestEnded',
  'IngestFailed',
  'TrackRecordingStateChanged',
  'StreamRecordingStateChanged',
  'TrackEvent',
  'RecordingEvent',
  'ErrorEvent',
  'GenericAnalyticsEvent',
];

/**
 * Every field that can reach 100ms, by `Type.field`. A field missing here that returns an object
 * fails `checkCostRules` unless it is a connection's plumbing or a mutation payload.
 */
export const COST_RULES: Record<string, Rule> = {
  // Any type by id; for a confined caller a template also costs the lookup of its rooms.
  'Query.node': (_args, parent, env) => ({
    calls: parent.objects * (1 + (env.confinedRooms ?? 0)),
    child: { objects: parent.objects, groups: parent.groups },
  }),
  'Query.nodes': (args, parent, env) => {
    const n = Array.isArray(args.ids) ? args.ids.length : 1;
    return { calls: n * (1 + (env.confinedRooms ?? 0)), child: { objects: parent.objects * n, groups: n } };
  },
  'Query.room': lookup('rooms.get'),
  'Query.session': lookup('sessions.get'),
  'Query.recording': lookup('recordings.get'),
  'Query.recordingAsset': lookup('recordingAssets.get'),
  'Query.liveStream': lookup('liveStreams.get'),
  'Query.externalStream': lookup('externalStreams.get'),
  'Query.template': lookup('templates.get'),
  'Query.activeRoom': lookup('activeRooms.get'),
  'Query.rooms': rootConnection('rooms.list'),
  'Query.sessions': rootConnection('sessions.list'),
  'Query.recordings': rootConnection('recordings.list'),
  'Query.recordingAssets': rootConnection('recordingAssets.list'),
  'Query.liveStreams': rootConnection('liveStreams.list'),
  'Query.externalStreams': rootConnection('externalStreams.list'),
  'Query.templates': rootConnection('templates.list'),
  'Query.analyticsEvents': (args, parent) => ({
    calls: pagesOf('analytics.events', first(args)),
    child: { objects: parent.objects * first(args), groups: 1 },
  }),
  'Room.sessions': perRoomConnection('sessions.list'),
  'Room.recordings': perRoomConnection('recordings.list'),
  'Room.recordingAssets': perRoomConnection('recordingAssets.list'),
  'Room.liveStreams': perRoomConnection('liveStreams.list'),
  'Room.externalStreams': perRoomConnection('externalStreams.list'),
  'Room.roomCodes': perObjectList,
  'Room.activeRoom': perObject('activeRooms.get'),
  'Room.activeSession': (args, parent, env) => ({
    calls: parent.objects * 2,
    child: perObject('activeRooms.get')(args, parent, env).child,
  }),
  'Room.template': (_args, parent, env) => ({
    calls: parent.groups * (1 + guardCalls('templates.get', env)),
    child: parent,
  }),
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
  'ExternalStream.resolution': free,
  'RecordingAsset.room': reference,
  'RecordingAsset.session': reference,
  'RecordingAsset.job': (_args, parent) => ({ calls: parent.groups * 3, child: parent }),
  'RecordingAsset.presignedUrl': perObject('recordingAssets.presignedUrl'),
  'ActiveRoom.peers': perObjectList,
  'ActiveRoom.room': reference,
  'ActiveRoom.session': reference,
  'ActivePeer.tracks': perObject('activeRooms.getPeer'),
  'RoomCode.room': reference,
  'Template.role': free,
  'Template.roles': embeddedList,
  'TemplateRole.permissions': free,
  // Page-numbered history: a window of `first` ≤ 100 spans at most two pages of 100.
  'Query.webhookDeliveries': (args, parent) => ({
    calls: parent.objects * (Math.ceil(first(args) / 100) + 1),
    child: { objects: parent.objects * first(args), groups: first(args) },
  }),
  'Room.webhookDeliveries': (args, parent) => ({
    calls: parent.objects * (Math.ceil(first(args) / 100) + 1),
    child: { objects: parent.objects * first(args), groups: parent.objects * first(args) },
  }),
  'WebhookDelivery.room': reference,
  'WebhookDelivery.session': reference,
  'Query.webhookReplay': lookup('analytics.replayStatus'),
  // One stats call per peer: the named ones, else `first` (default 10).
  'Session.peerStats': (args, parent) => {
    const peers = Array.isArray(args.peerIds) ? args.peerIds.length : first(args, 10);
    return {
      calls: parent.objects * peers,
      child: { objects: parent.objects * peers, groups: parent.groups },
    };
  },
  'PeerStats.peer': free,
  'PeerStats.session': reference,
  'PeerStats.room': reference,
  'PeerStats.tracks': embeddedList,
  'PeerStatsTrack.samples': embeddedList,
  'Query.poll': lookup('polls.get'),
  // One call per poll of the room (the first `first`, default 10) after the room itself.
  'Room.polls': (args, parent, env) => {
    const n = first(args, 10);
    return {
      calls: parent.objects * n * (1 + guardCalls('polls.get', env)),
      child: { objects: parent.objects * n, groups: parent.objects * n },
    };
  },
  'Session.polls': (args, parent, env) => {
    const n = first(args, 10);
    return {
      calls: parent.groups + parent.objects * n * (1 + guardCalls('polls.getRun', env)),
      child: { objects: parent.objects * n, groups: parent.objects * n },
    };
  },
  'Poll.questions': embeddedList,
  'PollQuestion.options': embeddedList,
  'PollQuestion.answer': free,
  'PollQuestion.attachments': embeddedList,
  'Poll.runs': pollList('polls.listRuns'),
  'Poll.responses': pollList('polls.listResponses'),
  'Poll.results': pollList('polls.listResults'),
  'Poll.response': perObject('polls.getResponse'),
  'Poll.result': perObject('polls.getResult'),
  'PollRun.poll': (_args, parent, env) => ({
    calls: parent.groups * (1 + guardCalls('polls.get', env)),
    child: parent,
  }),
  'PollRun.session': reference,
  'PollResponse.session': reference,
  'Room.streamKeys': (_args, parent) => ({
    calls: parent.objects,
    child: { objects: parent.objects, groups: parent.objects },
  }),
  'StreamKey.room': reference,
  'Room.recordingInfo': free,
  'RoomRecordingInfo.storage': free,
  'Template.recordingConfigs': perObject('templates.getRecordings'),
  // Answered from the caller-usage store, never from 100ms.
  'Query.rateLimit': free,
  'Subscription.roomEvents': free,
  'Subscription.events': free,
  'RecordingStateChanged.assets': eventObjects,
  'RecordingStateChanged.job': (_args, parent) => ({ calls: parent.objects, child: parent }),
  'RecordingStateChanged.recording': (_args, parent) => ({ calls: parent.objects, child: parent }),
  'TranscriptionReady.assets': eventObjects,
  'TranscriptionReady.recording': (_args, parent) => ({ calls: parent.objects, child: parent }),
  'TranscriptionStarted.recording': (_args, parent) => ({ calls: parent.objects, child: parent }),
  'TranscriptionFailed.recording': (_args, parent) => ({ calls: parent.objects, child: parent }),
  'TrackRecordingStateChanged.assets': eventObjects,
  'StreamRecordingStateChanged.assets': eventObjects,
  ...Object.fromEntries(
    EVENT_TYPES.flatMap((type) => [
      [`${type}.room`, reference],
      [`${type}.session`, reference],
    ]),
  ),
};

/** Mutations: the call itself plus the checks some make first (room, template). */
const MUTATION_CALLS = 3;

/**
 * Fields returning objects that have no rule and are not plumbing (connections, edges, mutation
 * payloads): each one could reach 100ms uncounted. Empty for a sound schema.
 */
export function checkCostRules(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const mutation = schema.getMutationType()?.name;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type.name === mutation) continue;
    if (/(Connection|Edge)$/.test(type.name) || /Success$/.test(type.name)) continue;
    for (const field of Object.values(type.getFields())) {
      if (isLeafType(getNamedType(field.type))) continue;
      if (!COST_RULES[`${type.name}.${field.name}`]) missing.push(`${type.name}.${field.name}`);
    }
  }
  return missing;
}

/**
 * Upper bound of the 100ms calls of one operation, with variables already coerced.
 * @throws CannotEstimateError when the document cannot be walked (it must then be refused).
 */
export function estimateUpstreamCalls(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
  env: CostEnv = { confinedRooms: null },
): number {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) throw new CannotEstimateError('no operation to estimate');
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const def of document.definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) throw new CannotEstimateError(`the schema has no ${operation.operation} type`);

  const fieldDef = (type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined =>
    isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
  /** Spread costs by fragment, type and fan-out: a chain of spreads is walked once per shape. */
  const spreads = new Map<string, number>();
  const active = new Set<string>();

  function walk(
    selectionSet: SelectionSetNode | undefined,
    type: GraphQLNamedType,
    fanout: Fanout,
    depth: number,
  ): number {
    if (!selectionSet) return 0;
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        total += walk(selection.selectionSet, on ?? type, fanout, depth);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments[name];
        const on = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
        if (!fragment || !on) throw new CannotEstimateError(`unknown fragment ${name}`);
        const key = `${name}\n${on.name}\n${fanout.objects}\n${fanout.groups}\n${depth}`;
        let cost = spreads.get(key);
        if (cost === undefined) {
          if (active.has(key)) throw new CannotEstimateError(`fragment ${name} spreads itself`);
          active.add(key);
          cost = walk(fragment.selectionSet, on, fanout, depth);
          active.delete(key);
          spreads.set(key, cost);
        }
        total += cost;
      } else {
        total += field(selection, type, fanout, depth + 1);
      }
    }
    return total;
  }

  function field(node: FieldNode, type: GraphQLNamedType, fanout: Fanout, depth: number): number {
    const name = node.name.value;
    if (name.startsWith('__')) return 0;
    if (depth > MAX_FIELD_DEPTH) throw new CannotEstimateError('selection too deep to estimate');
    // On an abstract type, charge the costliest implementation.
    const candidates = isAbstractType(type) ? [type, ...schema.getPossibleTypes(type)] : [type];
    let best = 0;
    for (const candidate of candidates) {
      const def = fieldDef(candidate, name);
      if (!def) continue;
      let args: Args;
      try {
        args = getArgumentValues(def, node, variables);
      } catch (error) {
        throw new CannotEstimateError(`arguments of ${candidate.name}.${name}: ${(error as Error).message}`);
      }
      const rule = COST_RULES[`${candidate.name}.${name}`];
      const { calls, child } = rule ? rule(args, fanout, env) : { calls: 0, child: fanout };
      best = Math.max(best, calls + walk(node.selectionSet, getNamedType(def.type), child, depth));
    }
    return best;
  }

  let total: number;
  try {
    total = walk(operation.selectionSet, root, { objects: 1, groups: 1 }, 0);
  } catch (error) {
    if (error instanceof RangeError) throw new CannotEstimateError('selection too deep to estimate');
    throw error;
  }
  if (operation.operation === 'mutation') {
    total += (MUTATION_CALLS + (env.confinedRooms ?? 0)) * operation.selectionSet.selections.length;
  }
  if (!Number.isFinite(total) || Number.isNaN(total)) throw new CannotEstimateError('unbounded estimate');
  return total;
}
