/**
 * `npm run bench [-- --quick] [-- --only=calls,dashboard,overhead,cold,memory]`: hms-graph against
 * the baselines a team would otherwise build, on one machine, against one 100ms emulator (seed 1,
 * room `product-standup`), with latency injected into the emulator. Prints Markdown tables on
 * stdout (progress goes to stderr) and writes bench/results/latest.json.
 *
 * Every server runs in its own child process; this process only generates load (autocannon) and
 * reads /proc. Compared systems are alternated within the run, so read the ratios: absolute
 * numbers drift on a shared machine. Targets are reported, never asserted.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../scripts/build.js';
import { DASHBOARD, ROOM, roomIdOf, SESSIONS, serverEnv } from './lib/dashboard.js';
import { alternate, runLoad, type Summary, type Target, type UpstreamStats } from './lib/load.js';
import {
  type Child,
  cpuMs,
  freePort,
  httpRequest,
  memoryMiB,
  ROOT,
  startChild,
  waitUntil,
} from './lib/proc.js';
import { type Cell, table } from './lib/report.js';
import { median, ratio, round } from './lib/stats.js';

const SECTIONS = ['calls', 'dashboard', 'overhead', 'cold', 'memory'] as const;
type Section = (typeof SECTIONS)[number];

const QUICK = process.argv.includes('--quick');
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const ONLY = new Set<Section>(
  onlyArg ? (onlyArg.slice('--only='.length).split(',') as Section[]) : [...SECTIONS],
);
for (const section of ONLY) {
  if (!SECTIONS.includes(section)) {
    process.stderr.write(`unknown section ${section}; choose from ${SECTIONS.join(', ')}\n`);
    process.exit(2);
  }
}

/** Seconds are per measured window; every window is preceded by a short ramp-up (see runLoad). */
const PLAN = QUICK
  ? {
      seconds: 1,
      rounds: 1,
      roundsAt0ms: 1,
      warmup: 0.5,
      overheadSeconds: 0.75,
      overheadRounds: 2,
      coldRuns: 1,
      coldTsx: false,
      firstRuns: 1,
      warmRequests: 5,
      memorySeconds: 3,
    }
  : {
      seconds: 3,
      // Five alternating rounds: with three, a repeat on this shared machine moved some ratios by
      // more than 10 %.
      rounds: 5,
      // The 0 ms cells move most between runs (requests too fast for a few 3 s windows to settle:
      // the SDK pattern's ratio to Apollo moved 12-13 % with 5 rounds); they are also the cheapest.
      roundsAt0ms: 8,
      warmup: 2,
      overheadSeconds: 3,
      overheadRounds: 8,
      coldRuns: 5,
      coldTsx: true,
      firstRuns: 5,
      warmRequests: 20,
      memorySeconds: 30,
    };
const LATENCIES_MS = [0, 50];
const CONCURRENCY = [1, 10, 50];
/** (upstream latency ms, clients) cells; a quick run keeps the ones the targets are read from. */
const CELLS: Array<readonly [number, number]> = QUICK
  ? [
      [0, 10],
      [50, 1],
      [50, 50],
    ]
  : LATENCIES_MS.flatMap((l) => CONCURRENCY.map((c) => [l, c] as const));
/** V8's own default heap growth: dist/main.js then keeps Node's heap defaults (src/node-flags.ts). */
const NODE_DEFAULTS_FLAG = '--heap-growing-percent=0';
const HIT_QUERY = 'query Hit($id: ID!) { room(id: $id) { name template { name } } }';

/** A number with fixed decimals for the tables, or n/a. */
const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const children = new Set<Child>();

function node(name: string, args: string[], env: Record<string, string>): Child {
  const child = startChild(name, args, { NODE_ENV: 'production', ...env });
  children.add(child);
  return child;
}

async function stop(child: Child) {
  await child.stop();
  children.delete(child);
}

const tsx = (file: string) => ['--import', 'tsx', file];
/** Where buildDist() put the compiled repository. */
let BUILD = '';
/** Arguments that run a repository file from the compiled copy. */
const js = (file: string) => [join(BUILD, file.replace(/\.ts$/, '.js'))];
/** hms-graph as production runs it: the `npm run build` bundle (`node dist/main.js`). */
const bundle = () => [join(BUILD, 'dist/main.js')];

/**
 * Compiles src/ and bench/ with tsc (no type check: a few seconds) into a temp dir that mirrors the
 * repository, so every process under test runs plain JavaScript, and bundles the gateway into its
 * dist/ exactly as `npm run build` does (production runs `node dist/main.js`). Under tsx, esbuild's keepNames wraps every closure in a `__name()` call,
 * which taxes closure-heavy per-request code and would skew the comparison.
 */
async function buildDist(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hms-graph-bench-'));
  // Set before compiling, so the run's cleanup removes the directory even when tsc fails.
  BUILD = dir;
  const tsconfig = join(dir, 'tsconfig.json');
  await writeFile(
    tsconfig,
    JSON.stringify({
      extends: join(ROOT, 'tsconfig.json'),
      compilerOptions: {
        rootDir: ROOT,
        outDir: dir,
        noCheck: true,
        declaration: false,
        sourceMap: false,
        types: [],
      },
      include: [join(ROOT, 'src'), join(ROOT, 'bench')],
    }),
  );
  await new Promise<void>((resolve, reject) => {
    const tsc = spawn(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', tsconfig], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    tsc.once('error', reject);
    tsc.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tsc exited with ${code}`))));
  });
  // src/server.js reads ../schema/operations/*.graphql; packages resolve through node_modules.
  await symlink(join(ROOT, 'schema'), join(dir, 'schema'));
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  // The gateway itself runs from the bundle, at dist/ beside schema/ as in the repository.
  await buildServer(join(dir, 'dist'));
  return dir;
}

// ---------------------------------------------------------------- the emulator (upstream)

async function startEmulator() {
  const port = await freePort();
  const child = node('emulator', js('src/emulator/main.ts'), { PORT: String(port), EMULATOR_SEED: '1' });
  const origin = `http://127.0.0.1:${port}`;
  await waitUntil(child, async () => (await httpRequest(`${origin}/__emulator/stats`)).status === 200);
  const stats = async () =>
    JSON.parse((await httpRequest(`${origin}/__emulator/stats`)).body) as UpstreamStats;
  return {
    child,
    url: `${origin}/v2`,
    stats,
    total: async () => (await stats()).total,
    async setLatency(ms: number) {
      const answer = await httpRequest(`${origin}/__emulator/latency`, {
        body: JSON.stringify(ms > 0 ? { ms } : null),
      });
      if (answer.status !== 200) throw new Error(`emulator latency: ${answer.status} ${answer.body}`);
    },
  };
}
type Upstream = Awaited<ReturnType<typeof startEmulator>>;

// ---------------------------------------------------------------- servers under test

interface Server {
  name: string;
  child: Child;
  origin: string;
}

const isGraphQLOk = (body: string) => {
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown };
    return parsed.errors === undefined && parsed.data != null;
  } catch {
    return false;
  }
};

const graphqlProbe = async (origin: string) =>
  isGraphQLOk((await httpRequest(`${origin}/graphql`, { body: '{"query":"{ __typename }"}' })).body);
const listening = async (origin: string) => (await httpRequest(origin)).status > 0;
/** A gateway is measured once ready: before that its warm-up's upstream calls would be counted too. */
const ready = async (origin: string) => (await httpRequest(`${origin}/ready`)).status === 200;

async function startServer(
  name: string,
  args: string[],
  env: Record<string, string>,
  probe: (origin: string) => Promise<boolean> = graphqlProbe,
): Promise<Server> {
  const port = await freePort();
  const child = node(name, args, { ...env, PORT: String(port) });
  const origin = `http://127.0.0.1:${port}`;
  await waitUntil(child, () => probe(origin), 60_000, 20);
  return { name, child, origin };
}

function dashboardTarget(server: Server, roomId: string): Target {
  if (server.name === 'sdk-style') {
    return {
      name: server.name,
      url: `${server.origin}/dashboard?roomId=${encodeURIComponent(roomId)}&sessions=${SESSIONS}`,
      method: 'GET',
      pid: server.child.pid,
    };
  }
  return {
    name: server.name,
    url: `${server.origin}/graphql`,
    method: 'POST',
    body: JSON.stringify({ query: DASHBOARD, variables: { roomId, sessions: SESSIONS } }),
    pid: server.child.pid,
    verify: (body) => !body.includes('"errors"'),
  };
}

async function fetchTarget(target: Target) {
  const answer = await httpRequest(target.url, { method: target.method, body: target.body });
  return { ...answer, bytes: Buffer.byteLength(answer.body) };
}

interface DashboardShape {
  sessions: string[];
  recordings: string[];
  assets: string[];
}

interface DashboardAnswer {
  data: {
    room: {
      sessions: {
        nodes: Array<{
          hmsId: string;
          recordings: { nodes: Array<{ hmsId: string; assets: Array<{ hmsId: string }> }> };
        }>;
      };
    };
  };
}

/** The ids a dashboard answer contains: the systems must agree on them to be comparable. */
function shapeOf(body: string): DashboardShape {
  const sessions = (JSON.parse(body) as DashboardAnswer).data.room.sessions.nodes;
  const recordings = sessions.flatMap((s) => s.recordings.nodes);
  return {
    sessions: sessions.map((s) => s.hmsId),
    recordings: recordings.map((r) => r.hmsId).sort(),
    assets: recordings.flatMap((r) => r.assets.map((a) => a.hmsId)).sort(),
  };
}

// ---------------------------------------------------------------- sections

interface Run {
  upstream: Upstream;
  roomId: string;
}

interface CallsRow {
  system: string;
  /** The first dashboard request the process ever served (empty caches). */
  first: number;
  steady: number;
  bytes: number;
}

/** Upstream calls per dashboard request, and proof that every system returns the same data. */
async function measureCalls(targets: Target[], upstream: Upstream) {
  const rows: CallsRow[] = [];
  let reference: DashboardShape | undefined;
  for (const target of targets) {
    const before = await upstream.total();
    const first = await fetchTarget(target);
    const firstCalls = (await upstream.total()) - before;
    if (first.status !== 200 || (target.verify && !target.verify(first.body)))
      throw new Error(`${target.name} answered ${first.status}: ${first.body.slice(0, 500)}`);
    const shape = shapeOf(first.body);
    reference ??= shape;
    if (JSON.stringify(shape) !== JSON.stringify(reference))
      throw new Error(
        `${target.name} returned other data than ${targets[0]?.name}:\n${JSON.stringify(shape)}\n${JSON.stringify(reference)}`,
      );
    const steadyBefore = await upstream.total();
    const repeats = 5;
    for (let i = 0; i < repeats; i++) await fetchTarget(target);
    rows.push({
      system: target.name,
      first: firstCalls,
      steady: ((await upstream.total()) - steadyBefore) / repeats,
      bytes: first.bytes,
    });
  }
  if (!reference) throw new Error('no system answered');
  log(
    `all systems agree: ${reference.sessions.length} sessions, ${reference.recordings.length} recordings, ${reference.assets.length} assets`,
  );
  return { rows, shape: reference };
}

type DashboardRow = { latencyMs: number; connections: number; system: string } & Summary;

async function measureDashboard(targets: Target[], upstream: Upstream): Promise<DashboardRow[]> {
  const rows: DashboardRow[] = [];
  let warmup = PLAN.warmup;
  for (const [latencyMs, connections] of CELLS) {
    await upstream.setLatency(latencyMs);
    log(`dashboard: upstream latency ${latencyMs} ms, ${connections} client(s)`);
    const results = await alternate(targets, {
      connections,
      seconds: PLAN.seconds,
      rounds: latencyMs === 0 ? PLAN.roundsAt0ms : PLAN.rounds,
      warmupSeconds: warmup,
      upstream: upstream.stats,
    });
    warmup = 0;
    for (const [system, summary] of results) rows.push({ latencyMs, connections, system, ...summary });
  }
  await upstream.setLatency(0);
  return rows;
}

/** A full cache hit (no upstream call) vs bare Yoga answering the same bytes from constants. */
async function measureOverhead(gateway: Server, { upstream, roomId }: Run) {
  log('gateway overhead: cache-hit query vs bare yoga');
  const hitTarget: Target = {
    name: 'hms-graph cache hit',
    url: `${gateway.origin}/graphql`,
    method: 'POST',
    body: JSON.stringify({ query: HIT_QUERY, variables: { id: roomId } }),
    pid: gateway.child.pid,
    verify: (body) => !body.includes('"errors"'),
  };
  const hit = await fetchTarget(hitTarget);
  if (!isGraphQLOk(hit.body)) throw new Error(`cache-hit query failed: ${hit.body}`);
  const bareRoom = (JSON.parse(hit.body) as { data: { room: { name: string; template: unknown } } }).data
    .room;
  const padding = hit.bytes - Buffer.byteLength(JSON.stringify({ data: { room: bareRoom } }));
  if (padding > 0) bareRoom.name += ' '.repeat(padding);
  const bare = await startServer('bare-yoga', js('bench/baselines/bare-yoga.ts'), {
    BARE_ROOM: JSON.stringify(bareRoom),
  });
  try {
    const bareTarget: Target = {
      ...hitTarget,
      name: 'bare yoga',
      url: `${bare.origin}/graphql`,
      pid: bare.child.pid,
    };
    const bareBytes = (await fetchTarget(bareTarget)).bytes;
    const results = await alternate([hitTarget, bareTarget], {
      connections: 10,
      seconds: PLAN.overheadSeconds,
      rounds: PLAN.overheadRounds,
      warmupSeconds: PLAN.warmup,
      upstream: upstream.stats,
    });
    const gatewaySummary = results.get(hitTarget.name) as Summary;
    const bareSummary = results.get(bareTarget.name) as Summary;
    return {
      connections: 10,
      responseBytes: { gateway: hit.bytes, bare: bareBytes },
      gateway: gatewaySummary,
      bare: bareSummary,
      ratio: ratio(gatewaySummary.rps, bareSummary.rps),
    };
  } finally {
    await stop(bare.child);
  }
}

/**
 * Process spawn → `/health` answers 2xx (what an orchestrator waits for) → the first dashboard is
 * answered (what the first user waits for; it calls 100ms, so it includes the first token and
 * connection). Both times count from the spawn.
 */
async function measureColdStart({ upstream, roomId }: Run, flags: string[]) {
  log('cold start');
  const body = JSON.stringify({ query: DASHBOARD, variables: { roomId, sessions: SESSIONS } });
  const firstAnswer = async (name: string, args: string[]) => {
    const port = await freePort();
    const started = performance.now();
    const child = node(name, args, serverEnv(upstream.url, { PORT: String(port) }));
    const origin = `http://127.0.0.1:${port}`;
    await waitUntil(child, async () => (await httpRequest(`${origin}/health`)).status === 200, 30_000, 5);
    const healthy = performance.now() - started;
    const answer = await httpRequest(`${origin}/graphql`, { body });
    const ms = performance.now() - started;
    if (!isGraphQLOk(answer.body) || answer.body.includes('"errors"'))
      throw new Error(`${name}: first dashboard failed: ${answer.body.slice(0, 300)}`);
    // CPU the process used up to its first answer: steadier than wall time on a busy machine.
    const cpu = cpuMs(child.pid);
    await stop(child);
    return { healthy, ms, cpu };
  };
  type ColdRun = { healthy: number; ms: number; cpu: number };
  const dist: ColdRun[] = [];
  const compiled: ColdRun[] = [];
  const viaTsx: ColdRun[] = [];
  // Alternated: the bundle against the same code compiled file by file (tsc), the pre-bundle
  // production command line, so their ratio holds however busy the machine is.
  for (let i = 0; i < PLAN.coldRuns; i++) {
    dist.push(await firstAnswer('gateway (bundle)', [...flags, ...bundle()]));
    compiled.push(await firstAnswer('gateway (tsc)', [...flags, ...js('src/main.ts')]));
    if (PLAN.coldTsx) viaTsx.push(await firstAnswer('gateway (tsx)', tsx('src/main.ts')));
  }
  const describe = (runs: ColdRun[]) => {
    const values = runs.map((r) => r.ms);
    return values.length
      ? {
          median: median(values),
          max: Math.max(...values),
          all: values.map((n) => round(n, 0)),
          healthMedian: median(runs.map((r) => r.healthy)),
          cpuMedian: median(runs.map((r) => r.cpu)),
        }
      : null;
  };
  return {
    runs: PLAN.coldRuns,
    distMs: describe(dist),
    compiledMs: describe(compiled),
    tsxMs: describe(viaTsx),
  };
}

/**
 * What the first person after a deploy waits for: a fresh gateway is started and waited on until
 * `/ready` answers 200 (what an orchestrator does before sending traffic; nothing else touches
 * it), then dashboards are sent one at a time at 50 ms upstream latency. The first is compared
 * with the median of the ones after it, per process; the run reports the medians over processes.
 */
async function measureFirstRequest({ upstream, roomId }: Run, flags: string[]) {
  const latencyMs = 50;
  log(`first request vs warm at ${latencyMs} ms upstream (${PLAN.firstRuns} fresh processes)`);
  const body = JSON.stringify({ query: DASHBOARD, variables: { roomId, sessions: SESSIONS } });
  const runs: Array<{ firstMs: number; warmMedianMs: number }> = [];
  await upstream.setLatency(latencyMs);
  try {
    for (let i = 0; i < PLAN.firstRuns; i++) {
      const server = await startServer(
        'hms-graph (first request)',
        [...flags, ...bundle()],
        serverEnv(upstream.url),
        ready,
      );
      try {
        const timed = async () => {
          const started = performance.now();
          const answer = await httpRequest(`${server.origin}/graphql`, { body });
          const ms = performance.now() - started;
          if (!isGraphQLOk(answer.body) || answer.body.includes('"errors"'))
            throw new Error(`first request: dashboard failed: ${answer.body.slice(0, 300)}`);
          return ms;
        };
        const firstMs = await timed();
        const warm: number[] = [];
        for (let j = 0; j < PLAN.warmRequests; j++) warm.push(await timed());
        runs.push({ firstMs, warmMedianMs: median(warm) });
      } finally {
        await stop(server.child);
      }
    }
  } finally {
    await upstream.setLatency(0);
  }
  return {
    latencyMs,
    runs: runs.map((r) => ({ firstMs: round(r.firstMs, 1), warmMedianMs: round(r.warmMedianMs, 1) })),
    firstMs: median(runs.map((r) => r.firstMs)),
    warmMedianMs: median(runs.map((r) => r.warmMedianMs)),
    gapMs: median(runs.map((r) => r.firstMs - r.warmMedianMs)),
  };
}

/** The node flags of the Dockerfile's CMD (`["node", ...flags, "dist/main.js"]`): what production runs. */
function containerNodeFlags(): string[] {
  const cmd = /^CMD (\[.*\])\s*$/m.exec(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'))?.[1];
  const argv = cmd ? (JSON.parse(cmd) as string[]) : [];
  return argv[0] === 'node' ? argv.slice(1, -1) : [];
}

/** Peak RSS of a server process while 50 clients load `target` (no upstream latency). */
async function peakUnderLoad(server: Server, target: Target, upstream: Upstream) {
  const idle = memoryMiB(server.child.pid);
  let sampledPeak = idle.rss;
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, memoryMiB(server.child.pid).rss);
  }, 200);
  const sample = await runLoad(target, {
    connections: 50,
    seconds: PLAN.memorySeconds,
    upstream: upstream.stats,
  }).finally(() => clearInterval(sampler));
  return {
    connections: 50,
    seconds: PLAN.memorySeconds,
    idleRssMiB: idle.rss,
    peakRssMiB: memoryMiB(server.child.pid).peak,
    sampledPeakRssMiB: sampledPeak,
    rps: sample.requests / sample.seconds,
    cpuMsPerRequest: sample.cpuMs / sample.requests,
    failures: sample.failures,
  };
}

/** Peak RSS of the bundled gateway while 50 clients run the dashboard (no upstream latency). */
async function measureMemory({ upstream, roomId }: Run, flags: string[]) {
  const label = flags.length ? flags.join(' ') : 'Node defaults';
  log(`memory (${label}): 50 clients for ${PLAN.memorySeconds} s`);
  const server = await startServer(
    'hms-graph (memory)',
    [...flags, ...bundle()],
    serverEnv(upstream.url),
    ready,
  );
  try {
    const target = dashboardTarget(server, roomId);
    const responseBytes = (await fetchTarget(target)).bytes;
    return { flags, responseBytes, ...(await peakUnderLoad(server, target, upstream)) };
  } finally {
    await stop(server.child);
  }
}

/**
 * The floor for memory: bare graphql-yoga (Node's defaults) answering a static body of the
 * dashboard's size, under the same 50 clients.
 */
async function measureBareMemory({ upstream }: Run, responseBytes: number) {
  log(`memory (bare graphql-yoga, ${responseBytes} bytes static): 50 clients for ${PLAN.memorySeconds} s`);
  const room = { name: 'room', template: { name: 'template' } };
  const shell = Buffer.byteLength(JSON.stringify({ data: { room } }));
  room.name += ' '.repeat(Math.max(0, responseBytes - shell));
  const server = await startServer('bare-yoga (memory)', js('bench/baselines/bare-yoga.ts'), {
    BARE_ROOM: JSON.stringify(room),
  });
  try {
    const target: Target = {
      name: 'bare yoga',
      url: `${server.origin}/graphql`,
      method: 'POST',
      body: JSON.stringify({ query: HIT_QUERY, variables: { id: 'x' } }),
      pid: server.child.pid,
      verify: (body) => !body.includes('"errors"'),
    };
    return {
      flags: [] as string[],
      responseBytes: (await fetchTarget(target)).bytes,
      ...(await peakUnderLoad(server, target, upstream)),
    };
  } finally {
    await stop(server.child);
  }
}

// ---------------------------------------------------------------- the run

async function main() {
  const startedAt = new Date();
  const machine = {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg().map((n) => round(n, 2)),
  };
  log(
    `${QUICK ? 'quick' : 'full'} run (${[...ONLY].join(', ')}) on ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}`,
  );
  log('compiling src/ and bench/ (tsc, no type check)');
  await buildDist();
  const upstream = await startEmulator();

  const needsAll = ONLY.has('calls') || ONLY.has('dashboard');
  // hms-graph runs as its container runs it; the baselines with Node's defaults.
  const flags = containerNodeFlags();
  log('starting the servers under test');
  const [gateway, gatewayNoCache, apollo, sdk] = await Promise.all([
    startServer('hms-graph', [...flags, ...bundle()], serverEnv(upstream.url), ready),
    needsAll
      ? startServer(
          'hms-graph (cache off)',
          [...flags, ...bundle()],
          serverEnv(upstream.url, { GATEWAY_CACHE_MAX_ENTRIES: '0' }),
          ready,
        )
      : undefined,
    needsAll ? startServer('apollo', js('bench/baselines/apollo.ts'), serverEnv(upstream.url)) : undefined,
    needsAll
      ? startServer('sdk-style', js('bench/baselines/sdk-style.ts'), serverEnv(upstream.url), listening)
      : undefined,
  ]);

  const roomId = await roomIdOf(upstream.url);
  const run: Run = { upstream, roomId };

  const compared = [gateway, gatewayNoCache, apollo, sdk].filter((s): s is Server => s !== undefined);
  const targets = compared.map((s) => dashboardTarget(s, roomId));
  const calls = needsAll ? await measureCalls(targets, upstream) : undefined;
  const dashboard = ONLY.has('dashboard') ? await measureDashboard(targets, upstream) : undefined;
  await Promise.all(compared.filter((s) => s !== gateway).map((s) => stop(s.child)));
  const overhead = ONLY.has('overhead') ? await measureOverhead(gateway, run) : undefined;
  await stop(gateway.child);
  const coldStart = ONLY.has('cold') ? await measureColdStart(run, flags) : undefined;
  const firstRequest = ONLY.has('cold') ? await measureFirstRequest(run, flags) : undefined;
  // A quick run measures only the container's command line, to stay under a minute.
  const container = ONLY.has('memory') ? await measureMemory(run, flags) : undefined;
  const memory = container
    ? {
        container,
        // dist/main.js applies the heap flags itself; choosing V8's default growth keeps Node's defaults.
        nodeDefaults: QUICK ? undefined : await measureMemory(run, [NODE_DEFAULTS_FLAG]),
        bareYoga: await measureBareMemory(run, container.responseBytes),
      }
    : undefined;
  await stop(upstream.child);
  await rm(BUILD, { recursive: true, force: true });

  // ---- report
  const at = (latencyMs: number, connections: number, system: string) =>
    dashboard?.find((r) => r.latencyMs === latencyMs && r.connections === connections && r.system === system);
  const vsApollo = (latencyMs: number, connections: number, system: string) =>
    ratio(
      at(latencyMs, connections, system)?.rps ?? Number.NaN,
      at(latencyMs, connections, 'apollo')?.rps ?? Number.NaN,
    );
  const worstVsApollo = (system: string) =>
    dashboard ? Math.min(...CELLS.map(([l, c]) => vsApollo(l, c, system))) : Number.NaN;
  const gatewayCalls = calls?.rows.find((c) => c.system === 'hms-graph');
  const worstCalls = Math.max(gatewayCalls?.first ?? Number.NaN, gatewayCalls?.steady ?? Number.NaN);
  const p50At50 = at(50, 1, 'hms-graph')?.p50 ?? Number.NaN;
  /** One round trip (50 ms) plus 20 ms of everything else. */
  const p50Budget = 70;
  // A quick run's windows are too short for a verdict: it says which side of the target it fell.
  const verdict = (ok: boolean, measured: number) =>
    !Number.isFinite(measured)
      ? 'not measured'
      : QUICK
        ? `smoke figure (${ok ? 'within' : 'outside'} target; not a verdict)`
        : ok
          ? 'met'
          : 'MISSED';
  const cpuAt0 = at(0, 10, 'hms-graph')?.cpuMsPerRequest ?? Number.NaN;
  const firstGap = firstRequest?.gapMs ?? Number.NaN;
  const bareRss = memory?.bareYoga.peakRssMiB ?? Number.NaN;
  const rssRatio = ratio(memory?.container.peakRssMiB ?? Number.NaN, bareRss);
  const coldMedian = coldStart?.distMs?.median ?? Number.NaN;
  const peakRss = memory?.container.peakRssMiB ?? Number.NaN;
  const overheadRatio = overhead?.ratio ?? Number.NaN;
  const targets2: Cell[][] = [
    ['dashboard: upstream calls per request ≤ 4', fixed(worstCalls, 0), verdict(worstCalls <= 4, worstCalls)],
    [
      `dashboard: p50 at 50 ms upstream latency, 1 client ≤ ${p50Budget} ms`,
      `${fixed(p50At50, 1)} ms`,
      verdict(p50At50 <= p50Budget, p50At50),
    ],
    [
      `dashboard: req/s ≥ Apollo baseline (worst of ${CELLS.length} cells)`,
      `${fixed(worstVsApollo('hms-graph'), 2)}×`,
      verdict(worstVsApollo('hms-graph') >= 1, worstVsApollo('hms-graph')),
    ],
    [
      'cache-hit query: req/s ≥ 0.8 × bare Yoga',
      `${fixed(overheadRatio, 2)}×`,
      verdict(overheadRatio >= 0.8, overheadRatio),
    ],
    [
      'cold start ≤ 0.6 s: spawn → /health → first dashboard (bundle, container command line; median)',
      `${fixed(coldMedian, 0)} ms`,
      verdict(coldMedian <= 600, coldMedian),
    ],
    [
      `first dashboard after /ready within 20 ms of the warm median (50 ms upstream; median of ${PLAN.firstRuns} processes)`,
      `${fixed(firstRequest?.firstMs ?? Number.NaN, 1)} vs ${fixed(firstRequest?.warmMedianMs ?? Number.NaN, 1)} ms (+${fixed(firstGap, 1)} ms)`,
      verdict(firstGap <= 20, firstGap),
    ],
    [
      'dashboard: server CPU ≤ 1.5 ms per request at 0 ms upstream (10 clients)',
      `${fixed(cpuAt0, 2)} ms`,
      verdict(cpuAt0 <= 1.5, cpuAt0),
    ],
    [
      'peak RSS at 50 clients ≤ 1.2 × bare Yoga (container command line vs bare Yoga, same bytes)',
      `${fixed(peakRss, 1)} vs ${fixed(bareRss, 1)} MiB (${fixed(rssRatio, 2)}×)`,
      verdict(rssRatio <= 1.2, rssRatio),
    ],
  ];

  const out: string[] = [
    `## hms-graph benchmark (${QUICK ? 'quick' : 'full'} run, ${startedAt.toISOString()})`,
    '',
    `Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, ` +
      `load average at start ${machine.loadAverageAtStart.join(' / ')}. The load generator, the servers ` +
      "and the emulator share these cores. hms-graph runs as the `npm run build` bundle with its container's node flags " +
      `(${flags.join(' ') || 'none'}); the baselines with Node's defaults.`,
    ...(QUICK
      ? [
          '',
          '**Quick run: smoke figures.** One short window per cell; every ratio and target below only says the ' +
            'bench works and roughly where things stand. Verdicts come from a full `npm run bench`.',
        ]
      : []),
  ];
  if (calls) {
    out.push(
      '',
      `### Dashboard: upstream calls and answer size (room ${ROOM}: ${calls.shape.sessions.length} sessions, ` +
        `${calls.shape.recordings.length} recordings, ${calls.shape.assets.length} assets)`,
      '',
      table(
        ['system', 'calls, first request', 'calls, steady state', 'response bytes'],
        calls.rows.map((c) => [c.system, c.first, round(c.steady, 1), c.bytes]),
      ),
    );
  }
  if (dashboard) {
    out.push(
      '',
      `### Dashboard under load (${PLAN.roundsAt0ms} alternating round(s) of ${PLAN.seconds} s per system at 0 ms upstream latency, ${PLAN.rounds} at 50 ms)`,
      '',
      table(
        [
          'upstream latency',
          'clients',
          'system',
          'req/s',
          'vs Apollo',
          'p50 ms',
          'p99 ms',
          'server CPU ms/req',
          'upstream calls/req',
          'failures',
        ],
        dashboard.map((r) => [
          `${r.latencyMs} ms`,
          r.connections,
          r.system,
          round(r.rps, 0),
          `${round(vsApollo(r.latencyMs, r.connections, r.system), 2).toFixed(2)}×`,
          round(r.p50, 1),
          round(r.p99, 1),
          round(r.cpuMsPerRequest, 2),
          round(r.upstreamCallsPerRequest, 1),
          r.failures,
        ]),
      ),
    );
  }
  if (overhead) {
    const row = (name: string, s: Summary, calls: Cell): Cell[] => [
      name,
      round(s.rps, 0),
      round(s.p50, 2),
      round(s.p99, 2),
      round(s.cpuMsPerRequest, 3),
      calls,
    ];
    out.push(
      '',
      `### Gateway overhead (${overhead.connections} clients, ${PLAN.overheadRounds} alternating rounds of ` +
        `${PLAN.overheadSeconds} s; ${overhead.responseBytes.gateway} and ${overhead.responseBytes.bare} response bytes)`,
      '',
      table(
        ['system', 'req/s', 'p50 ms', 'p99 ms', 'server CPU ms/req', 'upstream calls/req'],
        [
          row(
            'hms-graph, cache-hit query',
            overhead.gateway,
            round(overhead.gateway.upstreamCallsPerRequest, 3),
          ),
          row('bare graphql-yoga, static', overhead.bare, '—'),
          ['ratio', `${round(overhead.ratio, 2).toFixed(2)}×`, null, null, null, null],
        ],
      ),
    );
  }
  if (coldStart || memory) {
    const rows: Cell[][] = [];
    const container = `node ${[...flags, 'dist/main.js'].join(' ')}`;
    if (coldStart?.distMs)
      rows.push([
        `cold start, \`${container}\`: spawn → /health 2xx → first dashboard (median of ${PLAN.coldRuns})`,
        `${fixed(coldStart.distMs.healthMedian, 0)} ms → ${fixed(coldStart.distMs.median, 0)} ms (${fixed(coldStart.distMs.cpuMedian, 0)} ms CPU)`,
      ]);
    if (coldStart?.compiledMs)
      rows.push([
        `cold start, the same compiled file by file by tsc (before the bundle; median of ${PLAN.coldRuns}, alternated)`,
        `${fixed(coldStart.compiledMs.healthMedian, 0)} ms → ${fixed(coldStart.compiledMs.median, 0)} ms (${fixed(coldStart.compiledMs.cpuMedian, 0)} ms CPU)`,
      ]);
    if (coldStart?.tsxMs)
      rows.push([
        `cold start, \`node --import tsx src/main.ts\` (npm start; median of ${PLAN.coldRuns})`,
        `${fixed(coldStart.tsxMs.healthMedian, 0)} ms → ${fixed(coldStart.tsxMs.median, 0)} ms`,
      ]);
    if (firstRequest)
      rows.push([
        `first dashboard after /ready vs warm median, ${firstRequest.latencyMs} ms upstream (median of ${PLAN.firstRuns} processes × ${PLAN.warmRequests} warm requests)`,
        `${fixed(firstRequest.firstMs, 1)} ms vs ${fixed(firstRequest.warmMedianMs, 1)} ms (+${fixed(firstRequest.gapMs, 1)} ms)`,
      ]);
    const measured = memory
      ? [
          [container, memory.container] as const,
          ...(memory.nodeDefaults
            ? [[`node ${NODE_DEFAULTS_FLAG} dist/main.js (Node's defaults)`, memory.nodeDefaults] as const]
            : []),
          ['bare graphql-yoga, static answer of the same size (Node defaults)', memory.bareYoga] as const,
        ]
      : [];
    for (const [name, m] of measured) {
      rows.push(
        [`RSS idle after start, \`${name}\``, `${fixed(m.idleRssMiB, 1)} MiB`],
        [
          `RSS peak, 50 clients × ${m.seconds} s, \`${name}\` (VmHWM; ${fixed(m.rps, 0)} req/s, ${fixed(m.cpuMsPerRequest, 1)} ms CPU/req)`,
          `${fixed(m.peakRssMiB, 1)} MiB`,
        ],
      );
    }
    out.push(
      '',
      '### Cold start (process start → first successful GraphQL answer) and memory',
      '',
      table(['measure', 'value'], rows),
    );
  }
  out.push(
    '',
    QUICK ? '### Targets (quick run: smoke figures, not verdicts)' : '### Targets',
    '',
    table(['target', 'measured', QUICK ? 'smoke figure' : 'result'], targets2),
  );
  if (dashboard)
    out.push(
      '',
      `hms-graph with its entity cache off vs Apollo, worst cell: ${round(worstVsApollo('hms-graph (cache off)'), 2)}×.`,
    );
  process.stdout.write(`${out.join('\n')}\n`);

  const resultsDir = join(ROOT, 'bench/results');
  await mkdir(resultsDir, { recursive: true });
  const result = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    quick: QUICK,
    sections: [...ONLY],
    machine,
    plan: { ...PLAN, cells: CELLS, room: ROOM, sessions: SESSIONS },
    calls,
    dashboard,
    overhead,
    coldStart,
    firstRequest,
    memory,
    targets: targets2.map(([target, measured, result]) => ({ target, measured, result })),
  };
  await writeFile(join(resultsDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote bench/results/latest.json in ${round((Date.now() - startedAt.getTime()) / 1000, 0)} s`);
}

main()
  .catch((error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`,
    );
    process.exitCode = 1;
  })
  .finally(async () => {
    await Promise.all([...children].map((c) => c.stop()));
    if (BUILD) await rm(BUILD, { recursive: true, force: true });
  });
