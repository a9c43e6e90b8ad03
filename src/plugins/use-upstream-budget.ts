/**
 * The up-front half of the upstream-call budget: coerce the variables, estimate the operation
 * (`src/cost.ts`) and refuse it when over GATEWAY_MAX_UPSTREAM_CALLS, for queries and mutations
 * (on execute) and for subscriptions (on subscribe: the estimate of one delivered event). The
 * run-time half is the per-request counter in `src/context.ts`. Every query/mutation response
 * reports `extensions.cost { estimatedUpstreamCalls actualUpstreamCalls }`.
 */
import {
  type DocumentNode,
  type ExecutionResult,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  getVariableValues,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import { CannotEstimateError, type CostEnv, estimateUpstreamCalls } from '../cost.js';

export interface UpstreamBudgetOptions {
  /** GATEWAY_MAX_UPSTREAM_CALLS. @default DEFAULT_MAX_UPSTREAM_CALLS */
  maxUpstreamCalls?: number;
}

export const DEFAULT_MAX_UPSTREAM_CALLS = 50;

/** Estimates kept per document (for distinct variables, operation names, callers) before starting over. */
const MEMO_PER_DOCUMENT = 64;
const ESTIMATE = Symbol('estimatedUpstreamCalls');

type Verdict = { kind: 'ok'; estimate: number } | { kind: 'refused'; result: ExecutionResult };

/**
 * The estimate depends only on the schema, the document, the coerced variables, the operation
 * name and the caller's room count. Yoga's parser cache hands out the same DocumentNode for the
 * same query text, so estimates are memoised per document object.
 */
function memoizedEstimate() {
  const memo = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number | Error>>>();
  return (
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Record<string, unknown>,
    operationName: string | null | undefined,
    env: CostEnv,
  ): number => {
    let bySchema = memo.get(schema);
    if (!bySchema) {
      bySchema = new WeakMap();
      memo.set(schema, bySchema);
    }
    let byDocument = bySchema.get(document);
    if (!byDocument) {
      byDocument = new Map();
      bySchema.set(document, byDocument);
    }
    const key = `${operationName ?? ''}\n${env.confinedRooms ?? ''}\n${JSON.stringify(variables)}`;
    let estimate = byDocument.get(key);
    if (estimate === undefined) {
      try {
        estimate = estimateUpstreamCalls(schema, document, variables, operationName, env);
      } catch (error) {
        if (!(error instanceof CannotEstimateError)) throw error;
        estimate = error;
      }
      if (byDocument.size >= MEMO_PER_DOCUMENT) byDocument.clear();
      byDocument.set(key, estimate);
    }
    if (estimate instanceof Error) throw estimate;
    return estimate;
  };
}

export function useUpstreamBudget(options: UpstreamBudgetOptions = {}): Plugin<Context> {
  const max = options.maxUpstreamCalls ?? DEFAULT_MAX_UPSTREAM_CALLS;
  const estimateOf = memoizedEstimate();

  function judge(
    schema: GraphQLSchema,
    document: DocumentNode,
    rawVariables: Record<string, unknown> | null | undefined,
    operationName: string | null | undefined,
    ctx: Context,
  ): Verdict {
    const operation = getOperationAST(document, operationName ?? undefined);
    // No (or an ambiguous) operation: execution itself reports it, and calls nothing.
    if (!operation) return { kind: 'ok', estimate: 0 };
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
    // Out-of-range or malformed variables are the caller's mistake, never a cost: execution
    // coerces them again and answers BAD_USER_INPUT (see maskError) before any resolver runs.
    if (coerced.errors) return { kind: 'ok', estimate: 0 };
    const env: CostEnv = { confinedRooms: ctx.caller.rooms ? ctx.caller.rooms.size : null };
    let estimate: number;
    try {
      estimate = estimateOf(schema, document, coerced.coerced, operationName, env);
    } catch (error) {
      if (!(error instanceof CannotEstimateError)) throw error;
      return {
        kind: 'refused',
        result: {
          errors: [
            new GraphQLError(
              `The upstream cost of this operation cannot be estimated (${error.message}); simplify it.`,
              { extensions: { code: 'UPSTREAM_BUDGET_EXCEEDED', maxUpstreamCalls: max } },
            ),
          ],
          extensions: { cost: { estimatedUpstreamCalls: null, actualUpstreamCalls: 0 } },
        },
      };
    }
    if (estimate <= max) return { kind: 'ok', estimate };
    return {
      kind: 'refused',
      result: {
        errors: [
          new GraphQLError(
            `This operation could cost up to ${estimate} calls to 100ms, over the limit of ${max}. ` +
              'Ask for fewer items (smaller `first`), fewer nested lists, or split it into several requests.',
            {
              extensions: {
                code: 'UPSTREAM_BUDGET_EXCEEDED',
                estimatedUpstreamCalls: estimate,
                maxUpstreamCalls: max,
              },
            },
          ),
        ],
        extensions: { cost: { estimatedUpstreamCalls: estimate, actualUpstreamCalls: 0 } },
      },
    };
  }

  return {
    onSubscribe({ args, setResultAndStopExecution }) {
      const verdict = judge(
        args.schema,
        args.document,
        args.variableValues,
        args.operationName,
        args.contextValue,
      );
      if (verdict.kind === 'refused') setResultAndStopExecution(verdict.result);
    },
    onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as Context & { [ESTIMATE]?: number };
      const verdict = judge(args.schema, args.document, args.variableValues, args.operationName, ctx);
      if (verdict.kind === 'refused') {
        setResultAndStopExecution(verdict.result);
        return;
      }
      ctx[ESTIMATE] = verdict.estimate;
      return {
        onExecuteDone({ args: doneArgs, result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const done = doneArgs.contextValue as Context & { [ESTIMATE]?: number };
          const cost = {
            estimatedUpstreamCalls: done[ESTIMATE] ?? verdict.estimate,
            actualUpstreamCalls: done.cost.calls,
          };
          setResult({ ...result, extensions: { ...result.extensions, cost } });
        },
      };
    },
  };
}
