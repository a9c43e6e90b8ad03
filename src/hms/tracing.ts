/**
 * Upstream attempts as OpenTelemetry client spans, for the client when it is given a tracer (see
 * src/telemetry.ts): only the API, no SDK, and nothing runs without a tracer.
 */
import {
  context,
  createContextKey,
  propagation,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';

const CACHE_MISS = createContextKey('hms-graph cache miss');
let tracing = false;

/** Called once the SDK is registered (src/tracing-sdk.ts); until then `asCacheMiss` costs nothing. */
export function enableUpstreamTracing(): void {
  tracing = true;
}

/**
 * Runs an upstream read the entity cache could not answer, so its attempt spans say `hms.cache:
 * miss` (the other upstream spans say `not-cached`: the endpoint is never served from the cache).
 */
export function asCacheMiss<T>(read: () => Promise<T>): Promise<T> {
  return tracing ? context.with(context.active().setValue(CACHE_MISS, true), read) : read();
}

/** Adds `traceparent` (and `tracestate`) for the active span to outgoing headers. */
export function injectTraceContext(headers: Record<string, string>): void {
  propagation.inject(context.active(), headers);
}

export interface UpstreamSpanInfo {
  method: string;
  /** Route template, e.g. `/v2/sessions/{id}`. */
  route: string;
  attempt: number;
}

export interface UpstreamSpan {
  /** Runs one attempt with this span active, so the `traceparent` injected is this span's. */
  run<T>(attempt: () => Promise<T>): Promise<T>;
  /** `status` 0 when no response arrived; `retryReason` when the attempt will be retried. */
  end(status: number, retryReason?: string): void;
}

/**
 * A client span for one upstream attempt, child of the active span (the operation's). Named by
 * method and route template, never by the URL: ids and query values stay out of traces.
 */
export function startUpstreamSpan(tracer: Tracer, info: UpstreamSpanInfo): UpstreamSpan {
  const span = tracer.startSpan(`${info.method} ${info.route}`, {
    kind: SpanKind.CLIENT,
    attributes: {
      'http.request.method': info.method,
      'url.template': info.route,
      'hms.attempt': info.attempt,
      'hms.cache': context.active().getValue(CACHE_MISS) === true ? 'miss' : 'not-cached',
    },
  });
  const active = trace.setSpan(context.active(), span);
  return {
    run: (attempt) => context.with(active, attempt),
    end(status, retryReason) {
      span.setAttribute('http.response.status_code', status);
      if (retryReason) span.setAttribute('hms.retry_reason', retryReason);
      if (status === 0 || status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
}
