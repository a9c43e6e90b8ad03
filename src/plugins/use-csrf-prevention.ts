/**
 * CSRF prevention that lets ordinary GraphQL clients through. A cross-site request can only do
 * harm if it has a side effect and the browser sends it without a CORS preflight. So:
 *
 * - a GET passes: Yoga runs only queries and subscriptions over GET (a mutation over GET is
 *   refused with 405 before execution), so a forged GET reads data the attacker cannot see
 *   (urql sends queries as GET; `EventSource` and GraphiQL subscribe over GET);
 * - a request carrying `Authorization` passes: a browser never attaches that header cross-site by
 *   itself, and setting it makes the request preflighted;
 * - a POST with a non-simple content type (`application/json`) passes: it was preflighted;
 * - a simple POST (form, multipart, text/plain) needs one of `requestHeaders`, as in
 *   `@graphql-yoga/plugin-csrf-prevention`, which this replaces.
 */
import type { Plugin } from 'graphql-yoga';
import { createGraphQLError } from 'graphql-yoga';

export interface CsrfPreventionOptions {
  /**
   * Any of these headers marks a simple request as deliberate (browsers preflight it).
   * @default ['x-graphql-yoga-csrf', 'x-requested-with', 'apollo-require-preflight']
   */
  requestHeaders?: readonly string[];
}

export const DEFAULT_CSRF_PREVENTION: Required<CsrfPreventionOptions> = {
  requestHeaders: ['x-graphql-yoga-csrf', 'x-requested-with', 'apollo-require-preflight'],
};

const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

export function useCsrfPrevention(options: CsrfPreventionOptions = {}): Plugin {
  const requestHeaders = options.requestHeaders ?? DEFAULT_CSRF_PREVENTION.requestHeaders;
  return {
    onRequestParse({ request }) {
      if (request.method === 'GET' || request.method === 'HEAD') return;
      const headers = request.headers;
      if (headers.has('authorization')) return;
      const type = headers.get('content-type')?.toLowerCase();
      if (type && !SIMPLE_CONTENT_TYPES.some((simple) => type.startsWith(simple))) return;
      if (requestHeaders.some((name) => headers.has(name))) return;
      throw createGraphQLError(
        `Required CSRF header(s) not present: send the request as application/json, with an Authorization header, or with one of ${requestHeaders.join(', ')}`,
        { extensions: { code: 'BAD_REQUEST', http: { status: 403 } } },
      );
    },
  };
}
