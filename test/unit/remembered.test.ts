import { describe, expect, it } from 'vitest';
import { remembered } from '../../src/schema/remembered.js';

describe('remembered (src/schema/remembered.ts)', () => {
  it('computes a key once while it is kept, null answers included, and stays right past its bound', () => {
    const calls: string[] = [];
    const parse = remembered(3, (value) => {
      calls.push(value);
      return Number.isNaN(Date.parse(value)) ? null : Date.parse(value);
    });
    expect(parse('2026-01-01T00:00:00Z')).toBe(Date.UTC(2026, 0, 1));
    expect(parse('2026-01-01T00:00:00Z')).toBe(Date.UTC(2026, 0, 1));
    expect(parse('nonsense')).toBeNull();
    expect(parse('nonsense')).toBeNull();
    expect(calls).toEqual(['2026-01-01T00:00:00Z', 'nonsense']);
    for (let day = 1; day <= 9; day++)
      expect(parse(`2026-02-0${day}T00:00:00Z`)).toBe(Date.UTC(2026, 1, day));
    expect(parse('2026-01-01T00:00:00Z')).toBe(Date.UTC(2026, 0, 1));
    expect(calls).toHaveLength(12);
  });
});
