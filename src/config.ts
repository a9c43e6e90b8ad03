/**
 * The only place that reads environment variables. `loadConfig(env)` validates every variable,
 * collects *all* problems and throws once with the full list, so an operator fixes them in one go.
 */

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export type PersistedOperationsMode = 'off' | 'allow' | 'require';
const PERSISTED_MODES: readonly PersistedOperationsMode[] = ['off', 'allow', 'require'];
/** What `npm run codegen` writes for the operations in schema/operations (relative to the working directory). */
export const DEFAULT_PERSISTED_OPERATIONS_MANIFEST =
  'examples/dashboard/src/generated/persisted-documents.json';

export interface HmsCredentials {
  accessKey: string;
  secret: string;
}

export interface Config {
  /** `demo` when neither HMS_ACCESS_KEY nor HMS_SECRET is set: the embedded emulator serves fake data. */
  mode: 'demo' | 'live';
  /** Null in demo mode: the emulator's demo credentials are used instead. */
  hms: HmsCredentials | null;
  /** @default https://api.100ms.live/v2 */
  hmsApiUrl: string;
  /** Per-attempt upstream timeout. @default 10000 */
  hmsTimeoutMs: number;
  /** Retries after the first attempt, for safe requests. @default 2 */
  hmsMaxRetries: number;
  /** Upstream requests in flight at once; more wait in a queue. @default 32 */
  hmsMaxConcurrency: number;
  /** Upstream requests that may wait in that queue; more fail at once (UPSTREAM_OVERLOADED). @default 128 */
  hmsMaxQueue: number;
  /** @default 4000 */
  port: number;
  /** @default 127.0.0.1 (demo mode always binds 127.0.0.1) */
  host: string;
  /** @default info */
  logLevel: LogLevel;
  /**
   * On SIGTERM, how long `/ready` answers 503 (and responses say `Connection: close`) before the
   * listener closes, so load balancers stop routing here first.
   * @default 5000 when HOST is not a loopback address, else 0
   */
  shutdownDelayMs: number;
  /** Optional: shared cache and subscription fan-out across replicas. */
  redisUrl: string | null;
  /** OpenTelemetry export (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME); null: tracing off. */
  telemetry: { endpoint: string; serviceName: string } | null;
  /** Demo mode only: the emulator simulates activity in the live demo room and sends its webhooks. @default true */
  demoSimulation: boolean;
  gateway: GatewayConfig;
}

export interface GatewayConfig {
  /** `jwt`: every /graphql request needs a bearer JWT. Defaults to `none` in demo mode only. */
  auth: 'jwt' | 'none';
  /** HS256 secret for caller JWTs (at least 32 characters). */
  jwtSecret: string | null;
  /** Remote JWKS for caller JWTs (RS256/ES256…), cached. */
  jwksUrl: string | null;
  jwtIssuer: string | null;
  jwtAudience: string | null;
  /** @default true */
  introspection: boolean;
  /**
   * `off`: any document runs. `allow`: a manifest hash (extensions.persistedQuery) runs too.
   * `require`: only operations from the manifest run. @default off
   */
  persistedOperations: PersistedOperationsMode;
  /** JSON manifest, sha256 hash → document. @default DEFAULT_PERSISTED_OPERATIONS_MANIFEST */
  persistedOperationsManifest: string;
  /**
   * Documents estimated to cost more 100ms calls are rejected before execution, and calls beyond
   * it fail unsent while a request runs (per delivered event for subscriptions). @default 50
   */
  maxUpstreamCalls: number;
  /** Subscriptions one caller may hold open at once. @default 10 */
  maxSubscriptionsPerCaller: number;
  /** @default 12 */
  maxDepth: number;
  /** @default 30 */
  maxAliases: number;
  /** @default 3000 */
  maxTokens: number;
  /** Request body limit in bytes. @default 102400 */
  maxBodyBytes: number;
  /**
   * Bearer token required on /metrics when set. Required with `auth: 'jwt'` unless
   * GATEWAY_METRICS_PUBLIC=true (checked by loadConfig).
   */
  metricsToken: string | null;
  /** @default 10000 */
  shutdownGraceMs: number;
  /**
   * One deadline per GraphQL request, shared by every upstream attempt and every backoff or
   * Retry-After wait it causes. @default 30000
   */
  requestTimeoutMs: number;
  /**
   * Allowed browser origins; empty = same-origin only. Listed origins may send credentials;
   * `*` allows any other origin, never with credentials.
   */
  corsOrigins: string[];
  /** Entity cache bound (in-memory LRU). @default 5000 */
  cacheMaxEntries: number;
  /** Shared secret 100ms sends in `webhookHeader`; null disables `POST /webhooks/100ms`. */
  webhookSecret: string | null;
  /** Lower-case name of the header carrying the webhook secret. @default x-hms-webhook-secret */
  webhookHeader: string;
  /** 100ms calls each caller (JWT `sub`, else client address) may cause per minute; null = no limit. @default null */
  callerCallsPerMinute: number | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads one variable; empty and whitespace-only values count as unset. */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function int(env: Env, problems: string[], name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min || n > max) {
    problems.push(`${name} must be an integer ${min}-${max}, got ${JSON.stringify(raw)}`);
    return fallback;
  }
  return n;
}

function url(
  env: Env,
  problems: string[],
  name: string,
  fallback: string | null,
  protocols: string[],
): string | null {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  let parsed: URL | undefined;
  try {
    parsed = new URL(raw);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !protocols.includes(parsed.protocol)) {
    const schemes = protocols.map((p) => p.replace(':', '')).join('/');
    problems.push(`${name} must be a ${schemes} URL, got ${JSON.stringify(redactUrl(raw))}`);
    return fallback;
  }
  return raw.replace(/\/+$/, '');
}

/** URLs may carry credentials (redis://:password@host); never echo them. */
function redactUrl(raw: string): string {
  return raw.replace(/\/\/[^@/]*@/, '//***@');
}

/** Nothing but this machine reaches a loopback listener: no load balancer to drain from. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

export function loadConfig(env: Env = process.env): Readonly<Config> {
  const problems: string[] = [];

  const accessKey = read(env, 'HMS_ACCESS_KEY');
  const secret = read(env, 'HMS_SECRET');
  if (secret && !accessKey) problems.push('HMS_SECRET is set but HMS_ACCESS_KEY is missing');
  if (accessKey && !secret) problems.push('HMS_ACCESS_KEY is set but HMS_SECRET is missing');
  const mode = accessKey || secret ? 'live' : 'demo';

  const hmsApiUrl = url(env, problems, 'HMS_API_URL', 'https://api.100ms.live/v2', ['http:', 'https:']);
  const logLevelRaw = read(env, 'LOG_LEVEL')?.toLowerCase() ?? 'info';
  if (!LOG_LEVELS.includes(logLevelRaw as LogLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(logLevelRaw)}`);
  }

  const authRaw = read(env, 'GATEWAY_AUTH')?.toLowerCase();
  if (authRaw !== undefined && authRaw !== 'jwt' && authRaw !== 'none') {
    problems.push(`GATEWAY_AUTH must be "jwt" or "none", got ${JSON.stringify(authRaw)}`);
  }
  const jwtSecret = read(env, 'GATEWAY_JWT_SECRET') ?? null;
  const jwksUrl = url(env, problems, 'GATEWAY_JWKS_URL', null, ['http:', 'https:']);
  if (authRaw === undefined && mode === 'live') {
    problems.push(
      'GATEWAY_AUTH is required with real 100ms credentials: whoever can call the gateway controls the whole ' +
        'workspace. Set GATEWAY_AUTH=jwt with GATEWAY_JWT_SECRET (HS256) or GATEWAY_JWKS_URL, or GATEWAY_AUTH=none ' +
        'to run without caller authentication behind a trusted proxy.',
    );
  }
  if (authRaw === 'jwt') {
    if (!jwtSecret && !jwksUrl)
      problems.push('GATEWAY_AUTH=jwt needs GATEWAY_JWT_SECRET or GATEWAY_JWKS_URL');
    if (jwtSecret && jwksUrl) problems.push('set only one of GATEWAY_JWT_SECRET and GATEWAY_JWKS_URL');
    if (jwtSecret && jwtSecret.length < 32)
      problems.push('GATEWAY_JWT_SECRET must be at least 32 characters');
  }
  const introspectionRaw = read(env, 'GATEWAY_INTROSPECTION')?.toLowerCase() ?? 'true';
  if (!['true', 'false', '1', '0'].includes(introspectionRaw)) {
    problems.push(`GATEWAY_INTROSPECTION must be true or false, got ${JSON.stringify(introspectionRaw)}`);
  }
  const persistedRaw = read(env, 'GATEWAY_PERSISTED_OPERATIONS')?.toLowerCase() ?? 'off';
  const persistedOperations = PERSISTED_MODES.find((mode) => mode === persistedRaw);
  if (!persistedOperations) {
    problems.push(
      `GATEWAY_PERSISTED_OPERATIONS must be one of ${PERSISTED_MODES.join(', ')}, got ${JSON.stringify(persistedRaw)}`,
    );
  }
  const persistedManifest = read(env, 'GATEWAY_PERSISTED_OPERATIONS_MANIFEST');
  if (persistedManifest !== undefined && persistedOperations === 'off') {
    problems.push(
      'GATEWAY_PERSISTED_OPERATIONS_MANIFEST is set but GATEWAY_PERSISTED_OPERATIONS is off: set it to allow or require',
    );
  }
  const corsOrigins = (read(env, 'GATEWAY_CORS_ORIGINS') ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      problems.push(
        `GATEWAY_CORS_ORIGINS entries must be origins like https://app.example.com, got ${JSON.stringify(origin)}`,
      );
    }
  }

  const metricsToken = read(env, 'GATEWAY_METRICS_TOKEN') ?? null;
  const metricsPublicRaw = read(env, 'GATEWAY_METRICS_PUBLIC')?.toLowerCase() ?? 'false';
  if (!['true', 'false', '1', '0'].includes(metricsPublicRaw)) {
    problems.push(`GATEWAY_METRICS_PUBLIC must be true or false, got ${JSON.stringify(metricsPublicRaw)}`);
  }
  const metricsPublic = metricsPublicRaw === 'true' || metricsPublicRaw === '1';
  if (authRaw === 'jwt' && !metricsToken && !metricsPublic) {
    problems.push(
      'GATEWAY_AUTH=jwt needs GATEWAY_METRICS_TOKEN (the bearer token /metrics requires), or ' +
        'GATEWAY_METRICS_PUBLIC=true to serve /metrics to anyone who can reach the port',
    );
  }

  const webhookSecret = read(env, 'HMS_WEBHOOK_SECRET') ?? null;
  if (webhookSecret !== null && webhookSecret.length < 16) {
    problems.push(
      'HMS_WEBHOOK_SECRET must be at least 16 characters (it is the only proof a webhook comes from 100ms)',
    );
  }
  const webhookHeader = read(env, 'HMS_WEBHOOK_HEADER')?.toLowerCase() ?? 'x-hms-webhook-secret';
  if (
    !/^[a-z0-9-]{1,100}$/.test(webhookHeader) ||
    ['authorization', 'cookie', 'host'].includes(webhookHeader)
  ) {
    problems.push(
      `HMS_WEBHOOK_HEADER must be a custom header name (letters, digits, -), got ${JSON.stringify(webhookHeader)}`,
    );
  }
  const simulationRaw = read(env, 'DEMO_SIMULATION')?.toLowerCase() ?? 'true';
  if (!['true', 'false', '1', '0'].includes(simulationRaw)) {
    problems.push(`DEMO_SIMULATION must be true or false, got ${JSON.stringify(simulationRaw)}`);
  }

  const host = read(env, 'HOST') ?? '127.0.0.1';
  const otlpEndpoint = url(env, problems, 'OTEL_EXPORTER_OTLP_ENDPOINT', null, ['http:', 'https:']);

  const config: Config = {
    mode,
    hms: accessKey && secret ? { accessKey, secret } : null,
    hmsApiUrl: hmsApiUrl ?? 'https://api.100ms.live/v2',
    hmsTimeoutMs: int(env, problems, 'HMS_TIMEOUT_MS', 10_000, 1, 600_000),
    hmsMaxRetries: int(env, problems, 'HMS_MAX_RETRIES', 2, 0, 10),
    hmsMaxConcurrency: int(env, problems, 'HMS_MAX_CONCURRENCY', 32, 1, 1024),
    hmsMaxQueue: int(env, problems, 'HMS_MAX_QUEUE', 128, 0, 100_000),
    port: int(env, problems, 'PORT', 4000, 1, 65_535),
    host,
    shutdownDelayMs: int(
      env,
      problems,
      'GATEWAY_SHUTDOWN_DELAY_MS',
      // Demo mode binds 127.0.0.1 whatever HOST says.
      mode === 'demo' || isLoopback(host) ? 0 : 5000,
      0,
      600_000,
    ),
    logLevel: LOG_LEVELS.includes(logLevelRaw as LogLevel) ? (logLevelRaw as LogLevel) : 'info',
    redisUrl: url(env, problems, 'REDIS_URL', null, ['redis:', 'rediss:']),
    telemetry: otlpEndpoint
      ? { endpoint: otlpEndpoint, serviceName: read(env, 'OTEL_SERVICE_NAME') ?? 'hms-graph' }
      : null,
    demoSimulation: simulationRaw !== 'false' && simulationRaw !== '0',
    gateway: {
      auth: authRaw === 'jwt' ? 'jwt' : 'none',
      jwtSecret,
      jwksUrl,
      jwtIssuer: read(env, 'GATEWAY_JWT_ISSUER') ?? null,
      jwtAudience: read(env, 'GATEWAY_JWT_AUDIENCE') ?? null,
      introspection: introspectionRaw === 'true' || introspectionRaw === '1',
      persistedOperations: persistedOperations ?? 'off',
      persistedOperationsManifest: persistedManifest ?? DEFAULT_PERSISTED_OPERATIONS_MANIFEST,
      maxUpstreamCalls: int(env, problems, 'GATEWAY_MAX_UPSTREAM_CALLS', 50, 1, 10_000),
      maxSubscriptionsPerCaller: int(env, problems, 'GATEWAY_MAX_SUBSCRIPTIONS_PER_CALLER', 10, 1, 10_000),
      maxDepth: int(env, problems, 'GATEWAY_MAX_DEPTH', 12, 2, 100),
      maxAliases: int(env, problems, 'GATEWAY_MAX_ALIASES', 30, 1, 1000),
      maxTokens: int(env, problems, 'GATEWAY_MAX_TOKENS', 3000, 100, 100_000),
      maxBodyBytes: int(env, problems, 'GATEWAY_MAX_BODY_BYTES', 102_400, 1024, 10_485_760),
      metricsToken,
      shutdownGraceMs: int(env, problems, 'GATEWAY_SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
      requestTimeoutMs: int(env, problems, 'GATEWAY_REQUEST_TIMEOUT_MS', 30_000, 100, 600_000),
      corsOrigins,
      cacheMaxEntries: int(env, problems, 'GATEWAY_CACHE_MAX_ENTRIES', 5000, 0, 10_000_000),
      webhookSecret,
      webhookHeader,
      callerCallsPerMinute:
        read(env, 'GATEWAY_CALLER_CALLS_PER_MINUTE') === undefined
          ? null
          : int(env, problems, 'GATEWAY_CALLER_CALLS_PER_MINUTE', 0, 1, 10_000_000),
    },
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
