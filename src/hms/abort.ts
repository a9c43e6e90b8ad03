/**
 * One real 'abort' listener per AbortSignal, fanned out to any number of subscribers. A GraphQL
 * request passes its one signal to dozens of concurrent upstream calls (each queued, in flight or
 * backing off); adding a listener per call would trip Node's MaxListenersExceededWarning at 11 and
 * make a genuine leak indistinguishable from normal load.
 */
const subscribers = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Calls `callback` once when `signal` aborts (at once, synchronously, if it already has: the
 * event will not fire again); returns the unsubscribe function.
 */
export function onAbort(signal: AbortSignal | undefined, callback: () => void): () => void {
  if (!signal) return () => {};
  if (signal.aborted) {
    callback();
    return () => {};
  }
  let callbacks = subscribers.get(signal);
  if (!callbacks) {
    const created = new Set<() => void>();
    callbacks = created;
    subscribers.set(signal, created);
    signal.addEventListener(
      'abort',
      () => {
        subscribers.delete(signal);
        for (const fn of [...created]) fn();
      },
      { once: true },
    );
  }
  const set = callbacks;
  set.add(callback);
  return () => {
    set.delete(callback);
  };
}
