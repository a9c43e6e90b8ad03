/**
 * Prometheus metrics (prom-client), one registry per gateway so tests and embedders never share
 * global state. Labels are bounded: operation names, route templates (never ids), statuses.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { UpstreamCallEvent } from './hms/api.js';
import { createUpstreamHealth } from './upstream-health.js';

/** Bounds on the caller-chosen `operation` label (one time series per name). */
export const MAX_OPERATION_LABEL_LENGTH = 64;
export const MAX_OPERATION_LABELS = 200;

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics() {
  const registry = new Registry();
  const graphqlRequests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL operations by name, type and outcome (ok, error, rejected)',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [registry],
  });
  const graphqlDuration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL operation latency',
    labelNames: ['operation', 'type'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const upstreamRequests = new Counter({
    name: 'hms_upstream_requests_total',
    help: 'HTTP attempts sent to 100ms, by method, route template and status (0 = no answer)',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const upstreamDuration = new Histogram({
    name: 'hms_upstream_request_duration_seconds',
    help: '100ms call latency per attempt',
    labelNames: ['method', 'route'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const upstreamRetries = new Counter({
    name: 'hms_upstream_retries_total',
    help: 'Attempts that were followed by a retry',
    labelNames: ['method', 'route'] as const,
    registers: [registry],
  });
  const upstreamInFlight = new Gauge({
    name: 'hms_upstream_in_flight',
    help: 'Requests to 100ms in flight right now',
    registers: [registry],
  });
  const cacheLookups = new Counter({
    name: 'hms_cache_lookups_total',
    help: 'Entity cache lookups by entity type and result (hit, miss)',
    labelNames: ['type', 'result'] as const,
    registers: [registry],
  });
  const tokenMints = new Counter({
    name: 'hms_token_mints_total',
    help: 'Tokens signed, by kind (management, app)',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const webhooks = new Counter({
    name: 'hms_webhooks_total',
    help: '100ms webhook deliveries by event type (other = not handled) and outcome',
    labelNames: ['type', 'outcome'] as const,
    registers: [registry],
  });
  const subscriptions = new Gauge({
    name: 'graphql_subscriptions_active',
    help: 'GraphQL subscriptions open on this replica',
    registers: [registry],
  });

  const compiledQueries = new Counter({
    name: 'graphql_compiled_queries_total',
    help: 'Query documents compiled by graphql-jit on their second run, by outcome (compiled, refused: left to the default executor)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });

  // Operation names come from callers: only short valid names become labels, and only so many.
  const operationLabels = new Set<string>();

  /** Recent upstream outcomes, for readiness. */
  const upstreamHealth = createUpstreamHealth();

  return {
    registry,
    upstreamHealth,
    graphqlRequests,
    graphqlDuration,
    /**
     * The `operation` label for a caller-chosen name: a valid GraphQL name of at most
     * MAX_OPERATION_LABEL_LENGTH characters, among the first MAX_OPERATION_LABELS distinct
     * ones; `other` beyond.
     */
    operationLabel(name: string): string {
      if (operationLabels.has(name)) return name;
      if (
        name.length > MAX_OPERATION_LABEL_LENGTH ||
        !/^[_A-Za-z][_0-9A-Za-z]*$/.test(name) ||
        operationLabels.size >= MAX_OPERATION_LABELS
      ) {
        return 'other';
      }
      operationLabels.add(name);
      return name;
    },
    cacheLookups,
    tokenMints,
    upstreamInFlight,
    webhooks,
    subscriptions,
    compiledQueries,
    /** Client `onCall` hook. */
    onUpstreamCall(event: UpstreamCallEvent) {
      upstreamRequests.inc({ method: event.method, route: event.route, status: String(event.status) });
      upstreamDuration.observe({ method: event.method, route: event.route }, event.durationMs / 1000);
      if (event.retrying) upstreamRetries.inc({ method: event.method, route: event.route });
      upstreamHealth.record(event.status);
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
