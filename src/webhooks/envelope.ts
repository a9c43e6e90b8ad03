/**
 * The 100ms webhook envelope and event types (https://www.100ms.live/docs/server-side/v2/how-to-guides/configure-webhooks/webhook) and what the
 * gateway does with each event type: which GraphQL event it becomes, and which shared-cache entries it makes stale. Pure
 * functions over untrusted JSON: nothing here throws on a hostile body, it reports a problem.
 */
import type { EntityKind } from '../cache.js';
import type { HmsEvent } from '../pubsub.js';

export interface WebhookEnvelope {
  version: string | null;
  id: string;
  type: string;
  timestamp: string;
  isReplay: boolean;
  data: Record<string, unknown>;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const ID = /^[A-Za-z0-9._:-]{1,128}$/;
const TYPE = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+){1,5}$/;
const MAX_TYPE = 100;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Problems name the field and what was expected, never echo the value. */
export function parseEnvelope(body: unknown): Parsed<WebhookEnvelope> {
  if (!isObject(body)) return { ok: false, problem: 'the body must be a JSON object' };
  const { id, type, timestamp, data, version, is_replay: isReplay } = body;
  if (typeof id !== 'string' || !ID.test(id))
    return { ok: false, problem: '`id` must be a string of 1-128 letters, digits and ._:-' };
  if (typeof type !== 'string' || type.length > MAX_TYPE || !TYPE.test(type))
    return { ok: false, problem: '`type` must be a dotted event name such as peer.join.success' };
  if (typeof timestamp !== 'string' || timestamp.length > 40 || Number.isNaN(Date.parse(timestamp)))
    return { ok: false, problem: '`timestamp` must be an ISO 8601 date-time' };
  if (!isObject(data)) return { ok: false, problem: '`data` must be an object' };
  if (version !== undefined && typeof version !== 'string')
    return { ok: false, problem: '`version` must be a string' };
  if (isReplay !== undefined && typeof isReplay !== 'boolean')
    return { ok: false, problem: '`is_replay` must be a boolean' };
  return {
    ok: true,
    value: { version: version ?? null, id, type, timestamp, isReplay: isReplay === true, data },
  };
}

type Data = Record<string, unknown>;
type Stale = Array<[EntityKind, string]>;

export const str = (data: Data, key: string): string | null =>
  typeof data[key] === 'string' && data[key] !== '' ? (data[key] as string) : null;

/** GraphQL object types of the `RoomEvent` interface. */
export type RoomEventTypeName =
  | 'PeerJoined'
  | 'PeerLeft'
  | 'SessionOpened'
  | 'SessionClosed'
  | 'RoomEnded'
  | 'RoleChanged'
  | 'RecordingStateChanged'
  | 'TranscriptionReady'
  | 'TranscriptionStarted'
  | 'TranscriptionFailed'
  | 'IngestStarted'
  | 'IngestEnded'
  | 'IngestFailed'
  | 'TrackRecordingStateChanged'
  | 'StreamRecordingStateChanged';

interface EventRule {
  /** Published to subscribers as this GraphQL type; null: only invalidates. */
  graphqlType: RoomEventTypeName | null;
  stale(data: Data, sessionId: string | null): Stale;
}

const session = (sessionId: string | null): Stale => (sessionId ? [['session', sessionId]] : []);
const sessionChildren = (sessionId: string | null, ...kinds: EntityKind[]): Stale =>
  sessionId ? kinds.map((kind): [EntityKind, string] => [kind, sessionId]) : [];
const ids = (data: Data, kind: EntityKind, ...keys: string[]): Stale =>
  keys.map((key) => str(data, key)).flatMap((id): Stale => (id ? [[kind, id]] : []));
/** Asset ids an event reports: single files, transcripts, summaries. */
export function assetIdsOf(type: string, data: Data): string[] {
  const found: string[] = [];
  const add = (value: unknown) => {
    if (typeof value === 'string' && value !== '' && !found.includes(value)) found.push(value);
  };
  if (
    type === 'beam.recording.success' ||
    type === 'hls.recording.success' ||
    type === 'track.recording.success' ||
    type === 'stream.recording.success'
  )
    add(data.recording_id);
  if (Array.isArray(data.recording_single_files)) {
    for (const file of data.recording_single_files) if (isObject(file)) add(file.asset_id);
  }
  for (const key of [
    'transcript_json_asset_id',
    'transcript_srt_asset_id',
    'transcript_txt_asset_id',
    'summary_json_asset_id',
  ])
    add(data[key]);
  return found;
}
const assets = (type: string) => (data: Data) =>
  assetIdsOf(type, data).map((id): [EntityKind, string] => ['recordingAsset', id]);

/** Beam jobs are recordings, or external (RTMP) streams when they carry RTMP targets. */
export const isExternalStreamBeam = (data: Data) => Array.isArray(data.rtmp) && data.rtmp.length > 0;

const beam = (type: string): EventRule => ({
  graphqlType: 'RecordingStateChanged',
  stale: (data, sessionId) => [
    ...ids(data, 'recording', 'beam_id'),
    ...ids(data, 'externalStream', 'beam_id'),
    ...sessionChildren(sessionId, 'recordingsBySession', 'externalStreamsBySession', 'assetsBySession'),
    ...assets(type)(data),
  ],
});
const hls = (type: string): EventRule => ({
  graphqlType: 'RecordingStateChanged',
  stale: (data, sessionId) => [
    ...ids(data, 'liveStream', 'beam_id'),
    ...sessionChildren(sessionId, 'liveStreamsBySession', 'assetsBySession'),
    ...assets(type)(data),
  ],
});
const transcription = (graphqlType: RoomEventTypeName | null, type: string): EventRule => ({
  graphqlType,
  stale: (data, sessionId) => [
    ...ids(data, 'recording', 'recording_id'),
    ...sessionChildren(sessionId, 'assetsBySession', 'recordingsBySession'),
    ...assets(type)(data),
  ],
});

const peerRecording = (graphqlType: RoomEventTypeName, type: string): EventRule => ({
  graphqlType,
  stale: (data, sessionId) => [...sessionChildren(sessionId, 'assetsBySession'), ...assets(type)(data)],
});

/**
 * What each known type does. A peer's arrival or departure changes the session's peer list (the
 * active room itself is never cached); a closed session ends its jobs; finished jobs add assets.
 */
export const EVENT_RULES: Readonly<Record<string, EventRule>> = {
  'session.open.success': { graphqlType: 'SessionOpened', stale: (_d, s) => session(s) },
  'session.close.success': {
    graphqlType: 'SessionClosed',
    stale: (_d, s) => [
      ...session(s),
      ...sessionChildren(
        s,
        'recordingsBySession',
        'liveStreamsBySession',
        'externalStreamsBySession',
        'assetsBySession',
      ),
    ],
  },
  'peer.join.success': { graphqlType: 'PeerJoined', stale: (_d, s) => session(s) },
  'peer.leave.success': { graphqlType: 'PeerLeft', stale: (_d, s) => session(s) },
  'role.change.success': { graphqlType: 'RoleChanged', stale: (_d, s) => session(s) },
  'room.end.success': {
    graphqlType: 'RoomEnded',
    // `lock_room` disables the room itself.
    stale: (d, s) => [...session(s), ...ids(d, 'room', 'room_id')],
  },
  'beam.started.success': beam('beam.started.success'),
  'beam.stopped.success': beam('beam.stopped.success'),
  'beam.recording.success': beam('beam.recording.success'),
  'beam.failure': beam('beam.failure'),
  'hls.started.success': hls('hls.started.success'),
  'hls.stopped.success': hls('hls.stopped.success'),
  'hls.recording.success': hls('hls.recording.success'),
  'hls.failure': hls('hls.failure'),
  'transcription.started.success': transcription('TranscriptionStarted', 'transcription.started.success'),
  'transcription.success': transcription('TranscriptionReady', 'transcription.success'),
  'transcription.failure': transcription('TranscriptionFailed', 'transcription.failure'),
  // Track and stream (per-peer) recordings: their files appear under the session
  // (https://www.100ms.live/docs/server-side/v2/how-to-guides/configure-webhooks/webhook#recording-events).
  'track.recording.started.success': peerRecording(
    'TrackRecordingStateChanged',
    'track.recording.started.success',
  ),
  'track.recording.success': peerRecording('TrackRecordingStateChanged', 'track.recording.success'),
  'track.recording.failure': peerRecording('TrackRecordingStateChanged', 'track.recording.failure'),
  'stream.recording.success': peerRecording('StreamRecordingStateChanged', 'stream.recording.success'),
  'stream.recording.failure': peerRecording('StreamRecordingStateChanged', 'stream.recording.failure'),
  // RTMP ingest (https://www.100ms.live/docs/server-side/v2/api-reference/live-streams/create-rtmp-stream-key):
  // nothing the gateway caches changes.
  'ingest.start.success': { graphqlType: 'IngestStarted', stale: () => [] },
  'ingest.end.success': { graphqlType: 'IngestEnded', stale: () => [] },
  'ingest.start.failure': { graphqlType: 'IngestFailed', stale: () => [] },
  'ingest.failure': { graphqlType: 'IngestFailed', stale: () => [] },
  // Legacy SFU recordings: their assets appear under the session.
  'recording.success': {
    graphqlType: null,
    stale: (_d, s) => sessionChildren(s, 'assetsBySession', 'recordingsBySession'),
  },
  'recording.failed': {
    graphqlType: null,
    stale: (_d, s) => sessionChildren(s, 'assetsBySession', 'recordingsBySession'),
  },
};

/** The types a subscriber can receive (and filter on with `types`). */
export const PUBLISHED_TYPES: readonly string[] = Object.entries(EVENT_RULES)
  .filter(([, rule]) => rule.graphqlType !== null)
  .map(([type]) => type);

export const graphqlTypeOf = (type: string): RoomEventTypeName | null =>
  EVENT_RULES[type]?.graphqlType ?? null;

/**
 * Short-lived download links are not passed on: subscribers fetch `presignedUrl` through the
 * graph when they need one, with their own authorization, and Redis never carries them.
 */
const DROPPED = /presigned_url|^location$|^url$/i;

function sanitize(data: Data): Data {
  const out: Data = {};
  for (const [key, value] of Object.entries(data)) {
    if (DROPPED.test(key)) continue;
    if (key === 'recording_single_files' && Array.isArray(value)) {
      out[key] = value.map((file) => (isObject(file) ? sanitize(file) : file));
      continue;
    }
    out[key] = value;
  }
  return out;
}

export interface Accepted {
  event: HmsEvent;
  stale: Stale;
  /** False: invalidate only (a known type with no GraphQL event). */
  publish: boolean;
}

/** A known event, ready to act on; null for types the gateway does not handle. */
export function interpret(envelope: WebhookEnvelope): Parsed<Accepted> | null {
  const rule = EVENT_RULES[envelope.type];
  if (!rule) return null;
  const roomId = str(envelope.data, 'room_id');
  if (!roomId || !ID.test(roomId))
    return { ok: false, problem: `\`data.room_id\` is required for ${envelope.type}` };
  const sessionId = str(envelope.data, 'session_id');
  if (sessionId !== null && !ID.test(sessionId))
    return { ok: false, problem: '`data.session_id` is malformed' };
  return {
    ok: true,
    value: {
      event: {
        id: envelope.id,
        type: envelope.type,
        timestamp: envelope.timestamp,
        replay: envelope.isReplay,
        roomId,
        sessionId,
        data: sanitize(envelope.data),
      },
      stale: rule.stale(envelope.data, sessionId),
      publish: rule.graphqlType !== null,
    },
  };
}
