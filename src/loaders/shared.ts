/**
 * Building blocks every domain's loaders use: by-id loaders (100ms has no batch get), session-hinted
 * by-id loaders, connection windows and priming. Loaders are per request; nothing here is shared
 * between callers.
 */
import DataLoader from 'dataloader';
import type { IterateOptions, RequestOptions } from '../hms/api.js';
import type { PageQuery } from '../hms/types.js';

/** A window of a connection: at most `first` items, and whether more exist after them. */
export interface Window<T> {
  items: T[];
  hasNextPage: boolean;
}

/** A connection request: upstream filters plus forward-pagination arguments. */
export interface PageKey<Q> {
  query: Q;
  first: number;
  /** Upstream cursor: the id of the last item already seen. */
  after?: string;
}

/** An id with an optional session hint, so several lookups in one session can share a list call. */
export interface ScopedId {
  id: string;
  sessionId?: string;
}

export const stableKey = (key: unknown) => JSON.stringify(key);
const MAX_SCOPED_LIST = 2000;

export const iterateOptions = (ro: RequestOptions, max: number): IterateOptions => ({ ...ro, max });

/** By-id loader: 100ms has no batch get, so a batch is N concurrent GETs (bounded by the client's cap). */
export function byId<T>(get: (id: string, options: RequestOptions) => Promise<T>, ro: RequestOptions) {
  return new DataLoader<string, T>((ids) =>
    Promise.all(ids.map((id) => get(id, ro).catch((error: Error) => error))),
  );
}

/**
 * By-id loader that, given session hints, answers several ids of one session from a single
 * `session_id` list call (ids that the list does not contain fall back to a GET).
 */
export function scoped<T extends { id: string }>(
  get: (id: string, options: RequestOptions) => Promise<T>,
  iterate: (query: { session_id: string }, options: IterateOptions) => AsyncIterable<T>,
  ro: RequestOptions,
) {
  return new DataLoader<ScopedId, T, string>(
    async (keys) => {
      const found = new Map<string, T | Error>();
      const sessions = new Map<string, ScopedId[]>();
      for (const key of keys) {
        if (!key.sessionId) continue;
        const group = sessions.get(key.sessionId) ?? [];
        group.push(key);
        sessions.set(key.sessionId, group);
      }
      await Promise.all(
        [...sessions].map(async ([sessionId, group]) => {
          if (group.length < 2) return;
          try {
            const wanted = new Set(group.map((k) => k.id));
            for await (const item of iterate(
              { session_id: sessionId },
              iterateOptions(ro, MAX_SCOPED_LIST),
            )) {
              if (wanted.has(item.id)) found.set(item.id, item);
            }
          } catch (error) {
            for (const k of group) found.set(k.id, error as Error);
          }
        }),
      );
      await Promise.all(
        keys
          .filter((k) => !found.has(k.id))
          .map(async (k) => {
            found.set(k.id, await get(k.id, ro).catch((error: Error) => error));
          }),
      );
      return keys.map((k) => found.get(k.id) as T | Error);
    },
    { cacheKeyFn: (key) => key.id },
  );
}

/** Priming never overwrites: a single-object GET (e.g. with embedded assets) beats a list item. */
export const primeBy =
  <K, T extends { id: string }>(loader: DataLoader<K, T, string>, key: (id: string) => K) =>
  (items: T[]) => {
    for (const item of items) loader.prime(key(item.id), item);
  };
export const plainId = (id: string) => id;
export const primer = <T extends { id: string }>(loader: DataLoader<ScopedId, T, string>) =>
  primeBy(loader, (id: string): ScopedId => ({ id }));

/**
 * One connection window = `first + 1` items from upstream, so `hasNextPage` is exact whatever
 * the upstream `last` cursor says on the final page. Identical windows in one request (aliases)
 * are fetched once.
 */
export function pages<T, Q extends PageQuery>(
  iterate: (query: Q, options: IterateOptions) => AsyncIterable<T>,
  prime: (items: T[]) => void,
  ro: RequestOptions,
) {
  return new DataLoader<PageKey<Q>, Window<T>, string>(
    (keys) =>
      Promise.all(
        keys.map(async ({ query, first, after }) => {
          try {
            const want = first + 1;
            const items: T[] = [];
            const q = { ...query, limit: Math.min(want, 100), start: after } as Q;
            for await (const item of iterate(q, iterateOptions(ro, want))) {
              items.push(item);
              if (items.length >= want) break;
            }
            prime(items);
            return { items: items.slice(0, first), hasNextPage: items.length > first };
          } catch (error) {
            return error as Error;
          }
        }),
      ),
    { cacheKeyFn: stableKey },
  );
}
