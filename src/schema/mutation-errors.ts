/**
 * Typed mutation failures (Pothos errors plugin): every mutation result is a union of its success
 * type and these, all implementing `interface Error { message code }`. Upstream failures are
 * mapped here, once, from the client's error hierarchy.
 */
import {
  HmsAbortedError,
  HmsBadRequestError,
  HmsConnectionError,
  HmsError,
  HmsForbiddenError,
  HmsNotFoundError,
  HmsOverloadedError,
  HmsRateLimitedError,
  HmsServerError,
  HmsTimeoutError,
} from '../hms/errors.js';
import type { StoredOutcome } from '../idempotency.js';
import { builder } from './builder.js';

export abstract class MutationError extends Error {
  abstract readonly code: string;
}

export class NotFoundError extends MutationError {
  readonly code = 'NOT_FOUND';
}

export class ValidationError extends MutationError {
  readonly code = 'VALIDATION_FAILED';
  constructor(
    message: string,
    /** The input field to fix, e.g. `input.rtmpUrls`; null when the whole input is at fault. */
    readonly field: string | null = null,
  ) {
    super(message);
  }
}

export class ForbiddenError extends MutationError {
  readonly code = 'FORBIDDEN';
}

export class RateLimitedError extends MutationError {
  readonly code = 'RATE_LIMITED';
  constructor(
    message: string,
    readonly retryAfterSeconds: number | null,
  ) {
    super(message);
  }
}

export class UpstreamError extends MutationError {
  readonly code = 'UPSTREAM_UNAVAILABLE';
  constructor(
    message: string,
    /** Whether 100ms may have applied the change although the answer was lost (timeouts). */
    readonly outcomeUnknown: boolean,
  ) {
    super(message);
  }
}

export const MUTATION_ERRORS = [
  NotFoundError,
  ValidationError,
  ForbiddenError,
  RateLimitedError,
  UpstreamError,
];

/** Upstream body fields named in 100ms validation messages, mapped back to input fields. */
const UPSTREAM_FIELDS: Record<string, string> = {
  max_duration_seconds: 'maxDurationSeconds',
  template_id: 'templateId',
  template: 'templateId',
  rtmp_urls: 'rtmpUrls',
  meeting_url: 'meetingUrl',
  payload: 'payload',
  duration: 'duration',
  name: 'name',
  region: 'region',
  message: 'message',
  peer_id: 'peerId',
  role: 'role',
  size: 'size',
  resolution: 'resolution',
};

function fieldFromUpstream(message: string): string | null {
  for (const [upstream, field] of Object.entries(UPSTREAM_FIELDS)) {
    if (new RegExp(`\\b${upstream}\\b`, 'i').test(message)) return `input.${field}`;
  }
  return null;
}

/** 100ms prefixes many messages with a redundant `Error: `; the exact text stays on the HmsError. */
export function upstreamText(message: string): string {
  return message.replace(/^(?:Error:\s*)+/i, '') || message;
}

/**
 * Whether a failed call may still have changed something at 100ms: it was not a read, it left
 * the gateway, and no answer says it was refused (5xx, 408, a timeout or reset after sending,
 * or the caller gave up).
 */
export function mayHaveApplied(error: HmsError): boolean {
  if (error.method === 'GET') return false;
  if (error instanceof HmsServerError) return true;
  if (error instanceof HmsTimeoutError || error instanceof HmsConnectionError) return error.requestSent;
  return error instanceof HmsAbortedError;
}

/** The one mapping from upstream failures to typed mutation errors. */
export function toMutationError(error: unknown): unknown {
  if (!(error instanceof HmsError)) return error;
  const message = upstreamText(error.message);
  if (error instanceof HmsNotFoundError) return new NotFoundError(message);
  if (error instanceof HmsForbiddenError) return new ForbiddenError(message);
  if (error instanceof HmsBadRequestError) return new ValidationError(message, fieldFromUpstream(message));
  if (error instanceof HmsRateLimitedError) {
    return new RateLimitedError(
      '100ms rate limit reached; nothing was changed: retry later',
      error.retryAfterSeconds ?? null,
    );
  }
  // Without a trustworthy answer, a request that left may still have been applied: say so,
  // never guess. Retrying blindly could start a second recording or stream.
  if (mayHaveApplied(error)) {
    return new UpstreamError(
      error instanceof HmsServerError
        ? `100ms answered HTTP ${error.status}; the change may or may not have been applied: check state before retrying`
        : '100ms did not answer in time; the change may or may not have been applied: check state before retrying',
      true,
    );
  }
  if (error instanceof HmsOverloadedError) {
    return new UpstreamError(
      'The gateway has too many calls to 100ms waiting (HMS_MAX_QUEUE); nothing was sent, so nothing was changed: retry later',
      false,
    );
  }
  if (error instanceof HmsTimeoutError && error.kind === 'deadline') {
    return new UpstreamError(
      "The request's deadline (GATEWAY_REQUEST_TIMEOUT_MS) passed before 100ms was called; nothing was changed: retry later",
      false,
    );
  }
  const neverSent =
    (error instanceof HmsConnectionError || error instanceof HmsTimeoutError) && !error.requestSent;
  return new UpstreamError(
    neverSent
      ? 'Could not reach 100ms; the request was never sent, so nothing was changed: retry later'
      : '100ms failed to process the request; nothing was changed: retry later',
    false,
  );
}

/** A typed mutation failure as plain data (idempotent replays, possibly from Redis); null: not a typed failure. */
export function encodeMutationError(error: unknown): Record<string, unknown> | null {
  if (error instanceof NotFoundError) return { type: 'NotFoundError', message: error.message };
  if (error instanceof ForbiddenError) return { type: 'ForbiddenError', message: error.message };
  if (error instanceof ValidationError)
    return { type: 'ValidationError', message: error.message, field: error.field };
  if (error instanceof RateLimitedError)
    return { type: 'RateLimitedError', message: error.message, retryAfterSeconds: error.retryAfterSeconds };
  if (error instanceof UpstreamError)
    return { type: 'UpstreamError', message: error.message, outcomeUnknown: error.outcomeUnknown };
  return null;
}

export function decodeMutationError(data: Record<string, unknown>): MutationError {
  const message = String(data.message ?? '');
  switch (data.type) {
    case 'NotFoundError':
      return new NotFoundError(message);
    case 'ForbiddenError':
      return new ForbiddenError(message);
    case 'ValidationError':
      return new ValidationError(message, typeof data.field === 'string' ? data.field : null);
    case 'RateLimitedError':
      return new RateLimitedError(
        message,
        typeof data.retryAfterSeconds === 'number' ? data.retryAfterSeconds : null,
      );
    default:
      return new UpstreamError(message, data.outcomeUnknown === true);
  }
}

/** Replays keep only what may have changed something at 100ms. */
export function mayHaveChangedSomething(outcome: StoredOutcome): boolean {
  return outcome.ok || (outcome.error.type === 'UpstreamError' && outcome.error.outcomeUnknown === true);
}

export const ErrorInterface = builder.interfaceRef<MutationError>('Error').implement({
  description: 'A failure the caller can act on. `code` is stable; `message` is for humans.',
  fields: (t) => ({
    message: t.exposeString('message', {
      description: 'What went wrong and what to do, for humans. May change.',
    }),
    code: t.exposeString('code', {
      description:
        'Stable machine-readable code: NOT_FOUND, VALIDATION_FAILED, FORBIDDEN, RATE_LIMITED or UPSTREAM_UNAVAILABLE.',
    }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'The room, session, job, peer or code does not exist (or is not visible to the caller).',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof NotFoundError,
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input breaks a documented 100ms rule; nothing was sent or changed.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ValidationError,
  fields: (t) => ({
    field: t.exposeString('field', {
      nullable: true,
      description: 'The input field to fix, e.g. `input.rtmpUrls`; null when the whole input is at fault.',
    }),
  }),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: 'Not allowed, e.g. the room is disabled.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ForbiddenError,
});

builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  description: '100ms’s rate limit was reached; nothing was changed. Retry after `retryAfterSeconds`.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof RateLimitedError,
  fields: (t) => ({
    retryAfterSeconds: t.exposeInt('retryAfterSeconds', {
      nullable: true,
      description: 'Seconds to wait before retrying, as 100ms said (Retry-After); null when it did not say.',
    }),
  }),
});

builder.objectType(UpstreamError, {
  name: 'UpstreamError',
  description: '100ms failed or did not answer. `outcomeUnknown` says whether the change may have happened.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof UpstreamError,
  fields: (t) => ({
    outcomeUnknown: t.exposeBoolean('outcomeUnknown', {
      description:
        'True when the request reached 100ms but no answer came back: the change may have happened. Check before retrying.',
    }),
  }),
});
