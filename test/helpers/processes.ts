/**
 * Child processes for tests: the real `npm start` / `npm run dashboard` entry points, run with
 * tsx, and free ports for them.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningProcess {
  /** The first match of `ready` in the combined output. */
  match: RegExpExecArray;
  output(): string;
  stop(): Promise<void>;
}

/** A port that was free a moment ago (for programs that cannot listen on port 0 themselves). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A child process started by {@link spawnScript}, with its combined output. */
export interface ScriptProcess {
  child: ChildProcess;
  /** stdout and stderr so far, interleaved as they arrived. */
  output(): string;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Resolves with the first match of `pattern` in the output; rejects if the process exits first. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** Polls `url` until it answers 2xx; rejects if the process exits first. The test timeout bounds it. */
  waitForHttp(url: string): Promise<void>;
  /** SIGTERM to the process (and its group when detached), SIGKILL after 10 s; resolves on exit. */
  stop(): Promise<void>;
}

export interface SpawnScriptOptions {
  env?: Record<string, string>;
  /**
   * Start from an empty environment (only PATH) instead of this process's, so no HMS_* or
   * GATEWAY_* variable of the machine leaks into a test of configuration. Default false.
   */
  cleanEnv?: boolean;
  /** Own process group, so stop() also ends the children (npm run dashboard starts two). Default false. */
  detached?: boolean;
}

/**
 * The one way tests start a program of this repository: `node --import tsx <script> ...args` from
 * the repo root, the way `npm start` and `npm run dashboard` run it.
 */
export function spawnScript(
  script: string,
  args: string[] = [],
  options: SpawnScriptOptions = {},
): ScriptProcess {
  const base = options.cleanEnv ? { PATH: process.env.PATH ?? '' } : process.env;
  const detached = options.detached ?? false;
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: REPO_ROOT,
    env: { ...base, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached,
  });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const running = () => child.exitCode === null && child.signalCode === null;

  async function stop(): Promise<void> {
    if (!running() || child.pid === undefined) return;
    const pid = child.pid;
    const kill = (signal: NodeJS.Signals) => {
      try {
        if (detached) process.kill(-pid, signal);
        else child.kill(signal);
      } catch {
        // already gone
      }
    };
    kill('SIGTERM');
    const timer = setTimeout(() => {
      if (running()) kill('SIGKILL');
    }, 10_000);
    await exited;
    clearTimeout(timer);
  }

  return {
    child,
    output: () => output,
    exited,
    stop,
    waitForOutput(pattern, timeoutMs = 60_000) {
      return new Promise<RegExpExecArray>((resolve, reject) => {
        const done = () => {
          listeners.delete(check);
          clearTimeout(timer);
        };
        const check = () => {
          const found = pattern.exec(output);
          if (found) {
            done();
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`${script} printed no ${pattern} within ${timeoutMs} ms:\n${output}`));
        }, timeoutMs);
        listeners.add(check);
        void exited.then((code) => {
          if (!listeners.has(check)) return;
          done();
          reject(new Error(`${script} exited with code ${code} before printing ${pattern}:\n${output}`));
        });
        check();
      });
    },
    async waitForHttp(url) {
      for (;;) {
        if (!running()) throw new Error(`${script} exited before ${url} answered:\n${output}`);
        try {
          if ((await fetch(url)).ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/** Starts `script` in its own process group; resolves once `ready` matches its output (browser tests). */
export async function startScript(
  script: string,
  args: string[],
  options: { env?: Record<string, string>; ready: RegExp; timeoutMs?: number },
): Promise<RunningProcess> {
  const proc = spawnScript(script, args, { env: options.env, detached: true });
  try {
    const match = await proc.waitForOutput(options.ready, options.timeoutMs);
    return { match, output: proc.output, stop: proc.stop };
  } catch (error) {
    await proc.stop();
    throw error;
  }
}
