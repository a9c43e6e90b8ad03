/**
 * Persisted (trusted) operations, `GATEWAY_PERSISTED_OPERATIONS`: clients send the sha256 hash of
 * a document from a manifest that `npm run codegen` generates (hash → document) instead of the
 * document itself. `allow` accepts hashes and full documents; `require` runs manifest operations
 * only, so a leaked token cannot run arbitrary (expensive or probing) queries.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  defaultExtractPersistedOperationId,
  usePersistedOperations,
} from '@graphql-yoga/plugin-persisted-operations';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { PersistedOperationsMode } from './config.js';

/** The client preset writes `sha256:<hex>`; APQ clients send bare hex. Both name the same document. */
const HASH = /^(?:sha256:)?([0-9a-f]{64})$/;

function normalizeHash(key: string): string | null {
  return HASH.exec(key.trim().toLowerCase())?.[1] ?? null;
}

/** Reads and checks a manifest; throws one error naming the file and what is wrong with it. */
export function loadPersistedOperationsManifest(path: string): ReadonlyMap<string, string> {
  const problem = (what: string) =>
    new Error(`GATEWAY_PERSISTED_OPERATIONS_MANIFEST ${JSON.stringify(path)}: ${what}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw problem(error instanceof Error ? error.message : String(error));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw problem('must be a JSON object of sha256 hash → GraphQL document');
  }
  const manifest = new Map<string, string>();
  for (const [key, document] of Object.entries(parsed)) {
    const hash = normalizeHash(key);
    if (!hash)
      throw problem(`${JSON.stringify(key)} is not a sha256 hash (64 hex digits, optionally sha256:)`);
    if (typeof document !== 'string' || document.trim() === '') {
      throw problem(`the document for ${key} must be a non-empty string`);
    }
    manifest.set(hash, document);
  }
  if (manifest.size === 0) throw problem('has no operations');
  return manifest;
}

function requestError(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

export interface PersistedOperationsOptions {
  mode: PersistedOperationsMode;
  /** Relative paths resolve against the working directory. */
  manifestPath: string;
}

/** The Yoga plugins for a mode: none for `off`. Reads the manifest once, now. */
export function usePersistedOperationsManifest({ mode, manifestPath }: PersistedOperationsOptions): Plugin[] {
  if (mode === 'off') return [];
  const manifest = loadPersistedOperationsManifest(resolve(manifestPath));
  const required = mode === 'require';
  return [
    usePersistedOperations({
      allowArbitraryOperations: !required,
      getPersistedOperation: (key) => {
        const hash = normalizeHash(key);
        return hash ? (manifest.get(hash) ?? null) : null;
      },
      customErrors: {
        notFound: ({ params, request, context }) => {
          const key = defaultExtractPersistedOperationId(params, request, context);
          return requestError(
            'PERSISTED_QUERY_NOT_FOUND',
            `Unknown persisted operation hash ${JSON.stringify(key)}: it is not in this gateway's manifest. ` +
              'Regenerate the client (npm run codegen) and deploy the gateway with the same manifest' +
              (required ? '.' : ', or send the full document as "query".'),
          );
        },
        keyNotFound: () =>
          requestError(
            required ? 'PERSISTED_QUERY_REQUIRED' : 'BAD_USER_INPUT',
            required
              ? 'Send extensions.persistedQuery { version: 1, sha256Hash } of an operation from the manifest'
              : 'Send a "query" document or extensions.persistedQuery { version: 1, sha256Hash }',
          ),
        persistedQueryOnly: () =>
          requestError(
            'PERSISTED_QUERY_REQUIRED',
            'This gateway runs persisted operations only (GATEWAY_PERSISTED_OPERATIONS=require): send ' +
              'extensions.persistedQuery { version: 1, sha256Hash } of an operation from its manifest ' +
              'instead of a "query" document',
          ),
      },
    }),
  ];
}
