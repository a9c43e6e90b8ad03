import { inspect } from 'node:util';
import { errors as undiciErrors } from 'undici';
import { describe, expect, it } from 'vitest';
import {
  AttemptTimeout,
  fromStatus,
  fromUndiciError,
  HmsAbortedError,
  HmsBadRequestError,
  HmsConnectionError,
  HmsError,
  HmsForbiddenError,
  HmsNotFoundError,
  HmsRateLimitedError,
  HmsResponseError,
  HmsServerError,
  HmsTimeoutError,
  HmsUnauthorizedError,
} from '../../src/hms/errors.js';

const ctx = { method: 'GET', path: '/v2/rooms/r1?name=secret-filter', requestId: 'up-1' };

describe('fromStatus (the documented status codes)', () => {
  const table: Array<[number, new (...args: never[]) => HmsError, string]> = [
    [400, HmsBadRequestError, 'HmsBadRequestError'],
    [401, HmsUnauthorizedError, 'HmsUnauthorizedError'],
    [403, HmsForbiddenError, 'HmsForbiddenError'],
    [404, HmsNotFoundError, 'HmsNotFoundError'],
    [408, HmsTimeoutError, 'HmsTimeoutError'],
    [429, HmsRateLimitedError, 'HmsRateLimitedError'],
    [500, HmsServerError, 'HmsServerError'],
    [503, HmsServerError, 'HmsServerError'],
    [502, HmsServerError, 'HmsServerError'],
    [410, HmsNotFoundError, 'HmsNotFoundError'],
    [409, HmsBadRequestError, 'HmsBadRequestError'],
    [422, HmsBadRequestError, 'HmsBadRequestError'],
    [302, HmsResponseError, 'HmsResponseError'],
    [199, HmsResponseError, 'HmsResponseError'],
  ];
  it.each(table)('%i → %s', (status, Class, name) => {
    const error = fromStatus(status, { code: status, message: 'Something upstream' }, ctx);
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(HmsError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.status).toBe(status);
    expect(error.method).toBe('GET');
    expect(error.path).toBe('/v2/rooms/r1'); // never the query string
    expect(error.requestId).toBe('up-1');
  });

  it('takes the upstream message from .message (current docs)', () => {
    const error = fromStatus(404, { code: 404, message: 'Room not found' }, ctx);
    expect(error.message).toBe('Room not found');
    expect(error.upstreamMessage).toBe('Room not found');
  });

  it('takes it from .data.description (older docs)', () => {
    const error = fromStatus(404, { code: 404, data: { description: 'Error: Room not found' } }, ctx);
    expect(error.upstreamMessage).toBe('Error: Room not found');
  });

  it('keeps details on 400 and shows them in the message', () => {
    const error = fromStatus(
      400,
      {
        code: 400,
        message: 'Invalid body param',
        details: ['max_duration_seconds less than 120 seconds', 7],
      },
      ctx,
    ) as HmsBadRequestError;
    expect(error.details).toEqual(['max_duration_seconds less than 120 seconds']);
    expect(error.message).toBe('Invalid body param: max_duration_seconds less than 120 seconds');
    expect(error.upstreamMessage).toBe('Invalid body param');
  });

  it('falls back to a generic message for non-JSON or empty bodies', () => {
    expect(fromStatus(502, '<html>bad gateway</html>', ctx).message).toBe('100ms server error (HTTP 502)');
    expect(fromStatus(404, undefined, ctx).message).toBe('Not found');
  });

  it('carries Retry-After on 429, else reads it from the documented message', () => {
    expect(
      (fromStatus(429, {}, { ...ctx, retryAfterMs: 1500 }) as HmsRateLimitedError).retryAfterSeconds,
    ).toBe(2);
    const fromMessage = fromStatus(429, { message: 'rate limit exceeded, retry after 45 seconds' }, ctx);
    expect((fromMessage as HmsRateLimitedError).retryAfterSeconds).toBe(45);
    expect((fromStatus(429, {}, ctx) as HmsRateLimitedError).retryAfterSeconds).toBeUndefined();
  });

  it('blanks tokens an upstream message might echo', () => {
    const error = fromStatus(401, { message: 'bad token Bearer eyJhbGciOi.eyJzdWIi.c2ln for you' }, ctx);
    expect(error.message).not.toMatch(/Bearer|eyJ/);
  });

  it('supports direct construction (used by the room-scope view)', () => {
    const error = new HmsNotFoundError({
      method: 'GET',
      path: '/rooms/x',
      status: 404,
      message: 'Not found',
    });
    expect(error).toMatchObject({ status: 404, message: 'Not found', name: 'HmsNotFoundError' });
    expect(new HmsForbiddenError({ method: 'POST', path: '/x' }).status).toBe(403);
  });

  it('serialises to JSON with its useful fields', () => {
    const json = JSON.parse(JSON.stringify(fromStatus(404, { message: 'Room not found' }, ctx)));
    expect(json).toMatchObject({
      name: 'HmsNotFoundError',
      message: 'Room not found',
      status: 404,
      method: 'GET',
      path: '/v2/rooms/r1',
      requestId: 'up-1',
    });
  });
});

describe('fromUndiciError', () => {
  const tctx = { method: 'POST', path: '/v2/recordings/room/r1/start' };
  const sysError = (code: string) =>
    Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code, errno: -111, syscall: 'connect' });

  const table: Array<[string, unknown, new (...args: never[]) => HmsError, string, boolean]> = [
    [
      'UND_ERR_CONNECT_TIMEOUT',
      new undiciErrors.ConnectTimeoutError(),
      HmsTimeoutError,
      'connect_timeout',
      false,
    ],
    ['UND_ERR_HEADERS_TIMEOUT', new undiciErrors.HeadersTimeoutError(), HmsTimeoutError, 'timeout', true],
    ['UND_ERR_BODY_TIMEOUT', new undiciErrors.BodyTimeoutError(), HmsTimeoutError, 'timeout', true],
    ['UND_ERR_SOCKET', new undiciErrors.SocketError('other side closed'), HmsConnectionError, 'reset', true],
    ['ECONNREFUSED', sysError('ECONNREFUSED'), HmsConnectionError, 'refused', false],
    ['ECONNRESET', sysError('ECONNRESET'), HmsConnectionError, 'reset', true],
    ['ENOTFOUND', sysError('ENOTFOUND'), HmsConnectionError, 'dns', false],
    ['UND_ERR_CLOSED', new undiciErrors.ClientClosedError(), HmsConnectionError, 'closed', false],
    ['UND_ERR_DESTROYED', new undiciErrors.ClientDestroyedError(), HmsConnectionError, 'closed', false],
    ['UND_ERR_ABORTED', new undiciErrors.RequestAbortedError(), HmsAbortedError, 'aborted', true],
    ['AbortError (DOM)', new DOMException('aborted', 'AbortError'), HmsAbortedError, 'aborted', true],
    ['attempt deadline', new AttemptTimeout(250), HmsTimeoutError, 'timeout', true],
    ['unknown', new Error('weird'), HmsConnectionError, 'other', true],
  ];
  it.each(table)('%s', (_label, err, Class, kind, sent) => {
    const error = fromUndiciError(err, tctx);
    expect(error).toBeInstanceOf(Class);
    expect(error.status).toBe(0);
    expect(error.path).toBe('/v2/recordings/room/r1/start');
    expect((error as unknown as { kind: string }).kind).toBe(kind);
    if (!(error instanceof HmsAbortedError)) {
      expect((error as unknown as { requestSent: boolean }).requestSent).toBe(sent);
    }
  });

  it('maps AggregateError from happy eyeballs by its first code', () => {
    const aggregate = Object.assign(
      new AggregateError([sysError('ECONNREFUSED'), sysError('ECONNREFUSED')], ''),
      {},
    );
    const error = fromUndiciError(aggregate, tctx);
    expect(error).toBeInstanceOf(HmsConnectionError);
    expect((error as HmsConnectionError).kind).toBe('refused');
  });

  it('maps the response size limit to HmsResponseError', () => {
    expect(fromUndiciError(new undiciErrors.ResponseExceededMaxSizeError(), tctx)).toBeInstanceOf(
      HmsResponseError,
    );
  });

  it('treats anything as a cancellation when the caller aborted, except a caller deadline', () => {
    expect(fromUndiciError(new Error('whatever'), { ...tctx, aborted: true })).toBeInstanceOf(
      HmsAbortedError,
    );
    expect(fromUndiciError(new DOMException('t', 'TimeoutError'), { ...tctx, aborted: true })).toBeInstanceOf(
      HmsTimeoutError,
    );
  });

  it('keeps a sanitised cause: name, message and code, never the request', () => {
    const err = Object.assign(new undiciErrors.SocketError('other side closed'), {
      request: { headers: { authorization: 'Bearer SECRET-TOKEN' } },
      socket: { remoteAddress: '1.2.3.4' },
    });
    const error = fromUndiciError(err, tctx);
    const cause = error.cause as Error & { code?: string };
    expect(cause).not.toBe(err);
    expect(cause).toMatchObject({
      name: 'SocketError',
      message: 'other side closed',
      code: 'UND_ERR_SOCKET',
    });
    expect(inspect(error, { depth: 10 })).not.toContain('SECRET-TOKEN');
    expect(JSON.stringify(error)).not.toContain('SECRET-TOKEN');
    expect(JSON.parse(JSON.stringify(error)).cause).toEqual({
      name: 'SocketError',
      message: 'other side closed',
      code: 'UND_ERR_SOCKET',
    });
  });
});
