/**
 * Whether 100ms looks healthy from here, from the outcomes of recent upstream attempts. The
 * readiness check trusts a recent success and probes otherwise (no traffic within the window, or
 * the latest attempt failed), so `/ready` turns 503 within `windowMs` of 100ms failing, and
 * turns 200 again as soon as a probe succeeds.
 */

export interface UpstreamHealthOptions {
  /** Outcomes older than this are not trusted. @default 10000 */
  windowMs?: number;
  /** @default Date.now */
  now?: () => number;
}

/** No answer, a 5xx, or our credentials refused: 100ms cannot serve us. A 4xx or 429 is an answer. */
export function isUpstreamFailure(status: number): boolean {
  return status === 0 || status >= 500 || status === 401;
}

export function createUpstreamHealth(options: UpstreamHealthOptions = {}) {
  const windowMs = options.windowMs ?? 10_000;
  const now = options.now ?? Date.now;
  let last: { at: number; failed: boolean } | null = null;
  let failures = 0;
  let successes = 0;

  return {
    /** Call once per upstream attempt with its HTTP status (0: no answer). */
    record(status: number): void {
      const failed = isUpstreamFailure(status);
      last = { at: now(), failed };
      if (failed) failures += 1;
      else successes += 1;
    },
    /** The latest attempt, within the window, got a usable answer: no probe needed. */
    get recentlyHealthy(): boolean {
      return last !== null && !last.failed && now() - last.at <= windowMs;
    },
    /** Totals since start, for tests and debugging. */
    get counts() {
      return { failures, successes };
    },
  };
}

export type UpstreamHealth = ReturnType<typeof createUpstreamHealth>;
