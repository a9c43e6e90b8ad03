/**
 * Authenticates the caller as soon as the GraphQL parameters are known, before the document is
 * parsed or validated: an anonymous caller learns nothing about the schema (no "valid field →
 * 401, typo → validation error" probing, no suggestions of any kind).
 */
import type { Plugin } from 'graphql-yoga';
import { type Authenticate, AuthenticationError, type Caller } from '../auth.js';
import { gqlError } from '../errors.js';

/** 401 before anything reaches 100ms; the message says what to send. Other failures pass on. */
function unauthenticated(error: unknown): unknown {
  if (!(error instanceof AuthenticationError)) return error;
  return gqlError('UNAUTHENTICATED', error.message, {
    http: { status: 401, headers: { 'www-authenticate': 'Bearer' } },
  });
}

export function createCallerAuth(authenticate: Authenticate) {
  const callers = new WeakMap<Request, Caller>();

  /** The request's caller; synchronous when it is known or nothing needs verifying. */
  function callerOf(request: Request): Caller | Promise<Caller> {
    const known = callers.get(request);
    if (known) return known;
    let answer: Caller | Promise<Caller>;
    try {
      answer = authenticate(request.headers.get('authorization'));
    } catch (error) {
      throw unauthenticated(error);
    }
    if (!(answer instanceof Promise)) {
      callers.set(request, answer);
      return answer;
    }
    return answer.then(
      (caller) => {
        callers.set(request, caller);
        return caller;
      },
      (error: unknown) => {
        throw unauthenticated(error);
      },
    );
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
    onParams({ request }) {
      const caller = callerOf(request);
      if (caller instanceof Promise) return caller.then(() => undefined);
    },
  };
  return { plugin, callerOf, trust };
}
