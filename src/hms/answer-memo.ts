/**
 * The last successful answer to each GET target (path and query), with its parsed value: an answer
 * whose text is identical to the previous one for the same target is not parsed again. The lists a dashboard reads
 * on every request (a room's sessions, recordings and assets) usually come back byte for byte
 * the same; parsing and normalising ~50 KB of them was the largest single CPU cost of a warm
 * dashboard, and their fresh objects the largest share of its garbage.
 *
 * Exact by construction: a value is reused only for the identical text, so it is what parsing
 * would produce. Reused values are shared by every request that gets them, as entity-cache hits
 * already were: nothing above the client changes a 100ms object (views copy; the only write is
 * Pothos's non-enumerable type brand on a node, the same on every request, which is also why
 * they are not frozen). Bounded by the characters held (texts larger than an eighth of the bound
 * are not kept); least recently used go first.
 */
export interface AnswerMemo {
  /** `parse(text)`, or the value parsed from the same text last time for `key`. */
  parse(key: string, text: string, parse: (text: string) => unknown): unknown;
}

export const DEFAULT_MEMO_CHARS = 4_000_000;

export function createAnswerMemo(maxChars = DEFAULT_MEMO_CHARS): AnswerMemo {
  // Map order is the recency order: a hit moves its entry to the end.
  const held = new Map<string, { text: string; value: unknown }>();
  let chars = 0;
  const forget = (key: string, entry: { text: string }) => {
    held.delete(key);
    chars -= entry.text.length;
  };
  return {
    parse(key, text, parse) {
      const last = held.get(key);
      if (last !== undefined && last.text === text) {
        held.delete(key);
        held.set(key, last);
        return last.value;
      }
      const value = parse(text);
      if (last !== undefined) forget(key, last);
      if (text.length <= maxChars / 8) {
        held.set(key, { text, value });
        chars += text.length;
        for (const [oldest, entry] of held) {
          if (chars <= maxChars) break;
          forget(oldest, entry);
        }
      }
      return value;
    },
  };
}
