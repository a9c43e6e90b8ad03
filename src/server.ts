/**
 * `createGateway(deps)`: the yoga instance and its routes. Reads no env, opens no sockets: main.ts
 * (or an embedding server, or a test) decides where it listens.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import { createYoga, type Plugin } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import { type Authenticate, AuthenticationError, createAuthenticator } from './auth.js';
import { createEntityCache, createMemoryStore, createRedisStore, type EntityCache } from './cache.js';
import { createMemoryUsageStore, createRedisUsageStore } from './caller-usage.js';
import { DEFAULT_PERSISTED_OPERATIONS_MANIFEST, type GatewayConfig } from './config.js';
import { type Context, createContext } from './context.js';
import { checkCostRules } from './cost.js';
import { badUserInput, gqlError, maskError } from './errors.js';
import type { HmsClient } from './hms/api.js';
import { createIdempotencyStore, IDEMPOTENCY_KEY } from './idempotency.js';
import { withEntityCache } from './loaders/cached-api.js';
import type { Logger } from './logger.js';
import { createMetrics, type Metrics } from './metrics.js';
import { createPersistedOperations, usePersistedOperations } from './persisted.js';
import { onlyAt } from './plugins/only-at.js';
import { useArmor } from './plugins/use-armor.js';
import { useBodyLimit } from './plugins/use-body-limit.js';
import { createCallerAuth } from './plugins/use-caller-auth.js';
import { DEFAULT_CALLER_RATE_LIMIT, useCallerRateLimit } from './plugins/use-caller-rate-limit.js';
import { useCompression } from './plugins/use-compression.js';
import { useCsrfPrevention } from './plugins/use-csrf-prevention.js';
import { useIntrospectionSwitch } from './plugins/use-introspection-switch.js';
import { createJitQueries } from './plugins/use-jit-queries.js';
import { useLandingPage } from './plugins/use-landing-page.js';
import { useMetricsRoute } from './plugins/use-metrics-route.js';
import { useOperationLog } from './plugins/use-operation-log.js';
import { DEFAULT_MAX_JSON_DEPTH, jsonDeeperThan, useRequestShape } from './plugins/use-request-shape.js';
import {
  DEFAULT_MAX_SUBSCRIPTIONS_PER_CALLER,
  useSubscriptionLimit,
} from './plugins/use-subscription-limit.js';
import { DEFAULT_MAX_UPSTREAM_CALLS, useUpstreamBudget } from './plugins/use-upstream-budget.js';
import { useUpstreamReadiness } from './plugins/use-upstream-readiness.js';
import { useWarnings } from './plugins/use-warnings.js';
import { createEventBus, type EventBus, workspacePrefix } from './pubsub.js';
import { schema } from './schema/index.js';
import { annotate, cacheEvent, type Telemetry } from './telemetry.js';
import { WARMUP_CALLER, warmUp } from './warmup.js';
import { createMemoryDedupe, createRedisDedupe } from './webhooks/dedupe.js';
import { useWebhookRoute, WEBHOOK_PATH } from './webhooks/route.js';
import { createWebSocketHandler } from './ws.js';
import { yogaLogging } from './yoga-logging.js';

export interface GatewayOptions {
  hms: HmsClient;
  logger: Logger;
  /** Caller authentication, limits and operations settings (`loadConfig().gateway`). */
  config?: Partial<GatewayConfig>;
  /** Share with the client's `onCall` hook so upstream calls are counted. Created when omitted. */
  metrics?: Metrics;
  /** The shared entity cache (Redis-backed across replicas). In-memory LRU when omitted. */
  cache?: EntityCache;
  /**
   * Shared state across replicas: the entity cache (unless `cache` is given), webhook
   * de-duplication and subscription fan-out. The caller owns (and quits) this connection.
   */
  redis?: Redis;
  /** Tracing (`startTelemetry`); without it the gateway adds no tracing plugin at all. */
  telemetry?: Telemetry;
  /** Where webhook events are published and subscriptions listen. Created when omitted. */
  events?: EventBus;
  /**
   * The room GraphiQL's default dashboard query opens with (a demo room in demo mode). Called
   * once, lazily; null leaves the variable for the user to fill.
   */
  graphiqlRoomId?: () => Promise<string | null>;
}

/** Defaults for embedding and tests: no caller auth, the documented limits. */
export const DEFAULT_GATEWAY_CONFIG: GatewayConfig = {
  auth: 'none',
  jwtSecret: null,
  jwksUrl: null,
  jwtIssuer: null,
  jwtAudience: null,
  introspection: true,
  persistedOperations: 'off',
  persistedOperationsManifest: DEFAULT_PERSISTED_OPERATIONS_MANIFEST,
  maxUpstreamCalls: DEFAULT_MAX_UPSTREAM_CALLS,
  maxSubscriptionsPerCaller: DEFAULT_MAX_SUBSCRIPTIONS_PER_CALLER,
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 3000,
  maxBodyBytes: 102_400,
  metricsToken: null,
  shutdownGraceMs: 10_000,
  requestTimeoutMs: 30_000,
  corsOrigins: [],
  cacheMaxEntries: 5000,
  webhookSecret: null,
  webhookHeader: 'x-hms-webhook-secret',
  callerCallsPerMinute: DEFAULT_CALLER_RATE_LIMIT,
};

const DASHBOARD_QUERY = readFileSync(
  new URL('../schema/operations/dashboard.graphql', import.meta.url),
  'utf8',
);
const ROOM_EVENTS_SUBSCRIPTION = readFileSync(
  new URL('../schema/operations/room-events.graphql', import.meta.url),
  'utf8',
);
const ROOM_OPERATIONS_QUERY = readFileSync(
  new URL('../schema/operations/room-operations.graphql', import.meta.url),
  'utf8',
);
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Listed origins get CORS with credentials; `*` lets any other origin read responses but never
 * with credentials (a reflected origin plus credentials would hand every site the caller's
 * cookies' worth of access, `null` origins of sandboxed frames included).
 */
function corsPolicy(origins: string[]) {
  if (origins.length === 0) return false;
  const listed = new Set(origins.filter((o) => o !== '*'));
  const anyOrigin = origins.includes('*');
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (origin && listed.has(origin)) return { origin: [origin], credentials: true };
    if (anyOrigin && origin && origin !== 'null') return { origin: [origin], credentials: false };
    return false as const;
  };
}

export function createGateway({
  hms,
  logger,
  graphiqlRoomId,
  config: overrides,
  metrics: given,
  cache: givenCache,
  redis,
  events: givenEvents,
  telemetry,
}: GatewayOptions) {
  const config: GatewayConfig = { ...DEFAULT_GATEWAY_CONFIG, ...overrides };
  const uncosted = checkCostRules(schema);
  if (uncosted.length > 0) {
    // A field that can reach 100ms with no cost rule would make the estimate blind to it.
    throw new Error(`Fields without an upstream cost rule (src/cost.ts COST_RULES): ${uncosted.join(', ')}`);
  }
  const metrics = given ?? createMetrics();
  const traceWebhooks = (plugin: Plugin) =>
    telemetry ? telemetry.withRequestSpan('webhook 100ms', '/webhooks/100ms', plugin) : plugin;
  const cache =
    givenCache ??
    createEntityCache({
      store: redis ? createRedisStore(redis) : createMemoryStore(config.cacheMaxEntries),
      workspace: hms.accessKey,
      onLookup: (kind, hit) => {
        metrics.cacheLookups.inc({ type: kind, result: hit ? 'hit' : 'miss' });
        if (telemetry) cacheEvent(kind, hit);
      },
    });
  const cachedSend = withEntityCache(hms.send, cache);
  const extras = {
    managementToken: () => hms.tokens.managementToken(),
    request: hms.request.bind(hms),
  };
  const events =
    givenEvents ??
    createEventBus({
      workspace: hms.accessKey,
      redis,
      logger,
      onSubscribers: (count) => metrics.subscriptions.set(count),
    });
  const dedupe = redis ? createRedisDedupe(redis, workspacePrefix(hms.accessKey)) : createMemoryDedupe();
  const authenticate: Authenticate = createAuthenticator(config);
  const callerAuth = createCallerAuth(authenticate);
  const idempotency = createIdempotencyStore({ redis, prefix: workspacePrefix(hms.accessKey) });
  let draining = false;
  const resolvePersisted = createPersistedOperations({
    mode: config.persistedOperations,
    manifestPath: config.persistedOperationsManifest,
    cache,
  });
  let roomId: Promise<string | null> | undefined;
  const defaultRoomId = () => {
    roomId ??= (graphiqlRoomId?.() ?? Promise.resolve(null)).catch((error: unknown) => {
      logger.warn({ err: error }, 'could not pick a room for the GraphiQL default query');
      roomId = undefined;
      return null;
    });
    return roomId;
  };

  const jitQueries = createJitQueries({ onCompile: (outcome) => metrics.compiledQueries.inc({ outcome }) });
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    // GraphQL over HTTP's persisted documents name an operation by `documentId` (src/persisted.ts).
    extraParamNames: ['documentId'],
    // useBodyLimit enforces GATEWAY_MAX_BODY_BYTES on every POST body, more cheaply.
    maxRequestBodySize: false,
    healthCheckEndpoint: '/health',
    landingPage: false,
    cors: corsPolicy(config.corsOrigins),
    logging: yogaLogging(logger),
    maskedErrors: { maskError },
    // Inlined assets: GraphiQL must work with no internet (the default build loads from a CDN).
    // Loaded on first use: importing the 9 MB bundle at startup cost ~0.6 s and ~50 MiB of RSS.
    renderGraphiQL: async (options) =>
      (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    graphiql: async () => ({
      title: 'hms-graph',
      defaultTabs: [
        {
          query: DASHBOARD_QUERY,
          variables: JSON.stringify(
            { roomId: (await defaultRoomId()) ?? 'paste a 100ms room id', sessions: 10 },
            null,
            2,
          ),
        },
        {
          query: ROOM_EVENTS_SUBSCRIPTION,
          variables: JSON.stringify({ roomId: (await defaultRoomId()) ?? 'paste a 100ms room id' }, null, 2),
        },
        {
          // Polls, webhook deliveries, peer quality, recording configs and ingest keys.
          query: ROOM_OPERATIONS_QUERY,
          variables: JSON.stringify({ roomId: (await defaultRoomId()) ?? 'paste a 100ms room id' }, null, 2),
        },
      ],
      defaultEditorToolsVisibility: 'variables',
      // Not needed by the CSRF check any more (GETs and JSON POSTs pass); kept so older
      // gateways behind the same page keep working.
      additionalHeaders: { 'x-graphql-yoga-csrf': 'graphiql' },
      // GraphiQL 5 fills the first tab's variables editor from this option, not from defaultTabs[0];
      // without it the default query runs with no variables ("$roomId was not provided").
      variables: JSON.stringify(
        { roomId: (await defaultRoomId()) ?? 'paste a 100ms room id', sessions: 10 },
        null,
        2,
      ),
    }),
    context: async ({ request }) => {
      const caller = await callerAuth.callerOf(request);
      const incoming = request.headers.get('x-request-id');
      let idempotencyKey = request.headers.get('idempotency-key');
      if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
        throw badUserInput('Idempotency-Key must be 1-255 printable ASCII characters');
      }
      const warnings: string[] = [];
      if (idempotencyKey !== null && config.auth === 'jwt' && caller.subject === null) {
        // Without `sub`, two different callers could hold identical claims: never share replays.
        idempotencyKey = null;
        warnings.push(
          'Idempotency-Key ignored: the token has no sub claim, so a replay could not be tied to one caller',
        );
      }
      return createContext({
        caller,
        send: cachedSend,
        extras,
        maxUpstreamCalls: config.maxUpstreamCalls,
        requestTimeoutMs: config.requestTimeoutMs,
        cache,
        logger,
        events,
        requestId: incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID(),
        signal: request.signal,
        idempotencyKey,
        idempotency,
        warnings,
      });
    },
    plugins: [
      jitQueries.plugin,
      useCompression(),
      useLandingPage(),
      useRequestShape(),
      onlyAt('/metrics', useMetricsRoute({ metrics, hms, token: config.metricsToken })),
      onlyAt(
        WEBHOOK_PATH,
        traceWebhooks(
          useWebhookRoute({
            secret: config.webhookSecret,
            header: config.webhookHeader,
            maxBodyBytes: config.maxBodyBytes,
            dedupe,
            events,
            cache,
            logger,
            onDelivery: (type, outcome) => {
              metrics.webhooks.inc({ type, outcome });
              if (telemetry) annotate({ 'hms.webhook.type': type, 'hms.webhook.outcome': outcome });
            },
          }),
        ),
      ),
      useBodyLimit({ maxBytes: config.maxBodyBytes }),
      callerAuth.plugin,
      useCsrfPrevention(),
      usePersistedOperations(resolvePersisted),
      useIntrospectionSwitch({ enabled: config.introspection }),
      useArmor({
        maxDepth: config.maxDepth,
        maxAliases: config.maxAliases,
        maxTokens: config.maxTokens,
        blockFieldSuggestions: config.auth === 'jwt',
      }),
      // Before the limits, so refused operations are traced too; see use-operation-tracing.ts.
      ...(telemetry ? telemetry.operationPlugins() : []),
      // Before the budget: a caller over its limit is refused whatever the document costs.
      useCallerRateLimit({
        limit: config.callerCallsPerMinute,
        store: redis
          ? createRedisUsageStore(redis, workspacePrefix(hms.accessKey))
          : createMemoryUsageStore(),
        logger,
      }),
      useSubscriptionLimit({ maxPerCaller: config.maxSubscriptionsPerCaller }),
      useUpstreamBudget({ maxUpstreamCalls: config.maxUpstreamCalls }),
      useOperationLog({ logger, metrics }),
      useWarnings(),
      onlyAt(
        '/ready',
        useUpstreamReadiness({
          hms,
          health: metrics.upstreamHealth,
          logger,
          draining: () => draining,
          // Once warm-up was asked for (main.ts does), not ready before it has succeeded.
          warmedUp: () => (warmRequested ? warm() : Promise.resolve()),
        }),
      ),
    ],
  });

  const webSockets = createWebSocketHandler({
    path: yoga.graphqlEndpoint,
    allowedOrigins: config.corsOrigins,
    maxPayload: config.maxBodyBytes,
    logger,
    draining: () => draining,
    authorize: async (authorization) => {
      try {
        await authenticate(authorization);
        return true;
      } catch (error) {
        if (error instanceof AuthenticationError) return false;
        throw error;
      }
    },
    // Yoga's graphql-ws recipe: the same envelop pipeline (plugins, context) as HTTP requests.
    prepare: async (payload, request) => {
      // useRequestShape's check, which runs on HTTP parameters only (onParams).
      for (const name of ['variables', 'extensions'] as const) {
        if (jsonDeeperThan(payload[name], DEFAULT_MAX_JSON_DEPTH)) {
          return [
            gqlError('BAD_USER_INPUT', `Request ${name} nest deeper than ${DEFAULT_MAX_JSON_DEPTH} levels`),
          ];
        }
      }
      const params = await resolvePersisted(payload, request);
      const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
        request,
        params: { ...params, query: params.query, operationName: params.operationName ?? undefined },
      } as never);
      if (!params.query) return [gqlError('BAD_USER_INPUT', 'Must provide query string.')];
      const document = parse(params.query);
      const errors = validate(schema, document);
      if (errors.length > 0) return errors;
      return {
        schema,
        document,
        operationName: params.operationName,
        variableValues: params.variables,
        contextValue: await contextFactory(),
        rootValue: { execute, subscribe },
      };
    },
  });

  /** A GraphQL request through the whole gateway, in process, as the warm-up's read-only caller. */
  const executeInProcess = async (query: string, variables: Record<string, unknown>) => {
    const request = new Request('http://hms-graph.internal/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-request-id': 'warm-up' },
      body: JSON.stringify({ query, variables }),
    });
    callerAuth.trust(request, WARMUP_CALLER);
    return (await yoga.fetch(request)).json();
  };
  let warming: Promise<void> | undefined;
  let warmRequested = false;
  /**
   * Warm before ready (src/warmup.ts); `origin` is where the server listens (loopback), for one
   * round over HTTP. Idempotent; `/ready` answers 503 until it has succeeded,
   * and a failed warm-up (100ms unreachable) runs again on the next `/ready` probe.
   */
  const warm = (options: { origin?: string } = {}): Promise<void> => {
    warmRequested = true;
    warming ??= warmUp({
      yoga,
      prepare: jitQueries.load,
      hms,
      schema,
      logger,
      execute: executeInProcess,
      origin: options.origin,
    }).catch((error: unknown) => {
      warming = undefined;
      throw error;
    });
    return warming;
  };

  return {
    yoga,
    hms,
    metrics,
    config,
    cache,
    events,
    /**
     * Shutdown begins: `/ready` answers 503 and every response carries `Connection: close`, while
     * the listener still accepts (main.ts waits GATEWAY_SHUTDOWN_DELAY_MS before closing it).
     */
    beginShutdown() {
      draining = true;
    },
    get draining() {
      return draining;
    },
    warm,
    /**
     * GraphQL over WebSocket on the GraphQL path of a node:http server (`server.on('upgrade')`).
     * Call it where the server is created; `ws` and graphql-ws load on the first upgrade.
     */
    attachWebSockets: (server: HttpServer) => webSockets.attach(server),
    webSockets,
    /**
     * Ends open subscriptions (so a drain is not held up by them), closes WebSockets with 1001
     * (going away), and the bus created here.
     */
    async close() {
      await webSockets.close();
      if (!givenEvents) await events.close();
    },
  };
}

export type Gateway = ReturnType<typeof createGateway>;
