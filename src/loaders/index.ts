/**
 * Per-request DataLoaders: the only way resolvers reach 100ms. Created fresh for every request,
 * so their caches never leak between callers. Every list result primes the by-id loaders: an
 * object listed once is never fetched again in the same request. One file per domain:
 * `rooms.ts`, `sessions.ts` (with `session-children.ts`), `jobs.ts`, `analytics.ts`; shared
 * building blocks in `shared.ts`.
 */
import type { EntityCache } from '../cache.js';
import type { HmsApi, RequestOptions } from '../hms/api.js';
import { createAnalyticsLoaders } from './analytics.js';
import { createJobLoaders } from './jobs.js';
import { createRoomLoaders } from './rooms.js';
import { createSessionLoaders } from './sessions.js';

export type { AnalyticsKey, AnalyticsWindow } from './analytics.js';
export type { ActivePeersKey } from './rooms.js';
export type { SessionScope } from './session-children.js';
export { type JobScope, toScope } from './sessions.js';
export type { PageKey, ScopedId, Window } from './shared.js';

export function createLoaders(hms: HmsApi, options: RequestOptions, cache?: EntityCache) {
  const jobs = createJobLoaders(hms, options);
  return {
    ...createRoomLoaders(hms, options),
    ...jobs,
    ...createSessionLoaders(hms, options, jobs, cache),
    ...createAnalyticsLoaders(hms, options),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
