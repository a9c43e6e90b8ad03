import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('GATEWAY_CALLER_CALLS_PER_MINUTE', () => {
  it('is off by default', () => {
    expect(loadConfig({}).gateway.callerCallsPerMinute).toBeNull();
    expect(loadConfig({ GATEWAY_CALLER_CALLS_PER_MINUTE: ' ' }).gateway.callerCallsPerMinute).toBeNull();
  });

  it('takes a positive integer', () => {
    expect(loadConfig({ GATEWAY_CALLER_CALLS_PER_MINUTE: '600' }).gateway.callerCallsPerMinute).toBe(600);
  });

  it('rejects zero, negatives and non-integers', () => {
    for (const value of ['0', '-5', '1.5', 'lots']) {
      expect(() => loadConfig({ GATEWAY_CALLER_CALLS_PER_MINUTE: value })).toThrow(ConfigError);
    }
  });
});

describe('OTEL_EXPORTER_OTLP_ENDPOINT and OTEL_SERVICE_NAME', () => {
  it('leave tracing off by default', () => {
    expect(loadConfig({}).telemetry).toBeNull();
    expect(loadConfig({ OTEL_SERVICE_NAME: 'gateway-eu' }).telemetry).toBeNull();
  });

  it('turn it on with an http(s) endpoint; the service name defaults to hms-graph', () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).telemetry).toEqual({
      endpoint: 'http://collector:4318',
      serviceName: 'hms-graph',
    });
    expect(
      loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otlp.example.com', OTEL_SERVICE_NAME: 'gateway-eu' })
        .telemetry?.serviceName,
    ).toBe('gateway-eu');
  });

  it('rejects an endpoint that is not an http(s) URL', () => {
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(ConfigError);
  });
});
