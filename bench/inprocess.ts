/**
 * `tsx bench/inprocess.ts [iterations]`: CPU per request of the gateway's own machinery, in one
 * process and without sockets, so it is steady even on a busy machine. It runs the cache-hit query
 * (no upstream call once warm) through `gateway.yoga.fetch` and the same query through a bare
 * graphql-yoga, alternately, and prints microseconds of CPU per request. Use it to check a change
 * to per-request work (context, loaders, plugins) before a full `npm run bench`; run it under
 * `node --cpu-prof --import tsx` to see where the time goes. `--tracing` turns OpenTelemetry on,
 * exporting to a local OTLP sink that discards, to see what tracing costs.
 *
 * `tsx bench/inprocess.ts --dashboard [iterations]`: the dashboard instead (3 upstream calls
 * once warm), with the emulator in a child process so only the gateway's CPU is counted (its
 * upstream client included, as in production).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';
import { createEmulator, DEMO_CREDENTIALS, SEED_ROOMS } from '../src/emulator/index.js';
import { createHmsClient } from '../src/hms/client.js';
import { createLogger } from '../src/logger.js';
import { createMetrics } from '../src/metrics.js';
import { createGateway } from '../src/server.js';
import { startTelemetry, type Telemetry } from '../src/telemetry.js';

const args = process.argv.slice(2);
const DASHBOARD_MODE = args.includes('--dashboard');
const iterations = Number(args.find((a) => /^\d+$/.test(a)) ?? (DASHBOARD_MODE ? 2000 : 20_000));
const tracing = args.includes('--tracing');
const QUERY = 'query Hit($id: ID!) { room(id: $id) { name template { name } } }';

if (DASHBOARD_MODE) {
  await dashboard();
  process.exit(0);
}

async function dashboard() {
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/main.ts'], {
    env: { ...process.env, PORT: String(port), EMULATOR_SEED: '1' },
    stdio: 'ignore',
  });
  try {
    const base = `http://127.0.0.1:${port}/v2`;
    for (let i = 0; ; i++) {
      const up = await fetch(`http://127.0.0.1:${port}/__emulator/stats`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (i > 300) throw new Error('emulator did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const hms = createHmsClient({ ...DEMO_CREDENTIALS, baseUrl: base, maxConcurrency: 64 });
    const gateway = createGateway({ hms, logger: createLogger('warn') });
    const roomId = (await hms.rooms.list({ name: SEED_ROOMS.live })).items[0]?.id as string;
    const query = readFileSync(new URL('../schema/operations/dashboard.graphql', import.meta.url), 'utf8');
    const body = JSON.stringify({ query, variables: { roomId, sessions: 10 } });
    const one = async () => {
      const response = await gateway.yoga.fetch(
        new Request('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
          body,
        }),
      );
      const text = await response.text();
      if (text.includes('"errors"')) throw new Error(text.slice(0, 500));
    };
    for (let i = 0; i < 200; i++) await one();
    const rounds = 10;
    const per: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const before = process.cpuUsage();
      const n = Math.max(1, Math.floor(iterations / rounds));
      for (let i = 0; i < n; i++) await one();
      const used = process.cpuUsage(before);
      per.push((used.user + used.system) / n);
    }
    const sorted = [...per].sort((a, b) => a - b);
    process.stdout.write(
      `dashboard, ${iterations} sequential requests over ${rounds} rounds (µs CPU/request, gateway process only):\n` +
        `  min ${sorted[0]?.toFixed(0)}  median ${sorted[Math.floor(rounds / 2)]?.toFixed(0)}\n`,
    );
    await hms.close();
  } finally {
    child.kill();
  }
}

const emulator = await createEmulator({ ...DEMO_CREDENTIALS });
let telemetry: Telemetry | undefined;
let sink: Server | undefined;
if (tracing) {
  sink = createServer((req, res) => req.resume().on('end', () => res.end('{}')));
  await new Promise<void>((resolve) => sink?.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
  telemetry = await startTelemetry({ endpoint, serviceName: 'bench' });
}
const metrics = createMetrics();
const hms = createHmsClient({
  ...DEMO_CREDENTIALS,
  baseUrl: emulator.url,
  onCall: metrics.onUpstreamCall,
  tracer: telemetry?.tracer,
});
const gateway = createGateway({ hms, metrics, logger: createLogger('warn'), telemetry });
const roomId = (await hms.rooms.list({ name: SEED_ROOMS.live })).items[0]?.id as string;

const bare = createYoga({
  schema: createSchema({
    typeDefs:
      'type Query { room(id: ID!): Room } type Room { name: String! template: Template } type Template { name: String! }',
    resolvers: {
      Query: { room: () => ({ name: SEED_ROOMS.live, template: { name: 'default-videoconf' } }) },
    },
  }),
});

const body = JSON.stringify({ query: QUERY, variables: { id: roomId } });
const ask = async (yoga: { fetch: (request: Request) => Response | Promise<Response> }) => {
  const response = await yoga.fetch(
    new Request('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body,
    }),
  );
  const text = await response.text();
  if (!text.includes('"name"') || text.includes('"errors"')) throw new Error(text);
};

/** CPU microseconds per request over `n` sequential requests. */
async function measure(yoga: Parameters<typeof ask>[0], n: number): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < n; i++) await ask(yoga);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / n;
}

await measure(gateway.yoga, 2000);
await measure(bare, 2000);
const calls = emulator.stats().total;
const rounds = 100;
const g: number[] = [];
const b: number[] = [];
for (let round = 0; round < rounds; round++) {
  g.push(await measure(gateway.yoga, iterations / rounds));
  b.push(await measure(bare, iterations / rounds));
}
const med = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] as number;
const min = (values: number[]) => Math.min(...values);
// On a shared machine the minimum is the steadier figure: interference only ever adds time.
process.stdout.write(
  `cache-hit query${tracing ? ' (tracing on)' : ''}, ${iterations} requests each, over ${rounds} alternating rounds (µs CPU/request):\n` +
    `  hms-graph  min ${min(g).toFixed(0)}  median ${med(g).toFixed(0)}\n` +
    `  bare yoga  min ${min(b).toFixed(0)}  median ${med(b).toFixed(0)}\n` +
    `  ratio      ${(min(b) / min(g)).toFixed(2)} by min, ${(med(b) / med(g)).toFixed(2)} by median (bare / hms-graph; 1.00 = no overhead)\n` +
    `  upstream calls during the measured rounds: ${emulator.stats().total - calls}\n`,
);
await hms.close();
await emulator.close();
await telemetry?.shutdown();
sink?.close();
