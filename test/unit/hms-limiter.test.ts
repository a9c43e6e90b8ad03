import { describe, expect, it } from 'vitest';
import { onAbort } from '../../src/hms/abort.js';
import { Limiter, QueueFullError, QueueWaitTimeout } from '../../src/hms/limiter.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Limiter', () => {
  it('grants up to max at once and queues the rest in FIFO order', async () => {
    const limiter = new Limiter(2);
    const order: number[] = [];
    const holders = Array.from({ length: 5 }, (_, i) => limiter.acquire().then(() => order.push(i)));
    await tick();
    expect(order).toEqual([0, 1]);
    expect(limiter.active).toBe(2);
    expect(limiter.queued).toBe(3);
    limiter.release();
    await tick();
    limiter.release();
    await tick();
    expect(order).toEqual([0, 1, 2, 3]);
    expect(limiter.active).toBe(2); // a released slot went straight to a waiter
    limiter.release();
    limiter.release();
    limiter.release();
    await Promise.all(holders);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(limiter.active).toBe(0);
  });

  it('drops an aborted waiter from the queue without using a slot', async () => {
    const limiter = new Limiter(1);
    await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    const next = limiter.acquire();
    controller.abort(new Error('gone'));
    await expect(aborted).rejects.toThrow('gone');
    expect(limiter.queued).toBe(1);
    limiter.release();
    await next;
    expect(limiter.active).toBe(1);
  });

  it('rejects at once for an already-aborted signal', async () => {
    const limiter = new Limiter(1);
    await expect(limiter.acquire(AbortSignal.abort(new Error('early')))).rejects.toThrow('early');
    expect(limiter.active).toBe(0);
  });

  it('fails every waiter on rejectAll', async () => {
    const limiter = new Limiter(1);
    await limiter.acquire();
    const waiting = [limiter.acquire(), limiter.acquire()];
    limiter.rejectAll(new Error('closed'));
    for (const w of waiting) await expect(w).rejects.toThrow('closed');
    expect(limiter.queued).toBe(0);
  });

  it('refuses waiters beyond maxQueue at once, and a waiter past its maxWaitMs', async () => {
    const limiter = new Limiter(1, 1);
    await limiter.acquire();
    const queued = limiter.acquire();
    await expect(limiter.acquire()).rejects.toBeInstanceOf(QueueFullError);
    expect(limiter.queued).toBe(1);
    limiter.release();
    await queued;
    await expect(limiter.acquire(undefined, 0)).rejects.toBeInstanceOf(QueueWaitTimeout);
    const late = limiter.acquire(undefined, 5);
    await expect(late).rejects.toBeInstanceOf(QueueWaitTimeout);
    expect(limiter.queued).toBe(0);
    limiter.release();
    expect(limiter.active).toBe(0);
  });

  it('refuses a nonsensical size', () => {
    expect(() => new Limiter(0)).toThrow(RangeError);
    expect(() => new Limiter(1.5)).toThrow(RangeError);
  });
});

describe('onAbort', () => {
  it('fans one listener out to many subscribers, and unsubscribes', () => {
    const controller = new AbortController();
    const calls: number[] = [];
    const unsubscribes = Array.from({ length: 50 }, (_, i) =>
      onAbort(controller.signal, () => calls.push(i)),
    );
    unsubscribes[3]?.();
    controller.abort();
    expect(calls).toHaveLength(49);
    expect(calls).not.toContain(3);
  });

  it('calls back at once for an already-aborted signal and ignores a missing one', () => {
    let called = 0;
    onAbort(AbortSignal.abort(), () => called++);
    expect(called).toBe(1);
    expect(() => onAbort(undefined, () => called++)()).not.toThrow();
    expect(called).toBe(1);
  });
});
