/**
 * Sessions and what hangs off them: the session loaders, and a session's recordings and assets
 * batched per room (`session-children.ts`), cached once they can no longer change.
 */
import DataLoader from 'dataloader';
import { type EntityCache, type EntityKind, policy } from '../cache.js';
import type { HmsApi, Page, RequestOptions } from '../hms/api.js';
import type { ListSessionsQuery, Recording, RecordingAsset, Session } from '../hms/types.js';
import type { JobLoaders } from './jobs.js';
import {
  type ChildQuery,
  type ChildrenCache,
  createSessionChildrenLoader,
  loadSessionChildren,
  ROOM_PAGE,
  type RoomHead,
  type SessionScope,
} from './session-children.js';
import { byId, pages, plainId, primeBy, primer } from './shared.js';

/** A job asking for its assets: enough to batch it with its session's and room's siblings. */
export interface JobScope {
  jobId: string;
  roomId: string;
  sessionId: string;
  /** The job's `created_at`: its assets cannot be older. */
  createdAt: string;
}

export function createSessionLoaders(hms: HmsApi, ro: RequestOptions, jobs: JobLoaders, cache?: EntityCache) {
  /** Session children live in the shared cache once they can no longer change. */
  function childrenCache<T extends { status: string }>(
    kind: EntityKind,
    ttl: (session: { active: boolean; updated_at: string | null }, items: T[]) => number,
  ): ChildrenCache<T> | undefined {
    if (!cache) return undefined;
    return {
      get: (sessionIds) => cache.getMany<T[]>(kind, sessionIds),
      setMany: (entries) => {
        const known: Array<[string, T[], number]> = [];
        for (const [scope, items] of entries) {
          if (scope.active === undefined) continue;
          known.push([
            scope.id,
            items,
            ttl({ active: scope.active, updated_at: scope.updatedAt ?? null }, items),
          ]);
        }
        void cache.setMany(kind, known);
      },
    };
  }

  /**
   * The first page of a room-wide child list, at most once per room and request. `start` is what
   * the look-ahead prefetch calls (with the room's sessions, before they are known); the session
   * children loaders read a started head instead of issuing the same call a round trip later.
   */
  function roomHeads<T>(list: (query: ChildQuery, options: RequestOptions) => Promise<Page<T>>) {
    const heads = new Map<string, Promise<Page<T>>>();
    const started: RoomHead<T> = (roomId) => heads.get(roomId);
    return {
      started,
      start(roomId: string): Promise<Page<T>> {
        let head = heads.get(roomId);
        if (!head) {
          head = list({ room_id: roomId, limit: ROOM_PAGE }, ro);
          head.catch(() => undefined);
          heads.set(roomId, head);
        }
        return head;
      },
    };
  }
  const recordingHeads = roomHeads<Recording>((q, o) => hms.recordings.list(q, o));
  const assetHeads = roomHeads<RecordingAsset>((q, o) => hms.recordingAssets.list(q, o));

  const session = byId((id, o) => hms.sessions.get(id, o), ro);
  const { recording, recordingAsset } = jobs;
  const recordingAssetsBySession = createSessionChildrenLoader<RecordingAsset>(
    (q, o) => hms.recordingAssets.list(q, o),
    ro,
    primer(recordingAsset),
    childrenCache<RecordingAsset>('assetsBySession', policy.sessionAssets),
    assetHeads.started,
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
        undefined,
        assetHeads.started,
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

  return {
    session,
    sessionsPage: pages<Session, ListSessionsQuery>(
      (q, o) => hms.sessions.iterate(q, o),
      primeBy(session, plainId),
      ro,
    ),
    recordingsBySession: createSessionChildrenLoader<Recording>(
      (q, o) => hms.recordings.list(q, o),
      ro,
      primer(recording),
      childrenCache<Recording>('recordingsBySession', policy.sessionJobs),
      recordingHeads.started,
    ),
    /** Starts the first room-wide page of recordings / assets (look-ahead prefetch). */
    prefetchRoomRecordings: recordingHeads.start,
    prefetchRoomAssets: assetHeads.start,
    sessionAssets,
    jobAssets,
  };
}

export const toScope = (s: Session): SessionScope => ({
  id: s.id,
  roomId: s.room_id,
  startedAt: s.created_at,
  active: s.active,
  updatedAt: s.updated_at,
});
