/**
 * Tracing for GraphQL operations and webhook deliveries, added only when telemetry is on (loaded
 * with the SDK by src/tracing-sdk.ts, never at start-up otherwise).
 * @envelop/opentelemetry makes the operation span (named `query.Dashboard`; execution runs inside
 * it, so upstream and token spans become its children); this plugin, registered just before it,
 * continues the caller's W3C `traceparent`, and before the span ends adds what the on-call
 * engineer asks first: the outcome and how many calls to 100ms the operation made. The trace id is
 * put on the context for the operation log line.
 */
import { getCurrentOtelContext, setCurrentOtelContext, useOpenTelemetry } from '@envelop/opentelemetry';
import { SpanKind, SpanStatusCode, type Tracer, type TracerProvider, trace } from '@opentelemetry/api';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import { extractTraceContext } from '../telemetry.js';

export interface OperationTracingOptions {
  provider: TracerProvider;
}

type Traced = Context & { request?: Request };

function useTraceAttributes(): Plugin<Context> {
  const continueTrace = (ctx: Traced) => {
    if (ctx.request) setCurrentOtelContext(ctx, extractTraceContext(ctx.request.headers));
  };
  return {
    onExecute({ args }) {
      const ctx = args.contextValue as Traced;
      continueTrace(ctx);
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result) return;
          const span = trace.getSpan(getCurrentOtelContext(ctx));
          if (!span) return;
          ctx.traceId = span.spanContext().traceId;
          span.setAttributes({
            'graphql.operation.outcome': result.errors?.length ? 'error' : 'ok',
            'hms.upstream_calls': ctx.cost.calls,
            'hms.request_id': ctx.requestId,
          });
          const codes = result.errors?.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          if (codes?.length) span.setAttribute('graphql.error.codes', [...new Set(codes)]);
        },
      };
    },
    onSubscribe({ args }) {
      continueTrace(args.contextValue as Traced);
    },
  };
}

/** The operation span and its attributes, in the order their hooks must run. */
export function useOperationTracing({ provider }: OperationTracingOptions): Plugin<Context>[] {
  return [
    useTraceAttributes(),
    // Variables and results stay out of spans (they carry room ids, names, presigned URLs).
    useOpenTelemetry(
      { resolvers: false, variables: false, result: false },
      provider,
      SpanKind.SERVER,
    ) as Plugin<Context>,
  ];
}

/**
 * Runs a route plugin's `onRequest` inside a server span, so what it reports while handling the
 * request (`annotate`) lands on that span. For the webhook intake: 100ms sends no traceparent, so
 * each delivery starts a trace of its own.
 */
export function withRequestSpan(tracer: Tracer, name: string, pathname: string, plugin: Plugin): Plugin {
  const { onRequest } = plugin;
  if (!onRequest) return plugin;
  return {
    ...plugin,
    onRequest: (payload) => {
      if (payload.url.pathname !== pathname) return onRequest(payload);
      return tracer.startActiveSpan(
        name,
        {
          kind: SpanKind.SERVER,
          attributes: { 'http.request.method': payload.request.method, 'url.path': pathname },
        },
        async (span) => {
          const endResponse = payload.endResponse;
          try {
            return await onRequest({
              ...payload,
              endResponse: (response) => {
                span.setAttribute('http.response.status_code', response.status);
                if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
                endResponse(response);
              },
            });
          } finally {
            span.end();
          }
        },
      );
    },
  };
}
