/**
 * The attempt-and-retry piece of the 100ms client: one logical call (`Call`) becomes HTTP attempts
 * on the connection, each under the concurrency cap, with the management token, the retry policy
 * of `retry.ts`, one re-mint on a rejected token, and the per-request `beforeSend` check (budgets).
 * Everything about *whether and when* to send lives here; *how* to send is `connection.ts`.
 * The request's deadline (`RequestOptions.deadline`) bounds every part of a call: the wait for a
 * slot, each attempt, and each backoff or Retry-After wait (one that would pass it is not started;
 * the call fails with the error that asked for it, e.g. a 429 with its Retry-After). A full queue
 * (HMS_MAX_QUEUE) refuses at once.
 */
import { performance } from 'node:perf_hooks';
import type { Tracer } from '@opentelemetry/api';
import { onAbort } from './abort.js';
import { createAnswerMemo } from './answer-memo.js';
import type { RequestOptions, UpstreamCallEvent } from './api.js';
import type { HmsLogger } from './client.js';
import { type AttemptResult, type Connection, headerSafe, headerValue } from './connection.js';
import {
  fromStatus,
  fromUndiciError,
  HmsAbortedError,
  HmsConnectionError,
  type HmsError,
  HmsOverloadedError,
  HmsTimeoutError,
  type TransportErrorKind,
} from './errors.js';
import { type Limiter, QueueFullError, QueueWaitTimeout } from './limiter.js';
import { type ParseContext, parseErrorBody, parseJson, parseResponse } from './parse.js';
import { serializeQuery } from './query.js';
import { backoffDelay, parseRetryAfter, shouldRetry } from './retry.js';
import { type TokenProvider, tokenRejected } from './tokens.js';
import { startUpstreamSpan, type UpstreamSpan } from './tracing.js';
import { type Call, fillRoute } from './transport.js';

/** Why a failed attempt without a response is retried: the transport error's kind. */
function transportKind(result: AttemptResult): string {
  return result.kind === 'error' ? ((result.error as { kind?: string }).kind ?? 'protocol') : 'error';
}

/** A retry is only worth starting with at least this long left for the attempt itself. */
const MIN_RETRY_ATTEMPT_MS = 100;

export interface AttemptSenderDeps {
  connection: Connection;
  tokens: TokenProvider;
  limiter: Limiter;
  /** Path prefix of the base URL (e.g. `/v2`), without a trailing slash. */
  basePath: string;
  maxRetries: number;
  logger: HmsLogger;
  /** Client-wide hook, called after each attempt settles (metrics). */
  onCall?: (event: UpstreamCallEvent) => void;
  /** Each attempt becomes a client span and sends its `traceparent` (src/hms/tracing.ts). */
  tracer?: Tracer;
  now: () => number;
  random: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface AttemptSender {
  send<T>(call: Call): Promise<T>;
  /** Fails queued calls and pending backoffs; new calls fail with `kind: 'closed'`. */
  close(): void;
  readonly closed: boolean;
}

export function createAttemptSender(deps: AttemptSenderDeps): AttemptSender {
  const { connection, tokens, limiter, basePath, maxRetries, logger, now, random, sleep } = deps;
  const clientOnCall = deps.onCall;
  const tracer = deps.tracer;
  /** Aborts pending backoff sleeps on close(). */
  const closing = new AbortController();
  const answers = createAnswerMemo();
  let closed = false;

  function emit(hook: ((event: UpstreamCallEvent) => void) | undefined, event: UpstreamCallEvent) {
    if (!hook) return;
    try {
      hook(event);
    } catch (error) {
      // A broken metrics hook must not fail the call it observes.
      logger.warn(
        { err: error instanceof Error ? { name: error.name, message: error.message } : String(error) },
        'onCall hook threw',
      );
    }
  }

  /** Backoff that wakes early, with a rejection, when the caller aborts or the client closes. */
  async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
    const controller = new AbortController();
    const relay = () => controller.abort(signal?.reason);
    const onClose = () => controller.abort(closing.signal.reason);
    if (signal?.aborted) relay();
    if (closing.signal.aborted) onClose();
    const unsubscribe = [onAbort(signal, relay), onAbort(closing.signal, onClose)];
    try {
      await sleep(ms, controller.signal);
    } finally {
      for (const fn of unsubscribe) fn();
    }
  }

  /** What every attempt of one call shares. */
  interface Prepared {
    method: Call['method'];
    path: string;
    route: string;
    target: string;
    body: string | undefined;
    requestId: string | undefined;
    requestedLimit: number | undefined;
    options: RequestOptions;
    signal: AbortSignal | undefined;
  }

  function prepare(call: Call): Prepared {
    const options: RequestOptions = call.options ?? {};
    const path = basePath + (call.path ?? fillRoute(call.route, call.params));
    const query = serializeQuery(call.query);
    const limit = (call.query as { limit?: unknown } | undefined)?.limit;
    return {
      method: call.method,
      path,
      route: basePath + call.route,
      target: query ? `${path}?${query}` : path,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      requestId: headerSafe(options.requestId),
      requestedLimit: typeof limit === 'number' ? limit : undefined,
      options,
      signal: options.signal,
    };
  }

  const closedError = (p: Prepared) =>
    new HmsConnectionError({ method: p.method, path: p.path, kind: 'closed' });
  const abortedError = (p: Prepared) =>
    fromUndiciError(p.signal?.reason, { method: p.method, path: p.path, aborted: true });
  const deadlineError = (p: Prepared) =>
    new HmsTimeoutError({ method: p.method, path: p.path, kind: 'deadline' });
  /** Milliseconds left before the request's deadline; undefined without one. */
  const remaining = (p: Prepared) =>
    p.options.deadline === undefined ? undefined : p.options.deadline - now();

  /** One attempt under the concurrency cap, with a current management token. */
  async function attemptUnderCap(
    p: Prepared,
    attempt: number,
  ): Promise<{ result: AttemptResult; token: string; durationMs: number; span?: UpstreamSpan }> {
    try {
      await limiter.acquire(p.signal, remaining(p));
    } catch (error) {
      if (error instanceof QueueFullError)
        throw new HmsOverloadedError({ method: p.method, path: p.path, cause: error });
      if (error instanceof QueueWaitTimeout) throw deadlineError(p);
      throw closed ? closedError(p) : abortedError(p);
    }
    const started = performance.now();
    let token = '';
    try {
      token = await tokens.managementToken();
      const { method, target, path, body, requestId, signal } = p;
      const span = tracer ? startUpstreamSpan(tracer, { method, route: p.route, attempt }) : undefined;
      const request = {
        method,
        target,
        path,
        body,
        token,
        requestId,
        signal,
        trace: span !== undefined,
        timeoutMs: remaining(p),
      };
      const result = await (span ? span.run(() => connection.attempt(request)) : connection.attempt(request));
      return { result, token, durationMs: performance.now() - started, span };
    } finally {
      limiter.release();
    }
  }

  /** A failed attempt: its error, and whether the retry policy allows another. */
  function failureOf(
    p: Prepared,
    result: AttemptResult,
    errorBody: unknown,
    retryAttempt: number,
  ): { error: HmsError; retry: boolean; retryAfterMs?: number; status: number } {
    const idempotent = p.method === 'GET';
    if (result.kind === 'response') {
      const { status } = result;
      const ctx = {
        method: p.method,
        path: p.path,
        route: p.route,
        requestId: headerSafe(headerValue(result.headers, 'x-request-id')),
      };
      const retryAfterMs = parseRetryAfter(headerValue(result.headers, 'retry-after'), now());
      const error = fromStatus(status, errorBody, { ...ctx, retryAfterMs });
      const retry = shouldRetry({
        method: p.method,
        idempotent,
        status,
        attempt: retryAttempt,
        maxRetries,
        sent: true,
        retryAfterMs,
      });
      return { error, retry, retryAfterMs, status };
    }
    const error = result.error;
    const kind: TransportErrorKind = (error as { kind?: TransportErrorKind }).kind ?? 'protocol';
    const sent = (error as { requestSent?: boolean }).requestSent ?? true;
    const retry = shouldRetry({
      method: p.method,
      idempotent,
      errorKind: kind,
      attempt: retryAttempt,
      maxRetries,
      sent,
    });
    return { error, retry, status: 0 };
  }

  async function send<T>(call: Call): Promise<T> {
    const p = prepare(call);
    const { method, route, requestId, options, signal } = p;
    let attempt = 0;
    let retryAttempt = 0;
    let reminted = false;
    while (true) {
      if (closed) throw closedError(p);
      if (signal?.aborted) throw abortedError(p);
      const left = remaining(p);
      if (left !== undefined && left <= 0) throw deadlineError(p);
      // Counted before it is sent, so a per-request budget holds however many calls race.
      options.beforeSend?.({ method, route, attempt: attempt + 1 });
      const { result, token, durationMs, span } = await attemptUnderCap(p, attempt + 1);
      attempt += 1;
      const report = (status: number, retrying: boolean, retryReason?: string) => {
        span?.end(status, retrying ? retryReason : undefined);
        const event: UpstreamCallEvent = { method, route, status, durationMs, attempt, retrying };
        emit(options.onCall, event);
        emit(clientOnCall, event);
      };

      let errorBody: unknown;
      if (result.kind === 'response') {
        const { status } = result;
        if (status >= 200 && status < 300) {
          report(status, false);
          logger.debug({ method, route, status, attempt, durationMs, requestId }, '100ms call');
          const upstreamRequestId = headerSafe(headerValue(result.headers, 'x-request-id'));
          const parseCtx = {
            method,
            path: p.path,
            route,
            requestId: upstreamRequestId,
            requestedLimit: p.requestedLimit,
          };
          // Reads come back unchanged most of the time: the same text is not parsed twice.
          const json =
            method === 'GET'
              ? (text: string, ctx: ParseContext) => answers.parse(p.target, text, () => parseJson(text, ctx))
              : parseJson;
          return parseResponse(status, result.text, call.shape, parseCtx, json) as T;
        }
        errorBody = parseErrorBody(result.text);
        if (!reminted && tokenRejected(status, errorBody)) {
          // The SDK's recovery, kept: one fresh token and one replay. Safe for a POST too: a
          // rejected token means 100ms did not act. Does not consume the retry budget.
          reminted = true;
          tokens.invalidate(token);
          report(status, true, 'token_rejected');
          logger.info(
            { method, route, status, attempt, requestId },
            '100ms rejected the token; re-minting once',
          );
          continue;
        }
      }
      retryAttempt += 1;
      const failure = failureOf(p, result, errorBody, retryAttempt);
      const { error, retryAfterMs, status } = failure;
      const waitMs = failure.retry ? backoffDelay({ attempt: retryAttempt, retryAfterMs, random }) : 0;
      const leftNow = remaining(p);
      // A wait that would outlast the request's deadline is not started: the caller gets the
      // answer now (a 429 keeps its Retry-After) instead of a timeout later.
      const pastDeadline = failure.retry && leftNow !== undefined && waitMs + MIN_RETRY_ATTEMPT_MS >= leftNow;
      const retry = failure.retry && !pastDeadline;
      report(status, retry, status ? `status_${status}` : transportKind(result));

      const logFields = {
        method,
        route,
        status: error.status,
        error: error.name,
        attempt,
        durationMs,
        requestId,
      };
      if (!retry) {
        // 4xx answers and cancellations are the caller's business; the rest is 100ms's health.
        const expected = (error.status >= 400 && error.status < 500) || error instanceof HmsAbortedError;
        logger[expected ? 'debug' : 'warn'](
          pastDeadline ? { ...logFields, retryInMs: waitMs, notRetried: 'deadline' } : logFields,
          '100ms call failed',
        );
        throw error;
      }
      logger.warn({ ...logFields, retryInMs: waitMs }, '100ms call failed; retrying');
      try {
        await pause(waitMs, signal);
      } catch (sleepError) {
        if (closed) throw closedError(p);
        if (signal?.aborted) throw abortedError(p);
        throw sleepError;
      }
    }
  }

  return {
    send,
    close() {
      if (closed) return;
      closed = true;
      closing.abort(new Error('client closed'));
      limiter.rejectAll(new Error('client closed'));
    },
    get closed() {
      return closed;
    },
  };
}
