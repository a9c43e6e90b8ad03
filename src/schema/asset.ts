import type { Context } from '../context.js';
import { badUserInput } from '../errors.js';
import { HmsNotFoundError } from '../hms/errors.js';
import type { AssetListQuery, RecordingAsset } from '../hms/types.js';
import { builder } from './builder.js';
import { loadNodes, parseConnectionArgs, parseId, parseScopedId, toConnection } from './connection.js';
import { parseScopedLocalId, RecordingJobUnion, scopedLocalId } from './job.js';
import { pageArgs, RecordingAssetConnection, RecordingAssetRef, RoomRef, SessionRef } from './refs.js';

const PresignedUrlRef = builder.simpleObject('PresignedUrl', {
  description: 'A time-limited download URL. Never cached or shared between callers.',
  fields: (t) => ({
    url: t.string(),
    expiresAt: t.field({ type: 'DateTime' }),
  }),
});

/** 7 days: a generous upper bound; 100ms' own default without the parameter is 3 days (S3/GCS). */
const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

/**
 * The job behind an asset. `room-vod` assets only come from live streams; other types may come
 * from any of the three job kinds, so try the likeliest first and fall through on 404.
 */
async function jobOf(asset: RecordingAsset, ctx: Context) {
  const key = { id: asset.job_id, sessionId: asset.session_id };
  const attempts =
    asset.type === 'room-vod'
      ? [() => ctx.loaders.liveStream.load(key)]
      : [
          () => ctx.loaders.recording.load(key),
          () => ctx.loaders.externalStream.load(key),
          () => ctx.loaders.liveStream.load(key),
        ];
  for (const attempt of attempts) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof HmsNotFoundError)) throw error;
    }
  }
  return null;
}

builder.node(RecordingAssetRef, {
  description: 'A file produced by a recording or streaming job (video, chat log, transcript, …).',
  id: { resolve: scopedLocalId },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.recordingAsset, ids.map(parseScopedLocalId)),
  fields: (t) => ({
    hmsId: t.exposeString('id', { description: 'The 100ms asset id.' }),
    type: t.exposeString('type', {
      description:
        'room-composite, room-composite-legacy, room-vod, chat, transcript, summary, track or stream.',
    }),
    status: t.exposeString('status', { description: 'completed, failed or processing.' }),
    path: t.string({
      nullable: true,
      description: 'Storage URI, e.g. s3://…',
      resolve: (a) => a.path || null,
    }),
    sizeBytes: t.field({ type: 'SafeInt', description: 'Exact size in bytes.', resolve: (a) => a.size ?? 0 }),
    durationSeconds: t.int({ nullable: true, resolve: (a) => a.duration ?? null }),
    createdAt: t.field({ type: 'DateTime', resolve: (a) => a.created_at }),
    thumbnails: t.stringList({ resolve: (a) => a.thumbnails ?? [] }),
    outputMode: t.string({
      nullable: true,
      description: 'For transcripts and summaries: txt, srt or json.',
      resolve: (a) => (typeof a.metadata?.output_mode === 'string' ? a.metadata.output_mode : null),
    }),
    width: t.int({
      nullable: true,
      resolve: (a) => a.metadata?.resolution?.width ?? a.metadata?.max_width ?? null,
    }),
    height: t.int({
      nullable: true,
      resolve: (a) => a.metadata?.resolution?.height ?? a.metadata?.max_height ?? null,
    }),
    room: t.field({ type: RoomRef, resolve: (a, _args, ctx) => ctx.loaders.room.load(a.room_id) }),
    session: t.field({
      type: SessionRef,
      nullable: true,
      resolve: (a, _args, ctx) => (a.session_id ? ctx.loaders.session.load(a.session_id) : null),
    }),
    job: t.field({ type: RecordingJobUnion, nullable: true, resolve: (a, _args, ctx) => jobOf(a, ctx) }),
    presignedUrl: t.field({
      type: PresignedUrlRef,
      nullable: true,
      description: 'Fetched from 100ms only when selected; not cached.',
      args: { expiresInSeconds: t.arg.int({ description: `Validity, 60–${MAX_PRESIGN_SECONDS} seconds.` }) },
      resolve: async (a, args, ctx) => {
        const duration = args.expiresInSeconds ?? undefined;
        if (duration !== undefined && (duration < 60 || duration > MAX_PRESIGN_SECONDS)) {
          throw badUserInput(
            `\`expiresInSeconds\` must be 60–${MAX_PRESIGN_SECONDS}, got ${duration}`,
            'expiresInSeconds',
          );
        }
        const requestedAt = Date.now();
        const presigned = await ctx.hms.recordingAssets.presignedUrl(a.id, duration, ctx.upstream);
        return { url: presigned.url, expiresAt: new Date(requestedAt + presigned.expiry * 1000) };
      },
    }),
  }),
});

const RecordingAssetFilter = builder.inputType('RecordingAssetFilter', {
  fields: (t) => ({
    roomId: t.id(),
    sessionId: t.id(),
    status: t.string({ description: 'completed or failed.' }),
  }),
});

builder.queryFields((t) => ({
  recordingAsset: t.field({
    type: RecordingAssetRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      ctx.loaders.recordingAsset.load(parseScopedId(String(args.id), 'RecordingAsset')),
  }),
  recordingAssets: t.field({
    type: RecordingAssetConnection,
    args: { ...pageArgs(t.arg), filter: t.arg({ type: RecordingAssetFilter }) },
    resolve: async (_root, args, ctx) => {
      const { first, after } = parseConnectionArgs(args);
      const f = args.filter;
      const query: AssetListQuery = {
        ...(f?.roomId != null && { room_id: parseId(String(f.roomId), 'Room', 'filter.roomId') }),
        ...(f?.sessionId != null && {
          session_id: parseId(String(f.sessionId), 'Session', 'filter.sessionId'),
        }),
        ...(f?.status != null && { status: f.status }),
      };
      return toConnection(
        await ctx.loaders.recordingAssetsPage.load({ query, first, after }),
        (a) => a.id,
        Boolean(after),
      );
    },
  }),
}));
