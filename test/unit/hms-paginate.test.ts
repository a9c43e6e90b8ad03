import { describe, expect, it } from 'vitest';
import type { Page } from '../../src/hms/api.js';
import {
  ANALYTICS_LIMITS,
  clampLimit,
  collect,
  OTHER_LIMITS,
  paginate,
  STANDARD_LIMITS,
  withClampedLimit,
} from '../../src/hms/paginate.js';
import type { PageQuery } from '../../src/hms/types.js';

/** A fake cursor API over `total` numbered items, recording every query it receives. */
function fakeApi(total: number, serverMax = 100) {
  const calls: PageQuery[] = [];
  const fetchPage = async (query: PageQuery & { room?: string }): Promise<Page<number>> => {
    calls.push({ ...query });
    const limit = Math.min(query.limit ?? 10, serverMax);
    const from = query.start ? Number(query.start) : 0;
    const items = Array.from({ length: Math.max(0, Math.min(limit, total - from)) }, (_, i) => from + i);
    const last = items.length ? String(from + items.length) : null;
    // As parse.ts normalises it: a short page has no next.
    return { items, limit, next: items.length === limit ? last : null };
  };
  return { calls, fetchPage };
}

describe('clampLimit', () => {
  it.each([
    [undefined, STANDARD_LIMITS, undefined],
    [5, STANDARD_LIMITS, 10],
    [50, STANDARD_LIMITS, 50],
    [500, STANDARD_LIMITS, 100],
    [0, ANALYTICS_LIMITS, 1],
    [1, ANALYTICS_LIMITS, 1],
    [101, ANALYTICS_LIMITS, 100],
    [3, OTHER_LIMITS, 3],
    [250, OTHER_LIMITS, 100],
    [12.7, OTHER_LIMITS, 12],
  ])('%s in %o → %s', (limit, range, expected) => {
    expect(clampLimit(limit, range)).toBe(expected);
  });

  it('withClampedLimit leaves limit out when not given and never mutates', () => {
    const query = { room_id: 'r', limit: 1000 };
    expect(withClampedLimit(query, STANDARD_LIMITS)).toEqual({ room_id: 'r', limit: 100 });
    expect(query.limit).toBe(1000);
    expect('limit' in withClampedLimit({ room_id: 'r' } as PageQuery, STANDARD_LIMITS)).toBe(false);
  });
});

describe('paginate', () => {
  it('walks every page and stops on the exact end', async () => {
    const api = fakeApi(25);
    const items = await collect(paginate(api.fetchPage, { limit: 10 }, { range: STANDARD_LIMITS }), {
      max: 1000,
    });
    expect(items).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(api.calls.map((c) => c.start)).toEqual([undefined, '10', '20']);
  });

  it('never fetches more pages than max needs', async () => {
    const api = fakeApi(1000);
    const items = await collect(paginate(api.fetchPage, { limit: 10 }, { range: STANDARD_LIMITS, max: 15 }), {
      max: 1000,
    });
    expect(items).toHaveLength(15);
    expect(api.calls).toHaveLength(2);
  });

  it('uses max as the page size when the query sets none (clamped)', async () => {
    const api = fakeApi(1000);
    await collect(paginate(api.fetchPage, {}, { range: STANDARD_LIMITS, max: 40 }), { max: 1000 });
    expect(api.calls).toEqual([{ limit: 40, start: undefined }]);
    const small = fakeApi(1000);
    await collect(paginate(small.fetchPage, {}, { range: STANDARD_LIMITS, max: 3 }), { max: 1000 });
    expect(small.calls).toEqual([{ limit: 10, start: undefined }]);
  });

  it('does not fetch at all for max 0', async () => {
    const api = fakeApi(10);
    expect(
      await collect(paginate(api.fetchPage, {}, { range: STANDARD_LIMITS, max: 0 }), { max: 10 }),
    ).toEqual([]);
    expect(api.calls).toHaveLength(0);
  });

  it('does not mutate the caller query (the SDK wrote start into it)', async () => {
    const api = fakeApi(30);
    const query = { limit: 10, room: 'x' };
    await collect(paginate(api.fetchPage, query, { range: STANDARD_LIMITS }), { max: 100 });
    expect(query).toEqual({ limit: 10, room: 'x' });
    expect(api.calls[1]).toEqual({ limit: 10, room: 'x', start: '10' });
  });

  it('stops when a server repeats a cursor instead of looping forever', async () => {
    let calls = 0;
    const stuck = async (): Promise<Page<number>> => {
      calls += 1;
      return { items: [calls], limit: 1, next: 'same' };
    };
    const items = await collect(paginate(stuck, {}, { range: OTHER_LIMITS }), { max: 100 });
    expect(items).toEqual([1, 2]);
    expect(calls).toBe(2);
  });

  it('stops fetching when the consumer breaks early', async () => {
    const api = fakeApi(1000);
    for await (const item of paginate(api.fetchPage, { limit: 10 }, { range: STANDARD_LIMITS })) {
      if (item === 12) break;
    }
    expect(api.calls).toHaveLength(2);
  });

  it('honours an aborted signal between pages', async () => {
    const api = fakeApi(100);
    const controller = new AbortController();
    const walk = async () => {
      for await (const item of paginate(
        api.fetchPage,
        { limit: 10 },
        { range: STANDARD_LIMITS, signal: controller.signal },
      )) {
        if (item === 9) controller.abort(new Error('stop'));
      }
    };
    await expect(walk()).rejects.toThrow('stop');
    expect(api.calls).toHaveLength(1);
  });
});

describe('collect', () => {
  it('is bounded', async () => {
    const api = fakeApi(500);
    expect(
      await collect(paginate(api.fetchPage, { limit: 100 }, { range: STANDARD_LIMITS }), { max: 150 }),
    ).toHaveLength(150);
    expect(api.calls).toHaveLength(2);
  });

  it('requires a finite bound', async () => {
    await expect(
      collect(paginate(fakeApi(1).fetchPage, {}, { range: OTHER_LIMITS }), { max: Number.POSITIVE_INFINITY }),
    ).rejects.toThrow(RangeError);
  });
});
