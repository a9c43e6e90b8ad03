/**
 * A real redis-server on a free port, owned by one test file; `kill()` SIGKILLs it (an outage),
 * `restart()` brings it back on the same port.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { until } from './live.js';
import { freePort } from './processes.js';
import { type Stack, type StackOptions, startStack } from './stack.js';

export const hasRedis = !spawnSync('redis-server', ['--version']).error;

export interface RedisServer {
  port: number;
  url: string;
  /** A plain client for assertions (not the gateway's). */
  admin: Redis;
  kill(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const admin = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: null });
  admin.on('error', () => undefined);
  const launch = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await until(async () => {
      try {
        if (admin.status === 'wait') await admin.connect();
        return (await admin.ping()) === 'PONG';
      } catch {
        return false;
      }
    }, 50);
  };
  const kill = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  };
  await launch();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    admin,
    kill,
    restart: launch,
    async stop() {
      admin.disconnect();
      await kill();
    },
  };
}

export interface RedisReplicas {
  redis: RedisServer;
  /** Owns the emulator; `b` shares it. */
  a: Stack;
  b: Stack;
  /** Closes both stacks, their Redis connections and the redis-server. */
  close(): Promise<void>;
}

/**
 * Two gateways, each with its own connection to one shared redis-server and one emulator between
 * them: replicas as a deployment runs them. On a failed start, whatever did start is closed.
 */
export async function startRedisReplicas(gateway?: StackOptions['gateway']): Promise<RedisReplicas> {
  const redis = await startRedisServer();
  const clients: Array<{ quit(): Promise<unknown> }> = [];
  let a: Stack | undefined;
  let b: Stack | undefined;
  const close = async () => {
    await b?.close();
    await a?.close();
    for (const client of clients) await client.quit().catch(() => undefined);
    await redis.stop();
  };
  try {
    const { createRedisClient } = await import('../../src/redis.js');
    const [ra, rb] = [await createRedisClient(redis.url), await createRedisClient(redis.url)];
    clients.push(ra, rb);
    await Promise.all([ra, rb].map((r) => new Promise((resolve) => r.once('ready', resolve))));
    a = await startStack({ redis: ra, gateway });
    b = await startStack({ redis: rb, sharedEmulator: a.emulator, gateway });
    return { redis, a, b, close };
  } catch (error) {
    await close();
    throw error;
  }
}
