import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import { maskedCode } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { capText } from '../yoga-logging.js';

export interface OperationLogOptions {
  logger: Logger;
  metrics: Metrics;
}

/** One structured log line and one metric sample per operation, with the request id. */
export function useOperationLog({ logger, metrics }: OperationLogOptions): Plugin<Context> {
  return {
    onExecute({ args }) {
      const started = performance.now();
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      const name = operation?.name?.value ?? 'anonymous';
      const type = operation?.operation ?? 'query';
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result) return;
          const ctx = args.contextValue as Context;
          const seconds = (performance.now() - started) / 1000;
          const outcome = result.errors?.length ? 'error' : 'ok';
          const label = metrics.operationLabel(name);
          metrics.graphqlRequests.inc({ operation: label, type, outcome });
          metrics.graphqlDuration.observe({ operation: label, type }, seconds);
          // The codes the client sees (masking happens after this hook).
          const errors = result.errors?.map(maskedCode);
          const level = errors?.some((code) => code === 'INTERNAL_SERVER_ERROR') ? 'error' : 'info';
          logger[level](
            {
              requestId: ctx.requestId,
              caller: ctx.caller.subject ?? undefined,
              operation: capText(name, 200),
              type,
              outcome,
              ms: Math.round(seconds * 1000),
              traceId: ctx.traceId ?? undefined,
              upstreamCalls: ctx.cost.calls,
              errors,
            },
            'graphql operation',
          );
        },
      };
    },
  };
}
