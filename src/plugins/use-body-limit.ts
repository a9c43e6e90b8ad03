/**
 * GATEWAY_MAX_BODY_BYTES for every POST body to /graphql (webhooks read theirs with the same
 * limit in their own route).
 */
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { gqlError } from '../errors.js';
import { BodyTooLargeError, readBodyLimited } from '../http-body.js';

export interface BodyLimitOptions {
  /** Largest request body, in bytes. @default DEFAULT_MAX_BODY_BYTES */
  maxBytes?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 102_400;

function tooLarge(maxBytes: number): GraphQLError {
  // The rest of the body may still be arriving: the socket cannot carry another request.
  return gqlError('BAD_USER_INPUT', `Request body exceeds ${maxBytes} bytes (GATEWAY_MAX_BODY_BYTES)`, {
    http: { status: 413, headers: { connection: 'close' } },
  });
}

/**
 * GATEWAY_MAX_BODY_BYTES for every POST body. JSON (the GraphQL path) is read here and counted as
 * it streams; any other body (form, multipart, application/graphql) must declare a length within
 * the limit, which Node's HTTP parser then enforces. It replaces Yoga's own limiter
 * (`maxRequestBodySize: false`), which piped every body through one more TransformStream and made
 * a cache-hit query cost ~1.7x the CPU.
 */
export function useBodyLimit(options: BodyLimitOptions = {}): Plugin {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BODY_BYTES;
  return {
    onRequestParse({ request, setRequestParser }) {
      if (request.method !== 'POST') return;
      const declared = request.headers.get('content-length');
      if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
      const type = request.headers.get('content-type') ?? '';
      if (!type.includes('json')) {
        if (declared === null && request.headers.has('transfer-encoding')) {
          throw gqlError('BAD_USER_INPUT', 'Send a Content-Length with non-JSON request bodies', {
            http: { status: 411 },
          });
        }
        return;
      }
      setRequestParser(async (req) => {
        let text: string;
        try {
          text = await readBodyLimited(req, maxBytes);
        } catch (error) {
          throw error instanceof BodyTooLargeError ? tooLarge(maxBytes) : error;
        }
        try {
          return JSON.parse(text);
        } catch {
          throw gqlError('BAD_USER_INPUT', 'Request body is not valid JSON', { http: { status: 400 } });
        }
      });
    },
  };
}
