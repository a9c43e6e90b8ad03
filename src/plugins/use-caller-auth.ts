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

  /**
   * Answers `callerOf(request)` with `caller` for this Request object: for requests the gateway
   * makes to itself in process (the warm-up). A request from a socket is always a new object, so
   * nothing sent over HTTP can claim this.
   */
  function trust(request: Request, caller: Caller): void {
    callers.set(request, caller);
  }

  const plugin: Plugin = {
    async onParams({ request }) {
      await callerOf(request);
    },
  };
  return { plugin, callerOf, trust };
}
