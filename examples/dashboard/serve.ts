/**
 * `npm run dashboard`: the gateway (demo mode when no HMS credentials are set) and the dashboard's
 * Vite dev server in one command. The gateway runs as a child process with persisted operations on,
 * because the dashboard sends only operation hashes.
 *
 *   npm run dashboard -- [--port 5173] [--gateway-port 4000] [--persisted allow|require] [--log-level warn]
 *
 * Port 0 picks a free port. Prints `dashboard ready: <url>` once both answer.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer as createTcpServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createServer, type ViteDevServer } from 'vite';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG = fileURLToPath(new URL('./vite.config.ts', import.meta.url));

const USAGE = `usage: npm run dashboard -- [options]

  --port <n>                  the dashboard's port (default 5173; 0 picks a free one)
  --gateway-port <n>          the gateway's port (default 4000; 0 picks a free one)
  --persisted allow|require   GATEWAY_PERSISTED_OPERATIONS for the gateway (default allow)
  --log-level <level>         the gateway's LOG_LEVEL (default warn)
  --help                      this text
`;

function fail(message: string): never {
  process.stderr.write(`dashboard: ${message}\n\n${USAGE}`);
  process.exit(2);
}

const OPTIONS = {
  port: { type: 'string', default: '5173' },
  'gateway-port': { type: 'string', default: '4000' },
  persisted: { type: 'string', default: 'allow' },
  'log-level': { type: 'string', default: 'warn' },
  help: { type: 'boolean', default: false },
} as const;

function parseFlags() {
  try {
    return parseArgs({ options: OPTIONS }).values;
  } catch (error) {
    // Unknown flags and stray arguments: say which, show the usage, no stack trace.
    const message = (error instanceof Error ? error.message : String(error)).split('. ')[0] ?? '';
    const flag = /'--([\w-]+)'/.exec(message)?.[1];
    const near = flag
      ? Object.keys(OPTIONS).find((name) => name.startsWith(flag) || name.endsWith(flag))
      : undefined;
    return fail(near ? `${message} (did you mean --${near}?)` : message);
  }
}

const values = parseFlags();
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

async function freePort(): Promise<number> {
  const server = createTcpServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function port(raw: string, flag: string): Promise<number> {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) fail(`--${flag} must be a port number, got ${raw}`);
  return n === 0 ? freePort() : n;
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the gateway exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the gateway did not answer ${url}/health within 60 s`);
}

async function main() {
  const persisted = values.persisted;
  if (persisted !== 'allow' && persisted !== 'require') {
    fail(`--persisted must be allow or require (the dashboard sends operation hashes), got ${persisted}`);
  }
  const dashboardPort = await port(values.port, 'port');
  const gatewayPort = await port(values['gateway-port'], 'gateway-port');
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;

  const gateway = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(gatewayPort),
      LOG_LEVEL: values['log-level'],
      GATEWAY_PERSISTED_OPERATIONS: persisted,
      // The dashboard's buttons start and stop recordings; the demo's simulated recordings would
      // collide with them ("already running"). Opt back in with DEMO_SIMULATION=true.
      DEMO_SIMULATION: process.env.DEMO_SIMULATION ?? 'false',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let vite: ViteDevServer | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await vite?.close().catch(() => undefined);
    if (gateway.exitCode === null) {
      gateway.kill('SIGTERM');
      await once(gateway, 'exit');
    }
    process.exit(code);
  };
  gateway.on('exit', (code) => {
    if (!stopping) {
      process.stderr.write(`dashboard: the gateway exited (code ${code})\n`);
      void stop(1);
    }
  });
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    await waitForHealth(gatewayUrl, gateway);
    vite = await createServer({
      configFile: CONFIG,
      server: { port: dashboardPort, proxy: { '/graphql': { target: gatewayUrl } } },
    });
    await vite.listen();
  } catch (error) {
    process.stderr.write(`dashboard: ${error instanceof Error ? error.message : String(error)}\n`);
    await stop(1);
    return;
  }
  const url = `http://127.0.0.1:${dashboardPort}/`;
  process.stdout.write(
    `\n  dashboard ready: ${url}\n  gateway: ${gatewayUrl}/graphql (persisted operations: ${persisted})\n\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`dashboard: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
