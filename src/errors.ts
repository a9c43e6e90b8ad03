/**
 * GraphQL-facing errors. Expected failures carry an `extensions.code` clients can branch on;
 * everything else is masked by `maskError` so no internals (or secrets) leak. Upstream HTTP
 * statuses never become the gateway's HTTP status: they become codes on the failed path.
 */
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import {
  HmsAbortedError,
  HmsBadRequestError,
  HmsError,
  HmsForbiddenError,
  HmsNotFoundError,
  HmsOverloadedError,
  HmsRateLimitedError,
  HmsTimeoutError,
  HmsUnauthorizedError,
} from './hms/errors.js';

export type ErrorCode =
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_OVERLOADED'
  | 'UPSTREAM_REJECTED'
  | 'UPSTREAM_BUDGET_EXCEEDED'
  | 'INTERNAL_SERVER_ERROR';

export function gqlError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

export const notFound = (what: string, id: string) =>
  gqlError('NOT_FOUND', `${what} ${JSON.stringify(id)} not found`);

export const badUserInput = (message: string, field?: string) =>
  gqlError('BAD_USER_INPUT', message, field ? { field } : {});

/**
 * The one mapping from upstream failures to query errors. 401 from 100ms means *our* credentials
 * are wrong (the caller's are checked separately), so it is an upstream problem, not the caller's.
 */
export function fromHmsError(error: HmsError): GraphQLError {
  // The exact upstream text stays available; the message loses 100ms's redundant "Error: ".
  const upstream = error.upstreamMessage ? { upstreamMessage: error.upstreamMessage } : {};
  const message = error.message.replace(/^(?:Error:\s*)+/i, '') || error.message;
  if (error instanceof HmsNotFoundError) return gqlError('NOT_FOUND', message, upstream);
  if (error instanceof HmsRateLimitedError) {
    return gqlError('RATE_LIMITED', '100ms rate limit reached; retry later', {
      retryAfterSeconds: error.retryAfterSeconds ?? null,
    });
  }
  if (error instanceof HmsBadRequestError) return gqlError('UPSTREAM_REJECTED', message, upstream);
  if (error instanceof HmsForbiddenError) return gqlError('FORBIDDEN', message, upstream);
  if (error instanceof HmsOverloadedError) {
    return gqlError(
      'UPSTREAM_OVERLOADED',
      'The gateway has too many calls to 100ms waiting (HMS_MAX_QUEUE); nothing was sent: retry later',
    );
  }
  if (error instanceof HmsTimeoutError && error.kind === 'deadline') {
    return gqlError(
      'UPSTREAM_UNAVAILABLE',
      "The request's deadline (GATEWAY_REQUEST_TIMEOUT_MS) passed before 100ms could answer; retry later",
    );
  }
  if (error instanceof HmsUnauthorizedError) {
    return gqlError(
      'UPSTREAM_UNAVAILABLE',
      '100ms rejected the gateway credentials (check HMS_ACCESS_KEY/HMS_SECRET)',
    );
  }
  return gqlError('UPSTREAM_UNAVAILABLE', '100ms is unavailable; retry later');
}

/**
 * graphql-js reports variables it cannot coerce (`1.5` for Int, an unknown enum value or input
 * field) as errors without a path whose message starts `Variable "$name"`; the caller's mistake.
 */
function isVariableCoercionError(error: GraphQLError): boolean {
  return error.path === undefined && !error.extensions?.code && error.message.startsWith('Variable "$');
}

/** Masked codes that are the caller's doing (logged at info, not error). */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'UPSTREAM_REJECTED',
  'UPSTREAM_BUDGET_EXCEEDED',
]);

/** The code a client sees for this error, as `maskError` decides it. */
export function maskedCode(error: unknown): string {
  const masked = maskError(error, '');
  const code = masked instanceof GraphQLError ? masked.extensions?.code : undefined;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

/** How loud an error Yoga reports should be in our logs. */
export function logLevelOf(error: unknown): 'debug' | 'info' | 'warn' | 'error' {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof HmsAbortedError) return 'debug';
  if (original instanceof Error && (original.name === 'AbortError' || original.name === 'TimeoutError'))
    return 'debug';
  const code = maskedCode(error);
  if (CLIENT_CODES.has(code)) return 'info';
  if (code === 'UPSTREAM_UNAVAILABLE' || code === 'UPSTREAM_OVERLOADED') return 'warn';
  return 'error';
}

/** Yoga `maskedErrors.maskError`: typed errors pass, upstream errors are mapped, the rest is hidden. */
export function maskError(error: unknown, message: string): Error {
  if (error instanceof GraphQLError && isVariableCoercionError(error)) {
    // graphql-over-http: 400 for application/graphql-response+json; application/json keeps 200.
    return new GraphQLError(error.message, {
      ...whereOf(error),
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400, spec: true } },
    });
  }
  if (error instanceof GraphQLError && error.extensions?.code === 'BAD_REQUEST') {
    // Not a well-formed GraphQL-over-HTTP request (`{}`, a non-string query): 400 for every client.
    const http = error.extensions.http as { status?: number; headers?: Record<string, string> } | undefined;
    return new GraphQLError(error.message, {
      extensions: { ...error.extensions, http: { status: http?.status ?? 400, headers: http?.headers } },
    });
  }
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof Error && original.name === 'UpstreamBudgetExceededError') {
    return new GraphQLError(original.message, {
      ...whereOf(error),
      extensions: {
        code: 'UPSTREAM_BUDGET_EXCEEDED',
        maxUpstreamCalls: (original as { maxUpstreamCalls?: number }).maxUpstreamCalls,
      },
    });
  }
  if (original instanceof HmsError) {
    const mapped = fromHmsError(original);
    if (error instanceof GraphQLError) {
      return new GraphQLError(mapped.message, { ...whereOf(error), extensions: mapped.extensions });
    }
    return mapped;
  }
  // Pothos rejects malformed arguments it parses itself (e.g. a global id that is not one).
  if (original instanceof PothosValidationError) {
    return new GraphQLError(original.message, { ...whereOf(error), extensions: { code: 'BAD_USER_INPUT' } });
  }
  if (original instanceof GraphQLError && original.extensions?.code) {
    if (error instanceof GraphQLError && error !== original) {
      return new GraphQLError(original.message, { ...whereOf(error), extensions: original.extensions });
    }
    return original;
  }
  if (error instanceof GraphQLError && !error.originalError) return error;
  return new GraphQLError(message, { ...whereOf(error), extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

/**
 * Where an error happened, for the error that replaces it: the AST nodes, or the source and
 * positions (errors of queries compiled by graphql-jit carry those, not nodes), and the path.
 */
function whereOf(error: unknown) {
  if (!(error instanceof GraphQLError)) return {};
  return { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path };
}
