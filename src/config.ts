/**
 * The only place that reads environment variables. `loadConfig(env)` validates every variable,
 * collects *all* problems and throws once with the full list, so an operator fixes them in one go.
 */

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

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
  /** @default 4000 */
  port: number;
  /** @default 127.0.0.1 (demo mode always binds 127.0.0.1) */
  host: string;
  /** @default info */
  logLevel: LogLevel;
  /** Optional: shared cache and subscription fan-out across replicas. */
  redisUrl: string | null;
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

  const config: Config = {
    mode,
    hms: accessKey && secret ? { accessKey, secret } : null,
    hmsApiUrl: hmsApiUrl ?? 'https://api.100ms.live/v2',
    hmsTimeoutMs: int(env, problems, 'HMS_TIMEOUT_MS', 10_000, 1, 600_000),
    hmsMaxRetries: int(env, problems, 'HMS_MAX_RETRIES', 2, 0, 10),
    hmsMaxConcurrency: int(env, problems, 'HMS_MAX_CONCURRENCY', 32, 1, 1024),
    port: int(env, problems, 'PORT', 4000, 1, 65_535),
    host: read(env, 'HOST') ?? '127.0.0.1',
    logLevel: LOG_LEVELS.includes(logLevelRaw as LogLevel) ? (logLevelRaw as LogLevel) : 'info',
    redisUrl: url(env, problems, 'REDIS_URL', null, ['redis:', 'rediss:']),
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
