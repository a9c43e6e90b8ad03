/**
 * The whole stack over real HTTP: the emulator on port 0, the real client, the gateway on port 0.
 * Tests talk to the gateway with fetch, and read upstream call counts from the emulator.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GatewayConfig } from '../../src/config.js';
import { createEmulator, DEMO_CREDENTIALS, type EmulatorOptions } from '../../src/emulator/index.js';
import { createHmsClient } from '../../src/hms/client.js';
import { createLogger } from '../../src/logger.js';
import { createMetrics } from '../../src/metrics.js';
import { createGateway } from '../../src/server.js';

/** A parsed JSON value, as loosely typed as `JSON.parse` returns it: tests read responses structurally. */
export type Json = ReturnType<typeof JSON.parse>;

export interface GraphQLResponse<T = Record<string, Json>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, Json> }>;
  extensions?: Record<string, Json>;
}

export interface StackOptions {
  emulator?: Partial<EmulatorOptions>;
  client?: { maxRetries?: number; timeoutMs?: number; maxConcurrency?: number };
  gateway?: Partial<GatewayConfig>;
  /** Collect every log line (gateway and client, debug level) here instead of discarding them. */
  logs?: string[];
  /** Sign with this secret instead of the emulator's (to provoke upstream 401s). */
  secret?: string;
}

export async function startStack(options: StackOptions = {}) {
  const emulator = await createEmulator({ ...DEMO_CREDENTIALS, ...options.emulator });
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
    baseUrl: emulator.url,
    logger,
    maxRetries: options.client?.maxRetries ?? 0,
    timeoutMs: options.client?.timeoutMs ?? 5000,
    maxConcurrency: options.client?.maxConcurrency ?? 32,
  });
  const gateway = createGateway({ hms, metrics, logger, config: options.gateway });
  const server = createServer(gateway.yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function gql<T = Record<string, Json>>(
    query: string,
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
    calls,
    resetCalls: () => emulator.resetStats(),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await hms.close();
      await emulator.close();
    },
  };
}

export type Stack = Awaited<ReturnType<typeof startStack>>;
