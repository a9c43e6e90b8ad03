/**
 * What the baselines share: how they reach 100ms and how they shape the dashboard's objects.
 *
 * Both baselines use hms-graph's own REST client (`createHmsClient`: one undici Pool, cached
 * management token) in the role of the official SDK. That is deliberately generous to them: the
 * comparison is about call patterns and server overhead, not about whose HTTP stack is faster.
 * Upstream concurrency is uncapped in practice (1024 sockets), as with a plain SDK or fetch.
 */
import { createHmsClient } from '../../src/hms/client.js';
import type { BeamJob, RecordingAsset, Session, SessionPeer } from '../../src/hms/types.js';

export interface BaselineEnv {
  port: number;
  apiUrl: string;
  accessKey: string;
  secret: string;
}

export function readBaselineEnv(): BaselineEnv {
  const { PORT, HMS_API_URL, HMS_ACCESS_KEY, HMS_SECRET } = process.env;
  if (!PORT || !HMS_API_URL || !HMS_ACCESS_KEY || !HMS_SECRET) {
    process.stderr.write('PORT, HMS_API_URL, HMS_ACCESS_KEY and HMS_SECRET are required\n');
    process.exit(2);
  }
  return { port: Number(PORT), apiUrl: HMS_API_URL, accessKey: HMS_ACCESS_KEY, secret: HMS_SECRET };
}

/** The same client settings the gateway runs with in the benchmark (retries and timeout at their defaults). */
export function createBaselineClient(env: BaselineEnv) {
  return createHmsClient({
    accessKey: env.accessKey,
    secret: env.secret,
    baseUrl: env.apiUrl,
    maxConcurrency: Number(process.env.HMS_MAX_CONCURRENCY ?? 1024),
  });
}

/** Relay-style global ids, as the gateway returns them (base64 of `Type:id`). */
export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

export const seconds = (from: string | null | undefined, to: string | null | undefined): number | null => {
  if (!from || !to) return null;
  const delta = Date.parse(to) - Date.parse(from);
  return Number.isFinite(delta) ? Math.max(0, Math.round(delta / 1000)) : null;
};

export const peersOf = (session: Session) =>
  Object.entries(session.peers ?? {})
    .map(([id, peer]) => ({ ...peer, id: peer.id || id }))
    .sort((a, b) => (a.joined_at ?? '').localeCompare(b.joined_at ?? '') || a.id.localeCompare(b.id));

export const peerView = (p: SessionPeer & { id: string }) => ({
  id: globalId('SessionPeer', p.id),
  peerId: p.id,
  userId: p.user_id || null,
  name: p.name || null,
  role: p.role || null,
  joinedAt: p.joined_at,
  leftAt: p.left_at,
  durationSeconds: seconds(p.joined_at, p.left_at ?? new Date().toISOString()),
});

export const sessionFields = (s: Session) => ({
  id: globalId('Session', s.id),
  hmsId: s.id,
  active: s.active,
  startedAt: s.created_at,
  endedAt: s.active ? null : s.updated_at,
  durationSeconds: seconds(s.created_at, s.active ? new Date().toISOString() : s.updated_at),
  peerCount: Object.keys(s.peers ?? {}).length,
});

const scoped = (item: { id: string; session_id?: string }) =>
  item.session_id ? `${item.id}@${item.session_id}` : item.id;

export const recordingFields = (r: BeamJob) => ({
  id: globalId('Recording', scoped(r)),
  hmsId: r.id,
  status: r.status.toUpperCase(),
  startedAt: r.started_at,
  stoppedAt: r.stopped_at,
});

export const assetView = (a: RecordingAsset) => ({
  id: globalId('RecordingAsset', scoped(a)),
  hmsId: a.id,
  type: a.type,
  status: a.status,
  sizeBytes: a.size ?? 0,
  durationSeconds: a.duration ?? null,
  createdAt: a.created_at,
});

/** Asset DTOs embedded in a job GET lack the job's ids; the list endpoint has them. */
export const embeddedAssets = (job: BeamJob): RecordingAsset[] =>
  (job.recording_assets ?? []).map((a) => ({
    ...a,
    job_id: job.id,
    room_id: job.room_id,
    session_id: job.session_id,
  }));
