import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_PERSISTED_OPERATIONS_MANIFEST, loadConfig } from '../../src/config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('GATEWAY_PERSISTED_OPERATIONS', () => {
  it('is off by default, with the manifest codegen writes', () => {
    const { gateway } = loadConfig({});
    expect(gateway.persistedOperations).toBe('off');
    expect(gateway.persistedOperationsManifest).toBe(DEFAULT_PERSISTED_OPERATIONS_MANIFEST);
    expect(DEFAULT_PERSISTED_OPERATIONS_MANIFEST).toBe(
      'examples/dashboard/src/generated/persisted-documents.json',
    );
  });

  it('takes allow and require (any case) and a manifest path', () => {
    expect(loadConfig({ GATEWAY_PERSISTED_OPERATIONS: 'Allow' }).gateway.persistedOperations).toBe('allow');
    const locked = loadConfig({
      GATEWAY_PERSISTED_OPERATIONS: 'require',
      GATEWAY_PERSISTED_OPERATIONS_MANIFEST: '/etc/hms-graph/manifest.json',
    }).gateway;
    expect(locked.persistedOperations).toBe('require');
    expect(locked.persistedOperationsManifest).toBe('/etc/hms-graph/manifest.json');
  });

  it('reports an unknown mode together with the other problems', () => {
    expect(problems({ GATEWAY_PERSISTED_OPERATIONS: 'strict', PORT: 'x' })).toEqual([
      'GATEWAY_PERSISTED_OPERATIONS must be one of off, allow, require, got "strict"',
      'PORT must be an integer 1-65535, got "x"',
    ]);
  });

  it('reports a manifest that would be ignored because the mode is off', () => {
    expect(problems({ GATEWAY_PERSISTED_OPERATIONS_MANIFEST: 'm.json' })).toEqual([
      'GATEWAY_PERSISTED_OPERATIONS_MANIFEST is set but GATEWAY_PERSISTED_OPERATIONS is off: set it to allow or require',
    ]);
  });
});
