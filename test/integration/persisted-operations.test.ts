import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DashboardQuery,
  RoomsQuery,
  StartRecordingMutation,
} from '../../examples/dashboard/src/generated/graphql.js';
import { DEFAULT_PERSISTED_OPERATIONS_MANIFEST } from '../../src/config.js';
import { createHmsClient } from '../../src/hms/client.js';
import { createLogger } from '../../src/logger.js';
import { createGateway } from '../../src/server.js';
import { REPO_ROOT } from '../helpers/processes.js';
import { type GraphQLResponse, type Stack, startStack } from '../helpers/stack.js';

const MANIFEST_PATH = join(REPO_ROOT, DEFAULT_PERSISTED_OPERATIONS_MANIFEST);
const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as Record<string, string>;

/** The bare hex hash of the named operation, as an APQ client sends it. */
function hashOf(operation: string): string {
  const entry = Object.entries(manifest).find(([, document]) =>
    new RegExp(`^\\w+ ${operation}\\b`).test(document),
  );
  if (!entry) throw new Error(`${operation} is not in the manifest`);
  return entry[0].replace(/^sha256:/, '');
}

type Answer<T = Record<string, unknown>> = GraphQLResponse<T> & { status: number };

/** `T`: the answer's shape, from the generated types of the operation sent (codegen). */
async function send<T = Record<string, unknown>>(
  stack: Stack,
  body: Record<string, unknown>,
): Promise<Answer<T>> {
  const response = await fetch(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer<T>, 'status'>) };
}

const persisted = (operation: string, variables: Record<string, unknown> = {}, hash = hashOf(operation)) => ({
  operationName: operation,
  variables,
  extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
});

let required: Stack;
let allowed: Stack;
let off: Stack;
let roomId: string;

beforeAll(async () => {
  [required, allowed, off] = await Promise.all([
    startStack({ gateway: { persistedOperations: 'require', persistedOperationsManifest: MANIFEST_PATH } }),
    startStack({ gateway: { persistedOperations: 'allow', persistedOperationsManifest: MANIFEST_PATH } }),
    startStack(),
  ]);
  roomId = (await required.hms.rooms.list({ name: 'product-standup' })).items[0]?.id as string;
});
afterAll(async () => {
  await Promise.all([required?.close(), allowed?.close(), off?.close()]);
});

describe('GATEWAY_PERSISTED_OPERATIONS=require', () => {
  it('runs a manifest query by its hash', async () => {
    const answer = await send<DashboardQuery>(required, persisted('Dashboard', { roomId, sessions: 2 }));
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.room?.name).toBe('product-standup');
    expect(answer.data?.room?.sessions?.nodes).toHaveLength(2);
  });

  it('accepts the manifest key form (sha256:<hex>) as well as bare hex', async () => {
    const answer = await send<RoomsQuery>(
      required,
      persisted('Rooms', { first: 2 }, `sha256:${hashOf('Rooms')}`),
    );
    expect(answer.data?.rooms?.nodes).toHaveLength(2);
  });

  it('runs a manifest mutation, whose expected failures stay typed', async () => {
    const answer = await send<StartRecordingMutation>(
      required,
      persisted('StartRecording', { input: { roomId: 'aaaaaaaaaaaaaaaaaaaaaaaa' } }),
    );
    expect(answer.data?.startRecording?.__typename).toBe('NotFoundError');
  });

  it('rejects an ad-hoc document before it is parsed, saying what to send instead', async () => {
    required.resetCalls();
    const answer = await send(required, { query: '{ rooms { nodes { id } } }' });
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
    expect(answer.errors?.[0]?.message).toContain('extensions.persistedQuery');
    expect(required.calls().total).toBe(0);
  });

  it('rejects the manifest text itself when sent as a document', async () => {
    const answer = await send(required, { query: manifest[`sha256:${hashOf('Rooms')}`] });
    expect(answer.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
  });

  it('runs a manifest operation named by documentId (GraphQL over HTTP persisted documents)', async () => {
    const answer = await send<RoomsQuery>(required, {
      documentId: `sha256:${hashOf('Rooms')}`,
      operationName: 'Rooms',
      variables: { first: 1 },
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.rooms?.nodes).toHaveLength(1);
  });

  it('names an unknown hash in a clear error', async () => {
    const unknown = 'f'.repeat(64);
    const answer = await send(required, persisted('Rooms', {}, unknown));
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(answer.errors?.[0]?.message).toContain(unknown);
    expect(answer.errors?.[0]?.message).toContain('npm run codegen');
  });

  it('treats a request with neither document nor hash as a request for a hash', async () => {
    const answer = await send(required, { variables: {} });
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
  });

  it('serves a persisted query over GET, so it can be cached by URL', async () => {
    const params = new URLSearchParams({
      operationName: 'Rooms',
      variables: JSON.stringify({ first: 1 }),
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hashOf('Rooms') } }),
    });
    const response = await fetch(`${required.url}/graphql?${params}`, {
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { rooms: { nodes: unknown[] } } };
    expect(body.data.rooms.nodes).toHaveLength(1);
  });
});

describe('GATEWAY_PERSISTED_OPERATIONS=allow', () => {
  it('runs both hashes and ad-hoc documents', async () => {
    const byHash = await send<RoomsQuery>(allowed, persisted('Rooms', { first: 1 }));
    expect(byHash.data?.rooms?.nodes).toHaveLength(1);
    const adHoc = await send<RoomsQuery>(allowed, { query: '{ rooms(first: 1) { nodes { name } } }' });
    expect(adHoc.errors).toBeUndefined();
    expect(adHoc.data?.rooms?.nodes).toHaveLength(1);
  });

  it('answers an unknown hash with PersistedQueryNotFound, the message APQ clients retry on', async () => {
    const answer = await send(allowed, persisted('Rooms', {}, 'e'.repeat(64)));
    expect(answer.errors?.[0]?.message).toBe('PersistedQueryNotFound');
    expect(answer.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('registers a hash sent with its document, then runs it by hash alone', async () => {
    const query = `{ rooms(first: 1) { nodes { name } } } # ${Math.random()}`;
    const hash = createHash('sha256').update(query).digest('hex');
    const ext = { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } };
    expect((await send(allowed, ext)).errors?.[0]?.message).toBe('PersistedQueryNotFound');
    const registered = await send(allowed, { query, ...ext });
    expect(registered.errors).toBeUndefined();
    const byHash = await send<RoomsQuery>(allowed, ext);
    expect(byHash.errors).toBeUndefined();
    expect(byHash.data?.rooms?.nodes).toHaveLength(1);
  });

  it('refuses to register a hash that is not the sha256 of the document', async () => {
    const answer = await send(allowed, {
      query: '{ rooms(first: 1) { nodes { name } } }',
      extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
    });
    expect(answer.errors?.[0]?.message).toBe('provided sha does not match query');
    const after = await send(allowed, persisted('Rooms', {}, 'a'.repeat(64)));
    expect(after.errors?.[0]?.message).toBe('PersistedQueryNotFound');
  });
});

describe('GATEWAY_PERSISTED_OPERATIONS=off (the default)', () => {
  it('runs documents and answers a hash alone with PersistedQueryNotSupported', async () => {
    const adHoc = await send<RoomsQuery>(off, { query: '{ rooms(first: 1) { nodes { name } } }' });
    expect(adHoc.data?.rooms?.nodes).toHaveLength(1);
    const byHash = await send(off, persisted('Rooms'));
    expect(byHash.data ?? null).toBeNull();
    expect(byHash.errors?.[0]?.message).toBe('PersistedQueryNotSupported');
    expect(byHash.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
  });
});

describe('the manifest at start-up', () => {
  const hms = createHmsClient({ accessKey: 'k', secret: 's'.repeat(32), baseUrl: 'http://127.0.0.1:9' });
  const gatewayWith = (path: string) =>
    createGateway({
      hms,
      logger: createLogger('silent'),
      config: { persistedOperations: 'require', persistedOperationsManifest: path },
    });
  const write = (content: string) => {
    const path = join(mkdtempSync(join(tmpdir(), 'hms-graph-manifest-')), 'manifest.json');
    writeFileSync(path, content);
    return path;
  };
  afterAll(() => hms.close());

  it('refuses to start without a readable manifest, naming the variable and the file', () => {
    expect(() => gatewayWith('/nonexistent/manifest.json')).toThrow(
      /GATEWAY_PERSISTED_OPERATIONS_MANIFEST "\/nonexistent\/manifest\.json": .*ENOENT/,
    );
  });

  it('refuses malformed manifests', () => {
    expect(() => gatewayWith(write('not json'))).toThrow(/GATEWAY_PERSISTED_OPERATIONS_MANIFEST/);
    expect(() => gatewayWith(write('[]'))).toThrow(/JSON object of sha256 hash/);
    expect(() => gatewayWith(write('{"abc": "{ __typename }"}'))).toThrow(/"abc" is not a sha256 hash/);
    expect(() => gatewayWith(write(`{"${'a'.repeat(64)}": 42}`))).toThrow(/must be a non-empty string/);
    expect(() => gatewayWith(write('{}'))).toThrow(/has no operations/);
  });

  it("accepts Apollo's persisted query manifest format and checks its ids", async () => {
    const body = 'query Rooms { rooms(first: 1) { nodes { id name } } }';
    const id = createHash('sha256').update(body).digest('hex');
    const apollo = (operations: unknown[]) =>
      write(JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations }));
    expect(() => gatewayWith(apollo([{ id, body, name: 'Rooms', type: 'query' }]))).not.toThrow();
    expect(() => gatewayWith(apollo([{ id: 'b'.repeat(64), body, name: 'Rooms', type: 'query' }]))).toThrow(
      /not the sha256 hash of its body/,
    );
    const stack = await startStack({
      gateway: {
        persistedOperations: 'require',
        persistedOperationsManifest: apollo([{ id, body, name: 'Rooms', type: 'query' }]),
      },
    });
    try {
      const answer = await send<RoomsQuery>(stack, {
        operationName: 'Rooms',
        extensions: { persistedQuery: { version: 1, sha256Hash: id } },
      });
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.rooms?.nodes).toHaveLength(1);
    } finally {
      await stack.close();
    }
  });
});
