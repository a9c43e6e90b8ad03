/**
 * Fair use per caller (GATEWAY_CALLER_CALLS_PER_MINUTE): each caller — a JWT `sub`, or the client
 * address without one — may cause so many 100ms calls per window. What counts is what a request
 * actually sent (`ctx.cost.calls`, retries included), added once the operation is done; a caller
 * already at the limit is refused before execution, so before any upstream call, with
 * `RATE_LIMITED`, `retryAfterSeconds`, HTTP 429 and `Retry-After` (GitHub's REST and GraphQL APIs
 * answer the same way). The request that crosses the limit still completes: its cost is only known
 * at its end. A query for `rateLimit` alone is never refused. Every executed operation reports `extensions.rateLimit`, and `Query.rateLimit`
 * answers from the same read without calling 100ms.
 *
 * A shared store that fails (Redis away) lets requests through: fairness must not become an outage.
 */
import type { IncomingMessage } from 'node:http';
import { type DocumentNode, type GraphQLError, getOperationAST, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { CallerUsage, CallerUsageStore } from '../caller-usage.js';
import type { Context } from '../context.js';
import { gqlError } from '../errors.js';
import type { Logger } from '../logger.js';

export interface RateLimitStatus {
  limit: number;
  used: number;
  remaining: number;
  resetAt: Date;
}

export interface CallerRateLimitOptions {
  /** Upstream calls per caller per window; null turns the plugin off. @default null */
  limit: number | null;
  store: CallerUsageStore;
  logger: Logger;
}

export const DEFAULT_CALLER_RATE_LIMIT = null;

/** The bucket a request is counted in: its verified subject, else the client's address. */
export function callerKey(ctx: Context & { req?: IncomingMessage }): string {
  if (ctx.caller.subject) return `sub:${ctx.caller.subject}`;
  return `ip:${ctx.req?.socket?.remoteAddress ?? 'unknown'}`;
}

/** `{ rateLimit { ... } }` alone costs nothing: a caller over its limit may still ask where it stands. */
function onlyAsksRateLimit(document: DocumentNode, operationName?: string | null): boolean {
  const operation = getOperationAST(document, operationName);
  return (
    operation?.operation === 'query' &&
    operation.selectionSet.selections.every(
      (s) => s.kind === Kind.FIELD && (s.name.value === 'rateLimit' || s.name.value === '__typename'),
    )
  );
}

function status(limit: number, usage: CallerUsage): RateLimitStatus {
  return {
    limit,
    used: usage.used,
    remaining: Math.max(0, limit - usage.used),
    resetAt: new Date(usage.resetAt),
  };
}

const extension = (s: RateLimitStatus) => ({ ...s, resetAt: s.resetAt.toISOString() });

function refusal(s: RateLimitStatus): GraphQLError {
  const retryAfterSeconds = Math.max(1, Math.ceil((s.resetAt.getTime() - Date.now()) / 1000));
  return gqlError(
    'RATE_LIMITED',
    `This caller used its ${s.limit} calls to 100ms for this minute (GATEWAY_CALLER_CALLS_PER_MINUTE); ` +
      `retry after ${retryAfterSeconds} s.`,
    { retryAfterSeconds, http: { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } } },
  );
}

export function useCallerRateLimit({ limit, store, logger }: CallerRateLimitOptions): Plugin<Context> {
  if (limit === null) return {};
  // While Redis is away every request would fail here: warn once per outage, not per request.
  let storeDown = false;
  const storeFailed = (error: unknown, message: string) => {
    if (storeDown) return;
    storeDown = true;
    logger.warn({ err: error }, message);
  };
  const storeAnswered = () => {
    if (!storeDown) return;
    storeDown = false;
    logger.info('caller rate limit: usage store available again');
  };
  const read = async (ctx: Context) => {
    try {
      const usage = await store.read(callerKey(ctx));
      storeAnswered();
      return status(limit, usage);
    } catch (error) {
      storeFailed(error, 'caller rate limit: usage store unavailable, not limiting');
      return null;
    }
  };
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue;
      const before = await read(ctx);
      ctx.rateLimit = before;
      if (before && before.used >= limit && !onlyAsksRateLimit(args.document, args.operationName)) {
        setResultAndStopExecution({
          errors: [refusal(before)],
          extensions: { rateLimit: extension(before) },
        });
        return;
      }
      return {
        async onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          let after = before;
          if (ctx.cost.calls > 0) {
            try {
              after = status(limit, await store.add(callerKey(ctx), ctx.cost.calls));
            } catch (error) {
              storeFailed(error, 'caller rate limit: could not count upstream calls');
            }
          }
          if (after)
            setResult({ ...result, extensions: { ...result.extensions, rateLimit: extension(after) } });
        },
      };
    },
    async onSubscribe({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue;
      const before = await read(ctx);
      ctx.rateLimit = before;
      if (before && before.used >= limit) setResultAndStopExecution({ errors: [refusal(before)] });
    },
  };
}
