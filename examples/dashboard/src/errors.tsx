import { GraphQLRequestError } from './fetcher.js';

/**
 * An expected mutation failure: a member of the mutation's result union implementing the schema's
 * `Error` interface (NotFoundError, ValidationError, ForbiddenError, RateLimitedError, UpstreamError).
 */
export interface TypedFailure {
  __typename: string;
  message?: string | null;
  code?: string | null;
  field?: string | null;
  retryAfterSeconds?: number | null;
  outcomeUnknown?: boolean | null;
}

function failureHint(failure: TypedFailure): string | null {
  if (failure.field) return `field ${failure.field}`;
  if (failure.retryAfterSeconds) return `retry in ${failure.retryAfterSeconds} s`;
  if (failure.outcomeUnknown) return '100ms may have acted on it: refresh before trying again';
  return null;
}

export function FailureNotice({ failure }: { failure: TypedFailure }) {
  const hint = failureHint(failure);
  return (
    <p className="notice error" role="alert" data-error-type={failure.__typename}>
      <strong>{failure.__typename}</strong>
      {failure.code ? <code>{failure.code}</code> : null} {failure.message ?? 'failed'}
      {hint ? <span className="muted"> ({hint})</span> : null}
    </p>
  );
}

/** Errors that are not part of a result union: refused requests, network failures, masked errors. */
export function RequestErrorNotice({ error }: { error: Error }) {
  const code = error instanceof GraphQLRequestError ? error.code : undefined;
  return (
    <p className="notice error" role="alert">
      <strong>Request failed</strong>
      {code ? <code>{code}</code> : null} {error.message}
    </p>
  );
}
