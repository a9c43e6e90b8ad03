/**
 * What tests and benchmarks read back: requests counted by route template, concurrency, and the
 * most recent requests with their bodies. Only `/v2` requests are counted; control endpoints and
 * downloads are not the API.
 */
import type { RawQuery } from './http.js';
import type { EmulatorStats, RequestLogEntry } from './types.js';

const LOG_SIZE = 1000;
/** The log keeps 1000 entries: larger bodies are summarised so it stays small in memory. */
export const MAX_LOGGED_BODY_CHARS = 64 * 1024;

export class RequestLog {
  #requests: Record<string, number> = {};
  #total = 0;
  #inFlight = 0;
  #peakConcurrent = 0;
  #log: RequestLogEntry[] = [];

  /** Counts a request under `routeKey` and logs it; call the returned `settle` once it is answered. */
  begin(
    method: string,
    routeKey: string,
    path: string,
    query: RawQuery,
  ): { entry: RequestLogEntry; settle: () => void } {
    this.#requests[routeKey] = (this.#requests[routeKey] ?? 0) + 1;
    this.#total += 1;
    this.#inFlight += 1;
    this.#peakConcurrent = Math.max(this.#peakConcurrent, this.#inFlight);
    const entry: RequestLogEntry = { method, route: routeKey, path, query, body: undefined, status: 0 };
    this.#log.push(entry);
    if (this.#log.length > LOG_SIZE) this.#log.splice(0, this.#log.length - LOG_SIZE);
    let settled = false;
    return {
      entry,
      settle: () => {
        if (settled) return;
        settled = true;
        this.#inFlight -= 1;
      },
    };
  }

  stats(): EmulatorStats {
    return {
      requests: { ...this.#requests },
      total: this.#total,
      peakConcurrent: this.#peakConcurrent,
      inFlight: this.#inFlight,
      log: this.#log.map((entry) => ({ ...entry })),
    };
  }

  /** In-flight requests stay counted: they are still being answered. */
  reset(): void {
    this.#requests = {};
    this.#total = 0;
    this.#peakConcurrent = this.#inFlight;
    this.#log = [];
  }
}
