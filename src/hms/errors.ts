/**
 * The one error hierarchy of the 100ms client. Upstream failures are classified in exactly two
 * functions: `fromStatus` (an HTTP answer) and `fromUndiciError` (no answer). Parse failures of a
 * 2xx answer are `HmsResponseError`s raised by `parse.ts`.
 *
 * Every error keeps what an operator needs (status, method, path without query, the upstream
 * message and request id, a sanitised `cause`) and never what an attacker wants: tokens, the
 * secret and request headers are not in the message, the properties or the cause chain.
 */

/** Why no HTTP answer arrived; decides whether the request may have reached 100ms. */
export type TransportErrorKind =
  /** TCP connection refused: nothing was sent. */
  | 'refused'
  /** The host name did not resolve: nothing was sent. */
  | 'dns'
  /** The TCP/TLS handshake did not finish in time: nothing was sent. */
  | 'connect_timeout'
  /** The attempt's deadline passed, or undici's headers/body timeout fired: possibly acted upon. */
  | 'timeout'
  /** The GraphQL request's deadline passed before this attempt could be sent: nothing was sent. */
  | 'deadline'
  /** The upstream queue was full (HMS_MAX_QUEUE): nothing was sent. */
  | 'overloaded'
  /** The connection broke mid-request: possibly acted upon. */
  | 'reset'
  /** The caller's AbortSignal fired. */
  | 'aborted'
  /** The client (pool) was closed. */
  | 'closed'
  /** The answer was too large or not HTTP at all. */
  | 'protocol'
  | 'other';

export interface HmsErrorContext {
  method: string;
  /** Request path; any query string is stripped on construction. */
  path: string;
  /** Upstream request id (`x-request-id` of the answer) when known. */
  requestId?: string;
}

export interface HmsErrorInit extends HmsErrorContext {
  /** HTTP status; 0 when no answer arrived. */
  status?: number;
  /** The upstream's own message (body `.message` or `.data.description`). */
  message?: string;
  cause?: unknown;
}

/** Tokens can only reach an error through an upstream message that echoes them; blank them. */
function redact(text: string): string {
  return text
    .replace(/bearer\s+[^\s"',;]+/gi, '[redacted]')
    .replace(/eyJ[\w-]*\.[\w-]+\.[\w-]*/g, '[redacted]')
    .slice(0, 1000);
}

function withStatus(init: HmsErrorInit, status: number): HmsErrorInit {
  return { ...init, status: init.status ?? status };
}

function stripQuery(path: string): string {
  const cut = path.search(/[?#]/);
  return cut === -1 ? path : path.slice(0, cut);
}

export class HmsError extends Error {
  override readonly name: string = 'HmsError';
  /** HTTP status of the upstream answer; 0 when none arrived. */
  readonly status: number;
  readonly method: string;
  /** Path only, never the query string (filters may hold user data). */
  readonly path: string;
  /** The upstream's message, when it sent one. */
  readonly upstreamMessage: string | undefined;
  readonly requestId: string | undefined;

  constructor(init: HmsErrorInit, fallbackMessage = '100ms request failed') {
    const upstreamMessage = init.message ? redact(init.message) : undefined;
    super(upstreamMessage || fallbackMessage, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status ?? 0;
    this.method = init.method;
    this.path = stripQuery(init.path);
    this.upstreamMessage = upstreamMessage;
    this.requestId = init.requestId;
  }

  toJSON(): Record<string, unknown> {
    return {
      ...Object.fromEntries(Object.entries(this)),
      message: this.message,
      cause: summariseCause(this.cause),
    };
  }
}

export class HmsNotFoundError extends HmsError {
  override readonly name: string = 'HmsNotFoundError';
  constructor(init: HmsErrorInit) {
    super(withStatus(init, 404), 'Not found');
  }
}

export class HmsBadRequestError extends HmsError {
  override readonly name: string = 'HmsBadRequestError';
  /** The upstream's validation details (`details: string[]` of the error body). */
  readonly details: string[];
  constructor(init: HmsErrorInit & { details?: string[] }) {
    super(withStatus(init, 400), '100ms rejected the request as invalid');
    this.details = (init.details ?? []).map(redact);
    // "Invalid body param" alone does not tell the caller which one; the details do.
    const extra = this.details.filter((d) => !this.message.includes(d));
    if (this.upstreamMessage && extra.length > 0) this.message = `${this.message}: ${extra.join('; ')}`;
  }
}

/** 100ms did not accept the gateway's management token (wrong key/secret, clock skew). */
export class HmsUnauthorizedError extends HmsError {
  override readonly name: string = 'HmsUnauthorizedError';
  constructor(init: HmsErrorInit) {
    super(withStatus(init, 401), '100ms rejected the management token');
  }
}

/** Not permitted; 100ms also answers 403 for a disabled room or a code that cannot be enabled. */
export class HmsForbiddenError extends HmsError {
  override readonly name: string = 'HmsForbiddenError';
  constructor(init: HmsErrorInit) {
    super(withStatus(init, 403), 'Forbidden');
  }
}

export class HmsRateLimitedError extends HmsError {
  override readonly name: string = 'HmsRateLimitedError';
  /** From `Retry-After`, else from a "retry after N seconds" message. */
  readonly retryAfterSeconds: number | undefined;
  constructor(init: HmsErrorInit & { retryAfterSeconds?: number }) {
    super(withStatus(init, 429), '100ms rate limit exceeded');
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

export class HmsServerError extends HmsError {
  override readonly name: string = 'HmsServerError';
  constructor(init: HmsErrorInit) {
    super(withStatus(init, 500), `100ms server error (HTTP ${init.status ?? 500})`);
  }
}

/** No answer in time. `requestSent` false means the request provably never left (connect timeout). */
export class HmsTimeoutError extends HmsError {
  override readonly name: string = 'HmsTimeoutError';
  readonly kind: TransportErrorKind;
  readonly requestSent: boolean;
  constructor(init: HmsErrorInit & { kind?: TransportErrorKind; timeoutMs?: number }) {
    const kind = init.kind ?? 'timeout';
    const after = init.timeoutMs === undefined ? '' : ` within ${init.timeoutMs} ms`;
    super(
      init,
      kind === 'connect_timeout'
        ? 'Could not connect to 100ms in time'
        : kind === 'deadline'
          ? "The request's deadline passed before 100ms could be called"
          : `100ms did not answer${after}`,
    );
    this.kind = kind;
    this.requestSent = kind !== 'connect_timeout' && kind !== 'deadline';
  }
}

/** No answer: refused, reset, DNS failure, closed client. */
export class HmsConnectionError extends HmsError {
  override readonly name: string = 'HmsConnectionError';
  readonly kind: TransportErrorKind;
  /** False when the request provably never reached 100ms (refused, DNS), so even a POST may be resent. */
  readonly requestSent: boolean;
  constructor(init: HmsErrorInit & { kind?: TransportErrorKind }) {
    const kind = init.kind ?? 'other';
    super(init, kind === 'closed' ? 'The 100ms client is closed' : 'Could not reach 100ms');
    this.kind = kind;
    this.requestSent = !(kind === 'refused' || kind === 'dns' || kind === 'closed' || kind === 'overloaded');
  }
}

/** Too many calls already wait for a connection (HMS_MAX_QUEUE): refused at once, nothing sent. */
export class HmsOverloadedError extends HmsConnectionError {
  override readonly name: string = 'HmsOverloadedError';
  constructor(init: HmsErrorInit) {
    super({ ...init, kind: 'overloaded' });
    this.message = 'Too many calls to 100ms are already waiting; nothing was sent';
  }
}

/** The caller cancelled (its AbortSignal fired); the upstream outcome of a POST is unknown. */
export class HmsAbortedError extends HmsError {
  override readonly name: string = 'HmsAbortedError';
  readonly kind: TransportErrorKind = 'aborted';
  constructor(init: HmsErrorInit) {
    super(init, 'The 100ms request was aborted');
  }
}

/** 100ms answered, but not with something this client can trust (bad JSON, wrong envelope, unsafe size). */
export class HmsResponseError extends HmsError {
  override readonly name: string = 'HmsResponseError';
  constructor(init: HmsErrorInit) {
    super(init, '100ms sent an invalid response');
  }
}

/** The abort reason the client uses for its own per-attempt deadline. */
export class AttemptTimeout extends Error {
  override readonly name = 'AttemptTimeout';
  readonly code = 'HMS_ATTEMPT_TIMEOUT';
  constructor(readonly timeoutMs: number) {
    super(`attempt exceeded ${timeoutMs} ms`);
  }
}

export interface StatusContext extends HmsErrorContext {
  /** Parsed `Retry-After`, in milliseconds. */
  retryAfterMs?: number;
}

function upstreamMessageOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as { message?: unknown; data?: { description?: unknown } | null };
  if (typeof record.message === 'string' && record.message.trim()) return record.message.trim();
  const description = record.data?.description;
  if (typeof description === 'string' && description.trim()) return description.trim();
  return undefined;
}

function detailsOf(body: unknown): string[] {
  const details = (body as { details?: unknown } | null)?.details;
  return Array.isArray(details) ? details.filter((d): d is string => typeof d === 'string') : [];
}

/** "rate limit exceeded, retry after 45 seconds" is how 100ms words it when no header is sent. */
function retryAfterFromMessage(message: string | undefined): number | undefined {
  const match = message?.match(/retry after (\d{1,6}) ?s(?:ec(?:ond)?s?)?\b/i);
  return match ? Number(match[1]) : undefined;
}

/** Classifies an HTTP answer that is not a success. `body` is the parsed JSON, or the raw text. */
export function fromStatus(status: number, body: unknown, ctx: StatusContext): HmsError {
  const message = upstreamMessageOf(body);
  const init: HmsErrorInit = {
    method: ctx.method,
    path: ctx.path,
    requestId: ctx.requestId,
    status,
    message,
  };
  if (status === 400) return new HmsBadRequestError({ ...init, details: detailsOf(body) });
  if (status === 401) return new HmsUnauthorizedError(init);
  if (status === 403) return new HmsForbiddenError(init);
  if (status === 404 || status === 410) return new HmsNotFoundError(init);
  if (status === 408) return new HmsTimeoutError({ ...init, kind: 'timeout' });
  if (status === 429) {
    const retryAfterSeconds =
      ctx.retryAfterMs !== undefined ? Math.ceil(ctx.retryAfterMs / 1000) : retryAfterFromMessage(message);
    return new HmsRateLimitedError({ ...init, retryAfterSeconds });
  }
  // Any other 4xx (409, 413, 422…) is still "100ms refused this request as sent".
  if (status > 400 && status < 500) return new HmsBadRequestError({ ...init, details: detailsOf(body) });
  if (status >= 500 && status < 600) return new HmsServerError(init);
  // 1xx/3xx (undici follows no redirects) or a nonsense status: not an answer we understand.
  return new HmsResponseError({ ...init, message: message ?? `unexpected HTTP status ${status}` });
}

export interface TransportContext extends HmsErrorContext {
  /** The caller's signal fired: whatever undici reports, this is a cancellation. */
  aborted?: boolean;
}

const CAUSE_FIELDS = ['code', 'errno', 'syscall'] as const;

/**
 * A copy of an undici/Node error holding only name, message and code: the original may reference
 * the request (and so its Authorization header), the socket or response headers.
 */
export class UpstreamCause extends Error {
  override name: string;
  readonly code: string | undefined;
  readonly errno: number | undefined;
  readonly syscall: string | undefined;
  constructor(source: unknown) {
    const err = (typeof source === 'object' && source !== null ? source : {}) as Record<string, unknown>;
    const message = typeof err.message === 'string' ? redact(err.message) : redact(String(source));
    super(message);
    this.name = typeof err.name === 'string' ? err.name : 'Error';
    this.code = typeof err.code === 'string' ? err.code : undefined;
    this.errno = typeof err.errno === 'number' ? err.errno : undefined;
    this.syscall = typeof err.syscall === 'string' ? err.syscall : undefined;
    // Happy-eyeballs failures arrive as AggregateError: keep which codes, nothing else.
    if (Array.isArray(err.errors)) {
      const codes = err.errors
        .map((e) => (e as { code?: unknown } | null)?.code)
        .filter((c): c is string => typeof c === 'string');
      if (codes.length > 0) this.message = `${this.message} (${codes.join(', ')})`.trim();
      if (!this.code && codes[0]) this.code = codes[0];
    }
    this.stack = `${this.name}: ${this.message}`;
  }
}

function summariseCause(cause: unknown): Record<string, unknown> | undefined {
  if (cause === undefined) return undefined;
  if (cause instanceof UpstreamCause) {
    const out: Record<string, unknown> = { name: cause.name, message: cause.message };
    for (const field of CAUSE_FIELDS) if (cause[field] !== undefined) out[field] = cause[field];
    return out;
  }
  if (cause instanceof Error) return { name: cause.name, message: redact(cause.message) };
  return { message: redact(String(cause)) };
}

function codeOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  const nested = (err as { errors?: unknown }).errors;
  if (Array.isArray(nested)) return codeOf(nested[0]);
  return undefined;
}

function nameOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && typeof (err as { name?: unknown }).name === 'string'
    ? (err as { name: string }).name
    : undefined;
}

/** Classifies a failure where no HTTP answer arrived (undici error codes, Node socket errors, aborts). */
export function fromUndiciError(err: unknown, ctx: TransportContext): HmsError {
  const init: HmsErrorInit = {
    method: ctx.method,
    path: ctx.path,
    requestId: ctx.requestId,
    cause: new UpstreamCause(err),
  };
  const code = codeOf(err);
  const name = nameOf(err);

  if (err instanceof AttemptTimeout)
    return new HmsTimeoutError({ ...init, kind: 'timeout', timeoutMs: err.timeoutMs });
  if (ctx.aborted) {
    // AbortSignal.timeout() is how callers express a deadline: keep it a timeout.
    if (name === 'TimeoutError') return new HmsTimeoutError({ ...init, kind: 'timeout' });
    return new HmsAbortedError(init);
  }
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new HmsTimeoutError({ ...init, kind: 'connect_timeout' });
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'ETIMEDOUT':
      return new HmsTimeoutError({ ...init, kind: 'timeout' });
    case 'ECONNREFUSED':
      return new HmsConnectionError({ ...init, kind: 'refused' });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new HmsConnectionError({ ...init, kind: 'dns' });
    case 'UND_ERR_SOCKET':
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH':
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
      return new HmsConnectionError({ ...init, kind: 'reset' });
    case 'UND_ERR_CLOSED':
    case 'UND_ERR_DESTROYED':
      return new HmsConnectionError({ ...init, kind: 'closed' });
    case 'UND_ERR_ABORTED':
    case 'ABORT_ERR':
      return new HmsAbortedError(init);
    case 'UND_ERR_RES_EXCEEDED_MAX_SIZE':
    case 'UND_ERR_HEADERS_OVERFLOW':
      return new HmsResponseError({ ...init, message: 'the 100ms response exceeded the size limit' });
    default:
      if (name === 'AbortError') return new HmsAbortedError(init);
      if (name === 'TimeoutError') return new HmsTimeoutError({ ...init, kind: 'timeout' });
      if (code?.startsWith('HPE_'))
        return new HmsResponseError({ ...init, message: '100ms sent malformed HTTP' });
      return new HmsConnectionError({ ...init, kind: 'other' });
  }
}
