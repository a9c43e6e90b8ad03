/**
 * Analytics events (reference §4.9): `room_id` is required, `type` repeats (`type=a&type=b`), and
 * pages continue with `start=<next>`. The SDK stops after page 1 (it looks for `last`); here every
 * page is walked.
 */
import type { AnalyticsApi, AnalyticsPage, IterateOptions, RequestOptions } from './api.js';
import { ANALYTICS_LIMITS, paginate, requestOptions, withClampedLimit } from './paginate.js';
import type { Transport } from './transport.js';
import type { AnalyticsEvent, AnalyticsQuery } from './types.js';

export function createAnalyticsApi(transport: Transport): AnalyticsApi {
  const listEvents = async (query: AnalyticsQuery, options?: RequestOptions) => {
    if (typeof query?.room_id !== 'string' || query.room_id === '') {
      throw new TypeError('analytics events need a room_id');
    }
    return transport.send<AnalyticsPage<AnalyticsEvent>>({
      method: 'GET',
      route: '/analytics/events',
      query: withClampedLimit(query, ANALYTICS_LIMITS),
      shape: 'analytics',
      options,
    });
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
