/**
 * A counting semaphore with a FIFO queue: at most `max` upstream attempts in flight, the rest wait
 * in arrival order. The undici Pool has the same number of connections, so the Pool itself never
 * queues and a request's per-attempt deadline starts when it really goes out.
 *
 * Hand-written because it is twenty lines and must cancel a queued waiter on its caller's
 * AbortSignal (and fail every waiter on close), which general-purpose limiters make awkward.
 */
import { onAbort } from './abort.js';

interface Waiter {
  grant: () => void;
  fail: (error: unknown) => void;
}

/** The queue already holds `maxQueue` waiters: refused at once (load shedding). */
export class QueueFullError extends Error {
  override readonly name = 'QueueFullError';
  constructor(readonly maxQueue: number) {
    super(`more than ${maxQueue} calls are waiting`);
  }
}

/** The waiter's `maxWaitMs` passed before a slot freed up. */
export class QueueWaitTimeout extends Error {
  override readonly name = 'QueueWaitTimeout';
  constructor(readonly waitedMs: number) {
    super(`no slot within ${waitedMs} ms`);
  }
}

export class Limiter {
  #active = 0;
  readonly #queue: Waiter[] = [];

  constructor(
    readonly max: number,
    /** Waiters beyond this are refused with QueueFullError. @default Infinity */
    readonly maxQueue = Number.POSITIVE_INFINITY,
  ) {
    if (!Number.isSafeInteger(max) || max < 1)
      throw new RangeError('maxConcurrency must be a positive integer');
    if (!(maxQueue === Number.POSITIVE_INFINITY || (Number.isSafeInteger(maxQueue) && maxQueue >= 0)))
      throw new RangeError('maxQueue must be a non-negative integer');
  }

  get active(): number {
    return this.#active;
  }

  get queued(): number {
    return this.#queue.length;
  }

  /**
   * Resolves once a slot is held; the holder must call `release()` exactly once. Rejects at once
   * when the queue is full, and after `maxWaitMs` in the queue (the caller's deadline).
   */
  acquire(signal?: AbortSignal, maxWaitMs?: number): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#active < this.max) {
      this.#active += 1;
      return Promise.resolve();
    }
    if (this.#queue.length >= this.maxQueue) return Promise.reject(new QueueFullError(this.maxQueue));
    if (maxWaitMs !== undefined && maxWaitMs <= 0) return Promise.reject(new QueueWaitTimeout(0));
    return new Promise<void>((resolve, reject) => {
      const leave = (error: unknown) => {
        const index = this.#queue.indexOf(waiter);
        if (index !== -1) this.#queue.splice(index, 1);
        cleanup();
        reject(error);
      };
      const unsubscribe = onAbort(signal, () => leave(signal?.reason));
      const timer =
        maxWaitMs === undefined
          ? undefined
          : setTimeout(() => leave(new QueueWaitTimeout(maxWaitMs)), maxWaitMs);
      const cleanup = () => {
        unsubscribe();
        if (timer) clearTimeout(timer);
      };
      const waiter: Waiter = {
        grant: () => {
          cleanup();
          resolve();
        },
        fail: (error) => {
          cleanup();
          reject(error);
        },
      };
      this.#queue.push(waiter);
    });
  }

  /** Passes the slot straight to the oldest waiter, so a newcomer can never overtake the queue. */
  release(): void {
    const next = this.#queue.shift();
    if (next) next.grant();
    else this.#active = Math.max(0, this.#active - 1);
  }

  /** Fails every waiter (client shutdown); slots already held are released by their holders. */
  rejectAll(error: unknown): void {
    for (const waiter of this.#queue.splice(0)) waiter.fail(error);
  }
}
