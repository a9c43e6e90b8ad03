/**
 * The OpenTelemetry SDK side of src/telemetry.ts, imported only by `startTelemetry` (and bundled
 * apart, in dist/lazy/tracing.js): a tracer provider batching spans to OTLP/HTTP (JSON), async
 * local storage for the active span, and W3C trace context for `traceparent`. Built from the SDK's
 * parts rather than @opentelemetry/sdk-node, which would also bring the gRPC, protobuf, metrics
 * and logs exporters this gateway does not use.
 */
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { enableUpstreamTracing } from './hms/tracing.js';
import { useOperationTracing, withRequestSpan } from './plugins/use-operation-tracing.js';
import { type Telemetry, type TelemetryOptions, TRACER_NAME } from './telemetry.js';

export function createTelemetry(options: TelemetryOptions): Telemetry {
  const exporter = new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/+$/, '')}/v1/traces` });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: [
      new BatchSpanProcessor({ exporter, scheduledDelayMillis: options.exportDelayMs ?? 1000 }),
    ],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  enableUpstreamTracing();
  const tracer = provider.getTracer(TRACER_NAME);
  return {
    provider,
    tracer,
    operationPlugins: () => useOperationTracing({ provider }),
    withRequestSpan: (name, pathname, plugin) => withRequestSpan(tracer, name, pathname, plugin),
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
