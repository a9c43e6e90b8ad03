/**
 * Recordings, live streams and external streams are all "beam" jobs upstream (https://www.100ms.live/docs/server-side/v2/api-reference/recordings/overview):
 * their shared fields live once, on the `Job` interface, and the contract's `RecordingJob` union
 * names the three for `RecordingAsset.job`.
 */
import type { Context } from '../context.js';
import type { BeamJob, RecordingAsset } from '../hms/types.js';
import { assetView } from './asset-view.js';
import { builder } from './builder.js';
import { JobStatus } from './enums.js';
import {
  ExternalStreamRef,
  LiveStreamRef,
  RecordingAssetRef,
  RecordingRef,
  RoomRef,
  SessionRef,
} from './refs.js';
import { loadSession } from './session-view.js';

/** Global ids of session-scoped objects carry their session, so `nodes` can batch per session. */
export const scopedLocalId = (item: { id: string; session_id?: string }) =>
  item.session_id ? `${item.id}@${item.session_id}` : item.id;

export const parseScopedLocalId = (localId: string) => {
  const [id, sessionId] = localId.split('@') as [string, string | undefined];
  return sessionId ? { id, sessionId } : { id };
};

/**
 * A job's assets. A single-object GET embeds them (no call needed); otherwise they come from the
 * session's asset list, batched per room, partitioned by `job_id`.
 */
export async function assetsOfJob(job: BeamJob, ctx: Context): Promise<RecordingAsset[]> {
  if (job.recording_assets) {
    return job.recording_assets.map((a) => ({
      ...a,
      job_id: job.id,
      room_id: job.room_id,
      session_id: job.session_id,
    }));
  }
  if (!job.session_id) return [];
  return ctx.loaders.jobAssets({
    jobId: job.id,
    roomId: job.room_id,
    sessionId: job.session_id,
    createdAt: job.created_at,
  });
}

const emptyToNull = (value: string | null | undefined) => value || null;

export const JobRef = builder.interfaceRef<BeamJob>('Job').implement({
  description: 'A recording or streaming job run by 100ms for a room session.',
  fields: (t) => ({
    hmsId: t.exposeString('id', {
      description: 'The 100ms job id (recording assets point at it as job_id).',
    }),
    room: t.field({
      type: RoomRef,
      nullable: true,
      description:
        'The room the job runs in. Null only when loading it failed (the error on this path says why).',
      resolve: (job, _args, ctx) => ctx.loaders.room.load(job.room_id),
    }),
    session: t.field({
      type: SessionRef,
      nullable: true,
      description:
        'The session the job records or streams. Null before 100ms assigns one (while starting), or when loading it failed.',
      resolve: (job, _args, ctx) => (job.session_id ? loadSession(ctx, job.session_id) : null),
    }),
    status: t.field({
      type: JobStatus.ref,
      description: 'Where the job is in its life cycle.',
      resolve: (job) => JobStatus.fromUpstream(job.status),
    }),
    meetingUrl: t.string({
      nullable: true,
      description:
        'The page 100ms’s recorder or streamer opened to join the room; null when it used the default.',
      resolve: (job) => emptyToNull(job.meeting_url),
    }),
    destination: t.string({
      nullable: true,
      description:
        'Where 100ms stores the output (a bucket location); null when 100ms’s default storage is used.',
      resolve: (job) => emptyToNull(job.destination),
    }),
    startedBy: t.string({
      nullable: true,
      description: 'Peer id of whoever started it; null when started through the API.',
      resolve: (job) => emptyToNull(job.started_by),
    }),
    stoppedBy: t.string({
      nullable: true,
      description:
        'Peer id of whoever stopped it; null while running, or when stopped through the API or by 100ms.',
      resolve: (job) => emptyToNull(job.stopped_by),
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When 100ms accepted the start request.',
      resolve: (job) => job.created_at,
    }),
    updatedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Last change of the job’s state; null when 100ms has not reported one.',
      resolve: (job) => job.updated_at,
    }),
    startedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When recording or streaming actually began; null while starting.',
      resolve: (job) => job.started_at,
    }),
    stoppedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When recording or streaming ended; null while it runs.',
      resolve: (job) => job.stopped_at,
    }),
    assets: t.field({
      type: [RecordingAssetRef],
      nullable: true,
      description:
        'The files the job produced (empty until post-processing completes). Null only when loading them failed.',
      resolve: async (job, _args, ctx) => (await assetsOfJob(job, ctx)).map(assetView),
    }),
  }),
});

export const RecordingJobUnion = builder.unionType('RecordingJob', {
  description: 'The job that produced a recording asset.',
  types: [RecordingRef, LiveStreamRef, ExternalStreamRef],
  resolveType: (job) => {
    if ('playback' in job) return 'LiveStream';
    if ('rtmp_urls' in job) return 'ExternalStream';
    return 'Recording';
  },
});
