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

export class Limiter {
  #active = 0;
  readonly #queue: Waiter[] = [];

  constructor(readonly max: number) {
    if (!Number.isSafeInteger(max) || max < 1)
      throw new RangeError('maxConcurrency must be a positive integer');
  }

  get active(): number {
    return this.#active;
  }

  get queued(): number {
    return this.#queue.length;
  }

  /** Resolves once a slot is held; the holder must call `release()` exactly once. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#active < this.max) {
      this.#active += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const unsubscribe = onAbort(signal, () => {
        const index = this.#queue.indexOf(waiter);
        if (index !== -1) this.#queue.splice(index, 1);
        reject(signal?.reason);
      });
      const waiter: Waiter = {
        grant: () => {
          unsubscribe();
          resolve();
        },
        fail: (error) => {
          unsubscribe();
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
