/**
 * Fault injection for resilience tests and benchmarks: canned error statuses (429 with
 * Retry-After, 5xx), dropped connections, and held answers that provoke client timeouts.
 * Which requests are hit is decided by a seeded generator, so a run is repeatable.
 */
import type { Rng } from './random.js';

export interface FaultRule {
  /** Only this method (case-insensitive). */
  method?: string;
  /**
   * `'GET /v2/sessions'` (method + route template), `'/v2/sessions/{id}'` (template, any
   * method), or a RegExp tested against the request path.
   */
  route?: string | RegExp;
  /**
   * `status`: answer `status` with the 100ms error body instead of handling the request.
   * `reset`: destroy the socket without an answer (the request is not applied).
   * `delay`: apply the request, then hold the answer `delayMs` (a POST that times out on the
   * client has still happened here — which is why clients must not re-send it).
   */
  kind: 'status' | 'reset' | 'delay';
  /** @default 503 */
  status?: number;
  /** Sent as `Retry-After` (429 always carries one: @default 1). */
  retryAfterSeconds?: number;
  /** @default 1000 */
  delayMs?: number;
  /** Probability 0..1 that a matching request is hit. @default 1 */
  rate?: number;
  /** Only the first N hits. */
  times?: number;
}

export interface LatencyConfig {
  ms: number;
  /** Uniform ± jitter around `ms`. */
  jitterMs?: number;
}

export interface RequestFacts {
  method: string;
  /** e.g. `/v2/sessions/{id}`; the raw path when no route matched. */
  template: string;
  path: string;
}

export class FaultPlan {
  #rules: FaultRule[] = [];
  #remaining: Array<number | undefined> = [];
  readonly #rng: Rng;

  constructor(rng: Rng, rules: FaultRule[] = []) {
    this.#rng = rng;
    this.set(rules);
  }

  set(rules: FaultRule[]): void {
    this.#rules = rules.map((rule) => ({ ...rule }));
    this.#remaining = this.#rules.map((rule) => rule.times);
  }

  get rules(): FaultRule[] {
    return this.#rules.map((rule) => ({ ...rule }));
  }

  /** The first rule that matches, passes its rate roll and has hits left; consumes one hit. */
  pick(request: RequestFacts): FaultRule | undefined {
    for (let i = 0; i < this.#rules.length; i++) {
      const rule = this.#rules[i] as FaultRule;
      if (!matches(rule, request)) continue;
      const left = this.#remaining[i];
      if (left !== undefined && left <= 0) continue;
      if (rule.rate !== undefined && this.#rng.next() >= rule.rate) continue;
      if (left !== undefined) this.#remaining[i] = left - 1;
      return rule;
    }
    return undefined;
  }
}

function matches(rule: FaultRule, request: RequestFacts): boolean {
  if (rule.method && rule.method.toUpperCase() !== request.method) return false;
  const route = rule.route;
  if (route === undefined) return true;
  if (route instanceof RegExp) {
    route.lastIndex = 0;
    return route.test(request.path);
  }
  const text = route.trim();
  const space = text.indexOf(' ');
  if (space < 0) return text === request.template;
  return (
    text.slice(0, space).toUpperCase() === request.method && text.slice(space + 1).trim() === request.template
  );
}

/** Reads rules posted as JSON; a RegExp travels as `routeRegex`. Returns an error text when invalid. */
export function parseFaultRules(value: unknown): FaultRule[] | string {
  const list = Array.isArray(value) ? value : (value as { faults?: unknown } | null)?.faults;
  if (!Array.isArray(list)) return 'expected an array of fault rules or {faults: [...]}';
  const rules: FaultRule[] = [];
  for (const item of list) {
    if (typeof item !== 'object' || item === null) return 'each fault rule must be an object';
    const raw = item as Record<string, unknown>;
    if (raw.kind !== 'status' && raw.kind !== 'reset' && raw.kind !== 'delay')
      return 'kind must be status, reset or delay';
    const rule: FaultRule = { kind: raw.kind };
    if (typeof raw.method === 'string') rule.method = raw.method;
    if (typeof raw.route === 'string') rule.route = raw.route;
    if (typeof raw.routeRegex === 'string') {
      try {
        rule.route = new RegExp(raw.routeRegex);
      } catch {
        return `routeRegex ${raw.routeRegex} is not a valid regular expression`;
      }
    }
    for (const key of ['status', 'retryAfterSeconds', 'delayMs', 'rate', 'times'] as const) {
      const v = raw[key];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
        return `${key} must be a non-negative number`;
      rule[key] = v;
    }
    rules.push(rule);
  }
  return rules;
}

export function parseLatency(value: unknown): LatencyConfig | null | string {
  if (value === null || value === undefined) return null;
  const raw = value as { ms?: unknown; jitterMs?: unknown };
  if (typeof raw !== 'object' || typeof raw.ms !== 'number' || !Number.isFinite(raw.ms) || raw.ms < 0) {
    return 'expected {ms: number, jitterMs?: number} or null';
  }
  if (
    raw.jitterMs !== undefined &&
    (typeof raw.jitterMs !== 'number' || !Number.isFinite(raw.jitterMs) || raw.jitterMs < 0)
  ) {
    return 'jitterMs must be a non-negative number';
  }
  return raw.jitterMs === undefined ? { ms: raw.ms } : { ms: raw.ms, jitterMs: raw.jitterMs };
}

/** The documented 429 text (https://www.100ms.live/docs/server-side/v2/introduction/request-and-response) and plausible texts for the rest. */
export function faultMessage(status: number, retryAfterSeconds: number): string {
  if (status === 429) return `rate limit exceeded, retry after ${retryAfterSeconds} seconds`;
  const known: Record<number, string> = {
    400: 'Bad request',
    401: 'Token validation error',
    403: 'Forbidden',
    404: 'Not found',
    408: 'Request timeout',
    500: 'Internal server error',
    502: 'Bad gateway',
    503: 'Service unavailable',
    504: 'Gateway timeout',
  };
  return known[status] ?? 'Injected fault';
}
