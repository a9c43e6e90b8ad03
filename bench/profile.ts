/**
 * Where a warm dashboard's CPU goes (README: Performance). Builds the bundle into a temporary
 * directory as `npm run build` does, runs it as its container does (NODE_FLAGS, LOG_LEVEL=warn)
 * with `--cpu-prof` against the emulator in another process, sends the dashboard from 10 clients
 * at 0 ms upstream latency, and attributes every sample through the bundle's source map: to the
 * nearest frame, from the leaf up, whose source falls in a category (the upstream client, node's
 * HTTP and streams, yoga and the plugins, resolvers, loaders, the compiled query, ...). Prints the
 * shares, the heaviest functions by self time, and where it left the profile.
 *
 *   npm run bench:profile -- [--seconds=10] [--clients=10]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../scripts/build.js';
import { NODE_FLAGS } from '../src/node-flags.js';
import { DASHBOARD, roomIdOf, SESSIONS, serverEnv } from './lib/dashboard.js';
import { runLoad } from './lib/load.js';
import { freePort, httpRequest, ROOT, startChild, waitUntil } from './lib/proc.js';
import { table } from './lib/report.js';

const arg = (name: string, fallback: number) => {
  const given = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = given ? Number(given.slice(name.length + 3)) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
};
const SECONDS = arg('seconds', 10);
const CLIENTS = arg('clients', 10);
const log = (message: string) => process.stderr.write(`[profile] ${message}\n`);

/** Categories by original source path, first match wins; generated query code has no source. */
const CATEGORIES: Array<[RegExp, string]> = [
  [
    /\/src\/hms\/|node_modules\/undici\//,
    'upstream client: src/hms, undici (requests, JSON.parse of answers)',
  ],
  [/\/src\/cache\.ts|node_modules\/lru-cache\//, 'entity cache'],
  [/\/src\/loaders\/|node_modules\/dataloader\//, 'loaders (DataLoader)'],
  [/\/src\/schema\/|node_modules\/@pothos\//, 'resolvers and views (src/schema, Pothos)'],
  [/node_modules\/graphql-jit\//, 'compiled query: graphql-jit runtime'],
  [/result-processor\/stringify\.js/, 'JSON.stringify of the answer'],
  [
    /node_modules\/(graphql-yoga|@envelop|@whatwg-node|prom-client|@escape\.tech)\/|\/src\/(plugins|server|context|auth|metrics|caller|logger|http)/,
    'yoga, envelop, whatwg-node and our plugins',
  ],
  [/node_modules\/graphql\//, 'graphql-js (variables, validation cache)'],
  [/^node:/, "node's HTTP, sockets and streams (the answer to the client and the upstream requests)"],
];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function attribute(profile: Profile, map: SourceMap) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const sourceOf = (n: ProfileNode) => {
    const { url, lineNumber, columnNumber } = n.callFrame;
    if (!url.endsWith('/dist/main.js')) return url;
    const entry = map.findEntry(lineNumber, columnNumber) as {
      originalSource?: string;
      originalLine?: number;
    };
    return entry.originalSource ?? '';
  };
  const memo = new Map<number, string>();
  const categoryOf = (id: number): string => {
    const known = memo.get(id);
    if (known) return known;
    const n = byId.get(id) as ProfileNode;
    let category: string | undefined;
    if (!n.callFrame.url && /Handler$|^query$/.test(n.callFrame.functionName)) {
      category = 'compiled query: generated code';
    } else {
      const source = sourceOf(n);
      category = CATEGORIES.find(([pattern]) => pattern.test(source))?.[1];
    }
    const up = parent.get(id);
    const result = category ?? (up === undefined ? 'other' : categoryOf(up));
    memo.set(id, result);
    return result;
  };
  const shares = new Map<string, number>();
  const selfTime = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id) as ProfileNode;
    const dt = profile.timeDeltas[i] ?? 0;
    const name = n.callFrame.functionName;
    if (name === '(idle)') return;
    busy += dt;
    const category =
      name === '(garbage collector)'
        ? 'garbage collection'
        : name === '(program)'
          ? 'V8 (program)'
          : categoryOf(id);
    shares.set(category, (shares.get(category) ?? 0) + dt);
    const entry = n.callFrame.url.endsWith('/dist/main.js')
      ? (map.findEntry(n.callFrame.lineNumber, n.callFrame.columnNumber) as {
          originalSource?: string;
          originalLine?: number;
        })
      : undefined;
    const source = entry?.originalSource;
    const shown = source?.includes('node_modules/')
      ? source.replace(/.*node_modules\//, '')
      : source?.replace(/.*\/src\//, 'src/');
    const where = shown
      ? `${shown}:${(entry?.originalLine ?? 0) + 1}`
      : n.callFrame.url.replace(/^node:internal\//, 'node:');
    const key = `${name || '(anonymous)'} ${where}`.trim();
    selfTime.set(key, (selfTime.get(key) ?? 0) + dt);
  });
  return { shares, selfTime, busy };
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'hms-graph-profile-'));
  const children: Array<{ stop(): Promise<void> }> = [];
  try {
    log('building the bundle');
    await buildServer(join(dir, 'dist'));
    await symlink(join(ROOT, 'schema'), join(dir, 'schema'));
    const profiles = join(dir, 'profiles');

    const emulatorPort = await freePort();
    const emulator = startChild('emulator', ['--import', 'tsx', 'src/emulator/main.ts'], {
      PORT: String(emulatorPort),
      EMULATOR_SEED: '1',
    });
    children.push(emulator);
    const upstream = `http://127.0.0.1:${emulatorPort}`;
    await waitUntil(emulator, async () => (await httpRequest(`${upstream}/__emulator/stats`)).status === 200);

    const port = await freePort();
    const gateway = startChild(
      'gateway',
      [...NODE_FLAGS, '--cpu-prof', `--cpu-prof-dir=${profiles}`, join(dir, 'dist/main.js')],
      { NODE_ENV: 'production', ...serverEnv(`${upstream}/v2`, { PORT: String(port) }) },
    );
    children.push(gateway);
    const origin = `http://127.0.0.1:${port}`;
    await waitUntil(gateway, async () => (await httpRequest(`${origin}/ready`)).status === 200, 60_000);

    const roomId = await roomIdOf(`${upstream}/v2`);
    const target = {
      name: 'hms-graph',
      url: `${origin}/graphql`,
      method: 'POST' as const,
      body: JSON.stringify({ query: DASHBOARD, variables: { roomId, sessions: SESSIONS } }),
      pid: gateway.pid,
      verify: (body: string) => !body.includes('"errors"'),
    };
    const stats = async () => JSON.parse((await httpRequest(`${upstream}/__emulator/stats`)).body);
    log(`warming up, then ${SECONDS} s at ${CLIENTS} clients`);
    await runLoad(target, { connections: CLIENTS, seconds: 2, upstream: stats });
    const run = await runLoad(target, { connections: CLIENTS, seconds: SECONDS, upstream: stats });
    await gateway.stop(); // writes the profile on exit

    const file = readdirSync(profiles).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('the gateway wrote no profile');
    const profile = JSON.parse(readFileSync(join(profiles, file), 'utf8')) as Profile;
    const map = new SourceMap(JSON.parse(readFileSync(join(dir, 'dist/main.js.map'), 'utf8')));
    const { shares, selfTime, busy } = attribute(profile, map);
    const pct = (t: number) => `${((100 * t) / busy).toFixed(1)} %`;
    const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);

    console.log(
      `## Where a warm dashboard's CPU goes\n\n${run.requests} dashboards in ${SECONDS} s at ${CLIENTS} clients, ${(run.cpuMs / run.requests).toFixed(2)} ms CPU each under the profiler (which adds its own); shares of the non-idle samples, each attributed to the nearest categorised frame from the leaf up:\n`,
    );
    console.log(
      table(
        ['', 'share'],
        top(shares, 20).map(([k, t]) => [k, pct(t)]),
      ),
    );
    console.log('\nHeaviest functions by self time:\n');
    console.log(
      table(
        ['function', 'self'],
        top(selfTime, 25).map(([k, t]) => [k, pct(t)]),
      ),
    );
  } finally {
    for (const child of children.reverse()) await child.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
