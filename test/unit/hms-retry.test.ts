import { describe, expect, it } from 'vitest';
import type { TransportErrorKind } from '../../src/hms/errors.js';
import {
  backoffDelay,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
  type RetryInput,
  shouldRetry,
} from '../../src/hms/retry.js';

const GET = { method: 'GET', idempotent: true };
const POST = { method: 'POST', idempotent: false };
const DELETE_IDEMPOTENT = { method: 'DELETE', idempotent: true };

describe('shouldRetry: by status', () => {
  // [request, status, attempt, expected]
  const table: Array<[typeof GET, number, number, boolean]> = [
    [GET, 500, 1, true],
    [GET, 502, 1, true],
    [GET, 503, 2, true],
    [GET, 503, 3, false], // 1 + maxRetries(2) attempts used
    [GET, 504, 1, true],
    [GET, 408, 1, true],
    [GET, 429, 1, true],
    [GET, 429, 3, false],
    [GET, 400, 1, false],
    [GET, 401, 1, false],
    [GET, 403, 1, false],
    [GET, 404, 1, false],
    [GET, 409, 1, false],
    [POST, 500, 1, false],
    [POST, 503, 1, false],
    [POST, 408, 1, false],
    [POST, 429, 1, true], // refused by the rate limiter before acting: safe (see retry.ts)
    [POST, 429, 3, false],
    [POST, 400, 1, false],
    [POST, 404, 1, false],
    [DELETE_IDEMPOTENT, 503, 1, true],
    [{ method: 'DELETE', idempotent: false }, 503, 1, false],
    // A POST is never resent after it may have arrived, even if a caller calls it idempotent.
    [{ method: 'POST', idempotent: true }, 503, 1, false],
  ];
  it.each(table)('%o status %i attempt %i → %s', (request, status, attempt, expected) => {
    expect(shouldRetry({ ...request, status, attempt, maxRetries: 2, sent: true })).toBe(expected);
  });

  it('does not wait out a Retry-After beyond the cap', () => {
    const base: RetryInput = { ...GET, status: 429, attempt: 1, maxRetries: 2, sent: true };
    expect(shouldRetry({ ...base, retryAfterMs: MAX_RETRY_AFTER_MS })).toBe(true);
    expect(shouldRetry({ ...base, retryAfterMs: MAX_RETRY_AFTER_MS + 1 })).toBe(false);
  });

  it('never retries with maxRetries 0', () => {
    expect(shouldRetry({ ...GET, status: 503, attempt: 1, maxRetries: 0, sent: true })).toBe(false);
  });
});

describe('shouldRetry: by transport failure', () => {
  const table: Array<[typeof GET, TransportErrorKind, boolean, boolean]> = [
    [GET, 'refused', false, true],
    [GET, 'dns', false, true],
    [GET, 'connect_timeout', false, true],
    [GET, 'timeout', true, true],
    [GET, 'reset', true, true],
    [GET, 'other', true, true],
    [GET, 'aborted', true, false],
    [GET, 'closed', false, false],
    [GET, 'protocol', true, false],
    [POST, 'refused', false, true], // never left: 100ms cannot have acted
    [POST, 'dns', false, true],
    [POST, 'connect_timeout', false, true],
    [POST, 'timeout', true, false], // may have started something
    [POST, 'reset', true, false],
    [POST, 'other', true, false],
    [POST, 'aborted', true, false],
  ];
  it.each(table)('%o %s (sent=%s) → %s', (request, errorKind, sent, expected) => {
    expect(shouldRetry({ ...request, errorKind, attempt: 1, maxRetries: 2, sent })).toBe(expected);
  });

  it('respects the budget for unsent requests too', () => {
    expect(shouldRetry({ ...POST, errorKind: 'refused', attempt: 3, maxRetries: 2, sent: false })).toBe(
      false,
    );
  });
});

describe('backoffDelay', () => {
  const table: Array<[number, number, number]> = [
    // attempt, random, expected (base 200, cap 5000, full jitter)
    [1, 0, 0],
    [1, 0.5, 100],
    [1, 0.999, 199],
    [2, 0.5, 200],
    [3, 0.5, 400],
    [4, 1, 1600],
    [5, 1, 3200],
    [6, 1, 5000], // capped
    [20, 1, 5000],
  ];
  it.each(table)('attempt %i random %d → %i ms', (attempt, r, expected) => {
    expect(backoffDelay({ attempt, random: () => r })).toBe(expected);
  });

  it('uses Retry-After exactly, without jitter, capped at 60 s', () => {
    expect(backoffDelay({ attempt: 1, retryAfterMs: 1000, random: () => 0 })).toBe(1000);
    expect(backoffDelay({ attempt: 5, retryAfterMs: 0, random: () => 1 })).toBe(0);
    expect(backoffDelay({ attempt: 1, retryAfterMs: 3_600_000, random: () => 0 })).toBe(MAX_RETRY_AFTER_MS);
  });

  it('honours custom base and cap', () => {
    expect(backoffDelay({ attempt: 3, random: () => 1, baseMs: 10, capMs: 25 })).toBe(25);
    expect(backoffDelay({ attempt: 2, random: () => 1, baseMs: 10, capMs: 25 })).toBe(20);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  const table: Array<[string | string[] | undefined, number | undefined]> = [
    ['1', 1000],
    ['0', 0],
    [' 45 ', 45_000],
    [['2', '9'], 2000],
    ['Wed, 01 Jan 2025 00:00:30 GMT', 30_000],
    ['Wednesday, 01-Jan-25 00:00:30 GMT', 30_000],
    ['Wed Jan  1 00:00:30 2025', 30_000],
    ['Tue, 31 Dec 2024 23:59:00 GMT', 0], // in the past: retry now
    ['', undefined],
    ['soon', undefined],
    ['-1', undefined],
    ['1.5', undefined],
    ['2025-01-01T00:00:30Z', undefined],
    ['Wed, 99 Jan 2025 00:00:30 GMT', undefined],
    [undefined, undefined],
  ];
  it.each(table)('%j → %s', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
