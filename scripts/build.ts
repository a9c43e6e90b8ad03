/**
 * `npm run build`: what production runs, bundled by esbuild.
 *
 * - dist/main.js: the server as ONE ES module with every dependency it needs up to the first
 *   answer inlined, so `node dist/main.js` reads one file instead of resolving and compiling ~500
 *   modules from node_modules. The container ships dist/ and no node_modules.
 * - dist/lazy/*.js: what only some deployments use, each its own self-contained bundle, loaded by
 *   the `import()` that names it in the source, on first use: the demo emulator (demo mode), the
 *   GraphiQL page (9 MB of inlined assets; first GET /graphql from a browser), ioredis
 *   (REDIS_URL) and the OpenTelemetry SDK (OTEL_EXPORTER_OTLP_ENDPOINT). Static imports of the same packages are not redirected (nothing loads them).
 * - dist/index.js + .d.ts: the library entry (`createGateway`) for embedding; its dependencies stay
 *   imports (the embedding app installs them); types from tsc.
 *
 * Source maps are written beside each file; main.ts maps logged stack traces through them.
 * Type checking stays with `npm run typecheck` (tsc); esbuild only strips types.
 */
import { spawnSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, type Metafile, type Plugin } from 'esbuild';
import { RELAUNCH } from '../src/node-flags.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(ROOT, 'dist');
/** The oldest Node the package supports (`engines`). */
const TARGET = 'node22.12';

/**
 * Dynamic imports that become separate bundles: the specifier as written in src/, and the module
 * source of the bundle (named re-exports, so `const { X } = await import(...)` keeps working for
 * CommonJS packages too).
 */
const LAZY: Record<string, { file: string; source: string }> = {
  './emulator/index.js': {
    file: 'lazy/emulator.js',
    source: "export * from './src/emulator/index.ts';",
  },
  '@graphql-yoga/render-graphiql': {
    file: 'lazy/graphiql.js',
    source: "export { renderGraphiQL } from '@graphql-yoga/render-graphiql';",
  },
  ioredis: { file: 'lazy/ioredis.js', source: "export { Redis } from 'ioredis';" },
  './tracing-sdk.js': { file: 'lazy/tracing.js', source: "export * from './src/tracing-sdk.ts';" },
};

// CommonJS dependencies inlined into an ES module still call require() for Node's built-ins (and
// some read __dirname); ESM has neither, so each output file defines them from its own URL.
const CJS_SHIMS = [
  "import { createRequire as __cjsRequire } from 'node:module';",
  "import { dirname as __cjsDirname } from 'node:path';",
  "import { fileURLToPath as __cjsFileURLToPath } from 'node:url';",
  'const require = __cjsRequire(import.meta.url);',
  'const __filename = __cjsFileURLToPath(import.meta.url);',
  'const __dirname = __cjsDirname(__filename);',
].join('\n');

const COMMON: BuildOptions = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: TARGET,
  sourcemap: 'linked',
  // Stack traces need the mappings, not the sources: a map without them is a quarter of the size,
  // and Node parses it at start-up under --enable-source-maps.
  sourcesContent: false,
  // Whitespace and syntax only: identifiers keep their names, so logs and error messages that
  // print a function or class name read as in development.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'linked',
  banner: { js: CJS_SHIMS },
  // graphql 16 has no exports map: take its ES build (index.mjs), which tree-shakes and is one
  // copy for every importer.
  mainFields: ['module', 'main'],
  metafile: true,
  logLevel: 'warning',
};

/** Points the lazy `import()`s of main.ts's graph at the separate bundles, relative to dist/main.js. */
const lazyImports: Plugin = {
  name: 'lazy-imports',
  setup(b) {
    const filter = new RegExp(
      `^(${Object.keys(LAZY)
        .map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
        .join('|')})$`,
    );
    b.onResolve({ filter }, (args) => {
      const lazy = LAZY[args.path];
      if (args.kind !== 'dynamic-import' || !lazy) return undefined;
      return { path: `./${lazy.file}`, external: true };
    });
  },
};

/**
 * graphql-jit imports fast-json-stringify (and through it ajv, ~430 KB) for its
 * `customJSONSerializer` option, which the gateway never sets (src/plugins/use-jit-queries.ts):
 * the bundle gets a stand-in that says so if it is ever called.
 */
const withoutJitSerializer: Plugin = {
  name: 'without-jit-serializer',
  setup(b) {
    b.onResolve({ filter: /^fast-json-stringify$/ }, (args) =>
      args.importer.includes('/node_modules/graphql-jit/')
        ? { path: 'fast-json-stringify', namespace: 'unused-jit-serializer' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'unused-jit-serializer' }, () => ({
      contents:
        "export default function fastJson() { throw new Error('graphql-jit customJSONSerializer is not bundled'); }",
      loader: 'js',
    }));
  },
};

/** Builds dist/main.js and dist/lazy/*.js into `outdir`; returns esbuild's metafiles. */
export async function buildServer(outdir = DIST): Promise<Metafile[]> {
  const main = build({
    ...COMMON,
    // Before anything else runs: the heap flags, however it was started (src/node-flags.ts).
    banner: { js: `${RELAUNCH}\n${CJS_SHIMS}` },
    entryPoints: { main: 'src/main.ts' },
    outdir,
    plugins: [lazyImports, withoutJitSerializer],
  });
  const lazy = Object.values(LAZY).map(({ file, source }) =>
    build({
      ...COMMON,
      stdin: { contents: source, resolveDir: ROOT, sourcefile: file, loader: 'ts' },
      outfile: join(outdir, file),
    }),
  );
  const results = await Promise.all([main, ...lazy]);
  // dist/ runs on its own (the container copies no package.json): its files are ES modules.
  await writeFile(join(outdir, 'package.json'), '{ "type": "module" }\n');
  return results.map((r) => r.metafile as Metafile);
}

async function buildLibrary(outdir = DIST) {
  await build({
    ...COMMON,
    entryPoints: { index: 'src/index.ts' },
    outdir,
    packages: 'external',
    banner: {},
    minifyWhitespace: false,
    minifySyntax: false,
  });
  const tsc = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/typescript/bin/tsc'),
      '-p',
      'tsconfig.build.json',
      '--emitDeclarationOnly',
      '--outDir',
      outdir,
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (tsc.status !== 0) throw new Error(`tsc (declarations) exited with ${tsc.status}`);
}

async function main() {
  await rm(DIST, { recursive: true, force: true });
  const metafiles = await buildServer();
  // The container builds the server only (--server-only): no declarations, no tsc.
  if (!process.argv.includes('--server-only')) await buildLibrary();
  const sizes = metafiles.flatMap((m) =>
    Object.entries(m.outputs)
      .filter(([file]) => file.endsWith('.js'))
      .map(([file, { bytes }]) => `  ${file}  ${(bytes / 1024).toFixed(0)} KiB`),
  );
  process.stdout.write(`built:\n${sizes.join('\n')}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
