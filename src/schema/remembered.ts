/**
 * A function of a string, remembered for the strings seen recently. The same instants and ids
 * recur in every answer about a room (each peer's join and leave, each session's start, every
 * object's id), so the type files keep what they computed from them. Bounded: cleared when full,
 * which the working set of a few rooms' answers stays far below. `undefined` is never kept.
 */
export function remembered<V>(max: number, compute: (key: string) => V): (key: string) => V {
  const known = new Map<string, V>();
  return (key) => {
    const hit = known.get(key);
    if (hit !== undefined) return hit;
    const value = compute(key);
    if (known.size >= max) known.clear();
    known.set(key, value);
    return value;
  };
}
