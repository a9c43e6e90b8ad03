/**
 * The only module with side effects: reads the environment, starts the embedded emulator in demo
 * mode, listens, and drains on SIGTERM/SIGINT.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Redis } from 'ioredis';
import { ConfigError, loadConfig } from './config.js';
import { createHmsClient } from './hms/client.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics.js';
import { createGateway } from './server.js';
import { recordEvent, startTelemetry } from './telemetry.js';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`hms-graph: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);

  let credentials = config.hms;
  let apiUrl = config.hmsApiUrl;
  let host = config.host;
  let closeEmulator: (() => Promise<void>) | undefined;
  let demoRoom: (() => Promise<string | null>) | undefined;
  let gatewayConfig = config.gateway;
  /** Demo mode, once listening: point the emulator's webhooks at this gateway and start the activity. */
  let goLive: ((base: string) => void) | undefined;

  if (config.mode === 'demo') {
    // Imported only here: the gateway never depends on the emulator outside demo mode.
    const { createEmulator, DEMO_CREDENTIALS, SEED_ROOMS } = await import('./emulator/index.js');
    const emulator = await createEmulator({ ...DEMO_CREDENTIALS, host: '127.0.0.1', port: 0 });
    credentials = { accessKey: emulator.accessKey, secret: emulator.secret };
    apiUrl = emulator.url;
    closeEmulator = () => emulator.close();
    if (host !== '127.0.0.1')
      logger.warn({ requestedHost: host }, 'demo mode binds 127.0.0.1 only; HOST is ignored');
    else logger.info('demo mode binds 127.0.0.1 only');
    host = '127.0.0.1';
    demoRoom = async () => {
      const page = await hms.rooms.list({ name: SEED_ROOMS.live });
      return page.items[0]?.id ?? null;
    };
    // The emulator authenticates its webhooks like 100ms would: with a secret custom header.
    const webhookSecret = config.gateway.webhookSecret ?? randomBytes(24).toString('base64url');
    gatewayConfig = { ...config.gateway, webhookSecret };
    goLive = (base) => {
      emulator.setWebhook({
        url: `${base}/webhooks/100ms`,
        headers: { [gatewayConfig.webhookHeader]: webhookSecret },
      });
      const liveRoom = emulator.state.room(SEED_ROOMS.live);
      if (config.demoSimulation && liveRoom) {
        emulator.simulate.startActivity({
          roomId: liveRoom.id,
          onError: (error) => logger.debug({ err: error }, 'demo simulation step skipped'),
        });
      }
    };
  }
  if (!credentials) throw new Error('unreachable: live mode without credentials');
  const metrics = createMetrics();
  // The OpenTelemetry SDK is imported only when an endpoint is configured.
  const telemetry = config.telemetry ? await startTelemetry(config.telemetry) : undefined;
  if (telemetry)
    logger.info({ endpoint: config.telemetry?.endpoint }, 'tracing: exporting spans over OTLP/HTTP');

  const hms = createHmsClient({
    accessKey: credentials.accessKey,
    secret: credentials.secret,
    baseUrl: apiUrl,
    timeoutMs: config.hmsTimeoutMs,
    maxRetries: config.hmsMaxRetries,
    maxConcurrency: config.hmsMaxConcurrency,
    maxQueue: config.hmsMaxQueue,
    logger,
    onCall: metrics.onUpstreamCall,
    onTokenSigned: (kind) => {
      metrics.tokenMints.inc({ kind });
      if (telemetry) recordEvent(telemetry.tracer, 'hms token mint', { 'hms.token.kind': kind });
    },
    tracer: telemetry?.tracer,
  });
  let redis: Redis | undefined;
  if (config.redisUrl) {
    // Imported only when used: loading ioredis costs ~0.3 s of startup and ~20 MiB of RSS.
    const { createRedisClient } = await import('./redis.js');
    // Fails fast while Redis is away: the cache degrades to 100ms calls, webhooks answer 503.
    redis = await createRedisClient(config.redisUrl, logger);
    redis.once('ready', () =>
      logger.info('redis connected: shared cache, webhook de-duplication and subscriptions across replicas'),
    );
  }
  if (!gatewayConfig.webhookSecret)
    logger.info('webhooks disabled: set HMS_WEBHOOK_SECRET to receive 100ms events on /webhooks/100ms');
  const gateway = createGateway({
    hms,
    logger,
    metrics,
    config: gatewayConfig,
    graphiqlRoomId: demoRoom,
    redis,
    telemetry,
  });
  const server = createServer(gateway.yoga);
  gateway.attachWebSockets(server);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, host, () => resolve());
  });
  const base = `http://${host}:${config.port}`;
  // Warm before ready: /ready answers 503 until the token, the pool and the request path are warm.
  const { port } = server.address() as AddressInfo;
  const loopback =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  gateway
    .warm({ origin: `http://${loopback}:${port}` })
    .catch((error: unknown) => logger.warn({ err: error }, 'warm-up failed; /ready retries it'));
  logger.info({ url: `${base}/graphql`, mode: config.mode }, 'hms-graph listening');
  goLive?.(base);
  if (config.mode === 'demo') {
    process.stdout.write(
      [
        '',
        '  hms-graph is running in DEMO MODE: an embedded 100ms emulator serves fake data.',
        `  GraphiQL:  ${base}/graphql   (opens with the dashboard query on a demo room)`,
        `  Health:    ${base}/health`,
        config.demoSimulation
          ? '  Live:      the RoomEvents tab subscribes to the demo room: peers come and go every few seconds'
          : '  Live:      DEMO_SIMULATION=false: no simulated activity (webhooks still flow from mutations)',
        '  Bound to 127.0.0.1 only. To use a real 100ms account, set HMS_ACCESS_KEY and HMS_SECRET',
        '  (Dashboard → Developer) and restart.',
        '',
      ].join('\n'),
    );
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    // First stop being chosen: /ready answers 503 and responses close their connections, while
    // the listener still serves whoever the load balancer sends until it notices.
    gateway.beginShutdown();
    logger.info(
      { signal, delayMs: config.shutdownDelayMs, graceMs: config.gateway.shutdownGraceMs },
      'shutting down: /ready answers 503, then the listener closes and in-flight requests drain',
    );
    setTimeout(drain, config.shutdownDelayMs);
  };
  const drain = () => {
    // Open subscriptions end now (their streams complete); they would otherwise hold the drain.
    void gateway.close().catch(() => undefined);
    // Stop accepting; idle keep-alive sockets close now, busy ones after their response.
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive sockets turn idle as their last response ends; close each as soon as it does,
    // so the drain ends with the last in-flight request rather than at the grace deadline.
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    sweep.unref();
    void drained.then(() => clearInterval(sweep));
    const grace = new Promise<'timeout'>((resolve) =>
      setTimeout(() => resolve('timeout'), config.gateway.shutdownGraceMs).unref(),
    );
    void Promise.race([drained, grace]).then(async (outcome) => {
      if (outcome === 'timeout') {
        logger.warn('grace period over: closing the connections still open');
        server.closeAllConnections();
      }
      await hms.close().catch(() => undefined);
      await closeEmulator?.().catch(() => undefined);
      await redis?.quit().catch(() => undefined);
      await telemetry?.shutdown().catch(() => undefined);
      logger.info('bye');
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `hms-graph failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
