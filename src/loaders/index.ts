/**
 * Per-request DataLoaders: the only way resolvers reach 100ms. Created fresh for every request,
 * so their caches never leak between callers. Every list result primes the by-id loaders: an
 * object listed once is never fetched again in the same request.
 */
import DataLoader from 'dataloader';
import { type EntityCache, type EntityKind, policy } from '../cache.js';
import type { HmsApi, IterateOptions, RequestOptions } from '../hms/api.js';
import { HmsNotFoundError } from '../hms/errors.js';
import type {
  ActivePeer,
  ActivePeerWithTracks,
  ActiveRoom,
  AnalyticsEvent,
  AnalyticsQuery,
  AssetListQuery,
  ExternalStream,
  JobListQuery,
  ListRoomsQuery,
  ListSessionsQuery,
  LiveStream,
  PageQuery,
  Recording,
  RecordingAsset,
  Room,
  RoomCode,
  Session,
  Template,
} from '../hms/types.js';
import {
  type ChildrenCache,
  createSessionChildrenLoader,
  loadSessionChildren,
  type SessionScope,
} from './session-children.js';

export type { SessionScope } from './session-children.js';

/** A window of a connection: at most `first` items, and whether more exist after them. */
export interface Window<T> {
  items: T[];
  hasNextPage: boolean;
}

/** A connection request: upstream filters plus forward-pagination arguments. */
export interface PageKey<Q> {
  query: Q;
  first: number;
  /** Upstream cursor: the id of the last item already seen. */
  after?: string;
}

/** An id with an optional session hint, so several lookups in one session can share a list call. */
export interface ScopedId {
  id: string;
  sessionId?: string;
}

export interface AnalyticsKey {
  query: Omit<AnalyticsQuery, 'limit' | 'start'>;
  first: number;
  /** The upstream `next` token that starts this page. */
  start?: string;
  /** Events of that page already consumed (a cursor inside a page). */
  skip: number;
}

export interface AnalyticsWindow {
  items: AnalyticsEvent[];
  /** The page start token and the offset into it of each item, for per-edge cursors. */
  positions: Array<{ start?: string; skip: number }>;
  hasNextPage: boolean;
  total: number;
}

/** A job asking for its assets: enough to batch it with its session's and room's siblings. */
export interface JobScope {
  jobId: string;
  roomId: string;
  sessionId: string;
  /** The job's `created_at`: its assets cannot be older. */
  createdAt: string;
}

export interface ActivePeersKey {
  roomId: string;
  role?: string;
  userId?: string;
}

const stableKey = (key: unknown) => JSON.stringify(key);
const MAX_SCOPED_LIST = 2000;

export function createLoaders(hms: HmsApi, options: RequestOptions, cache?: EntityCache) {
  const ro = options;
  const it = (max: number): IterateOptions => ({ ...ro, max });

  /** Session children live in the shared cache once they can no longer change. */
  function childrenCache<T extends { status: string }>(
    kind: EntityKind,
    ttl: (session: { active: boolean; updated_at: string | null }, items: T[]) => number,
  ): ChildrenCache<T> | undefined {
    if (!cache) return undefined;
    return {
      get: (sessionIds) => cache.getMany<T[]>(kind, sessionIds),
      set: (scope, items) => {
        if (scope.active === undefined) return;
        void cache.set(
          kind,
          scope.id,
          items,
          ttl({ active: scope.active, updated_at: scope.updatedAt ?? null }, items),
        );
      },
    };
  }

  /** By-id loader: 100ms has no batch get, so a batch is N concurrent GETs (bounded by the client's cap). */
  function byId<T>(get: (id: string, options: RequestOptions) => Promise<T>) {
    return new DataLoader<string, T>((ids) =>
      Promise.all(ids.map((id) => get(id, ro).catch((error: Error) => error))),
    );
  }

  const room = byId((id, o) => hms.rooms.get(id, o));
  const session = byId((id, o) => hms.sessions.get(id, o));
  const template = byId((id, o) => hms.templates.get(id, o));

  /**
   * By-id loader that, given session hints, answers several ids of one session from a single
   * `session_id` list call (ids that the list does not contain fall back to a GET).
   */
  function scoped<T extends { id: string }>(
    get: (id: string, options: RequestOptions) => Promise<T>,
    iterate: (query: { session_id: string }, options: IterateOptions) => AsyncIterable<T>,
  ) {
    return new DataLoader<ScopedId, T, string>(
      async (keys) => {
        const found = new Map<string, T | Error>();
        const sessions = new Map<string, ScopedId[]>();
        for (const key of keys) {
          if (!key.sessionId) continue;
          const group = sessions.get(key.sessionId) ?? [];
          group.push(key);
          sessions.set(key.sessionId, group);
        }
        await Promise.all(
          [...sessions].map(async ([sessionId, group]) => {
            if (group.length < 2) return;
            try {
              const wanted = new Set(group.map((k) => k.id));
              for await (const item of iterate({ session_id: sessionId }, it(MAX_SCOPED_LIST))) {
                if (wanted.has(item.id)) found.set(item.id, item);
              }
            } catch (error) {
              for (const k of group) found.set(k.id, error as Error);
            }
          }),
        );
        await Promise.all(
          keys
            .filter((k) => !found.has(k.id))
            .map(async (k) => {
              found.set(k.id, await get(k.id, ro).catch((error: Error) => error));
            }),
        );
        return keys.map((k) => found.get(k.id) as T | Error);
      },
      { cacheKeyFn: (key) => key.id },
    );
  }

  const recording = scoped(
    (id, o) => hms.recordings.get(id, o),
    (q, o) => hms.recordings.iterate(q, o),
  );
  const recordingAsset = scoped(
    (id, o) => hms.recordingAssets.get(id, o),
    (q, o) => hms.recordingAssets.iterate(q, o),
  );
  const liveStream = scoped(
    (id, o) => hms.liveStreams.get(id, o),
    (q, o) => hms.liveStreams.iterate(q, o),
  );
  const externalStream = scoped(
    (id, o) => hms.externalStreams.get(id, o),
    (q, o) => hms.externalStreams.iterate(q, o),
  );

  /** Priming never overwrites: a single-object GET (e.g. with embedded assets) beats a list item. */
  const primeBy =
    <K, T extends { id: string }>(loader: DataLoader<K, T, string>, key: (id: string) => K) =>
    (items: T[]) => {
      for (const item of items) loader.prime(key(item.id), item);
    };
  const plainId = (id: string) => id;
  const scopedId = (id: string): ScopedId => ({ id });
  const primer = <T extends { id: string }>(loader: DataLoader<ScopedId, T, string>) =>
    primeBy(loader, scopedId);
  const primeRooms = primeBy(room, plainId);
  const primeSessions = primeBy(session, plainId);
  const primeTemplates = primeBy(template, plainId);

  /**
   * One connection window = `first + 1` items from upstream, so `hasNextPage` is exact whatever
   * the upstream `last` cursor says on the final page. Identical windows in one request (aliases)
   * are fetched once.
   */
  function pages<T, Q extends PageQuery>(
    iterate: (query: Q, options: IterateOptions) => AsyncIterable<T>,
    prime: (items: T[]) => void,
  ) {
    return new DataLoader<PageKey<Q>, Window<T>, string>(
      (keys) =>
        Promise.all(
          keys.map(async ({ query, first, after }) => {
            try {
              const want = first + 1;
              const items: T[] = [];
              const q = { ...query, limit: Math.min(want, 100), start: after } as Q;
              for await (const item of iterate(q, it(want))) {
                items.push(item);
                if (items.length >= want) break;
              }
              prime(items);
              return { items: items.slice(0, first), hasNextPage: items.length > first };
            } catch (error) {
              return error as Error;
            }
          }),
        ),
      { cacheKeyFn: stableKey },
    );
  }

  const recordingAssetsBySession = createSessionChildrenLoader<RecordingAsset>(
    (q, o) => hms.recordingAssets.list(q, o),
    ro,
    primer(recordingAsset),
    childrenCache<RecordingAsset>('assetsBySession', policy.sessionAssets),
  );
  /** Sessions whose whole asset list is (being) loaded: their jobs read from it for free. */
  const assetSessions = new Set<string>();
  const sessionAssets = (scope: SessionScope) => {
    assetSessions.add(scope.id);
    return recordingAssetsBySession.load(scope);
  };
  /**
   * Assets of individual jobs (e.g. recordings fetched through `nodes`). Jobs of one session are
   * served from one list that reaches back only to the oldest of them.
   */
  const assetsByJob = new DataLoader<JobScope, RecordingAsset[], string>(
    async (jobs) => {
      const scopes = new Map<string, SessionScope>();
      for (const job of jobs) {
        const known = scopes.get(job.sessionId);
        if (!known || Date.parse(job.createdAt) < Date.parse(known.startedAt)) {
          scopes.set(job.sessionId, { id: job.sessionId, roomId: job.roomId, startedAt: job.createdAt });
        }
      }
      const out = await loadSessionChildren(
        (q, o) => hms.recordingAssets.list(q, o),
        [...scopes.values()],
        ro,
        primer(recordingAsset),
      );
      return jobs.map((job) => {
        const assets = out.get(job.sessionId) ?? [];
        return assets instanceof Error ? assets : assets.filter((a) => a.job_id === job.jobId);
      });
    },
    { cacheKeyFn: (job) => job.jobId },
  );
  const jobAssets = async (job: JobScope): Promise<RecordingAsset[]> => {
    if (!assetSessions.has(job.sessionId)) return assetsByJob.load(job);
    const all = await recordingAssetsBySession.load({
      id: job.sessionId,
      roomId: job.roomId,
      startedAt: job.createdAt,
    });
    return all.filter((a) => a.job_id === job.jobId);
  };

  const loaders = {
    room,
    session,
    template,
    recording,
    recordingAsset,
    liveStream,
    externalStream,

    roomsPage: pages<Room, ListRoomsQuery>((q, o) => hms.rooms.iterate(q, o), primeRooms),
    sessionsPage: pages<Session, ListSessionsQuery>((q, o) => hms.sessions.iterate(q, o), primeSessions),
    templatesPage: pages<Template, PageQuery>((q, o) => hms.templates.iterate(q, o), primeTemplates),
    recordingsPage: pages<Recording, JobListQuery>((q, o) => hms.recordings.iterate(q, o), primer(recording)),
    recordingAssetsPage: pages<RecordingAsset, AssetListQuery>(
      (q, o) => hms.recordingAssets.iterate(q, o),
      primer(recordingAsset),
    ),
    liveStreamsPage: pages<LiveStream, JobListQuery>(
      (q, o) => hms.liveStreams.iterate(q, o),
      primer(liveStream),
    ),
    externalStreamsPage: pages<ExternalStream, JobListQuery>(
      (q, o) => hms.externalStreams.iterate(q, o),
      primer(externalStream),
    ),

    recordingsBySession: createSessionChildrenLoader<Recording>(
      (q, o) => hms.recordings.list(q, o),
      ro,
      primer(recording),
      childrenCache<Recording>('recordingsBySession', policy.sessionJobs),
    ),
    sessionAssets,
    jobAssets,
    liveStreamsBySession: createSessionChildrenLoader<LiveStream>(
      (q, o) => hms.liveStreams.list(q, o),
      ro,
      primer(liveStream),
      childrenCache<LiveStream>('liveStreamsBySession', policy.sessionJobs),
    ),
    externalStreamsBySession: createSessionChildrenLoader<ExternalStream>(
      (q, o) => hms.externalStreams.list(q, o),
      ro,
      primer(externalStream),
      childrenCache<ExternalStream>('externalStreamsBySession', policy.sessionJobs),
    ),

    /** Null when no session is live (100ms answers 404). */
    activeRoom: new DataLoader<string, ActiveRoom | null>((ids) =>
      Promise.all(
        ids.map((id) =>
          hms.activeRooms
            .get(id, ro)
            .catch((error: Error) => (error instanceof HmsNotFoundError ? null : error)),
        ),
      ),
    ),
    activePeers: new DataLoader<ActivePeersKey, ActivePeer[], string>(
      (keys) =>
        Promise.all(
          keys.map(async ({ roomId, role, userId }) => {
            try {
              const peers = await hms.activeRooms.listPeers(roomId, { role, user_id: userId }, ro);
              return Object.entries(peers).map(([id, peer]) => ({ ...peer, id: peer.id || id }));
            } catch (error) {
              return error instanceof HmsNotFoundError ? [] : (error as Error);
            }
          }),
        ),
      { cacheKeyFn: stableKey },
    ),
    activePeer: new DataLoader<{ roomId: string; peerId: string }, ActivePeerWithTracks, string>(
      (keys) =>
        Promise.all(
          keys.map(({ roomId, peerId }) =>
            hms.activeRooms.getPeer(roomId, peerId, ro).catch((e: Error) => e),
          ),
        ),
      { cacheKeyFn: stableKey },
    ),
    /** Every code of a room: at most 100 per room (reference §4.6), so one call. */
    roomCodes: new DataLoader<string, RoomCode[]>((roomIds) =>
      Promise.all(
        roomIds.map(async (roomId) => {
          try {
            const codes: RoomCode[] = [];
            for await (const code of hms.roomCodes.iterate(roomId, { limit: 100 }, it(1000)))
              codes.push(code);
            return codes;
          } catch (error) {
            return error as Error;
          }
        }),
      ),
    ),
    analyticsPage: new DataLoader<AnalyticsKey, AnalyticsWindow, string>(
      (keys) => Promise.all(keys.map((key) => analyticsWindow(hms, key, ro).catch((e: Error) => e))),
      { cacheKeyFn: stableKey },
    ),
  };
  return loaders;
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * Analytics cursors are opaque `next` tokens that mark page boundaries, so a cursor inside a page
 * is (page start token, items to skip). Results are snapshotted upstream (reference §2.2), which
 * keeps skip offsets stable while paging; the token is positional, so re-reading a page with a
 * larger `limit` starts at the same event (inferred).
 */
async function analyticsWindow(hms: HmsApi, key: AnalyticsKey, ro: RequestOptions): Promise<AnalyticsWindow> {
  const items: AnalyticsEvent[] = [];
  const positions: AnalyticsWindow['positions'] = [];
  let start = key.start;
  let skip = key.skip;
  let total = 0;
  let hasNextPage = false;
  // Bounded: `first` ≤ 100 needs at most two upstream pages; the bound only guards a misbehaving upstream.
  for (let calls = 0; items.length < key.first && calls < 5; calls++) {
    const wanted = key.first - items.length;
    const page = await hms.analytics.listEvents(
      { ...key.query, start, limit: Math.min(100, skip + wanted) },
      ro,
    );
    total = page.total;
    const taken = page.items.slice(skip, skip + wanted);
    const pageEnd = skip + taken.length >= page.items.length;
    taken.forEach((event, i) => {
      items.push(event);
      const lastOfPage = pageEnd && i === taken.length - 1;
      positions.push(lastOfPage && page.next ? { start: page.next, skip: 0 } : { start, skip: skip + i + 1 });
    });
    hasNextPage = !pageEnd || Boolean(page.next);
    if (!pageEnd || !page.next || taken.length === 0) break;
    start = page.next;
    skip = 0;
  }
  return { items, positions, hasNextPage, total };
}

export const toScope = (s: Session): SessionScope => ({
  id: s.id,
  roomId: s.room_id,
  startedAt: s.created_at,
  active: s.active,
  updatedAt: s.updated_at,
});
