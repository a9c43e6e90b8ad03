/**
 * Load generation with autocannon's programmatic API, plus what autocannon cannot see: the server
 * process's CPU time and the upstream (emulator) calls a run caused. Systems that are compared run
 * alternately in the same run (A B A B …, rotating who goes first), so drift on a shared machine
 * hits both sides alike and only their ratio is read as a result.
 */
import autocannon from 'autocannon';
import { cpuMs } from './proc.js';
import { percentile } from './stats.js';

export interface Target {
  name: string;
  url: string;
  method: 'GET' | 'POST';
  body?: string;
  /** The server process, for its CPU time. */
  pid: number;
  /** Whether a 2xx body is a success (GraphQL answers 200 with `errors`). */
  verify?: (body: string) => boolean;
}

export interface UpstreamStats {
  /** Calls received so far. */
  total: number;
  inFlight: number;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** Reads the upstream call counters (the emulator's `stats()`). */
  upstream: () => Promise<UpstreamStats>;
}

export interface Sample {
  requests: number;
  /** Connection errors, timeouts, non-2xx answers and bodies that failed `verify`. */
  failures: number;
  seconds: number;
  cpuMs: number;
  upstreamCalls: number;
  latencies: number[];
}

export interface Summary {
  requests: number;
  failures: number;
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  /** Server CPU time per answered request, in ms. */
  cpuMsPerRequest: number;
  upstreamCallsPerRequest: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Loads `target` with a fixed number of connections and measures a window in the middle of the
 * run: after a short ramp-up, until just before the connections close. In steady state the
 * requests in flight at both edges balance out, so CPU and upstream calls per request are not
 * skewed by requests the load generator abandons when it stops. Then waits until the server and
 * the emulator are idle, so nothing of this run leaks into the next one.
 */
export async function runLoad(target: Target, options: LoadOptions): Promise<Sample> {
  const verify = target.verify;
  const latencies: number[] = [];
  let measuring = false;
  let finish: (result: autocannon.Result) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: target.url,
      method: target.method,
      headers: target.body === undefined ? {} : { 'content-type': 'application/json' },
      body: target.body,
      connections: options.connections,
      // Stopped by hand below; the duration is only a backstop.
      duration: options.seconds + 60,
      timeout: 10,
      ...(verify ? { verifyBody: (body: string | Buffer | undefined) => verify(String(body ?? '')) } : {}),
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on('response', (_client, status, _bytes, responseTime) => {
    if (measuring && status >= 200 && status < 300) latencies.push(responseTime);
  });

  await sleep(Math.min(500, (options.seconds * 1000) / 4));
  const upstreamBefore = (await options.upstream()).total;
  const cpuBefore = cpuMs(target.pid);
  const started = performance.now();
  measuring = true;
  await sleep(options.seconds * 1000);
  measuring = false;
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuMs(target.pid) - cpuBefore;
  const upstreamCalls = (await options.upstream()).total - upstreamBefore;
  instance.stop();
  const result = await finished;
  await idle(target.pid, options.upstream);
  return {
    requests: latencies.length,
    failures: result.errors + result.non2xx + result.mismatches,
    seconds,
    cpuMs: cpu,
    upstreamCalls,
    latencies,
  };
}

/** Waits (at most 15 s) until no upstream call is in flight and the server stops burning CPU. */
async function idle(pid: number, upstream: () => Promise<UpstreamStats>): Promise<void> {
  let cpu = cpuMs(pid);
  for (let waited = 0; waited < 15_000; waited += 100) {
    await sleep(100);
    const now = cpuMs(pid);
    // One clock tick (10 ms) of slack: an idle Node process still runs timers now and then.
    if (now - cpu <= 10 && (await upstream()).inFlight === 0) return;
    cpu = now;
  }
}

export function summarize(samples: Sample[]): Summary {
  const requests = samples.reduce((n, s) => n + s.requests, 0);
  const seconds = samples.reduce((n, s) => n + s.seconds, 0);
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const sum = (pick: (s: Sample) => number) => samples.reduce((n, s) => n + pick(s), 0);
  return {
    requests,
    failures: sum((s) => s.failures),
    rps: seconds > 0 ? requests / seconds : 0,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    mean: latencies.length ? latencies.reduce((a, b) => a + b, 0) / latencies.length : Number.NaN,
    cpuMsPerRequest: requests ? sum((s) => s.cpuMs) / requests : Number.NaN,
    upstreamCallsPerRequest: requests ? sum((s) => s.upstreamCalls) / requests : Number.NaN,
  };
}

export interface AlternateOptions extends LoadOptions {
  rounds: number;
  /** Unrecorded run of each target first: JIT, connection pools and caches warm up. */
  warmupSeconds: number;
}

/**
 * Runs every target `rounds` times, each for `seconds`, interleaved and rotating the order, and
 * summarises each target over all its rounds.
 */
export async function alternate(targets: Target[], options: AlternateOptions): Promise<Map<string, Summary>> {
  const samples = new Map<string, Sample[]>(targets.map((t) => [t.name, []]));
  if (options.warmupSeconds > 0) {
    for (const target of targets) await runLoad(target, { ...options, seconds: options.warmupSeconds });
  }
  for (let round = 0; round < options.rounds; round++) {
    const order = targets.map((_, i) => targets[(i + round) % targets.length] as Target);
    for (const target of order) samples.get(target.name)?.push(await runLoad(target, options));
  }
  return new Map([...samples].map(([name, list]) => [name, summarize(list)]));
}
