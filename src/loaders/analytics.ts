/** Analytics events: windows of the `next`-token pagination, with per-edge cursors. */
import DataLoader from 'dataloader';
import type { HmsApi, RequestOptions } from '../hms/api.js';
import type { AnalyticsEvent, AnalyticsQuery } from '../hms/types.js';
import { stableKey } from './shared.js';

export interface AnalyticsKey {
  query: Omit<AnalyticsQuery, 'limit' | 'start'>;
  first: number;
  /** The upstream `next` token that starts this page. */
  start?: string;
  /** Events of that page already consumed (a cursor inside a page). */
  skip: number;
}

export interface AnalyticsWindow {
  items: AnalyticsEvent[];
  /** The page start token and the offset into it of each item, for per-edge cursors. */
  positions: Array<{ start?: string; skip: number }>;
  hasNextPage: boolean;
  total: number;
}

export function createAnalyticsLoaders(hms: HmsApi, ro: RequestOptions) {
  return {
    analyticsPage: new DataLoader<AnalyticsKey, AnalyticsWindow, string>(
      (keys) => Promise.all(keys.map((key) => analyticsWindow(hms, key, ro).catch((e: Error) => e))),
      { cacheKeyFn: stableKey },
    ),
  };
}

/**
 * Analytics cursors are opaque `next` tokens that mark page boundaries, so a cursor inside a page
 * is (page start token, items to skip). Results are snapshotted upstream (https://www.100ms.live/docs/server-side/v2/api-reference/analytics/overview), which
 * keeps skip offsets stable while paging; the token is positional, so re-reading a page with a
 * larger `limit` starts at the same event (inferred).
 */
async function analyticsWindow(hms: HmsApi, key: AnalyticsKey, ro: RequestOptions): Promise<AnalyticsWindow> {
  const items: AnalyticsEvent[] = [];
  const positions: AnalyticsWindow['positions'] = [];
  let start = key.start;
  let skip = key.skip;
  let total = 0;
  let hasNextPage = false;
  // Bounded: `first` ≤ 100 needs at most two upstream pages; the bound only guards a misbehaving upstream.
  for (let calls = 0; items.length < key.first && calls < 5; calls++) {
    const wanted = key.first - items.length;
    const page = await hms.analytics.listEvents(
      { ...key.query, start, limit: Math.min(100, skip + wanted) },
      ro,
    );
    total = page.total;
    const taken = page.items.slice(skip, skip + wanted);
    const pageEnd = skip + taken.length >= page.items.length;
    taken.forEach((event, i) => {
      items.push(event);
      const lastOfPage = pageEnd && i === taken.length - 1;
      positions.push(lastOfPage && page.next ? { start: page.next, skip: 0 } : { start, skip: skip + i + 1 });
    });
    hasNextPage = !pageEnd || Boolean(page.next);
    if (!pageEnd || !page.next || taken.length === 0) break;
    start = page.next;
    skip = 0;
  }
  return { items, positions, hasNextPage, total };
}
