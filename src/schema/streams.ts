import { builder } from './builder.js';
import { loadNodes, parseConnectionArgs, parseScopedId, toConnection } from './connection.js';
import { JobStatus } from './enums.js';
import { JobRef, parseScopedLocalId, scopedLocalId } from './job.js';
import { JobFilter } from './recording.js';
import {
  ExternalStreamConnection,
  ExternalStreamRef,
  LiveStreamConnection,
  LiveStreamRef,
  pageArgs,
} from './refs.js';

const ResolutionRef = builder.simpleObject('Resolution', {
  fields: (t) => ({ width: t.int(), height: t.int() }),
});

builder.node(LiveStreamRef, {
  description: 'An HLS live stream of a room session.',
  interfaces: [JobRef],
  id: { resolve: scopedLocalId },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.liveStream, ids.map(parseScopedLocalId)),
  fields: (t) => ({
    playbackUrl: t.string({
      nullable: true,
      description: 'Master m3u8 playlist; present from the start.',
      resolve: (s) => s.playback?.url || null,
    }),
    recordingHlsVod: t.boolean({
      description: 'Whether a room-vod asset is recorded.',
      resolve: (s) => s.recording?.hls_vod ?? false,
    }),
    recordingSingleFilePerLayer: t.boolean({ resolve: (s) => s.recording?.single_file_per_layer ?? false }),
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
    recording: t.boolean({ resolve: (s) => s.recording ?? false }),
    resolution: t.field({ type: ResolutionRef, nullable: true, resolve: (s) => s.resolution ?? null }),
  }),
});

const StreamFilter = builder.inputType('StreamFilter', {
  fields: (t) => ({
    roomId: t.id(),
    sessionId: t.id(),
    status: t.field({ type: JobStatus.ref }),
  }),
});

builder.queryFields((t) => ({
  liveStream: t.field({
    type: LiveStreamRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.liveStream.load(parseScopedId(String(args.id), 'LiveStream')),
  }),
  liveStreams: t.field({
    type: LiveStreamConnection,
    args: { ...pageArgs(t.arg), filter: t.arg({ type: StreamFilter }) },
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
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      ctx.loaders.externalStream.load(parseScopedId(String(args.id), 'ExternalStream')),
  }),
  externalStreams: t.field({
    type: ExternalStreamConnection,
    args: { ...pageArgs(t.arg), filter: t.arg({ type: StreamFilter }) },
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
