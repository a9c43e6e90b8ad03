import { builder } from './builder.js';
import { loadNodes, parseConnectionArgs, parseScopedId, toConnection } from './connection.js';
import { JobStatus, LegacyRecordingStatus } from './enums.js';
import { JobRef, parseScopedLocalId, scopedLocalId } from './job.js';
import { JobFilter, jobFilterFields } from './recording.js';
import {
  ExternalStreamConnection,
  ExternalStreamRef,
  LiveStreamConnection,
  LiveStreamRef,
  pageArgs,
} from './refs.js';

const ResolutionRef = builder.simpleObject('Resolution', {
  description: 'A video size in pixels.',
  fields: (t) => ({
    width: t.int({ description: 'Width in pixels.' }),
    height: t.int({ description: 'Height in pixels.' }),
  }),
});

builder.node(LiveStreamRef, {
  description: 'An HLS live stream of a room session.',
  interfaces: [JobRef],
  id: { resolve: scopedLocalId },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.liveStream, ids.map(parseScopedLocalId)),
  fields: (t) => ({
    playbackUrl: t.string({
      nullable: true,
      description: 'Master m3u8 playlist URL for players; null until 100ms reports it.',
      resolve: (s) => s.playback?.url || null,
    }),
    recordingHlsVod: t.boolean({
      description: 'Whether the stream is also recorded as a video-on-demand file (a ROOM_VOD asset).',
      resolve: (s) => s.recording?.hls_vod ?? false,
    }),
    recordingSingleFilePerLayer: t.boolean({
      description: 'Whether each HLS quality layer is recorded as its own file.',
      resolve: (s) => s.recording?.single_file_per_layer ?? false,
    }),
  }),
});

builder.node(ExternalStreamRef, {
  description: 'An RTMP stream of a room session to external services (YouTube, Twitch, …).',
  interfaces: [JobRef],
  id: { resolve: scopedLocalId },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.externalStream, ids.map(parseScopedLocalId)),
  fields: (t) => ({
    rtmpUrls: t.stringList({
      description: 'Destinations. They embed stream keys: treat as secrets.',
      resolve: (s) => s.rtmp_urls ?? [],
    }),
    recording: t.boolean({
      description: 'Whether the stream is also recorded (a STREAM asset).',
      resolve: (s) => s.recording ?? false,
    }),
    resolution: t.field({
      type: ResolutionRef,
      nullable: true,
      description: 'Output video size; null when 100ms uses its default.',
      resolve: (s) => s.resolution ?? null,
    }),
  }),
});

const streamFilterText = jobFilterFields('streams');
const StreamFilter = builder.inputType('StreamFilter', {
  description: 'Narrows `liveStreams` and `externalStreams`; fields combine with AND.',
  fields: (t) => ({
    roomId: t.id(streamFilterText.roomId),
    sessionId: t.id(streamFilterText.sessionId),
    jobStatus: t.field({ type: JobStatus.ref, ...streamFilterText.jobStatus }),
    status: t.field({ type: LegacyRecordingStatus.ref, ...streamFilterText.status }),
  }),
});

builder.queryFields((t) => ({
  liveStream: t.field({
    type: LiveStreamRef,
    nullable: true,
    description:
      'An HLS live stream by its global id or 100ms job id. Null plus NOT_FOUND when it does not exist.',
    args: {
      id: t.arg.id({
        required: true,
        description: 'The LiveStream global `id` (preferred), or the 100ms job id.',
      }),
    },
    resolve: (_root, args, ctx) => ctx.loaders.liveStream.load(parseScopedId(String(args.id), 'LiveStream')),
  }),
  liveStreams: t.field({
    type: LiveStreamConnection,
    description: 'HLS live streams of the workspace.',
    args: {
      ...pageArgs(t.arg),
      filter: t.arg({ type: StreamFilter, description: 'Narrow the list; all live streams when omitted.' }),
    },
    resolve: async (_root, args, ctx) => {
      const { first, after } = parseConnectionArgs(args);
      const query = JobFilter.toQuery(args.filter);
      return toConnection(
        await ctx.loaders.liveStreamsPage.load({ query, first, after }),
        (s) => s.id,
        Boolean(after),
      );
    },
  }),
  externalStream: t.field({
    type: ExternalStreamRef,
    nullable: true,
    description:
      'An RTMP stream by its global id or 100ms job id. Null plus NOT_FOUND when it does not exist.',
    args: {
      id: t.arg.id({
        required: true,
        description: 'The ExternalStream global `id` (preferred), or the 100ms job id.',
      }),
    },
    resolve: (_root, args, ctx) =>
      ctx.loaders.externalStream.load(parseScopedId(String(args.id), 'ExternalStream')),
  }),
  externalStreams: t.field({
    type: ExternalStreamConnection,
    description: 'RTMP streams of the workspace.',
    args: {
      ...pageArgs(t.arg),
      filter: t.arg({ type: StreamFilter, description: 'Narrow the list; all RTMP streams when omitted.' }),
    },
    resolve: async (_root, args, ctx) => {
      const { first, after } = parseConnectionArgs(args);
      const query = JobFilter.toQuery(args.filter);
      return toConnection(
        await ctx.loaders.externalStreamsPage.load({ query, first, after }),
        (s) => s.id,
        Boolean(after),
      );
    },
  }),
}));
