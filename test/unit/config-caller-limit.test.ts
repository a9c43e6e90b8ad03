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
