import type { Plugin } from 'graphql-yoga';
import type { HmsClient } from '../hms/api.js';
import type { Metrics } from '../metrics.js';

export interface MetricsRouteOptions {
  metrics: Metrics;
  /** Read for the in-flight gauge at scrape time. */
  hms: Pick<HmsClient, 'inFlight'>;
  /** GATEWAY_METRICS_TOKEN: a bearer token /metrics requires. @default null (open) */
  token?: string | null;
}

/** GET /metrics (optionally behind a bearer token). */
export function useMetricsRoute({ metrics, hms, token = null }: MetricsRouteOptions): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== '/metrics') return;
      if (token && request.headers.get('authorization') !== `Bearer ${token}`) {
        endResponse(
          new fetchAPI.Response('unauthorized\n', { status: 401, headers: { 'www-authenticate': 'Bearer' } }),
        );
        return;
      }
      metrics.upstreamInFlight.set(hms.inFlight);
      endResponse(
        new fetchAPI.Response(await metrics.registry.metrics(), {
          headers: { 'content-type': metrics.registry.contentType },
        }),
      );
    },
  };
}
