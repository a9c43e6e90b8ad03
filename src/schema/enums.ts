/**
 * Enums over upstream values. 100ms adds values over time; an unknown one must not fail a whole
 * query, so every upstream enum has an UNKNOWN member that absorbs it.
 */
import { builder } from './builder.js';

/** Internal value of every upstream enum's UNKNOWN member. */
export const UNKNOWN_VALUE = '__unknown__';

export function upstreamEnum<const V extends string>(
  name: string,
  description: string,
  values: readonly V[],
  meanings: Partial<Record<V, string>> = {},
) {
  const toName = (v: string) => v.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  const members = Object.fromEntries([
    ...values.map((v) => [toName(v), { value: v as string, description: meanings[v] ?? `100ms \`${v}\`.` }]),
    [
      'UNKNOWN',
      {
        value: UNKNOWN_VALUE,
        description: 'A value 100ms sent that this gateway does not know yet. Cannot be used as a filter.',
      },
    ],
  ]);
  const ref = builder.enumType(name, { description, values: members });
  const known = new Set<string>(values);
  /** Maps an upstream string onto the enum's internal values. */
  const fromUpstream = (value: string | null | undefined) =>
    value && known.has(value) ? value : UNKNOWN_VALUE;
  return { ref, fromUpstream, values };
}

const JOB_STATUSES = ['starting', 'running', 'stopping', 'post_processing', 'completed', 'failed'] as const;
const JOB_STATUS_MEANINGS = {
  starting: '100ms `starting`: accepted, the job is joining the room.',
  running: '100ms `running`: recording or streaming now.',
  stopping: '100ms `stopping`: a stop was requested; the job is leaving the room.',
  post_processing: '100ms `post_processing`: stopped; files are being produced.',
  completed: '100ms `completed`: done; its assets are available.',
  failed: '100ms `failed`: the job ended without (all of) its output.',
} as const;

export const JobStatus = upstreamEnum(
  'JobStatus',
  'State of a recording, live stream or external stream job: STARTING → RUNNING → STOPPING → POST_PROCESSING → COMPLETED, or FAILED.',
  JOB_STATUSES,
  JOB_STATUS_MEANINGS,
);

/**
 * The old name of `JobStatus`, kept so operations that declare `$status: RecordingStatus` keep
 * validating against the deprecated `status` filter arguments.
 */
export const LegacyRecordingStatus = upstreamEnum(
  'RecordingStatus',
  'Deprecated name of `JobStatus` (same values), accepted only by the deprecated `status` filter arguments. Use `JobStatus` and the `jobStatus` arguments.',
  JOB_STATUSES,
  JOB_STATUS_MEANINGS,
);

export const AssetType = upstreamEnum(
  'RecordingAssetType',
  'What kind of file a recording asset is.',
  [
    'room-composite',
    'room-composite-legacy',
    'room-vod',
    'chat',
    'transcript',
    'summary',
    'track',
    'stream',
  ] as const,
  {
    'room-composite': '100ms `room-composite`: the composite video (MP4) of a browser recording.',
    'room-composite-legacy': '100ms `room-composite-legacy`: a composite video made by the older recorder.',
    'room-vod': '100ms `room-vod`: the video-on-demand MP4 recorded from an HLS live stream.',
    chat: '100ms `chat`: the chat messages of the session (CSV).',
    transcript: '100ms `transcript`: a speech transcript (see `outputMode` for its format).',
    summary: '100ms `summary`: an AI summary of the transcript (JSON).',
    track: '100ms `track`: one recorded track of one peer.',
    stream: '100ms `stream`: the recording of an RTMP (external) stream.',
  },
);

export const AssetStatus = upstreamEnum(
  'RecordingAssetStatus',
  'Whether a recording asset can be downloaded yet.',
  ['completed', 'failed', 'processing'] as const,
  {
    completed: '100ms `completed`: the file is in storage and can be downloaded.',
    failed: '100ms `failed`: the file could not be produced.',
    processing: '100ms `processing`: the file is still being produced.',
  },
);

export const RoomRegion = upstreamEnum(
  'RoomRegion',
  'Where a room’s media servers run.',
  ['in', 'us', 'eu', 'auto'] as const,
  {
    in: '100ms `in`: India.',
    us: '100ms `us`: United States.',
    eu: '100ms `eu`: Europe.',
    auto: '100ms `auto`: the region nearest to the first peer, or the template’s region.',
  },
);
