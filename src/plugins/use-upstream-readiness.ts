/**
 * `GET /ready` and the shutdown drain.
 *
 * Ready means 100ms serves us: a recent upstream attempt (within `UpstreamHealth`'s window) got a
 * usable answer, or a cheap probe does now. A failing 100ms therefore turns `/ready` 503 within
 * that window under traffic, and at the next check when idle; the probe is shared by concurrent
 * checks. While the gateway drains (after SIGTERM), `/ready` answers 503 and every response
 * carries `Connection: close`, so load balancers stop routing here and clients stop reusing
 * sockets that are about to close.
 */
import type { Plugin } from 'graphql-yoga';
import type { HmsClient } from '../hms/api.js';
import type { Logger } from '../logger.js';
import type { UpstreamHealth } from '../upstream-health.js';

export interface UpstreamReadinessOptions {
  hms: HmsClient;
  health: UpstreamHealth;
  logger: Logger;
  /** True once shutdown began. */
  draining: () => boolean;
  /** @default '/ready' */
  endpoint?: string;
  /** A probe that takes longer counts as a failure. @default 5000 */
  probeTimeoutMs?: number;
  /** Not ready before this has resolved (the warm-up, src/warmup.ts); a rejection answers 503. */
  warmedUp?: () => Promise<void>;
}

export function useUpstreamReadiness(options: UpstreamReadinessOptions): Plugin {
  const { hms, health, logger, draining } = options;
  const endpoint = options.endpoint ?? '/ready';
  const probeTimeoutMs = options.probeTimeoutMs ?? 5000;
  let probing: Promise<boolean> | null = null;

  const probe = (): Promise<boolean> => {
    probing ??= (async () => {
      try {
        await hms.tokens.managementToken();
        await hms.templates.list({ limit: 1 }, { signal: AbortSignal.timeout(probeTimeoutMs) });
        return true;
      } catch (error) {
        logger.warn(
          { err: { name: (error as Error).name, message: (error as Error).message } },
          'not ready: 100ms did not answer an authenticated call',
        );
        return false;
      } finally {
        probing = null;
      }
    })();
    return probing;
  };

  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== endpoint) return;
      const answer = (ready: boolean, text: string) =>
        endResponse(
          new fetchAPI.Response(`${text}\n`, {
            status: ready ? 200 : 503,
            headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
          }),
        );
      if (draining()) return answer(false, 'shutting down');
      if (options.warmedUp) {
        try {
          await options.warmedUp();
        } catch (error) {
          logger.warn({ err: error }, 'not ready: the warm-up failed');
          return answer(false, 'warming up failed');
        }
      }
      if (health.recentlyHealthy) return answer(true, 'ready');
      const ok = await probe();
      answer(ok, ok ? 'ready' : '100ms unavailable');
    },
    onResponse({ response }) {
      if (draining()) response.headers.set('connection', 'close');
    },
  };
}
