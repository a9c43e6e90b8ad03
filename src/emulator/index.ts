/**
 * A stateful emulator of the 100ms REST API v2 over real HTTP (think stripe-mock or LocalStack).
 * It powers demo mode, the test suite (which counts upstream calls through `stats()`) and
 * benchmarks (latency and faults). It shares DTO types with `src/hms` and none of its logic: it
 * is the other side of the wire, and its strictness is there to catch client bugs.
 */
import { createHash } from 'node:crypto';
import { handleControl } from './control.js';
import { serveDownload } from './downloads.js';
import { FaultPlan, type LatencyConfig } from './faults.js';
import { createApiHandler, listen } from './http-server.js';
import { deriveSeed, Rng } from './random.js';
import { RequestLog } from './request-log.js';
import { Router } from './router.js';
import { activeRoomRoutes } from './routes/active-rooms.js';
import { analyticsRoutes } from './routes/analytics.js';
import { analyticsWebhookRoutes } from './routes/analytics-webhooks.js';
import { externalStreamRoutes } from './routes/external-streams.js';
import { liveStreamRoutes } from './routes/live-streams.js';
import { pollRoutes } from './routes/polls.js';
import { recordingAssetRoutes } from './routes/recording-assets.js';
import { recordingRoutes } from './routes/recordings.js';
import { roomCodeRoutes } from './routes/room-codes.js';
import { roomRoutes } from './routes/rooms.js';
import { sessionRoutes } from './routes/sessions.js';
import { streamKeyRoutes } from './routes/stream-keys.js';
import { templateRoutes } from './routes/templates.js';
import { seed } from './seed.js';
import { createSimulation } from './simulation.js';
import { createStateViews } from './state-views.js';
import { Store } from './store.js';
import type { Emulator, EmulatorOptions } from './types.js';
import { createWebhookSender, webhookListener } from './webhooks.js';

export type { FaultRule, LatencyConfig } from './faults.js';
export { SEED_EPOCH_MS, SEED_POLLS, SEED_ROOMS, SEED_TEMPLATES } from './seed.js';
export type {
  ActivityOptions,
  Emulator,
  EmulatorOptions,
  EmulatorSimulation,
  EmulatorState,
  EmulatorStats,
  RequestLogEntry,
  SimulatedPeer,
  SimulatedPollAnswer,
} from './types.js';
export type { WebhookDelivery, WebhookTarget } from './webhooks.js';
export { RETRY_DELAYS_MS as WEBHOOK_RETRY_DELAYS_MS } from './webhooks.js';

/**
 * Fixed demo credentials: a 24-hex access key like the dashboard's, and a secret. They protect
 * nothing but fake data on 127.0.0.1.
 */
export const DEMO_CREDENTIALS = Object.freeze({
  accessKey: '64f0c0ffee5eed0000d3a0a1',
  secret: 'hms-graph-demo-secret-not-for-production-use-0001',
});

const ROUTER = new Router([
  ...roomRoutes,
  ...sessionRoutes,
  ...activeRoomRoutes,
  ...recordingRoutes,
  ...recordingAssetRoutes,
  ...roomCodeRoutes,
  ...liveStreamRoutes,
  ...externalStreamRoutes,
  ...analyticsRoutes,
  ...analyticsWebhookRoutes,
  ...templateRoutes,
  ...pollRoutes,
  ...streamKeyRoutes,
]);

/** Assembles the parts: HTTP server, request log, control endpoints, state views, simulation. */
export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const accessKey = options.accessKey ?? DEMO_CREDENTIALS.accessKey;
  const secret = options.secret ?? DEMO_CREDENTIALS.secret;
  const seedValue = options.seed ?? 1;
  const now = options.now ?? (() => new Date());
  const jobStepMs = options.jobStepMs ?? 2000;
  let latency: LatencyConfig | null = options.latency ?? null;
  const jitterRng = new Rng(deriveSeed(seedValue, 'jitter'));
  const faults = new FaultPlan(new Rng(deriveSeed(seedValue, 'faults')), options.faults ?? []);
  const webhooks = createWebhookSender({ retryDelaysMs: options.webhookRetryDelaysMs });
  webhooks.setTarget(options.webhook ?? null);
  const activities = new Set<{ stop(): void }>();
  const log = new RequestLog();
  // Download URLs are signed with a key derived from the secret, never the secret itself.
  const downloadKey = createHash('sha256').update(`hms-emulator-downloads|${secret}`).digest('hex');

  let closed = false;
  const timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  const hold = (ms: number) =>
    new Promise<void>((resolve) => {
      if (ms <= 0 || closed) return resolve();
      const entry = {
        resolve,
        timer: setTimeout(() => {
          timers.delete(entry);
          resolve();
        }, ms),
      };
      timers.add(entry);
    });
  const latencyMs = () => {
    if (!latency) return 0;
    const jitter = latency.jitterMs ? (jitterRng.next() * 2 - 1) * latency.jitterMs : 0;
    return Math.max(0, latency.ms + jitter);
  };

  // The server listens first: presigned URLs in the seed point at its origin.
  let store: Store | undefined;
  const current = () => {
    if (!store) throw new Error('emulator: not started');
    return store;
  };
  const { server, origin } = await listen(options.port ?? 0, options.host ?? '127.0.0.1', {
    api: createApiHandler({
      router: ROUTER,
      log,
      faults,
      store: current,
      credentials: { accessKey, secret, now },
      latencyMs,
      hold,
      closed: () => closed,
    }),
    control: (req, res, url) => handleControl(req, res, url, emulator),
    downloads: (req, res, url) => serveDownload(req, res, url, presigner, current().nowUs()),
  });
  const presigner = { origin, key: downloadKey };

  const buildStore = () => {
    const seedRng = new Rng(deriveSeed(seedValue, 'seed-data'));
    const fresh = new Store({ rng: seedRng, now, jobStepMs, presigner });
    seed(fresh, seedRng, fresh.nowUs());
    fresh.rng = new Rng(deriveSeed(seedValue, 'runtime-ids'));
    fresh.onChange = webhookListener(fresh, webhooks);
    return fresh;
  };
  store = buildStore();

  const state = createStateViews(current);
  const simulate = createSimulation(current, state, activities);

  const emulator: Emulator = {
    url: `${origin}/v2`,
    origin,
    accessKey,
    secret,
    stats: () => log.stats(),
    resetStats: () => log.reset(),
    reset(resetOptions = {}) {
      log.reset();
      if (resetOptions.data) store = buildStore();
    },
    setLatency(value) {
      latency = value ? { ...value } : null;
    },
    setFaults(rules) {
      faults.set(rules);
    },
    advanceJobs() {
      current().advanceJobs();
    },
    setWebhook(target) {
      webhooks.setTarget(target);
    },
    webhookDeliveries: () => webhooks.deliveries(),
    state,
    simulate,
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        closed = true;
        for (const activity of [...activities]) activity.stop();
        webhooks.close();
        for (const entry of timers) {
          clearTimeout(entry.timer);
          entry.resolve();
        }
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return emulator;
}
