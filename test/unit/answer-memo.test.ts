import { describe, expect, it } from 'vitest';
import { createAnswerMemo } from '../../src/hms/answer-memo.js';

const counting = () => {
  let calls = 0;
  const parse = (text: string) => {
    calls++;
    return JSON.parse(text) as unknown;
  };
  return { parse, calls: () => calls };
};

describe('answer memo (src/hms/answer-memo.ts)', () => {
  it('parses a text once per key while it stays the same, and again as soon as it changes', () => {
    const memo = createAnswerMemo();
    const { parse, calls } = counting();
    const first = memo.parse('/v2/rooms', '{"a":1}', parse);
    expect(memo.parse('/v2/rooms', '{"a":1}', parse)).toBe(first);
    expect(calls()).toBe(1);
    expect(memo.parse('/v2/rooms', '{"a":2}', parse)).toEqual({ a: 2 });
    expect(calls()).toBe(2);
    // Another path with the same text has its own entry.
    expect(memo.parse('/v2/sessions', '{"a":2}', parse)).not.toBe(memo.parse('/v2/rooms', '{"a":2}', parse));
    expect(calls()).toBe(3);
  });

  it('keeps at most its bound in characters, least recently used out first, and never an oversized text', () => {
    const memo = createAnswerMemo(800);
    const { parse, calls } = counting();
    const text = (n: number) => JSON.stringify({ n, pad: 'x'.repeat(80) });
    for (let i = 0; i < 8; i++) memo.parse(`/k${i}`, text(i), parse); // 8 × ~96 chars: under the bound
    memo.parse('/k0', text(0), parse); // /k0 is now the most recent
    expect(calls()).toBe(8);
    memo.parse('/k8', text(8), parse); // over the bound: /k1, the least recent, goes
    memo.parse('/k0', text(0), parse);
    expect(calls()).toBe(9);
    memo.parse('/k1', text(1), parse);
    expect(calls()).toBe(10);
    const big = JSON.stringify({ pad: 'y'.repeat(200) }); // > 800 / 8
    memo.parse('/big', big, parse);
    memo.parse('/big', big, parse);
    expect(calls()).toBe(12);
  });

  it('does not remember a text that failed to parse', () => {
    const memo = createAnswerMemo();
    const { parse, calls } = counting();
    expect(() => memo.parse('/x', '{', parse)).toThrow();
    expect(() => memo.parse('/x', '{', parse)).toThrow();
    expect(calls()).toBe(2);
  });
});
