/**
 * Cursor pagination as 100ms documents it
 * (https://www.100ms.live/docs/server-side/v2/api-reference/Sessions/list-sessions): newest
 * first, `start` is the id of the last item of the previous page (exclusive), `last` is the id of
 * the last item returned — on the final page too, so a client that got an exactly full final page
 * asks once more and gets an empty page with `last: ""`. Ties on `created_at` are broken by id,
 * so a walk over every page never repeats or skips an item even when timestamps are equal.
 */
import { invalidQueryParam } from './http.js';
import type { Micros } from './time.js';

export interface SortKey {
  createdAt: Micros;
  /** Unique within the collection: an ObjectId, or the code for room codes. */
  key: string;
}

/** Descending `created_at`, then descending key. */
export function compareNewestFirst(a: SortKey, b: SortKey): number {
  if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
  return a.key < b.key ? 1 : a.key > b.key ? -1 : 0;
}

export interface LimitRule {
  min: number;
  max: number;
  default: number;
}

/** Rooms, sessions and templates: 10–100 (https://www.100ms.live/docs/server-side/v2/api-reference/Rooms/list-rooms). */
export const LIMIT_10_100: LimitRule = { min: 10, max: 100, default: 10 };
/**
 * Recordings, assets, streams and room codes: the docs give no range; 1–100 with default 10 is
 * inferred from the other endpoints.
 */
export const LIMIT_1_100: LimitRule = { min: 1, max: 100, default: 10 };

/**
 * Out-of-range limits are clamped rather than refused: the SDK iterator's "short page means the
 * end" rule only makes sense if the server caps instead of failing.
 */
export function resolveLimit(requested: number | undefined, rule: LimitRule): number {
  if (requested === undefined) return rule.default;
  return Math.min(rule.max, Math.max(rule.min, requested));
}

export interface PageResult<T> {
  items: T[];
  last: string;
}

/**
 * `items` must already be filtered. `locate` finds the cursor's sort key anywhere in the
 * collection (the cursor may have been filtered out since, e.g. a session that stopped being
 * active); an unknown cursor is a client bug and answers 400.
 */
export function paginate<T>(
  items: T[],
  keyOf: (item: T) => SortKey,
  limit: number,
  start: string | undefined,
  locate: (key: string) => SortKey | undefined,
): PageResult<T> {
  const sorted = [...items].sort((a, b) => compareNewestFirst(keyOf(a), keyOf(b)));
  let from = 0;
  if (start !== undefined) {
    const cursor = locate(start);
    if (!cursor) throw invalidQueryParam('start', 'start must be the `last` value of a previous page');
    from = sorted.findIndex((item) => compareNewestFirst(keyOf(item), cursor) > 0);
    if (from === -1) from = sorted.length;
  }
  const page = sorted.slice(from, from + limit);
  const lastItem = page.at(-1);
  return { items: page, last: lastItem ? keyOf(lastItem).key : '' };
}
