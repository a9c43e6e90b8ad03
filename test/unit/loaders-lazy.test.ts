/**
 * A request's loaders are built per domain on first use (src/loaders/index.ts): every loader is
 * reachable, each is one instance for the whole request, and a domain nobody touches is never built.
 */
import { describe, expect, it } from 'vitest';
import type { HmsApi } from '../../src/hms/api.js';
import { createLoaders } from '../../src/loaders/index.js';

/** An API that records which resources the loaders reached for (nothing is called here). */
function recordingApi() {
  const touched = new Set<string>();
  const api = new Proxy({} as HmsApi, {
    get(_target, name: string) {
      touched.add(name);
      return new Proxy({}, { get: () => () => Promise.reject(new Error('not called in this test')) });
    },
  });
  return { api, touched };
}

describe('request loaders', () => {
  it('expose every loader, one instance per request, built per domain on first use', () => {
    // The first request's loaders (in this process) are built eagerly and name the loaders.
    createLoaders(recordingApi().api, {});

    const { api, touched } = recordingApi();
    const loaders = createLoaders(api, {});
    expect(touched.size).toBe(0);
    const names = Object.getOwnPropertyNames(Object.getPrototypeOf(loaders)).filter(
      (name) => name !== 'constructor' && name !== 'domain',
    );
    expect(names).toEqual(expect.arrayContaining(['room', 'session', 'recording', 'recordingsBySession']));
    expect(names.length).toBeGreaterThan(20);
    expect(loaders.room).toBe(loaders.room);
    // The job loaders take their API resources when built: not built for a room lookup.
    expect(touched.has('recordings')).toBe(false);
    expect(touched.has('liveStreams')).toBe(false);
    expect(loaders.recording).toBe(loaders.recording);
    expect(touched.has('recordings')).toBe(true);
    expect(touched.has('liveStreams')).toBe(true);

    for (const name of names) {
      const loader = (loaders as unknown as Record<string, unknown>)[name];
      expect(loader, name).toBeDefined();
      expect((loaders as unknown as Record<string, unknown>)[name], name).toBe(loader);
    }
  });

  it('give each request its own loaders', () => {
    const a = createLoaders(recordingApi().api, {});
    const b = createLoaders(recordingApi().api, {});
    expect(a.session).not.toBe(b.session);
    expect(a.recording).not.toBe(b.recording);
    expect(a.room).not.toBe(b.room);
  });
});
