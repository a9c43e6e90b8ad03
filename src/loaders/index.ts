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
import { createJobLoaders, type JobLoaders } from './jobs.js';
import { createRoomLoaders } from './rooms.js';
import { createSessionLoaders } from './sessions.js';

export type { AnalyticsKey, AnalyticsWindow } from './analytics.js';
export type { ActivePeersKey } from './rooms.js';
export type { SessionScope } from './session-children.js';
export { type JobScope, toScope } from './sessions.js';
export type { PageKey, ScopedId, Window } from './shared.js';

interface Domains {
  rooms: ReturnType<typeof createRoomLoaders>;
  jobs: JobLoaders;
  sessions: ReturnType<typeof createSessionLoaders>;
  analytics: ReturnType<typeof createAnalyticsLoaders>;
}
type Domain = keyof Domains;

export type Loaders = Domains['rooms'] & Domains['jobs'] & Domains['sessions'] & Domains['analytics'];

/**
 * A request's loaders, each domain's built on first use of one of them: a request uses one or two
 * domains (a cache-hit `room` query only `rooms`), and building all 24 loaders (and the request's
 * API resources they capture) was a fifth of a cache-hit query's garbage. Which loader belongs to
 * which domain is read from the first request's loaders, whose domains are all built for that.
 */
class RequestLoaders {
  readonly #hms: HmsApi;
  readonly #options: RequestOptions;
  readonly #cache: EntityCache | undefined;
  #rooms?: Domains['rooms'];
  #jobs?: Domains['jobs'];
  #sessions?: Domains['sessions'];
  #analytics?: Domains['analytics'];

  constructor(hms: HmsApi, options: RequestOptions, cache: EntityCache | undefined) {
    this.#hms = hms;
    this.#options = options;
    this.#cache = cache;
  }

  domain(name: Domain): Record<string, unknown> {
    switch (name) {
      case 'rooms':
        this.#rooms ??= createRoomLoaders(this.#hms, this.#options);
        return this.#rooms;
      case 'jobs':
        this.#jobs ??= createJobLoaders(this.#hms, this.#options);
        return this.#jobs;
      case 'sessions':
        this.#sessions ??= createSessionLoaders(
          this.#hms,
          this.#options,
          this.domain('jobs') as JobLoaders,
          this.#cache,
        );
        return this.#sessions;
      case 'analytics':
        this.#analytics ??= createAnalyticsLoaders(this.#hms, this.#options);
        return this.#analytics;
    }
  }
}

const DOMAINS: readonly Domain[] = ['rooms', 'jobs', 'sessions', 'analytics'];
let prepared = false;

/** Defines, once, a getter on RequestLoaders for every loader, reading it from its domain. */
function prepare(first: RequestLoaders) {
  for (const domain of DOMAINS) {
    for (const key of Object.keys(first.domain(domain))) {
      Object.defineProperty(RequestLoaders.prototype, key, {
        get(this: RequestLoaders) {
          return this.domain(domain)[key];
        },
      });
    }
  }
  prepared = true;
}

export function createLoaders(hms: HmsApi, options: RequestOptions, cache?: EntityCache): Loaders {
  const loaders = new RequestLoaders(hms, options, cache);
  if (!prepared) prepare(loaders);
  return loaders as unknown as Loaders;
}
