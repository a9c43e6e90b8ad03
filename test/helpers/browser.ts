/**
 * Headless Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright-core
 * (never a downloaded browser), and a record of every request that leaves 127.0.0.1 or fails.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does this)`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    // Without the background-networking flags Chromium calls Google's hosts at start-up.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface NetworkLog {
  /** Requests to anything but 127.0.0.1 (data: and blob: URLs are in-page). */
  external: string[];
  /** Requests that failed at the network level, other than ones the page itself aborted. */
  failed: string[];
  /** Responses with HTTP status 400 or more. */
  httpErrors: string[];
}

function isLocal(url: string): boolean {
  const parsed = new URL(url);
  return ['data:', 'blob:', 'about:'].includes(parsed.protocol) || parsed.hostname === '127.0.0.1';
}

export function watchNetwork(context: BrowserContext): NetworkLog {
  const log: NetworkLog = { external: [], failed: [], httpErrors: [] };
  context.on('request', (request) => {
    if (!isLocal(request.url())) log.external.push(request.url());
  });
  context.on('requestfailed', (request) => {
    // Query cancellation (unmount, refetch) aborts fetches on purpose.
    const reason = request.failure()?.errorText ?? 'failed';
    if (reason !== 'net::ERR_ABORTED') log.failed.push(`${request.url()}: ${reason}`);
  });
  context.on('response', (response) => {
    if (response.status() >= 400) log.httpErrors.push(`${response.status()} ${response.url()}`);
  });
  return log;
}
