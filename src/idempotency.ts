/**
 * Idempotency for mutations (`Idempotency-Key` header, Stripe style): a repeat with the same key
 * and the same input within the TTL gets the first outcome (success or typed error) without a
 * second upstream call; the same key with another input is refused. Concurrent repeats share the
 * in-flight attempt.
 */
import { LRUCache } from 'lru-cache';

export interface IdempotencyOptions {
  /** @default 600000 (10 minutes) */
  ttlMs?: number;
  /** @default 10000 */
  maxEntries?: number;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Entry {
  fingerprint: string;
  outcome: Promise<Outcome>;
}

export class IdempotencyConflictError extends Error {
  constructor() {
    super('This Idempotency-Key was already used with a different input; use a new key for a new request');
    this.name = 'IdempotencyConflictError';
  }
}

export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export function createIdempotencyStore(options: IdempotencyOptions = {}) {
  const entries = new LRUCache<string, Entry>({
    max: options.maxEntries ?? 10_000,
    ttl: options.ttlMs ?? 600_000,
  });

  return {
    /** Runs `fn` once per (scope, key); replays its outcome for the same fingerprint. */
    async run<T>(scope: string, key: string, fingerprint: string, fn: () => Promise<T>): Promise<T> {
      const id = `${scope}\u0000${key}`;
      let entry = entries.get(id);
      if (entry && entry.fingerprint !== fingerprint) throw new IdempotencyConflictError();
      if (!entry) {
        entry = {
          fingerprint,
          outcome: fn().then(
            (value): Outcome => ({ ok: true, value }),
            (error: unknown): Outcome => ({ ok: false, error }),
          ),
        };
        entries.set(id, entry);
      }
      const outcome = await entry.outcome;
      if (outcome.ok) return outcome.value as T;
      throw outcome.error;
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
