/**
 * `createGateway(deps)`: the yoga instance and its routes. Reads no env, opens no sockets: main.ts
 * (or an embedding server, or a test) decides where it listens.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { type GraphQLError, getOperationAST, NoSchemaIntrospectionCustomRule } from 'graphql';
import { createYoga, type Plugin, useReadinessCheck } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import { createAuthenticator } from './auth.js';
import { createEntityCache, createMemoryStore, createRedisStore, type EntityCache } from './cache.js';
import { createMemoryUsageStore, createRedisUsageStore } from './caller-usage.js';
import { DEFAULT_PERSISTED_OPERATIONS_MANIFEST, type GatewayConfig } from './config.js';
import { type Context, createContext } from './context.js';
import { checkCostRules } from './cost.js';
import { badUserInput, gqlError, maskError, maskedCode } from './errors.js';
import type { HmsClient } from './hms/api.js';
import { BodyTooLargeError, readBodyLimited } from './http-body.js';
import { createIdempotencyStore, IDEMPOTENCY_KEY } from './idempotency.js';
import { withEntityCache } from './loaders/cached-api.js';
import type { Logger } from './logger.js';
import { createMetrics, type Metrics } from './metrics.js';
import { usePersistedOperationsManifest } from './persisted.js';
import { createCallerAuth } from './plugins/use-caller-auth.js';
import { DEFAULT_CALLER_RATE_LIMIT, useCallerRateLimit } from './plugins/use-caller-rate-limit.js';
import { useCsrfPrevention } from './plugins/use-csrf-prevention.js';
import { useLandingPage } from './plugins/use-landing-page.js';
import { useRequestShape } from './plugins/use-request-shape.js';
import {
  DEFAULT_MAX_SUBSCRIPTIONS_PER_CALLER,
  useSubscriptionLimit,
} from './plugins/use-subscription-limit.js';
import { DEFAULT_MAX_UPSTREAM_CALLS, useUpstreamBudget } from './plugins/use-upstream-budget.js';
import { useWarnings } from './plugins/use-warnings.js';
import { createEventBus, type EventBus, workspacePrefix } from './pubsub.js';
import { schema } from './schema/index.js';
import { createMemoryDedupe, createRedisDedupe } from './webhooks/dedupe.js';
import { useWebhookRoute } from './webhooks/route.js';
import { capText, yogaLogging } from './yoga-logging.js';

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
const REQUEST_ID = /^[\w.:-]{1,128}$/;
/** A successful 100ms answer younger than this makes /ready answer without a probe. */
const READY_FRESH_MS = 60_000;

function tooLarge(maxBytes: number): GraphQLError {
  // The rest of the body may still be arriving: the socket cannot carry another request.
  return gqlError('BAD_USER_INPUT', `Request body exceeds ${maxBytes} bytes (GATEWAY_MAX_BODY_BYTES)`, {
    http: { status: 413, headers: { connection: 'close' } },
  });
}

/**
 * GATEWAY_MAX_BODY_BYTES for every POST body. JSON (the GraphQL path) is read here and counted as
 * it streams; any other body (form, multipart, application/graphql) must declare a length within
 * the limit, which Node's HTTP parser then enforces. It replaces Yoga's own limiter
 * (`maxRequestBodySize: false`), which piped every body through one more TransformStream and made
 * a cache-hit query cost ~1.7x the CPU.
 */
function useBodyLimit(maxBytes: number): Plugin {
  return {
    onRequestParse({ request, setRequestParser }) {
      if (request.method !== 'POST') return;
      const declared = request.headers.get('content-length');
      if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
      const type = request.headers.get('content-type') ?? '';
      if (!type.includes('json')) {
        if (declared === null && request.headers.has('transfer-encoding')) {
          throw gqlError('BAD_USER_INPUT', 'Send a Content-Length with non-JSON request bodies', {
            http: { status: 411 },
          });
        }
        return;
      }
      setRequestParser(async (req) => {
        let text: string;
        try {
          text = await readBodyLimited(req, maxBytes);
        } catch (error) {
          throw error instanceof BodyTooLargeError ? tooLarge(maxBytes) : error;
        }
        try {
          return JSON.parse(text);
        } catch {
          throw gqlError('BAD_USER_INPUT', 'Request body is not valid JSON', { http: { status: 400 } });
        }
      });
    },
  };
}

function useIntrospectionSwitch(enabled: boolean): Plugin {
  return {
    onValidate({ addValidationRule }) {
      if (!enabled) addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

/**
 * Runs a plugin's `onRequest` only for one path. Yoga's readiness plugin tests a URLPattern
 * against every request, which cost more than some whole cache-hit queries.
 */
function onlyAt(pathname: string, plugin: Plugin): Plugin {
  const { onRequest } = plugin;
  if (!onRequest) return plugin;
  return {
    ...plugin,
    onRequest: (payload) => (payload.url.pathname === pathname ? onRequest(payload) : undefined),
  };
}

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

/** GET /metrics (optionally behind a bearer token). */
function useMetricsRoute(metrics: Metrics, hms: HmsClient, token: string | null): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== '/metrics') return;
      if (token && request.headers.get('authorization') !== `Bearer ${token}`) {
        endResponse(
          new fetchAPI.Response('unauthorized\n', { status: 401, headers: { 'www-authenticate': 'Bearer' } }),
        );
        return;
      }
      metrics.upstreamInFlight.set(hms.inFlight);
      endResponse(
        new fetchAPI.Response(await metrics.registry.metrics(), {
          headers: { 'content-type': metrics.registry.contentType },
        }),
      );
    },
  };
}

/** One structured log line and one metric sample per operation, with the request id. */
function useOperationLog(logger: Logger, metrics: Metrics): Plugin<Context> {
  return {
    onExecute({ args }) {
      const started = performance.now();
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      const name = operation?.name?.value ?? 'anonymous';
      const type = operation?.operation ?? 'query';
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result) return;
          const ctx = args.contextValue as Context;
          const seconds = (performance.now() - started) / 1000;
          const outcome = result.errors?.length ? 'error' : 'ok';
          const label = metrics.operationLabel(name);
          metrics.graphqlRequests.inc({ operation: label, type, outcome });
          metrics.graphqlDuration.observe({ operation: label, type }, seconds);
          // The codes the client sees (masking happens after this hook).
          const errors = result.errors?.map(maskedCode);
          const level = errors?.some((code) => code === 'INTERNAL_SERVER_ERROR') ? 'error' : 'info';
          logger[level](
            {
              requestId: ctx.requestId,
              caller: ctx.caller.subject ?? undefined,
              operation: capText(name, 200),
              type,
              outcome,
              ms: Math.round(seconds * 1000),
              upstreamCalls: ctx.cost.calls,
              errors,
            },
            'graphql operation',
          );
        },
      };
    },
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
}: GatewayOptions) {
  const config: GatewayConfig = { ...DEFAULT_GATEWAY_CONFIG, ...overrides };
  const uncosted = checkCostRules(schema);
  if (uncosted.length > 0) {
    // A field that can reach 100ms with no cost rule would make the estimate blind to it.
    throw new Error(`Fields without an upstream cost rule (src/cost.ts COST_RULES): ${uncosted.join(', ')}`);
  }
  const metrics = given ?? createMetrics();
  const cache =
    givenCache ??
    createEntityCache({
      store: redis ? createRedisStore(redis) : createMemoryStore(config.cacheMaxEntries),
      workspace: hms.accessKey,
      onLookup: (kind, hit) => metrics.cacheLookups.inc({ type: kind, result: hit ? 'hit' : 'miss' }),
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
  const callerAuth = createCallerAuth(createAuthenticator(config));
  const idempotency = createIdempotencyStore({ redis, prefix: workspacePrefix(hms.accessKey) });
  let roomId: Promise<string | null> | undefined;
  const defaultRoomId = () => {
    roomId ??= (graphiqlRoomId?.() ?? Promise.resolve(null)).catch((error: unknown) => {
      logger.warn({ err: error }, 'could not pick a room for the GraphiQL default query');
      roomId = undefined;
      return null;
    });
    return roomId;
  };

  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
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
      useLandingPage(),
      useRequestShape(),
      useMetricsRoute(metrics, hms, config.metricsToken),
      useWebhookRoute({
        secret: config.webhookSecret,
        header: config.webhookHeader,
        maxBodyBytes: config.maxBodyBytes,
        dedupe,
        events,
        cache,
        logger,
        onDelivery: (type, outcome) => metrics.webhooks.inc({ type, outcome }),
      }),
      useBodyLimit(config.maxBodyBytes),
      callerAuth.plugin,
      useCsrfPrevention(),
      ...usePersistedOperationsManifest({
        mode: config.persistedOperations,
        manifestPath: config.persistedOperationsManifest,
      }),
      useIntrospectionSwitch(config.introspection),
      EnvelopArmorPlugin({
        maxDepth: { n: config.maxDepth, flattenFragments: true },
        maxAliases: { n: config.maxAliases },
        maxTokens: { n: config.maxTokens },
        maxDirectives: { n: 50 },
        costLimit: { enabled: false },
        blockFieldSuggestion: { enabled: config.auth === 'jwt' },
      }),
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
      useOperationLog(logger, metrics),
      useWarnings(),
      onlyAt(
        '/ready',
        useReadinessCheck({
          endpoint: '/ready',
          // Ready = a token mints and 100ms accepted it recently; otherwise probe with a cheap read.
          check: async () => {
            try {
              await hms.tokens.managementToken();
              if (Date.now() - metrics.lastAuthenticatedAt < READY_FRESH_MS) return true;
              await hms.templates.list({ limit: 10 });
              return true;
            } catch (error) {
              logger.warn({ err: error }, 'not ready: 100ms did not accept an authenticated call');
              return false;
            }
          },
        }),
      ),
    ],
  });

  return {
    yoga,
    hms,
    metrics,
    config,
    cache,
    events,
    /** Ends open subscriptions (so a drain is not held up by them) and the bus created here. */
    async close() {
      if (!givenEvents) await events.close();
    },
  };
}

export type Gateway = ReturnType<typeof createGateway>;
