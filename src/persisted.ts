/**
 * Persisted queries, `GATEWAY_PERSISTED_OPERATIONS`, speaking the protocol stock clients use
 * (Apollo's `PersistedQueryLink`, urql's `persistedExchange`; both send
 * `extensions.persistedQuery { version: 1, sha256Hash }`):
 *
 * - `off`: documents run; a hash-only request gets `PersistedQueryNotSupported`, on which
 *   clients stop hashing and send the full document.
 * - `allow` (automatic persisted queries): a hash sent with its document is checked (sha256 of
 *   the document) and registered in the entity cache's store (memory, or Redis with REDIS_URL so
 *   every replica knows it); a hash-only request runs the registered or manifest document, or gets
 *   `PersistedQueryNotFound`, on which clients resend hash + document.
 * - `require` (trusted documents): only operations of the manifest run, named by
 *   `extensions.persistedQuery.sha256Hash` or by `documentId` (GraphQL over HTTP's persisted
 *   documents); a document sent along is ignored in favour of the manifest's.
 *
 * Written here rather than with @graphql-yoga/plugin-apq: that plugin's peer range
 * (@graphql-tools/utils 10) conflicts with graphql-codegen's (11), and it keeps hashes in its own
 * LRU, not in the store replicas share.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { EntityCache } from './cache.js';
import type { PersistedOperationsMode } from './config.js';

/** The client preset writes `sha256:<hex>`; APQ clients send bare hex. Both name the same document. */
const HASH = /^(?:sha256:)?([0-9a-f]{64})$/;
/** How long a registered (APQ) document is kept; clients re-register it after that. */
const REGISTERED_TTL_MS = 7 * 24 * 3600 * 1000;

function normalizeHash(key: string): string | null {
  return HASH.exec(key.trim().toLowerCase())?.[1] ?? null;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** One manifest entry; the error names what is wrong with an entry. */
function addEntry(
  manifest: Map<string, string>,
  key: unknown,
  document: unknown,
  problem: (what: string) => Error,
) {
  const hash = typeof key === 'string' ? normalizeHash(key) : null;
  if (!hash) throw problem(`${JSON.stringify(key)} is not a sha256 hash (64 hex digits, optionally sha256:)`);
  if (typeof document !== 'string' || document.trim() === '') {
    throw problem(`the document for ${String(key)} must be a non-empty string`);
  }
  manifest.set(hash, document);
}

/**
 * Reads and checks a manifest; throws one error naming the file and what is wrong with it.
 * Two formats: graphql-codegen's (`{ "<hash>": "<document>" }`) and Apollo's persisted query
 * manifest (`{ "format": "apollo-persisted-query-manifest", "version": 1, "operations": [{ id,
 * body, name, type }] }`, as `generate-persisted-query-manifest` writes it).
 */
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
    throw problem(
      'must be a JSON object of sha256 hash → GraphQL document, or an Apollo persisted query manifest',
    );
  }
  const manifest = new Map<string, string>();
  const record = parsed as Record<string, unknown>;
  if (record.format === 'apollo-persisted-query-manifest') {
    if (record.version !== 1)
      throw problem(`Apollo manifest version ${String(record.version)} is not supported (1 is)`);
    if (!Array.isArray(record.operations)) throw problem('"operations" must be an array');
    for (const [index, operation] of record.operations.entries()) {
      if (typeof operation !== 'object' || operation === null)
        throw problem(`operations[${index}] must be an object`);
      const { id, body } = operation as { id?: unknown; body?: unknown };
      addEntry(manifest, id, body, problem);
      if (typeof body === 'string' && sha256(body) !== normalizeHash(String(id))) {
        throw problem(`operations[${index}].id is not the sha256 hash of its body`);
      }
    }
  } else {
    for (const [key, document] of Object.entries(record)) addEntry(manifest, key, document, problem);
  }
  if (manifest.size === 0) throw problem('has no operations');
  return manifest;
}

function requestError(code: string, message: string, status = 400): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

export interface PersistedOperationsOptions {
  mode: PersistedOperationsMode;
  /** Relative paths resolve against the working directory. */
  manifestPath: string;
  /** Where `allow` registers hashes (the shared entity cache: memory or Redis). */
  cache: EntityCache;
}

interface PersistedQueryExtension {
  version?: unknown;
  sha256Hash?: unknown;
}

/** The hash a request names: `extensions.persistedQuery.sha256Hash`, or `documentId` (body or URL). */
function requestedHash(params: Record<string, unknown>, request: Request): string | undefined {
  const extension = (params.extensions as { persistedQuery?: PersistedQueryExtension } | undefined)
    ?.persistedQuery;
  if (extension && typeof extension === 'object') {
    if (extension.version !== 1 || typeof extension.sha256Hash !== 'string') {
      throw requestError(
        'BAD_USER_INPUT',
        'extensions.persistedQuery must be { version: 1, sha256Hash: "<hex>" }',
      );
    }
    return extension.sha256Hash;
  }
  if (typeof params.documentId === 'string') return params.documentId;
  if (request.method === 'GET') return new URL(request.url).searchParams.get('documentId') ?? undefined;
  return undefined;
}

/** GraphQL request parameters as a transport received them. */
export interface RequestParams {
  query?: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  extensions?: Record<string, unknown> | null;
}

/**
 * The persisted-operation rules of a mode as one function over request parameters, shared by
 * HTTP (the Yoga plugin below) and WebSocket (src/ws.ts): returns the parameters to run, with the
 * persisted document filled in, or throws the protocol's error. Reads the manifest once, now.
 */
export function createPersistedOperations({ mode, manifestPath, cache }: PersistedOperationsOptions) {
  const manifest =
    mode === 'off' ? new Map<string, string>() : loadPersistedOperationsManifest(resolve(manifestPath));
  const lookup = async (hash: string) =>
    manifest.get(hash) ??
    (mode === 'allow' ? (await cache.getMany<string>('persistedQuery', [hash]))[0] : undefined);

  /**
   * Synchronous for the common case (a plain query, nothing persisted asked for, mode off or
   * allow): an async hook on every request costs a promise and a microtask turn.
   */
  return function resolveParams<P extends RequestParams>(params: P, request: Request): P | Promise<P> {
    const raw = params as unknown as Record<string, unknown>;
    const key = requestedHash(raw, request);
    if (key === undefined && mode !== 'require') return params;
    return resolvePersisted(params, raw, key);
  };

  async function resolvePersisted<P extends RequestParams>(
    params: P,
    raw: Record<string, unknown>,
    key: string | undefined,
  ): Promise<P> {
    const { documentId: _documentId, ...rest } = raw;
    const query = typeof params.query === 'string' && params.query.trim() !== '' ? params.query : undefined;

    if (key === undefined) {
      throw requestError(
        'PERSISTED_QUERY_REQUIRED',
        query
          ? 'This gateway runs persisted operations only (GATEWAY_PERSISTED_OPERATIONS=require): send ' +
              'extensions.persistedQuery { version: 1, sha256Hash } of an operation from its manifest ' +
              'instead of a "query" document'
          : 'Send extensions.persistedQuery { version: 1, sha256Hash } (or documentId) of an operation from the manifest',
      );
    }
    if (mode === 'off') {
      if (query) return params;
      throw requestError('PERSISTED_QUERY_NOT_SUPPORTED', 'PersistedQueryNotSupported', 200);
    }
    const hash = normalizeHash(key);
    if (!hash)
      throw requestError('BAD_USER_INPUT', `${JSON.stringify(key)} is not a sha256 hash (64 hex digits)`);

    if (mode === 'require') {
      const document = manifest.get(hash);
      if (!document) {
        throw requestError(
          'PERSISTED_QUERY_NOT_FOUND',
          `Unknown persisted operation hash ${JSON.stringify(key)}: it is not in this gateway's manifest. ` +
            'Regenerate the client (npm run codegen) and deploy the gateway with the same manifest.',
        );
      }
      return { ...rest, query: document } as P;
    }
    // allow
    if (query) {
      if (sha256(query) !== hash) {
        throw requestError('BAD_USER_INPUT', 'provided sha does not match query');
      }
      if (!manifest.has(hash)) await cache.set('persistedQuery', hash, query, REGISTERED_TTL_MS);
      return params;
    }
    const document = await lookup(hash);
    if (!document) throw requestError('PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound', 200);
    return { ...rest, query: document } as P;
  }
}

/** The Yoga plugin: `resolveParams` on every HTTP request's parameters. */
export function usePersistedOperations(resolveParams: ReturnType<typeof createPersistedOperations>): Plugin {
  return {
    onParams({ params, setParams, request }) {
      const resolved = resolveParams(params, request);
      if (!(resolved instanceof Promise)) return;
      return resolved.then((next) => {
        if (next !== params) setParams(next);
      });
    },
  };
}
