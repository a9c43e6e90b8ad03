/**
 * The whole stack over real HTTP: the emulator on port 0, the real client, the gateway on port 0.
 * Tests talk to the gateway with fetch, and read upstream call counts from the emulator.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { Redis } from 'ioredis';
import { type CacheStore, createEntityCache, createMemoryStore } from '../../src/cache.js';
import type { GatewayConfig } from '../../src/config.js';
import {
  createEmulator,
  DEMO_CREDENTIALS,
  type Emulator,
  type EmulatorOptions,
} from '../../src/emulator/index.js';
import { createHmsClient } from '../../src/hms/client.js';
import { createLogger } from '../../src/logger.js';
import { createMetrics } from '../../src/metrics.js';
import { createGateway } from '../../src/server.js';

/** `extensions` of an error, as the gateway sends them. */
export interface ErrorExtensions {
  code?: string;
  [key: string]: unknown;
}

/** A mutation's union answer: the success's `data`, or an error's fields. */
export interface MutationPayload<D = unknown> {
  __typename: string;
  data?: D;
  message?: string;
  code?: string;
  field?: string | null;
  retryAfterSeconds?: number | null;
  outcomeUnknown?: boolean;
}

/** A document string that carries the type of its answer's `data` (see {@link typed}). */
export type TypedQuery<T> = string & { readonly __answer?: T };

/** Tags a document with the shape of its answer, so `stack.gql(DOC, ...)` is typed without `any`. */
export const typed = <T>(query: string): TypedQuery<T> => query as TypedQuery<T>;

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: ErrorExtensions }>;
  extensions?: {
    cost?: { estimatedUpstreamCalls: number; actualUpstreamCalls: number };
    warnings?: string[];
    [key: string]: unknown;
  };
}

export interface StackOptions {
  emulator?: Partial<EmulatorOptions>;
  client?: { maxRetries?: number; timeoutMs?: number; maxConcurrency?: number; maxQueue?: number };
  gateway?: Partial<GatewayConfig>;
  /** Collect every log line (gateway and client, debug level) here instead of discarding them. */
  logs?: string[];
  /** Sign with this secret instead of the emulator's (to provoke upstream 401s). */
  secret?: string;
  /** Share this emulator (another stack's) instead of starting one; the owner closes it. */
  sharedEmulator?: Emulator;
  /** Shared state across gateways (the caller quits it). */
  redis?: Redis;
  /** Point the client here instead of at the emulator (e.g. a closed port). */
  baseUrl?: string;
}

/**
 * The gateway's in-memory entity store, replaceable: after an emulator reset the gateway must not
 * answer from what it cached before it (rooms are kept 30 s), or one test's leftovers leak into
 * the next.
 */
function resettableStore(maxEntries: number): CacheStore & { clear(): void } {
  let inner = createMemoryStore(maxEntries);
  return {
    getMany: (keys) => inner.getMany(keys),
    setMany: (entries) => inner.setMany(entries),
    delete: (keys) => inner.delete(keys),
    close: () => inner.close(),
    clear() {
      inner = createMemoryStore(maxEntries);
    },
  };
}

export async function startStack(options: StackOptions = {}) {
  const emulator =
    options.sharedEmulator ?? (await createEmulator({ ...DEMO_CREDENTIALS, ...options.emulator }));
  const metrics = createMetrics();
  const logs = options.logs;
  const logger = logs
    ? createLogger('debug', {
        write(line: string) {
          logs.push(line);
        },
      })
    : createLogger('silent');
  const hms = createHmsClient({
    onCall: metrics.onUpstreamCall,
    onTokenSigned: (kind) => metrics.tokenMints.inc({ kind }),
    accessKey: emulator.accessKey,
    secret: options.secret ?? emulator.secret,
    baseUrl: options.baseUrl ?? emulator.url,
    logger,
    maxRetries: options.client?.maxRetries ?? 0,
    timeoutMs: options.client?.timeoutMs ?? 5000,
    maxConcurrency: options.client?.maxConcurrency ?? 32,
    maxQueue: options.client?.maxQueue,
  });
  const store = resettableStore(options.gateway?.cacheMaxEntries ?? 5000);
  const cache = createEntityCache({
    store,
    workspace: hms.accessKey,
    onLookup: (kind, hit) => metrics.cacheLookups.inc({ type: kind, result: hit ? 'hit' : 'miss' }),
  });
  // With Redis, the gateway keeps its entity cache there (as in production), not in `store`.
  const gateway = createGateway({
    hms,
    metrics,
    logger,
    config: options.gateway,
    cache: options.redis ? undefined : cache,
    redis: options.redis,
  });
  const server = createServer(gateway.yoga);
  gateway.attachWebSockets(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function gql<T = Record<string, unknown>>(
    query: TypedQuery<T>,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<T> & { status: number }> {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as GraphQLResponse<T>) };
  }

  /**
   * Runs one of the dashboard's generated documents (examples/dashboard/src/generated): the
   * answer is typed by codegen, so a test reads the fields a real client reads.
   */
  async function run<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<TResult> & { status: number }> {
    return gql<TResult>(print(document), variables as Record<string, unknown>, headers);
  }

  /** Upstream calls since the last reset, by "METHOD /v2/route/{id}" template. */
  function calls(): { total: number; byRoute: Record<string, number> } {
    const stats = emulator.stats();
    return { total: stats.total, byRoute: stats.requests };
  }

  return {
    emulator,
    hms,
    gateway,
    url,
    gql,
    run,
    calls,
    resetCalls: () => emulator.resetStats(),
    /**
     * Back to the seed: the emulator's data, counters, faults and latency, and everything the
     * gateway cached from it. Call it in `finally` after a test that changes shared data.
     */
    reset() {
      emulator.reset({ data: true });
      emulator.setFaults([]);
      emulator.setLatency(null);
      store.clear();
    },
    async close() {
      // First: it closes WebSockets too, which would otherwise hold server.close() open.
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await hms.close();
      if (!options.sharedEmulator) await emulator.close();
    },
  };
}

export type Stack = Awaited<ReturnType<typeof startStack>>;
