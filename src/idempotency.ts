/**
 * Idempotency for mutations (`Idempotency-Key` header, Stripe style): a repeat with the same key
 * and the same input within the TTL gets the first outcome without a second upstream call; the
 * same key with another input is refused. Concurrent repeats share the in-flight attempt.
 *
 * Only outcomes that may have changed something at 100ms are kept (a success, or a failure whose
 * outcome is unknown). A failure that provably changed nothing (a 429, a refused connection, a
 * validation error) is forgotten at once, so a correct retry with the same key can succeed.
 *
 * In memory by default; with Redis, entries and in-flight markers live there (`SET NX`), so one
 * key means one upstream attempt across every replica.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

/** What a mutation ended with, as plain data (see `encodeOutcome` in schema/mutation-errors.ts). */
export type StoredOutcome = { ok: true; value: unknown } | { ok: false; error: Record<string, unknown> };

export interface IdempotencyOptions {
  /** @default 600000 (10 minutes) */
  ttlMs?: number;
  /** In-memory bound. @default 10000 */
  maxEntries?: number;
  /** Keys and in-flight markers live here when given (shared by replicas). */
  redis?: Redis;
  /** Redis key prefix (the workspace's). @default 'hmsg:' */
  prefix?: string;
  /**
   * How long an in-flight marker holds the key, and how long a repeat waits for the first
   * attempt, before giving up. @default 60000
   */
  inFlightMs?: number;
}

export interface RunOptions {
  /** Whether this outcome is kept for replays (it may have changed something upstream). */
  keep: (outcome: StoredOutcome) => boolean;
  signal?: AbortSignal;
}

export class IdempotencyConflictError extends Error {
  constructor() {
    super('This Idempotency-Key was already used with a different input; use a new key for a new request');
    this.name = 'IdempotencyConflictError';
  }
}

/** Another replica is still running the first request with this key. */
export class IdempotencyInProgressError extends Error {
  constructor() {
    super('A request with this Idempotency-Key is still in progress; retry it later with the same key');
    this.name = 'IdempotencyInProgressError';
  }
}

export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

interface Entry {
  fingerprint: string;
  outcome: Promise<StoredOutcome>;
}

interface RedisRecord {
  fp: string;
  /** Absent while the first attempt is in flight. */
  outcome?: StoredOutcome;
}

const DATE = '$hmsgDate';

/** JSON that brings Dates back (DateTime fields hold Date objects). */
function serialise(record: RedisRecord): string {
  return JSON.stringify(record, function (this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { [DATE]: raw.toISOString() } : value;
  });
}

function deserialise(text: string): RedisRecord | undefined {
  try {
    return JSON.parse(text, (_key, value: unknown) =>
      value && typeof value === 'object' && DATE in value
        ? new Date((value as Record<string, string>)[DATE] as string)
        : value,
    ) as RedisRecord;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createIdempotencyStore(options: IdempotencyOptions = {}) {
  const ttlMs = options.ttlMs ?? 600_000;
  const inFlightMs = options.inFlightMs ?? 60_000;
  const entries = new LRUCache<string, Entry>({ max: options.maxEntries ?? 10_000, ttl: ttlMs });
  const redis = options.redis;
  const prefix = `${options.prefix ?? 'hmsg:'}idem:`;

  async function runLocally(
    id: string,
    fingerprint: string,
    fn: () => Promise<StoredOutcome>,
    keep: RunOptions['keep'],
  ): Promise<StoredOutcome> {
    let entry = entries.get(id);
    if (entry && entry.fingerprint !== fingerprint) throw new IdempotencyConflictError();
    if (!entry) {
      const created: Entry = { fingerprint, outcome: fn() };
      entries.set(id, created);
      void created.outcome.then(
        (outcome) => {
          if (!keep(outcome) && entries.get(id) === created) entries.delete(id);
        },
        () => {
          if (entries.get(id) === created) entries.delete(id);
        },
      );
      entry = created;
    }
    return entry.outcome;
  }

  async function runShared(
    client: Redis,
    id: string,
    fingerprint: string,
    fn: () => Promise<StoredOutcome>,
    { keep, signal }: RunOptions,
  ): Promise<StoredOutcome> {
    const key = `${prefix}${id}`;
    const giveUpAt = Date.now() + inFlightMs;
    let wait = 25;
    for (;;) {
      const claimed = await client.set(key, serialise({ fp: fingerprint }), 'PX', inFlightMs, 'NX');
      if (claimed === 'OK') {
        let outcome: StoredOutcome;
        try {
          outcome = await fn();
        } catch (error) {
          await client.del(key).catch(() => undefined);
          throw error;
        }
        if (keep(outcome)) {
          await client.set(key, serialise({ fp: fingerprint, outcome }), 'PX', ttlMs).catch(() => undefined);
        } else {
          await client.del(key).catch(() => undefined);
        }
        return outcome;
      }
      const raw = await client.get(key);
      if (raw !== null) {
        const record = deserialise(raw);
        if (record && record.fp !== fingerprint) throw new IdempotencyConflictError();
        if (record?.outcome) return record.outcome;
      }
      // Held by an attempt in flight (here or on another replica), or just released: wait, retry.
      if (signal?.aborted || Date.now() + wait > giveUpAt) throw new IdempotencyInProgressError();
      await sleep(wait);
      wait = Math.min(wait * 2, 250);
    }
  }

  return {
    /**
     * Runs `fn` once per (scope, key) and replays a kept outcome for the same fingerprint. With
     * Redis, falls back to this process's memory when Redis does not answer.
     */
    async run(
      scope: string,
      key: string,
      fingerprint: string,
      fn: () => Promise<StoredOutcome>,
      options: RunOptions,
    ): Promise<StoredOutcome> {
      const id = createHash('sha256').update(scope).update('\u0000').update(key).digest('hex');
      if (!redis) return runLocally(id, fingerprint, fn, options.keep);
      let started = false;
      const once = () => {
        started = true;
        return fn();
      };
      try {
        return await runShared(redis, id, fingerprint, once, options);
      } catch (error) {
        if (
          started ||
          error instanceof IdempotencyConflictError ||
          error instanceof IdempotencyInProgressError
        ) {
          throw error;
        }
        // Redis is away: one replica's memory still holds the promise for this replica.
        return runLocally(id, fingerprint, fn, options.keep);
      }
    },
  };
}

export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;

/** Key order does not matter for "the same input". */
export function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}
