/** Recordings, live streams (HLS) and external streams (RTMP): start, stop, pause, resume. */

import type DataLoader from 'dataloader';
import type { EntityKind } from '../../cache.js';
import type { Context } from '../../context.js';
import type {
  BeamJob,
  StartExternalStreamBody,
  StartLiveStreamBody,
  StartRecordingBody,
} from '../../hms/types.js';
import type { ScopedId } from '../../loaders/index.js';
import { builder } from '../builder.js';
import {
  httpUrl,
  inputId,
  inputScopedId,
  intInRange,
  MAX_URL_LENGTH,
  nonEmpty,
  runMutation,
} from '../mutation.js';
import { MUTATION_ERRORS, ValidationError } from '../mutation-errors.js';
import { ExternalStreamRef, LiveStreamRef, RecordingRef } from '../refs.js';
import { TranscriptionInput, transcriptionBody } from '../transcription.js';

const ResolutionInput = builder.inputType('ResolutionInput', {
  description: 'Output video size in pixels.',
  fields: (t) => ({
    width: t.int({ required: true, description: 'Width in pixels.' }),
    height: t.int({ required: true, description: 'Height in pixels.' }),
  }),
});

const LiveStreamRecordingInput = builder.inputType('LiveStreamRecordingInput', {
  description: 'Whether and how an HLS live stream is also recorded.',
  fields: (t) => ({
    hlsVod: t.boolean({ description: 'Record a room-vod asset.' }),
    singleFilePerLayer: t.boolean({ description: 'One room-composite asset per HLS layer.' }),
  }),
});

/** External streams: at least 500×480 landscape or 500×500 portrait, at most 1920×1080 / 1080×1920. */
function streamResolution(value: { width: number; height: number } | null | undefined) {
  if (!value) return undefined;
  const { width, height } = value;
  const landscape = width >= height;
  const ok = landscape
    ? width >= 500 && height >= 480 && width <= 1920 && height <= 1080
    : width >= 500 && height >= 500 && width <= 1080 && height <= 1920;
  if (!ok) {
    throw new ValidationError(
      'input.resolution must be 500×480–1920×1080 (landscape) or 500×500–1080×1920 (portrait)',
      'input.resolution',
    );
  }
  return { width, height };
}

function recordingResolution(value: { width: number; height: number } | null | undefined) {
  if (!value) return undefined;
  intInRange(value.width, 240, 1920, 'input.resolution.width');
  intInRange(value.height, 240, 1920, 'input.resolution.height');
  return { width: value.width, height: value.height };
}

/** Up to 5 RTMP URLs (the start endpoint's documented limit), each rtmp:// or rtmps://. */
export function rtmpUrls(urls: readonly string[]): string[] {
  if (urls.length < 1 || urls.length > 5) {
    throw new ValidationError(`input.rtmpUrls needs 1–5 URLs, got ${urls.length}`, 'input.rtmpUrls');
  }
  urls.forEach((url, i) => {
    if (url.length > MAX_URL_LENGTH || /\s/.test(url)) {
      throw new ValidationError(
        `input.rtmpUrls[${i}] must be at most ${MAX_URL_LENGTH} characters, without whitespace`,
        'input.rtmpUrls',
      );
    }
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'rtmp:' && parsed.protocol !== 'rtmps:') || !parsed.hostname) {
      throw new ValidationError(`input.rtmpUrls[${i}] must be an rtmp:// or rtmps:// URL`, 'input.rtmpUrls');
    }
  });
  return [...urls];
}

const JOB_CACHE: Record<string, [EntityKind, EntityKind]> = {
  recording: ['recording', 'recordingsBySession'],
  liveStream: ['liveStream', 'liveStreamsBySession'],
  externalStream: ['externalStream', 'externalStreamsBySession'],
};

/**
 * A job changed state: later reads in this request see the answer, and the shared cache drops
 * the job, its session's job list and its session's assets.
 */
async function fresh<T extends BeamJob>(
  ctx: Context,
  kind: 'recording' | 'liveStream' | 'externalStream',
  job: T,
): Promise<T> {
  const loader = ctx.loaders[kind] as unknown as DataLoader<ScopedId, T, string>;
  loader.clear({ id: job.id }).prime({ id: job.id }, job);
  const [byId, bySession] = JOB_CACHE[kind] as [EntityKind, EntityKind];
  await ctx.invalidate([
    [byId, job.id],
    ...(job.session_id
      ? ([
          [bySession, job.session_id],
          ['assetsBySession', job.session_id],
        ] as Array<[EntityKind, string]>)
      : []),
  ]);
  return job;
}

builder.mutationFields((t) => ({
  startRecording: t.fieldWithInput({
    description: 'Starts a browser recording of the room’s live session. Never retried automatically.',
    type: RecordingRef,
    errors: { types: MUTATION_ERRORS },
    input: {
      roomId: t.input.id({ required: true, description: 'The 100ms room id or Room global id.' }),
      meetingUrl: t.input.string({ description: 'Required unless the template has a subdomain.' }),
      resolution: t.input.field({
        type: ResolutionInput,
        description: 'Video size; the template’s when omitted.',
      }),
      audioOnly: t.input.boolean({ description: 'Record sound only (no video).' }),
      destination: t.input.string({ description: 'Template destination, when it has several.' }),
      transcription: t.input.field({
        type: TranscriptionInput,
        description: 'Transcribe (and summarise) the recording after it ends.',
      }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'startRecording', input, async () => {
        const roomId = inputId(input.roomId, 'Room', 'input.roomId');
        const body: StartRecordingBody = {};
        const meetingUrl = httpUrl(input.meetingUrl, 'input.meetingUrl');
        if (meetingUrl) body.meeting_url = meetingUrl;
        const resolution = recordingResolution(input.resolution);
        if (resolution) body.resolution = resolution;
        if (input.audioOnly != null) body.audio_only = input.audioOnly;
        if (input.destination) body.destination = input.destination;
        const transcription = transcriptionBody(input.transcription);
        if (transcription) body.transcription = transcription;
        return fresh(ctx, 'recording', await ctx.hms.recordings.start(roomId, body, ctx.upstream));
      }),
  }),
  stopRecording: t.fieldWithInput({
    description: 'Stops one recording; its files follow after post-processing.',
    type: RecordingRef,
    errors: { types: MUTATION_ERRORS },
    input: {
      recordingId: t.input.id({ required: true, description: 'The Recording global `id` or 100ms job id.' }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'stopRecording', input, async () => {
        const { id } = inputScopedId(input.recordingId, 'Recording', 'input.recordingId');
        return fresh(ctx, 'recording', await ctx.hms.recordings.stop(id, ctx.upstream));
      }),
  }),
  stopRoomRecordings: t.fieldWithInput({
    description: 'Stops every recording running in the room.',
    type: [RecordingRef],
    errors: { types: MUTATION_ERRORS },
    input: { roomId: t.input.id({ required: true, description: 'The 100ms room id or Room global id.' }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'stopRoomRecordings', input, async () => {
        const roomId = inputId(input.roomId, 'Room', 'input.roomId');
        const jobs = await ctx.hms.recordings.stopAll(roomId, ctx.upstream);
        return Promise.all(jobs.map((job) => fresh(ctx, 'recording', job)));
      }),
  }),
  pauseRecording: t.fieldWithInput({
    description: 'Pauses the room’s running recording.',
    type: RecordingRef,
    errors: { types: MUTATION_ERRORS },
    input: { roomId: t.input.id({ required: true, description: 'The 100ms room id or Room global id.' }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'pauseRecording', input, async () => {
        const roomId = inputId(input.roomId, 'Room', 'input.roomId');
        return fresh(ctx, 'recording', await ctx.hms.recordings.pause(roomId, ctx.upstream));
      }),
  }),
  resumeRecording: t.fieldWithInput({
    description: 'Resumes the room’s paused recording.',
    type: RecordingRef,
    errors: { types: MUTATION_ERRORS },
    input: { roomId: t.input.id({ required: true, description: 'The 100ms room id or Room global id.' }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'resumeRecording', input, async () => {
        const roomId = inputId(input.roomId, 'Room', 'input.roomId');
        return fresh(ctx, 'recording', await ctx.hms.recordings.resume(roomId, ctx.upstream));
      }),
  }),

  startLiveStream: t.fieldWithInput({
    description: 'Starts an HLS live stream; its playback URL is in the answer.',
    type: LiveStreamRef,
    errors: { types: MUTATION_ERRORS },
    input: {
      roomId: t.input.id({ required: true, description: 'The 100ms room id or Room global id.' }),
      meetingUrl: t.input.string({
        description: 'The page the streamer opens; required unless the template has a subdomain.',
      }),
      recording: t.input.field({ type: LiveStreamRecordingInput, description: 'Also record the stream.' }),
      destination: t.input.string({ description: 'Template destination, when it has several.' }),
      transcription: t.input.field({
        type: TranscriptionInput,
        description: 'Transcribe the stream: live captions and/or a post-call transcript and summary.',
      }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'startLiveStream', input, async () => {
        const roomId = inputId(input.roomId, 'Room', 'input.roomId');
        const body: StartLiveStreamBody = {};
        const meetingUrl = httpUrl(input.meetingUrl, 'input.meetingUrl');
        if (meetingUrl) body.meeting_url = meetingUrl;
        if (input.recording) {
          body.recording = {
            ...(input.recording.hlsVod != null && { hls_vod: input.recording.hlsVod }),
            ...(input.recording.singleFilePerLayer != null && {
              single_file_per_layer: input.recording.singleFilePerLayer,
            }),
          };
        }
        if (input.destination) body.destination = input.destination;
        const transcription = transcriptionBody(input.transcription);
        if (transcription) body.transcription = transcription;
        return fresh(ctx, 'liveStream', await ctx.hms.liveStreams.start(roomId, body, ctx.upstream));
      }),
  }),
  stopLiveStream: t.fieldWithInput({
    description: 'Stops one HLS live stream.',
    type: LiveStreamRef,
    errors: { types: MUTATION_ERRORS },
    input: {
      liveStreamId: t.input.id({
        required: true,
        description: 'The LiveStream global `id` or 100ms job id.',
      }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'stopLiveStream', input, async () => {
        const { id } = inputScopedId(input.liveStreamId, 'LiveStream', 'input.liveStreamId');
        return fresh(ctx, 'liveStream', await ctx.hms.liveStreams.stop(id, ctx.upstream));
      }),
  }),
  stopRoomLiveStreams: t.fieldWithInput({
    description: 'Stops every HLS live stream running in the room.',
    type: [LiveStreamRef],
    errors: { types: MUTATION_ERRORS },
    input: { roomId: t.input.id({ required: true, description: 'The 100ms room id or Room global id.' }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'stopRoomLiveStreams', input, async () => {
        const roomId = inputId(input.roomId, 'Room', 'input.roomId');
        const jobs = await ctx.hms.liveStreams.stopAll(roomId, ctx.upstream);
        return Promise.all(jobs.map((job) => fresh(ctx, 'liveStream', job)));
      }),
  }),
  pauseLiveStreamRecording: t.fieldWithInput({
    description: 'Pauses the recording of an HLS live stream (the stream goes on).',
    type: LiveStreamRef,
    errors: { types: MUTATION_ERRORS },
    input: {
      liveStreamId: t.input.id({
        required: true,
        description: 'The LiveStream global `id` or 100ms job id.',
      }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'pauseLiveStreamRecording', input, async () => {
        const { id } = inputScopedId(input.liveStreamId, 'LiveStream', 'input.liveStreamId');
        return fresh(ctx, 'liveStream', await ctx.hms.liveStreams.pauseRecording(id, ctx.upstream));
      }),
  }),
  resumeLiveStreamRecording: t.fieldWithInput({
    description: 'Resumes the paused recording of an HLS live stream.',
    type: LiveStreamRef,
    errors: { types: MUTATION_ERRORS },
    input: {
      liveStreamId: t.input.id({
        required: true,
        description: 'The LiveStream global `id` or 100ms job id.',
      }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'resumeLiveStreamRecording', input, async () => {
        const { id } = inputScopedId(input.liveStreamId, 'LiveStream', 'input.liveStreamId');
        return fresh(ctx, 'liveStream', await ctx.hms.liveStreams.resumeRecording(id, ctx.upstream));
      }),
  }),
  sendTimedMetadata: t.fieldWithInput({
    description: 'Inserts timed metadata into the HLS stream (e.g. to trigger a poll in players).',
    type: LiveStreamRef,
    errors: { types: MUTATION_ERRORS },
    input: {
      liveStreamId: t.input.id({
        required: true,
        description: 'The LiveStream global `id` or 100ms job id.',
      }),
      payload: t.input.string({ required: true, description: 'At most 100 characters.' }),
      duration: t.input.int({ required: true, description: 'Seconds the metadata stays active (1–3600).' }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'sendTimedMetadata', input, async () => {
        const { id } = inputScopedId(input.liveStreamId, 'LiveStream', 'input.liveStreamId');
        const payload = nonEmpty(input.payload, 'input.payload', 100);
        const duration = intInRange(input.duration, 1, 3600, 'input.duration') as number;
        return fresh(
          ctx,
          'liveStream',
          await ctx.hms.liveStreams.sendTimedMetadata(id, { payload, duration }, ctx.upstream),
        );
      }),
  }),

  startExternalStream: t.fieldWithInput({
    description: 'Streams the room over RTMP to up to 5 destinations.',
    type: ExternalStreamRef,
    errors: { types: MUTATION_ERRORS },
    input: {
      roomId: t.input.id({ required: true, description: 'The 100ms room id or Room global id.' }),
      rtmpUrls: t.input.stringList({
        required: true,
        description: 'rtmp:// or rtmps:// URLs with stream keys (1–5).',
      }),
      meetingUrl: t.input.string({
        description: 'The page the streamer opens; required unless the template has a subdomain.',
      }),
      recording: t.input.boolean({ description: 'Also record a room-composite asset.' }),
      resolution: t.input.field({
        type: ResolutionInput,
        description: 'Video size; the template’s when omitted.',
      }),
      destination: t.input.string({ description: 'Template destination, when it has several.' }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'startExternalStream', input, async () => {
        const roomId = inputId(input.roomId, 'Room', 'input.roomId');
        const body: StartExternalStreamBody = { rtmp_urls: rtmpUrls(input.rtmpUrls) };
        const meetingUrl = httpUrl(input.meetingUrl, 'input.meetingUrl');
        if (meetingUrl) body.meeting_url = meetingUrl;
        if (input.recording != null) body.recording = input.recording;
        const resolution = streamResolution(input.resolution);
        if (resolution) body.resolution = resolution;
        if (input.destination) body.destination = input.destination;
        return fresh(ctx, 'externalStream', await ctx.hms.externalStreams.start(roomId, body, ctx.upstream));
      }),
  }),
  stopExternalStream: t.fieldWithInput({
    description: 'Stops one RTMP stream.',
    type: ExternalStreamRef,
    errors: { types: MUTATION_ERRORS },
    input: {
      externalStreamId: t.input.id({
        required: true,
        description: 'The ExternalStream global `id` or 100ms job id.',
      }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'stopExternalStream', input, async () => {
        const { id } = inputScopedId(input.externalStreamId, 'ExternalStream', 'input.externalStreamId');
        return fresh(ctx, 'externalStream', await ctx.hms.externalStreams.stop(id, ctx.upstream));
      }),
  }),
  stopRoomExternalStreams: t.fieldWithInput({
    description: 'Stops every RTMP stream running in the room.',
    type: [ExternalStreamRef],
    errors: { types: MUTATION_ERRORS },
    input: { roomId: t.input.id({ required: true, description: 'The 100ms room id or Room global id.' }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'stopRoomExternalStreams', input, async () => {
        const roomId = inputId(input.roomId, 'Room', 'input.roomId');
        const jobs = await ctx.hms.externalStreams.stopAll(roomId, ctx.upstream);
        return Promise.all(jobs.map((job) => fresh(ctx, 'externalStream', job)));
      }),
  }),
}));
