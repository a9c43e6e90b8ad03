/**
 * Warm before ready: what the first request after a start would otherwise pay for, paid before
 * `/ready` first answers 200. The management token is minted; every known operation
 * (schema/operations/) goes through the gateway's own parse and validate (filling yoga's parser
 * and validation caches) and through the upstream-call estimate (the plan); before that, the
 * dashboard runs end to end, in process (twice: its second run compiles it with graphql-jit), on the room of the workspace's latest session, and
 * once more over loopback HTTP once the server listens. That opens as many upstream connections
 * as a dashboard uses at once and compiles the code a request runs: measured, a first request
 * after parse/validate/plan alone was still several times the warm median, almost all of it V8
 * compiling the execution path (and the Node HTTP adapter's) on first use.
 */
import { readdirSync, readFileSync } from 'node:fs';
import {
  type DocumentNode,
  type GraphQLSchema,
  getNamedType,
  getOperationAST,
  isEnumType,
  isNonNullType,
  isScalarType,
  Kind,
  type OperationDefinitionNode,
  typeFromAST,
} from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import type { Caller } from './auth.js';
import { estimateUpstreamCalls } from './cost.js';
import type { HmsClient } from './hms/api.js';
import type { Logger } from './logger.js';

/** Who the warm-up's in-process requests run as: reads only, every room, its own rate-limit bucket. */
export const WARMUP_CALLER: Caller = Object.freeze({
  subject: 'hms-graph warm-up',
  issuer: null,
  scopes: new Set<string>(['hms:read']),
  rooms: null,
});

/** Connections one dashboard uses at once: the room, its sessions, the room-wide recordings and assets. */
export const WARM_CONNECTIONS = 4;

const OPERATIONS_DIR = new URL('../schema/operations/', import.meta.url);

/** The known operations' texts, as clients send them (codegen and GraphiQL use these files). */
export function knownOperations(dir: URL = OPERATIONS_DIR): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.graphql'))
      .sort()
      .map((name) => readFileSync(new URL(name, dir), 'utf8'));
  } catch {
    // An embedding server may ship without the operations: nothing to warm then.
    return [];
  }
}

/** Placeholder values for required variables without defaults, so the estimate can run. */
function placeholderVariables(schema: GraphQLSchema, operation: OperationDefinitionNode) {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue || definition.type.kind !== Kind.NON_NULL_TYPE) continue;
    const type = typeFromAST(schema, definition.type);
    if (!type || !isNonNullType(type)) continue;
    const named = getNamedType(type);
    const value = isEnumType(named)
      ? named.getValues()[0]?.value
      : isScalarType(named)
        ? (({ Int: 1, Float: 1, Boolean: false } as Record<string, unknown>)[named.name] ?? 'warmup')
        : undefined;
    if (value === undefined) return undefined;
    variables[definition.variable.name.value] = value;
  }
  return variables;
}

export interface WarmupOptions {
  // biome-ignore lint/suspicious/noExplicitAny: any yoga instance; only getEnveloped is used
  yoga: YogaServerInstance<any, any>;
  hms: HmsClient;
  schema: GraphQLSchema;
  logger: Logger;
  operations?: string[];
  /**
   * Runs a GraphQL request through the whole gateway in process, as a trusted read-only caller
   * (see server.ts); resolves to the parsed answer.
   */
  execute(query: string, variables: Record<string, unknown>): Promise<unknown>;
  /**
   * Where the gateway listens (loopback), to send the dashboard once more over HTTP: the Node
   * HTTP adapter's request and response paths are cold otherwise. Without caller auth it runs; with
   * it, it is refused with 401, which still warms the same paths.
   */
  origin?: string;
  /** Loads what repeated queries run on (graphql-jit), before the dashboard runs. */
  prepare?: () => Promise<void>;
}

interface LatestSessionAnswer {
  data?: { sessions?: { nodes?: Array<{ room?: { hmsId?: string } }> } };
}

/** Runs the warm-up once; rejects when 100ms cannot be reached (so `/ready` stays 503). */
export async function warmUp({
  yoga,
  hms,
  schema,
  logger,
  execute,
  origin,
  prepare,
  operations = knownOperations(),
}: WarmupOptions) {
  const started = performance.now();
  await Promise.all([hms.tokens.managementToken(), prepare?.()]);
  // The dashboard first: it is what the first person opens, and it runs while the rest is prepared.
  const dashboard = operations.find((source) => /^\s*query\s+Dashboard\b/m.test(source));
  const roomId = await runDashboard(execute, dashboard).catch((error: unknown) => {
    logger.debug({ err: error }, 'warm-up: the dashboard could not run');
    return null;
  });
  const executed = roomId !== null;
  if (origin && dashboard && roomId) {
    await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'warm-up' },
      body: JSON.stringify({ query: dashboard, variables: { roomId } }),
    })
      .then((response) => response.arrayBuffer())
      .catch((error: unknown) => logger.debug({ err: error }, 'warm-up: the HTTP round could not run'));
  }
  if (!executed) {
    // No room to run it on: at least open the connections a dashboard's round trip uses.
    await Promise.all(Array.from({ length: WARM_CONNECTIONS }, () => hms.templates.list({ limit: 1 })));
  }
  let planned = 0;
  for (const source of operations) {
    try {
      const { parse, validate } = yoga.getEnveloped({});
      const document = parse(source) as DocumentNode;
      if (validate(schema, document).length > 0) continue;
      const operation = getOperationAST(document);
      const variables = operation && placeholderVariables(schema, operation);
      if (operation && variables) {
        estimateUpstreamCalls(schema, document, variables, operation.name?.value, { confinedRooms: null });
        planned += 1;
      }
    } catch (error) {
      logger.debug({ err: error }, 'warm-up: an operation could not be prepared');
    }
  }
  logger.info(
    { operations: operations.length, planned, executed, ms: Math.round(performance.now() - started) },
    'warmed up: token minted, a dashboard run, known operations parsed, validated and planned',
  );
}

/**
 * The dashboard on the room of the workspace's latest session (a room with sessions, peers and
 * likely recordings exercises every resolver a dashboard has); that room, or null when there is
 * none.
 */
async function runDashboard(execute: WarmupOptions['execute'], dashboard: string | undefined) {
  if (!dashboard) return null;
  const latest = (await execute(
    'query WarmUp { sessions(first: 1) { nodes { room { hmsId } } } }',
    {},
  )) as LatestSessionAnswer;
  const roomId = latest.data?.sessions?.nodes?.[0]?.room?.hmsId;
  if (!roomId) return null;
  // Twice: a query is compiled (src/plugins/use-jit-queries.ts) on its second run.
  await execute(dashboard, { roomId });
  await execute(dashboard, { roomId });
  return roomId;
}
