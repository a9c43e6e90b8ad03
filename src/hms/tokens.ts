/**
 * 100ms tokens (https://www.100ms.live/docs/server-side/v2/introduction/authentication-and-tokens): HS256 JWTs signed with the app secret.
 *
 * The management token is cached and renewed *before* it expires, when less than 10% of its life
 * or 5 minutes remain, whichever is larger. (The SDK renews only 30 s *after* expiry and relies on
 * a 401 round trip to recover.) Renewal is single-flight: concurrent callers share one signing.
 * App tokens (for client SDKs joining a room) are never cached.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { AppToken, AppTokenOptions, TokensApi } from './api.js';

/** Like the SDK: iat/nbf sit 10 s in the past so a server with a slightly slow clock accepts them. */
export const CLOCK_SKEW_SECONDS = 10;
const MIN_REFRESH_MARGIN_SECONDS = 5 * 60;
const REFRESH_MARGIN_RATIO = 0.1;
const DEFAULT_VALIDITY_SECONDS = 86_400;

export type TokenKind = 'management' | 'app';

export interface TokenProviderOptions {
  accessKey: string;
  secret: string;
  /** Management token lifetime. @default 86400 */
  validitySeconds?: number;
  /** Wall clock in epoch milliseconds, injectable for tests. @default Date.now */
  now?: () => number;
  /** Called after every signing (metrics, tests counting mints). */
  onSign?: (kind: TokenKind) => void;
}

export interface TokenProvider extends TokensApi {
  /**
   * Drops the cached management token so the next call signs a new one. With `stale`, only when
   * the cache still holds that token: fifty requests failing with the same token cause one re-mint.
   */
  invalidate(stale?: string): void;
}

interface Cached {
  token: string;
  /** Epoch seconds. */
  iat: number;
  exp: number;
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive integer`);
  return value;
}

/**
 * Seconds before expiry at which the token is renewed: max(10% of life, 5 min), but never more
 * than half the life, or a short-lived token (validity under 10 min) would be re-signed on every call.
 */
export function refreshMarginSeconds(lifeSeconds: number): number {
  return Math.min(Math.max(REFRESH_MARGIN_RATIO * lifeSeconds, MIN_REFRESH_MARGIN_SECONDS), lifeSeconds / 2);
}

export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  if (typeof options.accessKey !== 'string' || options.accessKey.trim() === '') {
    throw new TypeError('accessKey must be a non-empty string');
  }
  if (typeof options.secret !== 'string' || options.secret === '') {
    throw new TypeError('secret must be a non-empty string');
  }
  const accessKey = options.accessKey;
  // Held only in this closure: never on an object that could be logged or inspected.
  const key = new TextEncoder().encode(options.secret);
  const validity = positiveInteger(
    options.validitySeconds ?? DEFAULT_VALIDITY_SECONDS,
    'tokenValiditySeconds',
  );
  const now = options.now ?? Date.now;
  const onSign = options.onSign;

  let cached: Cached | null = null;
  let pending: Promise<Cached> | null = null;

  async function sign(
    claims: Record<string, unknown>,
    validForSeconds: number,
    kind: TokenKind,
  ): Promise<Cached> {
    const iat = Math.floor(now() / 1000) - CLOCK_SKEW_SECONDS;
    const exp = iat + validForSeconds;
    const token = await new SignJWT({ access_key: accessKey, ...claims, version: 2 })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setJti(randomUUID())
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(exp)
      .sign(key);
    onSign?.(kind);
    return { token, iat, exp };
  }

  function fresh(entry: Cached): boolean {
    const remaining = entry.exp - now() / 1000;
    return remaining > refreshMarginSeconds(entry.exp - entry.iat);
  }

  return {
    async managementToken() {
      if (cached && fresh(cached)) return cached.token;
      if (!pending) {
        pending = sign({ type: 'management' }, validity, 'management').then(
          (entry) => {
            cached = entry;
            pending = null;
            return entry;
          },
          (error: unknown) => {
            pending = null;
            throw error;
          },
        );
      }
      return (await pending).token;
    },

    invalidate(stale?: string) {
      if (stale === undefined || cached?.token === stale) cached = null;
    },

    async appToken({ roomId, role, userId, validForSeconds }: AppTokenOptions): Promise<AppToken> {
      if (typeof roomId !== 'string' || roomId === '')
        throw new TypeError('roomId must be a non-empty string');
      if (typeof role !== 'string' || role === '') throw new TypeError('role must be a non-empty string');
      const life = positiveInteger(validForSeconds ?? DEFAULT_VALIDITY_SECONDS, 'validForSeconds');
      const claims: Record<string, unknown> = { type: 'app', room_id: roomId, role };
      if (userId !== undefined && userId !== null) claims.user_id = userId;
      const { token, exp } = await sign(claims, life, 'app');
      return { token, expiresAt: new Date(exp * 1000) };
    },
  };
}

/**
 * Whether a fresh management token could cure this answer. A re-minted token carries the same
 * claims, so it only helps when the token itself was rejected (expired, malformed, wrong key):
 * always a 401 per the docs. 100ms also answers 403 for business refusals ("Room is disabled",
 * "code can not be enabled"); replaying those would double every refusal and throw away a good
 * cached token. The SDK replays every 403; here a 403 is replayed only when it blames the token.
 */
export function tokenRejected(status: number, body: unknown): boolean {
  if (status === 401) return true;
  if (status !== 403 || typeof body !== 'object' || body === null) return false;
  const { message, data } = body as { message?: unknown; data?: { description?: unknown } | null };
  const text = [message, data?.description].filter((t) => typeof t === 'string').join(' ');
  return /token|auth|jwt|expired|signature/i.test(text);
}
