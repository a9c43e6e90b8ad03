/**
 * The retry policy as pure functions, so it can be read (and tested) as a table.
 *
 * Why not undici's RetryAgent/retry interceptor: it retries by method and status only, cannot tell
 * "refused before sending" from "sent, then the socket died" for a POST, and knows nothing about
 * re-minting the management token on 401. The client needs exactly those distinctions, so the
 * decision lives here and the loop in `client.ts`.
 */
import type { TransportErrorKind } from './errors.js';

/** A `Retry-After` longer than this is not waited out: the caller gets the 429 with the hint instead. */
export const MAX_RETRY_AFTER_MS = 60_000;

export interface RetryInput {
  method: string;
  /** Whether sending the request twice has the effect of sending it once (the client sets it for GETs). */
  idempotent: boolean;
  /** HTTP status of the failed attempt, when an answer arrived. */
  status?: number;
  /** Why no answer arrived, when none did. */
  errorKind?: TransportErrorKind;
  /** The attempt that just failed, 1-based. Token re-mint replays do not count. */
  attempt: number;
  maxRetries: number;
  /** False only when the request provably never left this process (refused, DNS, connect timeout). */
  sent: boolean;
  /** Parsed `Retry-After` of the answer. */
  retryAfterMs?: number;
}

/**
 * Whether to make another attempt.
 *
 * - Budget: at most `1 + maxRetries` attempts.
 * - Nothing was sent (connection refused, DNS failure, connect timeout): retry any method; 100ms
 *   cannot have acted on a request it never received.
 * - Something may have been sent and no answer came (timeout, reset): retry only idempotent
 *   requests. A POST that creates, starts, stops or updates is never resent: a second
 *   "start recording" could start a second job, and the caller must decide after checking state.
 * - 5xx and 408: the server may have acted before failing, so the same rule as a timeout.
 * - 429: retried for every method, POSTs included. A rate limiter answers before the handler runs
 *   (that is what 429 means, RFC 6585 §4), and 100ms documents it as "rate limit exceeded, retry
 *   after N seconds", i.e. the request was refused without being acted on and is expected to be
 *   resent. A `Retry-After` above MAX_RETRY_AFTER_MS is not waited out, so a GraphQL request is
 *   never held hostage for minutes.
 * - Everything else (4xx, cancellation, a closed client): never.
 */
export function shouldRetry(input: RetryInput): boolean {
  if (input.attempt >= 1 + Math.max(0, input.maxRetries)) return false;
  const resendable = input.idempotent && input.method.toUpperCase() !== 'POST';

  if (input.status !== undefined && input.status > 0) {
    if (input.status === 429)
      return input.retryAfterMs === undefined || input.retryAfterMs <= MAX_RETRY_AFTER_MS;
    if (input.status >= 500 || input.status === 408) return resendable;
    return false;
  }

  switch (input.errorKind) {
    case undefined:
    case 'aborted':
    case 'closed':
    case 'protocol':
      return false;
    default:
      return !input.sent || resendable;
  }
}

export interface BackoffInput {
  /** The attempt that just failed, 1-based. */
  attempt: number;
  /** Parsed `Retry-After`; wins over the computed backoff. */
  retryAfterMs?: number;
  /** In [0, 1). Injected so tests are deterministic. */
  random: () => number;
  /** @default 200 */
  baseMs?: number;
  /** @default 5000 */
  capMs?: number;
}

/**
 * Capped exponential backoff with full jitter (uniform in [0, min(cap, base·2^(attempt-1))]),
 * which spreads a burst of failed callers instead of retrying them in lockstep. When the server
 * said how long to wait, that is exactly what we wait (capped at MAX_RETRY_AFTER_MS): waiting less
 * earns another 429.
 */
export function backoffDelay({
  attempt,
  retryAfterMs,
  random,
  baseMs = 200,
  capMs = 5000,
}: BackoffInput): number {
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs >= 0) {
    return Math.min(Math.ceil(retryAfterMs), MAX_RETRY_AFTER_MS);
  }
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * ceiling);
}

// RFC 9110 §5.6.7: IMF-fixdate, plus the obsolete RFC 850 and asctime forms recipients must accept.
const HTTP_DATE = [
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/,
  /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{2}-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\d{2} \d{2}:\d{2}:\d{2} GMT$/,
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/,
];

/**
 * `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP-date (a date in the past
 * means "now", 0). Anything else is undefined: `Date.parse` alone is too lenient ("1.5" parses).
 */
export function parseRetryAfter(
  value: string | string[] | null | undefined,
  now: number,
): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * 1000;
  if (!HTTP_DATE.some((format) => format.test(text))) return undefined;
  // asctime carries no zone but is defined as UTC.
  const at = Date.parse(/GMT$/.test(text) ? text : `${text} GMT`);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
