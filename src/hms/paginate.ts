/**
 * Lazy pagination over both cursor styles (`last`: https://www.100ms.live/docs/server-side/v2/introduction/request-and-response#pagination; analytics `next`: https://www.100ms.live/docs/server-side/v2/api-reference/analytics/overview); `parse.ts`
 * has already normalised either into `Page.next`. Nothing here loads "all pages" on its own: the
 * consumer pulls, `max` bounds, and `collect` requires a bound.
 */
import type { IterateOptions, Page, PagedResource, RequestOptions } from './api.js';
import type { EndpointName, LimitRange, Send } from './endpoints.js';
import { specOf } from './endpoints.js';
import type { PageQuery } from './types.js';

export { ANALYTICS_LIMITS, type LimitRange, OTHER_LIMITS, STANDARD_LIMITS } from './endpoints.js';

/** Clamps into the documented range: an out-of-range limit gets a 400 or a silently capped page. */
export function clampLimit(limit: number | undefined, range: LimitRange): number | undefined {
  if (limit === undefined || limit === null || !Number.isFinite(limit)) return undefined;
  return Math.min(range.max, Math.max(range.min, Math.floor(limit)));
}

export interface PaginateOptions {
  range: LimitRange;
  /** Stop after this many items. Also used as the page size when the query sets none. */
  max?: number;
  signal?: AbortSignal;
}

/**
 * Walks pages until the cursor runs out (empty cursor, empty or short page, see `parse.ts`).
 * The caller's query is copied, never mutated (the SDK writes `start` into it). A server that
 * answers the same cursor twice would loop forever, so a repeated cursor also ends the walk.
 */
export async function* paginate<T, Q extends PageQuery>(
  fetchPage: (query: Q) => Promise<Page<T>>,
  query: Q,
  options: PaginateOptions,
): AsyncGenerator<T, void, undefined> {
  const max = options.max === undefined ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(options.max));
  if (max === 0) return;
  const limit = clampLimit(query.limit ?? (Number.isFinite(max) ? max : undefined), options.range);
  const seen = new Set<string>();
  let start = query.start;
  let yielded = 0;

  while (true) {
    options.signal?.throwIfAborted();
    const page = await fetchPage({ ...query, ...(limit !== undefined && { limit }), start });
    for (const item of page.items) {
      yield item;
      yielded += 1;
      if (yielded >= max) return;
    }
    if (page.next === null || seen.has(page.next) || page.next === start) return;
    seen.add(page.next);
    start = page.next;
  }
}

/** Drains an async iterable into an array of at most `max` items, then stops it (no extra page). */
export async function collect<T>(iterable: AsyncIterable<T>, { max }: { max: number }): Promise<T[]> {
  if (!Number.isFinite(max) || max < 0) throw new RangeError('collect() needs a finite, non-negative max');
  const items: T[] = [];
  if (max === 0) return items;
  for await (const item of iterable) {
    items.push(item);
    if (items.length >= max) break;
  }
  return items;
}

/** The query as sent: the caller's, with `limit` clamped (and left out when not given). */
export function withClampedLimit<Q extends PageQuery>(query: Q, range: LimitRange): Q {
  const limit = clampLimit(query.limit, range);
  const { limit: _dropped, ...rest } = query;
  return (limit === undefined ? rest : { ...rest, limit }) as Q;
}

/** `list` + `iterate` for a `{limit, data, last}` endpoint of the catalogue. */
export function pagedResource<T, Q extends PageQuery>(send: Send, name: EndpointName): PagedResource<T, Q> {
  const range = specOf(name).limits ?? { min: 1, max: 100 };
  const list = (query: Q = {} as Q, options?: RequestOptions) =>
    (send as unknown as (n: EndpointName, a: { query: Q }, o?: RequestOptions) => Promise<Page<T>>)(
      name,
      { query },
      options,
    );
  return {
    list,
    iterate: (query: Q = {} as Q, options: IterateOptions = {}) =>
      paginate((q: Q) => list(q, requestOptions(options)), query, {
        range,
        max: options.max,
        signal: options.signal,
      }),
  };
}

/** IterateOptions minus `max`, for the per-page calls. */
export function requestOptions({ max: _max, ...rest }: IterateOptions): RequestOptions {
  return rest;
}
