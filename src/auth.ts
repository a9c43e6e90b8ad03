/**
 * Caller authentication (GATEWAY_AUTH=jwt): a bearer JWT verified with jose against an HS256
 * secret or a remote JWKS (cached by jose), optionally pinned to an issuer and audience. Scopes
 * come from `scope` (space-separated) or `scopes` (array); `hms_rooms` confines a caller to
 * those 100ms rooms and everything under them.
 */
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import type { GatewayConfig } from './config.js';

export const SCOPES = ['hms:read', 'hms:write', 'hms:token', 'hms:admin'] as const;
export type Scope = (typeof SCOPES)[number];

export interface Caller {
  /** The token's `sub`, for logs; null without authentication. */
  subject: string | null;
  /** The token's `iss`; null without authentication. */
  issuer: string | null;
  scopes: ReadonlySet<string>;
  /** Null: every room. Otherwise only these 100ms room ids (and what lies under them). */
  rooms: ReadonlySet<string> | null;
}

/** GATEWAY_AUTH=none: the operator vouches for every caller (demo mode, or a trusted proxy). */
export const UNRESTRICTED: Caller = Object.freeze({
  subject: null,
  issuer: null,
  scopes: new Set<string>(SCOPES),
  rooms: null,
});

export class AuthenticationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

/** Tolerated difference between our clock and the token issuer's (exp, nbf, iat). */
export const CLOCK_SKEW_SECONDS = 5;

/** A caller from an Authorization header; synchronous where nothing needs verifying (GATEWAY_AUTH=none). */
export type Authenticate = (authorization: string | null) => Caller | Promise<Caller>;

function callerFrom(payload: JWTPayload): Caller {
  const scopes = new Set<string>();
  if (typeof payload.scope === 'string') for (const s of payload.scope.split(/\s+/)) if (s) scopes.add(s);
  if (Array.isArray(payload.scopes)) for (const s of payload.scopes) if (typeof s === 'string') scopes.add(s);
  let rooms: Set<string> | null = null;
  if (payload.hms_rooms !== undefined) {
    if (!Array.isArray(payload.hms_rooms) || !payload.hms_rooms.every((r) => typeof r === 'string')) {
      throw new AuthenticationError('The token’s hms_rooms claim must be an array of 100ms room ids');
    }
    rooms = new Set(payload.hms_rooms as string[]);
  }
  return {
    subject: typeof payload.sub === 'string' ? payload.sub : null,
    issuer: typeof payload.iss === 'string' ? payload.iss : null,
    scopes,
    rooms,
  };
}

/**
 * Everything that decides what a caller may see and do, as one string: two callers share
 * idempotent replays only when they are interchangeable (same issuer, subject, scopes and rooms).
 */
export function callerIdentity(caller: Caller): string {
  return JSON.stringify([
    caller.issuer,
    caller.subject,
    [...caller.scopes].sort(),
    caller.rooms ? [...caller.rooms].sort() : null,
  ]);
}

export function createAuthenticator(config: GatewayConfig): Authenticate {
  if (config.auth === 'none') return () => UNRESTRICTED;
  const key = config.jwksUrl
    ? createRemoteJWKSet(new URL(config.jwksUrl), { cacheMaxAge: 10 * 60_000, cooldownDuration: 30_000 })
    : new TextEncoder().encode(config.jwtSecret ?? '');
  const options = {
    ...(config.jwtIssuer && { issuer: config.jwtIssuer }),
    ...(config.jwtAudience && { audience: config.jwtAudience }),
    algorithms: config.jwksUrl ? ['RS256', 'PS256', 'ES256', 'EdDSA'] : ['HS256'],
    clockTolerance: CLOCK_SKEW_SECONDS,
    // A token without an expiry would be valid forever.
    requiredClaims: ['exp'],
  };
  return async (authorization) => {
    const match = authorization?.match(/^Bearer\s+(\S+)$/i);
    if (!match) throw new AuthenticationError('Send Authorization: Bearer <JWT>');
    try {
      const { payload } = await jwtVerify(
        match[1] as string,
        key as Parameters<typeof jwtVerify>[1],
        options,
      );
      // jose checks `iat` only together with maxTokenAge: a token issued in the future is forged
      // or made on a clock we cannot trust.
      if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS) {
        throw new AuthenticationError("Unauthenticated: the token's iat claim is in the future");
      }
      return callerFrom(payload);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      const code = (error as { code?: string }).code;
      const reason =
        code === 'ERR_JWT_EXPIRED'
          ? 'the token has expired'
          : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && (error as { reason?: string }).reason === 'missing'
            ? `the token has no ${(error as { claim?: string }).claim ?? ''} claim`
            : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED'
              ? `the token's ${(error as { claim?: string }).claim ?? ''} claim is not accepted`
              : 'the token is not valid';
      throw new AuthenticationError(`Unauthenticated: ${reason}`);
    }
  };
}
