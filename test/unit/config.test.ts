import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs in demo mode with documented defaults when no credentials are set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      mode: 'demo',
      hms: null,
      hmsApiUrl: 'https://api.100ms.live/v2',
      port: 4000,
      host: '127.0.0.1',
      logLevel: 'info',
      redisUrl: null,
      hmsTimeoutMs: 10_000,
      hmsMaxRetries: 2,
      hmsMaxConcurrency: 32,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('uses live mode with both credentials', () => {
    const config = loadConfig({
      HMS_ACCESS_KEY: 'ak',
      HMS_SECRET: 's3cret',
      GATEWAY_AUTH: 'none',
      PORT: '8080',
      LOG_LEVEL: 'DEBUG',
    });
    expect(config.mode).toBe('live');
    expect(config.hms).toEqual({ accessKey: 'ak', secret: 's3cret' });
    expect(config.port).toBe(8080);
    expect(config.logLevel).toBe('debug');
  });

  it('names the missing half of the credentials', () => {
    expect(problems({ HMS_SECRET: 'x', GATEWAY_AUTH: 'none' })).toEqual([
      'HMS_SECRET is set but HMS_ACCESS_KEY is missing',
    ]);
    expect(problems({ HMS_ACCESS_KEY: 'x', GATEWAY_AUTH: 'none' })).toEqual([
      'HMS_ACCESS_KEY is set but HMS_SECRET is missing',
    ]);
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ HMS_ACCESS_KEY: '  ', HMS_SECRET: '' }).mode).toBe('demo');
  });

  it('collects every problem and reports them together', () => {
    const found = problems({
      HMS_SECRET: 'x',
      GATEWAY_AUTH: 'none',
      PORT: 'abc',
      HMS_API_URL: 'ftp://example.com',
      LOG_LEVEL: 'loud',
      HMS_TIMEOUT_MS: '0',
      HMS_MAX_RETRIES: '1.5',
      HMS_MAX_CONCURRENCY: '-3',
      REDIS_URL: 'http://cache',
    });
    expect(found).toEqual([
      'HMS_SECRET is set but HMS_ACCESS_KEY is missing',
      'HMS_API_URL must be a http/https URL, got "ftp://example.com"',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
      'HMS_TIMEOUT_MS must be an integer 1-600000, got "0"',
      'HMS_MAX_RETRIES must be an integer 0-10, got "1.5"',
      'HMS_MAX_CONCURRENCY must be an integer 1-1024, got "-3"',
      'PORT must be an integer 1-65535, got "abc"',
      'REDIS_URL must be a redis/rediss URL, got "http://cache"',
    ]);
  });

  it('throws one error whose message lists every problem', () => {
    expect(() => loadConfig({ PORT: '70000', HMS_API_URL: 'not a url' })).toThrowError(
      /HMS_API_URL must be a http\/https URL[\s\S]*PORT must be an integer 1-65535, got "70000"/,
    );
  });

  it('refuses real credentials without a caller-auth decision, and explains both options', () => {
    const [problem] = problems({ HMS_ACCESS_KEY: 'ak', HMS_SECRET: 'sk' });
    expect(problem).toMatch(/GATEWAY_AUTH is required with real 100ms credentials/);
    expect(problem).toMatch(/GATEWAY_AUTH=jwt with GATEWAY_JWT_SECRET .* or GATEWAY_JWKS_URL/);
    expect(problem).toMatch(/GATEWAY_AUTH=none/);
  });

  it('validates the gateway settings', () => {
    expect(
      problems({
        GATEWAY_AUTH: 'jwt',
        GATEWAY_JWT_SECRET: 'short',
        GATEWAY_INTROSPECTION: 'maybe',
        GATEWAY_CORS_ORIGINS: 'https://ok.example.com, not-an-origin',
        GATEWAY_MAX_UPSTREAM_CALLS: '0',
      }),
    ).toEqual([
      'GATEWAY_JWT_SECRET must be at least 32 characters',
      'GATEWAY_INTROSPECTION must be true or false, got "maybe"',
      'GATEWAY_CORS_ORIGINS entries must be origins like https://app.example.com, got "not-an-origin"',
      'GATEWAY_AUTH=jwt needs GATEWAY_METRICS_TOKEN (the bearer token /metrics requires), or GATEWAY_METRICS_PUBLIC=true to serve /metrics to anyone who can reach the port',
      'GATEWAY_MAX_UPSTREAM_CALLS must be an integer 1-10000, got "0"',
    ]);
    expect(problems({ GATEWAY_AUTH: 'jwt', GATEWAY_METRICS_PUBLIC: 'true' })).toEqual([
      'GATEWAY_AUTH=jwt needs GATEWAY_JWT_SECRET or GATEWAY_JWKS_URL',
    ]);
    expect(problems({ GATEWAY_AUTH: 'sometimes' })).toEqual([
      'GATEWAY_AUTH must be "jwt" or "none", got "sometimes"',
    ]);
    const config = loadConfig({
      GATEWAY_AUTH: 'jwt',
      GATEWAY_JWT_SECRET: 'x'.repeat(32),
      GATEWAY_CORS_ORIGINS: 'https://a.b',
      GATEWAY_METRICS_TOKEN: 'scrape-token',
    });
    expect(config.gateway).toMatchObject({
      auth: 'jwt',
      metricsToken: 'scrape-token',
      corsOrigins: ['https://a.b'],
      maxUpstreamCalls: 50,
      introspection: true,
    });
  });

  it('bounds each request and the upstream queue', () => {
    expect(loadConfig({})).toMatchObject({ hmsMaxQueue: 128, gateway: { requestTimeoutMs: 30_000 } });
    expect(loadConfig({ HMS_MAX_QUEUE: '0', GATEWAY_REQUEST_TIMEOUT_MS: '5000' })).toMatchObject({
      hmsMaxQueue: 0,
      gateway: { requestTimeoutMs: 5000 },
    });
    expect(problems({ HMS_MAX_QUEUE: '-1', GATEWAY_REQUEST_TIMEOUT_MS: '10' })).toEqual([
      'HMS_MAX_QUEUE must be an integer 0-100000, got "-1"',
      'GATEWAY_REQUEST_TIMEOUT_MS must be an integer 100-600000, got "10"',
    ]);
  });

  it('delays shutdown by 5 s off loopback, not on loopback or in demo mode', () => {
    const live = { HMS_ACCESS_KEY: 'ak', HMS_SECRET: 'sk', GATEWAY_AUTH: 'none' };
    expect(loadConfig({ ...live, HOST: '0.0.0.0' }).shutdownDelayMs).toBe(5000);
    expect(loadConfig({ ...live }).shutdownDelayMs).toBe(0);
    expect(loadConfig({ ...live, HOST: '::1' }).shutdownDelayMs).toBe(0);
    expect(loadConfig({ HOST: '0.0.0.0' }).shutdownDelayMs).toBe(0);
    expect(loadConfig({ ...live, HOST: '0.0.0.0', GATEWAY_SHUTDOWN_DELAY_MS: '250' }).shutdownDelayMs).toBe(
      250,
    );
  });

  it('never echoes credentials embedded in a URL', () => {
    const [problem] = problems({ REDIS_URL: 'ftp://user:hunter2@cache:6379' });
    expect(problem).not.toContain('hunter2');
  });
});
