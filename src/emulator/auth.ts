/**
 * Management-token checks as 100ms applies them (https://www.100ms.live/docs/server-side/v2/introduction/authentication-and-tokens): HS256 with the app secret,
 * `type: "management"`, `version: 2`, the app's `access_key`, and `nbf`/`exp` honoured with a
 * small clock-skew allowance.
 */
import { errors, jwtVerify } from 'jose';
import { ApiError } from './http.js';

/** Seconds of clock skew tolerated on `nbf` and `exp`. */
export const CLOCK_SKEW_SECONDS = 30;

export interface AuthConfig {
  accessKey: string;
  secret: string;
  now: () => Date;
}

const unauthorized = (message: string, detail: string) => new ApiError(401, message, [detail]);

export async function authenticate(header: string | undefined, config: AuthConfig): Promise<void> {
  if (!header) throw unauthorized('Authentication error', 'missing Authorization header');
  const match = /^Bearer ([^\s]+)$/.exec(header);
  if (!match)
    throw unauthorized('Authentication error', 'Authorization header must be "Bearer <management token>"');
  const token = match[1] as string;
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(config.secret), {
      algorithms: ['HS256'],
      clockTolerance: CLOCK_SKEW_SECONDS,
      currentDate: config.now(),
      requiredClaims: ['exp'],
    }));
  } catch (error) {
    throw unauthorized('Token validation error', describeJoseError(error));
  }
  if (payload.type !== 'management') {
    throw unauthorized(
      'Token validation error',
      `token type must be "management", got ${JSON.stringify(payload.type ?? null)}`,
    );
  }
  if (payload.version !== 2) throw unauthorized('Token validation error', 'token version must be 2');
  if (payload.access_key !== config.accessKey)
    throw unauthorized('Token validation error', 'access key not found');
}

function describeJoseError(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token is expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    return error.claim === 'nbf'
      ? 'token is not valid yet'
      : `claim ${error.claim} is invalid: ${error.reason}`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature is invalid';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'signing method is not HS256';
  if (error instanceof errors.JWTInvalid || error instanceof errors.JWSInvalid) return 'token is malformed';
  return 'token is invalid';
}
