import type { Context } from '../context.js';
import { badUserInput } from '../errors.js';
import { HmsNotFoundError } from '../hms/errors.js';
import type { AssetListQuery, RecordingAsset } from '../hms/types.js';
import { assetView } from './asset-view.js';
import { builder } from './builder.js';
import {
  loadNodes,
  mapConnection,
  parseConnectionArgs,
  parseId,
  parseScopedId,
  toConnection,
} from './connection.js';
import { AssetStatus, AssetType, UNKNOWN_VALUE } from './enums.js';
import { parseScopedLocalId, RecordingJobUnion, scopedLocalId } from './job.js';
import { pageArgs, RecordingAssetConnection, RecordingAssetRef, RoomRef, SessionRef } from './refs.js';
import { loadSession } from './session-view.js';

const PresignedUrlRef = builder.simpleObject('PresignedUrl', {
  description: 'A time-limited download URL. Never cached or shared between callers.',
  fields: (t) => ({
    url: t.string({
      description: 'HTTPS URL that downloads the file without credentials until `expiresAt`.',
    }),
    expiresAt: t.field({ type: 'DateTime', description: 'When the URL stops working.' }),
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
  id: { resolve: (a) => scopedLocalId(a.raw) },
  loadMany: (ids, ctx) =>
    loadNodes(ctx.loaders.recordingAsset, ids.map(parseScopedLocalId)).map((asset) =>
      asset.then((a) => a && assetView(a)),
    ),
  fields: (t) => ({
    hmsId: t.exposeString('hmsId', { description: 'The 100ms asset id.' }),
    type: t.expose('type', { type: AssetType.ref, description: 'What kind of file this is.' }),
    status: t.expose('status', {
      type: AssetStatus.ref,
      description: 'Whether the file can be downloaded yet.',
    }),
    path: t.exposeString('path', {
      nullable: true,
      description: 'Storage URI, e.g. s3://…; null until the file is stored.',
    }),
    sizeBytes: t.expose('sizeBytes', {
      type: 'SafeInt',
      description: 'Exact size in bytes; 0 while processing.',
    }),
    durationSeconds: t.exposeInt('durationSeconds', {
      nullable: true,
      description: 'Length of the media in seconds; null for files without one (chat, transcript, summary).',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When 100ms created the asset.' }),
    thumbnails: t.exposeStringList('thumbnails', {
      description: 'Storage URIs of thumbnail images (video assets only; empty otherwise).',
    }),
    outputMode: t.exposeString('outputMode', {
      nullable: true,
      description: 'For transcripts and summaries: txt, srt or json; null for other assets.',
    }),
    width: t.exposeInt('width', {
      nullable: true,
      description: 'Video width in pixels; null for assets without video.',
    }),
    height: t.exposeInt('height', {
      nullable: true,
      description: 'Video height in pixels; null for assets without video.',
    }),
    room: t.field({
      type: RoomRef,
      nullable: true,
      description: 'The room the asset was recorded in. Null only when loading it failed.',
      resolve: (a, _args, ctx) => ctx.loaders.room.load(a.raw.room_id),
    }),
    session: t.field({
      type: SessionRef,
      nullable: true,
      description: 'The session the asset was recorded in. Null when 100ms did not say, or loading failed.',
      resolve: (a, _args, ctx) => (a.raw.session_id ? loadSession(ctx, a.raw.session_id) : null),
    }),
    job: t.field({
      type: RecordingJobUnion,
      nullable: true,
      description:
        'The recording or stream that produced the file. Null when it no longer exists, or loading failed.',
      resolve: (a, _args, ctx) => jobOf(a.raw, ctx),
    }),
    presignedUrl: t.field({
      type: PresignedUrlRef,
      nullable: true,
      description:
        'A download URL, fetched from 100ms only when selected and never cached. Null when 100ms refused it (e.g. the file is still processing); the error says why.',
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
        const presigned = await ctx.hms.recordingAssets.presignedUrl(a.raw.id, duration, ctx.upstream);
        return { url: presigned.url, expiresAt: new Date(requestedAt + presigned.expiry * 1000) };
      },
    }),
  }),
});

const RecordingAssetFilter = builder.inputType('RecordingAssetFilter', {
  description: 'Narrows `recordingAssets`; fields combine with AND.',
  fields: (t) => ({
    roomId: t.id({ description: 'Only assets of this room (100ms room id or Room global id).' }),
    sessionId: t.id({ description: 'Only assets of this session (100ms session id or Session global id).' }),
    status: t.field({
      type: AssetStatus.ref,
      description: 'Only assets in this state (UNKNOWN is refused).',
    }),
  }),
});

function assetStatusFilter(status: string): string {
  if (status === UNKNOWN_VALUE)
    throw badUserInput('`filter.status` UNKNOWN cannot be used as a filter', 'filter.status');
  return status;
}

builder.queryFields((t) => ({
  recordingAsset: t.field({
    type: RecordingAssetRef,
    nullable: true,
    description:
      'A recording asset by its global id or 100ms id. Null plus a NOT_FOUND error when it does not exist.',
    args: {
      id: t.arg.id({
        required: true,
        description:
          'The RecordingAsset global `id` (preferred: it carries the session), or the 100ms asset id.',
      }),
    },
    resolve: (_root, args, ctx) =>
      ctx.loaders.recordingAsset.load(parseScopedId(String(args.id), 'RecordingAsset')).then(assetView),
  }),
  recordingAssets: t.field({
    type: RecordingAssetConnection,
    description: 'Recording assets (files) of the workspace.',
    args: {
      ...pageArgs(t.arg),
      filter: t.arg({ type: RecordingAssetFilter, description: 'Narrow the list; all assets when omitted.' }),
    },
    resolve: async (_root, args, ctx) => {
      const { first, after } = parseConnectionArgs(args);
      const f = args.filter;
      const query: AssetListQuery = {
        ...(f?.roomId != null && { room_id: parseId(String(f.roomId), 'Room', 'filter.roomId') }),
        ...(f?.sessionId != null && {
          session_id: parseId(String(f.sessionId), 'Session', 'filter.sessionId'),
        }),
        ...(f?.status != null && { status: assetStatusFilter(f.status) }),
      };
      return mapConnection(
        toConnection(
          await ctx.loaders.recordingAssetsPage.load({ query, first, after }),
          (a) => a.id,
          Boolean(after),
        ),
        assetView,
      );
    },
  }),
}));
