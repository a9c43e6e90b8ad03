/**
 * Analytics events (https://www.100ms.live/docs/server-side/v2/api-reference/analytics/overview): `room_id` is required, `type` repeats (`type=a&type=b`), and
 * pages continue with `start=<next>`. The SDK stops after page 1 (it looks for `last`); here every
 * page is walked.
 */
import type { AnalyticsApi, AnalyticsPage, IterateOptions, RequestOptions } from './api.js';
import type { Send } from './endpoints.js';
import { ANALYTICS_LIMITS, paginate, requestOptions } from './paginate.js';
import type { AnalyticsQuery } from './types.js';

export function createAnalyticsApi(send: Send): AnalyticsApi {
  const listEvents = async (query: AnalyticsQuery, options?: RequestOptions): Promise<AnalyticsPage> => {
    if (typeof query?.room_id !== 'string' || query.room_id === '') {
      throw new TypeError('analytics events need a room_id');
    }
    return send('analytics.events', { query }, options);
  };
  return {
    listEvents,
    iterateEvents: (query: AnalyticsQuery, options: IterateOptions = {}) =>
      paginate((q: AnalyticsQuery) => listEvents(q, requestOptions(options)), query, {
        range: ANALYTICS_LIMITS,
        max: options.max,
        signal: options.signal,
      }),
  };
}
