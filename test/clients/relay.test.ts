/**
 * Relay: relay-compiler 21 (its native binary ships in the npm package) compiles a `@connection`
 * fragment against schema/schema.graphql, and react-relay's usePaginationFragment pages it with
 * loadNext against the demo gateway, through relay-runtime's store.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { createElement, Suspense } from 'react';
import { RelayEnvironmentProvider, useLazyLoadQuery, usePaginationFragment } from 'react-relay';
import { create } from 'react-test-renderer';
import {
  type ConcreteRequest,
  Environment,
  type FetchFunction,
  type GraphQLTaggedNode,
  Network,
  RecordSource,
  Store,
} from 'relay-runtime';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { until } from '../helpers/live.js';
import { REPO_ROOT } from '../helpers/processes.js';
import { type Stack, startStack } from '../helpers/stack.js';

/** A parsed JSON value, read structurally. */
type Json = ReturnType<typeof JSON.parse>;

// Rendered like a browser would, scheduled by React itself (no act(): the test polls for data).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

let stack: Stack;
let roomId: string;
let artifacts: string;
let compilerOutput = '';

beforeAll(async () => {
  stack = await startStack();
  roomId = (await stack.hms.rooms.list({ name: 'product-standup' })).items[0]?.id as string;
  // Compile into a temporary folder: the artifacts are the compiler's output, not repository files.
  artifacts = mkdtempSync(join(tmpdir(), 'hms-graph-relay-'));
  const configPath = join(artifacts, 'relay.config.json');
  mkdirSync(join(artifacts, '__generated__'));
  const rel = (path: string) => relative(artifacts, path);
  writeFileSync(
    configPath,
    JSON.stringify({
      src: rel(join(REPO_ROOT, 'test/clients/relay')),
      schema: rel(join(REPO_ROOT, 'schema/schema.graphql')),
      language: 'typescript',
      artifactDirectory: rel(join(artifacts, '__generated__')),
      eagerEsModules: true,
    }),
  );
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    [join(REPO_ROOT, 'node_modules/relay-compiler/cli.js'), configPath],
    { cwd: artifacts },
  ).catch((error: { stdout?: string; stderr?: string; message: string }) => {
    throw new Error(`relay-compiler failed: ${error.stderr ?? error.message}`);
  });
  compilerOutput = `${stdout}${stderr}`;
}, 60_000);
afterAll(async () => {
  await stack?.close();
  if (artifacts) rmSync(artifacts, { recursive: true, force: true });
});

async function artifact(name: string): Promise<GraphQLTaggedNode> {
  return (
    (await import(join(artifacts, '__generated__', `${name}.graphql.ts`))) as { default: ConcreteRequest }
  ).default;
}

describe('Relay', () => {
  it('compiles the schema and a @connection fragment with no errors', () => {
    expect(compilerOutput).not.toMatch(/error/i);
  });

  it('pages a @connection fragment with usePaginationFragment’s loadNext', async () => {
    const query = await artifact('relayRoomSessionsQuery');
    const fragment = await artifact('relayRoomSessions_room');
    const requests: string[] = [];
    const fetchFn: FetchFunction = async (params, variables) => {
      requests.push(params.name);
      const response = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: params.text, variables }),
      });
      return (await response.json()) as Json;
    };
    const environment = new Environment({
      network: Network.create(fetchFn),
      store: new Store(new RecordSource()),
    });

    type Page = { sessions: { edges: Array<{ node: { id: string; hmsId: string } }> } | null };
    const seen: { page?: Page; hasNext?: boolean; loadNext?: (count: number) => void } = {};
    function Sessions({ room }: { room: never }) {
      const { data, hasNext, loadNext } = usePaginationFragment(fragment, room);
      Object.assign(seen, { page: data as Page, hasNext, loadNext });
      return null;
    }
    function Root() {
      const data = useLazyLoadQuery<{ variables: { roomId: string }; response: { room: never } }>(query, {
        roomId,
      });
      return createElement(Sessions, { room: data.room });
    }
    // react-test-renderer still works with React 19; only its deprecation notice is muted.
    const error = console.error;
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).includes('react-test-renderer is deprecated')) error(...args);
    });
    const renderer = create(
      createElement(RelayEnvironmentProvider, {
        environment,
        children: createElement(Suspense, { fallback: null }, createElement(Root)),
      }),
    );
    await until(() => (seen.page?.sessions?.edges.length ?? 0) > 0);
    const first = seen.page?.sessions?.edges.map((e) => e.node.hmsId) ?? [];
    expect(first).toHaveLength(2);
    expect(seen.hasNext).toBe(true);

    seen.loadNext?.(2);
    await until(() => (seen.page?.sessions?.edges.length ?? 0) >= 4);
    const all = seen.page?.sessions?.edges.map((e) => e.node.hmsId) ?? [];
    expect(all.slice(0, 2)).toEqual(first);
    expect(new Set(all).size).toBe(4);
    expect(requests).toEqual(['relayRoomSessionsQuery', 'relayRoomSessionsPaginationQuery']);
    renderer.unmount();
    vi.restoreAllMocks();
  });
});
