/**
 * The session-children batch plan (src/loaders/session-children.ts) against an in-memory job list
 * that pages like 100ms (newest first, `limit`/`start`): which list calls a set of sessions costs.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from '../../src/hms/api.js';
import {
  type ChildQuery,
  type ChildrenCache,
  createSessionChildrenLoader,
  loadSessionChildren,
  type SessionChild,
  type SessionScope,
} from '../../src/loaders/session-children.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

interface Job extends SessionChild {
  room_id: string;
}

/** A room's sessions, `perSession` jobs each, session i starting at minute 10*i. */
function world(rooms: Record<string, number>, perSession = 2) {
  const jobs: Job[] = [];
  const scopes: Record<string, SessionScope> = {};
  for (const [roomId, sessions] of Object.entries(rooms)) {
    for (let i = 0; i < sessions; i++) {
      const id = `${roomId}-s${i}`;
      scopes[id] = { id, roomId, startedAt: at(10 * i), active: false, updatedAt: at(10 * i + 5) };
      for (let j = 0; j < perSession; j++) {
        jobs.push({ id: `${id}-j${j}`, room_id: roomId, session_id: id, created_at: at(10 * i + j + 1) });
      }
    }
  }
  jobs.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
  const calls: ChildQuery[] = [];
  async function list(query: ChildQuery): Promise<Page<Job>> {
    calls.push({ ...query });
    const matching = jobs.filter(
      (job) =>
        (query.room_id === undefined || job.room_id === query.room_id) &&
        (query.session_id === undefined || job.session_id === query.session_id),
    );
    const from = query.start ? matching.findIndex((job) => job.id === query.start) + 1 : 0;
    const limit = query.limit ?? 10;
    const items = matching.slice(from, from + limit);
    const more = from + limit < matching.length;
    return { items, limit, next: more ? (items.at(-1)?.id ?? null) : null };
  }
  return { jobs, scopes, calls, list };
}

const ids = (items: Job[] | Error | undefined) =>
  Array.isArray(items) ? items.map((j) => j.id).sort() : items;

describe('session children batch plan', () => {
  it('asks for a lone session by session_id: one call', async () => {
    const w = world({ r1: 3 });
    const primed: Job[] = [];
    const out = await loadSessionChildren(w.list, [w.scopes['r1-s1'] as SessionScope], {}, (items) =>
      primed.push(...items),
    );
    expect(w.calls).toEqual([{ session_id: 'r1-s1', limit: 100, start: undefined }]);
    expect(ids(out.get('r1-s1'))).toEqual(['r1-s1-j0', 'r1-s1-j1']);
    expect(primed).toHaveLength(2);
  });

  it('serves sibling sessions of one room from one room-wide call, partitioned by session', async () => {
    const w = world({ r1: 10 });
    const scopes = ['r1-s9', 'r1-s5', 'r1-s0'].map((id) => w.scopes[id] as SessionScope);
    const out = await loadSessionChildren(w.list, scopes, {}, () => undefined);
    expect(w.calls).toEqual([{ room_id: 'r1', limit: 100, start: undefined }]);
    for (const scope of scopes) {
      expect(ids(out.get(scope.id))).toEqual([`${scope.id}-j0`, `${scope.id}-j1`]);
    }
  });

  it('makes one plan per room', async () => {
    const w = world({ r1: 3, r2: 3 });
    const scopes = ['r1-s0', 'r1-s2', 'r2-s1', 'r2-s2'].map((id) => w.scopes[id] as SessionScope);
    await loadSessionChildren(w.list, scopes, {}, () => undefined);
    expect(w.calls.map((q) => q.room_id).sort()).toEqual(['r1', 'r2']);
  });

  it('pages back only until the oldest session is covered, then asks for a last straggler by session', async () => {
    // 150 sessions × 2 jobs: 300 jobs, 100 a page, newest first.
    const w = world({ big: 150 });
    const newest = w.scopes['big-s149'] as SessionScope;
    const middle = w.scopes['big-s80'] as SessionScope;
    const oldest = w.scopes['big-s0'] as SessionScope;
    const out = await loadSessionChildren(w.list, [newest, middle, oldest], {}, () => undefined);
    // Page 1 (sessions 149..100) covers the newest; page 2 (99..50) the middle one; the oldest is
    // then alone and costs one session_id call instead of a third room page.
    expect(w.calls).toEqual([
      { room_id: 'big', limit: 100, start: undefined },
      { room_id: 'big', limit: 100, start: 'big-s100-j0' },
      { session_id: 'big-s0', limit: 100, start: undefined },
    ]);
    for (const scope of [newest, middle, oldest]) {
      expect(ids(out.get(scope.id))).toEqual([`${scope.id}-j0`, `${scope.id}-j1`]);
    }
  });

  it('never costs more calls than asking each session on its own', async () => {
    const w = world({ r1: 40 }, 5);
    const scopes = Object.values(w.scopes).filter((_, i) => i % 3 === 0);
    await loadSessionChildren(w.list, scopes, {}, () => undefined);
    expect(w.calls.length).toBeLessThanOrEqual(scopes.length);
    expect(w.calls.length).toBe(2);
  });

  it('answers cached sessions without a call and caches only what it fetched', async () => {
    const w = world({ r1: 4 });
    const stored = new Map<string, Job[]>([
      ['r1-s1', [{ id: 'cached', room_id: 'r1', session_id: 'r1-s1', created_at: at(11) }]],
    ]);
    const written: string[] = [];
    const cache: ChildrenCache<Job> = {
      get: async (sessionIds) => sessionIds.map((id) => stored.get(id)),
      setMany: (entries) => {
        for (const [scope] of entries) written.push(scope.id);
      },
    };
    const out = await loadSessionChildren(
      w.list,
      [w.scopes['r1-s1'] as SessionScope, w.scopes['r1-s3'] as SessionScope],
      {},
      () => undefined,
      cache,
    );
    expect(ids(out.get('r1-s1'))).toEqual(['cached']);
    expect(w.calls).toEqual([{ session_id: 'r1-s3', limit: 100, start: undefined }]);
    expect(written).toEqual(['r1-s3']);
  });

  it('gives every session of a failed room plan the error, and other rooms their items', async () => {
    const w = world({ r1: 3, r2: 3 });
    const failing = async (query: ChildQuery) => {
      if (query.room_id === 'r1') throw new Error('upstream down');
      return w.list(query);
    };
    const scopes = ['r1-s0', 'r1-s1', 'r2-s0', 'r2-s2'].map((id) => w.scopes[id] as SessionScope);
    const out = await loadSessionChildren(failing, scopes, {}, () => undefined);
    expect(out.get('r1-s0')).toBeInstanceOf(Error);
    expect(out.get('r1-s1')).toBeInstanceOf(Error);
    expect(ids(out.get('r2-s2'))).toEqual(['r2-s2-j0', 'r2-s2-j1']);
  });

  it('as a DataLoader: one batch for the sessions asked in one tick, each session once', async () => {
    const w = world({ r1: 5 });
    const loader = createSessionChildrenLoader(w.list, {}, () => undefined);
    const s = (id: string) => w.scopes[id] as SessionScope;
    const [a, b, again] = await Promise.all([
      loader.load(s('r1-s4')),
      loader.load(s('r1-s2')),
      loader.load(s('r1-s4')),
    ]);
    expect(w.calls).toHaveLength(1);
    expect(a).toBe(again);
    expect(b.map((j) => j.session_id)).toEqual(['r1-s2', 'r1-s2']);
  });
});
