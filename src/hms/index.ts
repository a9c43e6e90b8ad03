/** Public entry of the 100ms REST client. Nothing in `src/hms` knows GraphQL. */
export type * from './api.js';
export { createHmsClient, type HmsClientOptions, type HmsLogger } from './client.js';
export {
  fromStatus,
  fromUndiciError,
  HmsAbortedError,
  HmsBadRequestError,
  HmsConnectionError,
  HmsError,
  type HmsErrorContext,
  type HmsErrorInit,
  HmsForbiddenError,
  HmsNotFoundError,
  HmsRateLimitedError,
  HmsResponseError,
  HmsServerError,
  HmsTimeoutError,
  HmsUnauthorizedError,
  type TransportErrorKind,
} from './errors.js';
export { collect } from './paginate.js';
export { serializeQuery } from './query.js';
export {
  createTokenProvider,
  type TokenKind,
  type TokenProvider,
  type TokenProviderOptions,
} from './tokens.js';
export type * from './types.js';
export { ERROR_EVENT_TYPES, RECORDING_EVENT_TYPES, TRACK_EVENT_TYPES } from './types.js';
