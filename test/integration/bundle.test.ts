/**
 * The production build (`npm run build`): dist/main.js is one file that imports nothing from
 * node_modules, what only some deployments need loads lazily from dist/lazy/, and the bundle runs
 * the gateway over real HTTP. Built into a temp dir laid out like the repository (dist/ beside
 * schema/), so a developer's own dist/ is left alone.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../scripts/build.js';
import { createEmulator, DEMO_CREDENTIALS, type Emulator } from '../../src/emulator/index.js';
import { mapStack } from '../../src/stack-traces.js';
import { freePort, REPO_ROOT } from '../helpers/processes.js';

let dir: string;
let metafiles: Metafile[];
let emulator: Emulator;
let child: ChildProcess | undefined;
let origin: string;
let output = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hms-graph-bundle-'));
  await symlink(join(REPO_ROOT, 'schema'), join(dir, 'schema'));
  metafiles = await buildServer(join(dir, 'dist'));
  emulator = await createEmulator({ ...DEMO_CREDENTIALS });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, [join(dir, 'dist/main.js')], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HMS_ACCESS_KEY: emulator.accessKey,
      HMS_SECRET: emulator.secret,
      HMS_API_URL: emulator.url,
      GATEWAY_AUTH: 'none',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`${origin}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`dist/main.js did not become healthy:\n${output}`);
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
  await emulator?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('npm run build', () => {
  it('makes dist/main.js one file: only Node built-ins and the lazy bundles are imported', () => {
    const outputs = Object.assign({}, ...metafiles.map((m) => m.outputs)) as Metafile['outputs'];
    const main = Object.entries(outputs).find(([file]) => file.endsWith('dist/main.js'))?.[1];
    expect(main).toBeDefined();
    const imports = main?.imports ?? [];
    const statics = imports.filter((i) => i.kind === 'import-statement').map((i) => i.path);
    const dynamics = imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path);
    expect(statics.every((p) => p.startsWith('node:'))).toBe(true);
    expect(dynamics.sort()).toEqual([
      './lazy/emulator.js',
      './lazy/graphiql.js',
      './lazy/ioredis.js',
      './lazy/tracing.js',
    ]);
    // What some deployments never load is not in the start-up file.
    const inputs = Object.keys(main?.inputs ?? {});
    for (const lazy of [
      'node_modules/ioredis/',
      'node_modules/@graphql-yoga/render-graphiql/',
      'src/emulator/',
      'node_modules/@opentelemetry/sdk-trace/',
      'node_modules/@envelop/opentelemetry/',
    ]) {
      expect(inputs.some((input) => input.includes(lazy))).toBe(false);
    }
  });

  it('runs the gateway: health, a query against 100ms, and GraphiQL loaded on first use', async () => {
    const answer = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ rooms(first: 2) { nodes { name } } }' }),
    });
    const body = (await answer.json()) as { data?: { rooms: { nodes: unknown[] } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.rooms.nodes.length).toBe(2);

    const page = await fetch(`${origin}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('YogaGraphiQL');
    expect(output).not.toMatch(/"level":(50|60)/);
  });

  it('ships working lazy bundles for Redis, demo mode and tracing', () => {
    // In a plain node process: the bundles are what production imports, untransformed.
    const probe = (file: string, name: string) =>
      execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const m = await import(${JSON.stringify(pathToFileURL(join(dir, file)).href)}); process.stdout.write(typeof m.${name});`,
        ],
        { encoding: 'utf8' },
      );
    expect(probe('dist/lazy/ioredis.js', 'Redis')).toBe('function');
    expect(probe('dist/lazy/emulator.js', 'createEmulator')).toBe('function');
    expect(probe('dist/lazy/tracing.js', 'createTelemetry')).toBe('function');
  });

  it('maps logged stack frames of the bundle back to src/', async () => {
    const file = join(dir, 'dist/main.js');
    const code = await readFile(file, 'utf8');
    const at = code.indexOf('function createGateway(');
    expect(at).toBeGreaterThan(0);
    const before = code.slice(0, at).split('\n');
    const line = before.length;
    const column = (before.at(-1)?.length ?? 0) + 1;
    const frame = `    at createGateway (${pathToFileURL(file).href}:${line}:${column})`;
    expect(mapStack(frame)).toMatch(/at createGateway \(.*src\/server\.ts:\d+:\d+\)/);
  });
});
