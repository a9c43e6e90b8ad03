/**
 * Domain-aware batching of a session's jobs and assets.
 *
 * 100ms has no batch-get and no multi-session filter (see the filters of https://www.100ms.live/docs/server-side/v2/api-reference/recordings/list-all-recordings), so N sibling sessions asking
 * for their recordings would naively cost N list calls. Instead, sessions of the same room are
 * served from the room-wide list (`room_id` filter, newest first), partitioned by `session_id`,
 * paging back only until the oldest requested session is covered. A job or asset is created
 * during or after its session, so once the list has moved past items created before a session
 * started, that session can have nothing further down the list.
 *
 * When the room walk stops paying off (one uncovered session left), the rest fall back to one
 * `session_id`-filtered call each: never more calls than the naive plan, usually far fewer.
 */
import DataLoader from 'dataloader';
import type { Page, RequestOptions } from '../hms/api.js';

/** What a session must tell its children so they can be batched per room (and cached). */
export interface SessionScope {
  id: string;
  roomId: string;
  /** The session's `created_at` (ISO 8601). */
  startedAt: string;
  /** Whether the session is live; unknown (undefined) disables caching. */
  active?: boolean;
  /** The session's `updated_at`: roughly its end once closed. */
  updatedAt?: string | null;
}

/** Where session children are cached, and for how long a given result may be kept. */
export interface ChildrenCache<T> {
  get(sessionIds: string[]): Promise<Array<T[] | undefined>>;
  /** Stores each session's children (one store call for the batch). */
  setMany(entries: Array<[scope: SessionScope, items: T[]]>): void;
}

export interface SessionChild {
  id: string;
  session_id: string;
  created_at: string;
}

export interface ChildQuery {
  room_id?: string;
  session_id?: string;
  limit?: number;
  start?: string;
}

/** Page size for room-wide walks: the largest the API allows, to minimise calls. */
export const ROOM_PAGE = 100;
const PAGE = ROOM_PAGE;

/**
 * The first page of a room-wide list (`{ room_id, limit: ROOM_PAGE }`) when one was already
 * started for this request (look-ahead prefetch), so the walk starts from it instead of waiting
 * for the sessions before its first call.
 */
export type RoomHead<T> = (roomId: string) => Promise<Page<T>> | undefined;
/** Safety bound for a single session's children (a session has a handful of jobs). */
const MAX_PER_SESSION = 2000;

const ms = (iso: string) => Date.parse(iso);

/**
 * Loads the children of every given session, batching sessions of one room into room-wide
 * walks. Returns, per session id, its children or the error that prevented loading them.
 */
export async function loadSessionChildren<T extends SessionChild>(
  list: (query: ChildQuery, options: RequestOptions) => Promise<Page<T>>,
  scopes: readonly SessionScope[],
  options: RequestOptions,
  prime: (items: T[]) => void,
  cache?: ChildrenCache<T>,
  head?: RoomHead<T>,
): Promise<Map<string, T[] | Error>> {
  async function bySession(sessionId: string): Promise<T[]> {
    const items: T[] = [];
    let start: string | undefined;
    do {
      const page = await list({ session_id: sessionId, limit: PAGE, start }, options);
      items.push(...page.items);
      if (page.items.length < page.limit) break;
      start = page.next ?? undefined;
    } while (start && items.length < MAX_PER_SESSION);
    prime(items);
    return items;
  }

  async function byRoom(
    roomId: string,
    group: SessionScope[],
    out: Map<string, T[] | Error>,
    first: Promise<Page<T>> | undefined,
  ): Promise<void> {
    const found = new Map<string, T[]>(group.map((s) => [s.id, []]));
    let uncovered = group;
    let start: string | undefined;
    // A page already in flight is read whatever the group's size: it costs nothing more.
    let pending = first;
    while (pending || uncovered.length > 1) {
      const page = await (pending ?? list({ room_id: roomId, limit: PAGE, start }, options));
      pending = undefined;
      prime(page.items);
      for (const item of page.items) found.get(item.session_id)?.push(item);
      const last = page.items.at(-1);
      if (!last || !page.next || page.items.length < page.limit) {
        uncovered = [];
        break;
      }
      const frontier = ms(last.created_at);
      uncovered = uncovered.filter((s) => ms(s.startedAt) <= frontier);
      start = page.next;
    }
    for (const s of group) if (!uncovered.includes(s)) out.set(s.id, found.get(s.id) ?? []);
    await Promise.all(
      uncovered.map(async (s) => {
        out.set(s.id, await bySession(s.id));
      }),
    );
  }

  const out = new Map<string, T[] | Error>();
  let pending = scopes;
  if (cache) {
    const cached = await cache.get(scopes.map((s) => s.id));
    pending = scopes.filter((scope, i) => {
      const hit = cached[i];
      if (hit) {
        out.set(scope.id, hit);
        prime(hit);
      }
      return !hit;
    });
  }
  const rooms = new Map<string, SessionScope[]>();
  for (const scope of pending) {
    const group = rooms.get(scope.roomId) ?? [];
    if (!group.some((s) => s.id === scope.id)) group.push(scope);
    rooms.set(scope.roomId, group);
  }
  await Promise.all(
    [...rooms].map(async ([roomId, group]) => {
      try {
        const first = head?.(roomId);
        if (group.length === 1 && !first) {
          const [only] = group as [SessionScope];
          out.set(only.id, await bySession(only.id));
        } else {
          await byRoom(roomId, group, out, first);
        }
      } catch (error) {
        for (const s of group) out.set(s.id, error as Error);
      }
    }),
  );
  if (cache) {
    const entries: Array<[SessionScope, T[]]> = [];
    for (const scope of pending) {
      const items = out.get(scope.id);
      if (Array.isArray(items)) entries.push([scope, items]);
    }
    cache.setMany(entries);
  }
  return out;
}

/** Children of whole sessions (`Session.recordings`, `Session.recordingAssets`). */
export function createSessionChildrenLoader<T extends SessionChild>(
  list: (query: ChildQuery, options: RequestOptions) => Promise<Page<T>>,
  options: RequestOptions,
  prime: (items: T[]) => void,
  cache?: ChildrenCache<T>,
  head?: RoomHead<T>,
): DataLoader<SessionScope, T[], string> {
  return new DataLoader<SessionScope, T[], string>(
    async (scopes) => {
      const out = await loadSessionChildren(list, scopes, options, prime, cache, head);
      return scopes.map((s) => out.get(s.id) ?? []);
    },
    { cacheKeyFn: (scope) => scope.id },
  );
}
