/**
 * Refuses requests to /graphql that are not GraphQL over HTTP before any other plugin sees them:
 * unsupported methods (405 with `Allow`, before CSRF prevention would answer 403) and JSON
 * parameters nested deeper than anything a real operation sends (graphql-js coerces variables
 * recursively, so a deep enough array overflows the stack).
 */
import type { Plugin } from 'graphql-yoga';
import { gqlError } from '../errors.js';

export interface RequestShapeOptions {
  /** @default '/graphql' */
  endpoint?: string;
  /** Deepest nesting of `variables` and `extensions`. @default 64 */
  maxJsonDepth?: number;
}

export const DEFAULT_MAX_JSON_DEPTH = 64;
const ALLOW = 'GET, POST, OPTIONS';

/** Iterative, so the check itself cannot overflow; stops at the first level beyond `max`. */
export function jsonDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

export function useRequestShape(options: RequestShapeOptions = {}): Plugin {
  const endpoint = options.endpoint ?? '/graphql';
  const maxDepth = options.maxJsonDepth ?? DEFAULT_MAX_JSON_DEPTH;
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== endpoint) return;
      const method = request.method;
      if (method === 'GET' || method === 'POST' || method === 'OPTIONS' || method === 'HEAD') return;
      endResponse(
        new fetchAPI.Response(
          JSON.stringify({
            errors: [
              {
                message: `${method} is not supported on ${endpoint}: use POST (or GET for queries)`,
                extensions: { code: 'METHOD_NOT_ALLOWED' },
              },
            ],
          }),
          { status: 405, headers: { allow: ALLOW, 'content-type': 'application/json; charset=utf-8' } },
        ),
      );
    },
    onParams({ params }) {
      for (const name of ['variables', 'extensions'] as const) {
        if (jsonDeeperThan(params[name], maxDepth)) {
          throw gqlError('BAD_USER_INPUT', `Request ${name} nest deeper than ${maxDepth} levels`, {
            http: { status: 400 },
          });
        }
      }
    },
  };
}
