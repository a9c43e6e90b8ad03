import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('webhook and demo simulation settings', () => {
  it('defaults: webhooks off, the documented header, simulation on', () => {
    const config = loadConfig({});
    expect(config.gateway.webhookSecret).toBeNull();
    expect(config.gateway.webhookHeader).toBe('x-hms-webhook-secret');
    expect(config.demoSimulation).toBe(true);
  });

  it('reads the secret, a custom header (lower-cased) and the simulation switch', () => {
    const config = loadConfig({
      HMS_WEBHOOK_SECRET: 'a-long-enough-shared-secret',
      HMS_WEBHOOK_HEADER: 'X-Hook-Token',
      DEMO_SIMULATION: 'false',
    });
    expect(config.gateway.webhookSecret).toBe('a-long-enough-shared-secret');
    expect(config.gateway.webhookHeader).toBe('x-hook-token');
    expect(config.demoSimulation).toBe(false);
  });

  it('reports every bad value at once, never echoing the secret', () => {
    const found = problems({
      HMS_WEBHOOK_SECRET: 'short-secret',
      HMS_WEBHOOK_HEADER: 'Authorization',
      DEMO_SIMULATION: 'sometimes',
    });
    expect(found).toHaveLength(3);
    expect(found.join('\n')).toMatch(/HMS_WEBHOOK_SECRET must be at least 16 characters/);
    expect(found.join('\n')).toMatch(/HMS_WEBHOOK_HEADER must be a custom header name/);
    expect(found.join('\n')).toMatch(/DEMO_SIMULATION must be true or false/);
    expect(found.join('\n')).not.toContain('short-secret');
    expect(problems({ HMS_WEBHOOK_HEADER: 'x hook' })).toHaveLength(1);
  });
});
