/**
 * OpenTelemetry tracing, on only when OTEL_EXPORTER_OTLP_ENDPOINT is set. `startTelemetry` imports
 * the SDK (a tracer provider batching spans to OTLP/HTTP, async-local-storage context, the W3C
 * `traceparent` propagator) and registers it globally; until then, and when it is never called,
 * nothing here runs: the gateway adds no tracing plugin and the client no span or header.
 *
 * What is traced (spans parented through the active context):
 * - each GraphQL operation: @envelop/opentelemetry's execution span, continued from the caller's
 *   `traceparent`, with outcome and upstream-call count added by `useOperationTracing`;
 * - each upstream HTTP attempt, a client span named by method and route template, never the URL
 *   (src/hms/tracing.ts);
 * - each management/app token mint, and each webhook delivery.
 */
import {
  type Attributes,
  type Context as OtelContext,
  propagation,
  ROOT_CONTEXT,
  type Tracer,
  type TracerProvider,
  trace,
} from '@opentelemetry/api';
import type { Plugin } from 'graphql-yoga';
import type { Context as GatewayContext } from './context.js';

export interface TelemetryOptions {
  /** OTEL_EXPORTER_OTLP_ENDPOINT: spans go to `<endpoint>/v1/traces` (OTLP/HTTP, JSON). */
  endpoint: string;
  /** OTEL_SERVICE_NAME. @default hms-graph */
  serviceName: string;
  /** How long spans wait in the batch before export. @default 1000 */
  exportDelayMs?: number;
}

export interface Telemetry {
  provider: TracerProvider;
  tracer: Tracer;
  /** The operation-span plugins (envelop's and ours), in hook order. */
  operationPlugins(): Plugin<GatewayContext>[];
  /** Wraps a route plugin so each request to `pathname` runs inside a server span `name`. */
  withRequestSpan(name: string, pathname: string, plugin: Plugin): Plugin;
  /** Exports every finished span now (tests; shutdown). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

export const TRACER_NAME = 'hms-graph';

/**
 * Loads the SDK (src/tracing-sdk.ts, its own bundle in dist/lazy) and registers it globally. Only
 * main.ts and tests call this; nothing else imports the SDK.
 */
export async function startTelemetry(options: TelemetryOptions): Promise<Telemetry> {
  const { createTelemetry } = await import('./tracing-sdk.js');
  return createTelemetry(options);
}

/** The context a caller's `traceparent` (and `tracestate`) describes; the root context without one. */
export function extractTraceContext(headers: Headers): OtelContext {
  return propagation.extract(ROOT_CONTEXT, headers, {
    get: (carrier, key) => carrier.get(key) ?? undefined,
    keys: (carrier) => [...carrier.keys()],
  });
}

/** A finished span for something that happened just now in the active context (a token mint). */
export function recordEvent(tracer: Tracer, name: string, attributes: Attributes, durationMs = 0): void {
  const now = Date.now();
  tracer.startSpan(name, { attributes, startTime: now - durationMs }).end(now);
}

/** An entity-cache lookup, as an event on the active span (the operation's). */
export function cacheEvent(kind: string, hit: boolean): void {
  trace
    .getActiveSpan()
    ?.addEvent('hms.cache', { 'hms.cache.kind': kind, 'hms.cache.result': hit ? 'hit' : 'miss' });
}

/** Adds attributes to the active span (a webhook delivery's), when there is one. */
export function annotate(attributes: Record<string, string | number | boolean>): void {
  trace.getActiveSpan()?.setAttributes(attributes);
}
