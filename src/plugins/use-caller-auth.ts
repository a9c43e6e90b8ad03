/**
 * Authenticates the caller as soon as the GraphQL parameters are known, before the document is
 * parsed or validated: an anonymous caller learns nothing about the schema (no "valid field →
 * 401, typo → validation error" probing, no suggestions of any kind).
 */
import type { Plugin } from 'graphql-yoga';
import { type Authenticate, AuthenticationError, type Caller } from '../auth.js';
import { gqlError } from '../errors.js';

export function createCallerAuth(authenticate: Authenticate) {
  const callers = new WeakMap<Request, Caller>();

  async function callerOf(request: Request): Promise<Caller> {
    const known = callers.get(request);
    if (known) return known;
    try {
      const caller = await authenticate(request.headers.get('authorization'));
      callers.set(request, caller);
      return caller;
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      // 401 before anything reaches 100ms; the message says what to send.
      throw gqlError('UNAUTHENTICATED', error.message, {
        http: { status: 401, headers: { 'www-authenticate': 'Bearer' } },
      });
    }
  }

  const plugin: Plugin = {
    async onParams({ request }) {
      await callerOf(request);
    },
  };
  return { plugin, callerOf };
}
