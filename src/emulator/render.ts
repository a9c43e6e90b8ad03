/**
 * Records → wire DTOs, exactly in the shapes of `src/hms/types.ts` (snake_case everywhere except
 * templates, which really are camelCase on the wire, https://www.100ms.live/docs/server-side/v2/api-reference/policy/template-object).
 */
import type {
  ActivePeer,
  ActivePeerWithTracks,
  ActiveRoom,
  EmbeddedAsset,
  ExternalStream,
  LiveStream,
  Recording,
  RecordingAsset,
  Room,
  RoomCode,
  Session,
  SessionPeer,
  Template,
  Track,
} from '../hms/types.js';
import type {
  AssetRecord,
  ExternalStreamJob,
  JobRecord,
  LiveStreamJob,
  PeerRecord,
  RecordingJob,
  RoomCodeRecord,
  RoomRecord,
  SessionRecord,
  TemplateRecord,
} from './model.js';
import type { Store } from './store.js';
import { formatNullable, formatTime } from './time.js';

export function renderRoom(store: Store, room: RoomRecord, options: { listItem?: boolean } = {}): Room {
  const template = store.templates.get(room.templateId);
  const out: Room = {
    id: room.id,
    name: room.name,
    enabled: room.enabled,
    description: room.description,
    customer_id: store.customerId,
    customer: store.customerId,
    app_id: store.appId,
    recording_source_template: room.recordingInfo === null,
    template_id: room.templateId,
    template: template?.name ?? '',
    region: room.region,
    large_room: room.largeRoom,
    size: room.size,
    max_duration_seconds: room.maxDurationSeconds,
    polls: [...room.polls],
    created_at: formatTime(room.createdAt),
    updated_at: formatTime(room.updatedAt),
  };
  // Go's `omitempty`: optional objects are absent rather than null when unset.
  if (room.recordingInfo) {
    const info = structuredClone(room.recordingInfo);
    // Bucket credentials are write-only: echoing a secret back would leak it into every list
    // response and log (inferred; the docs show rooms without credentials).
    if (info.upload_info) delete info.upload_info.credentials;
    out.recording_info = info;
  }
  if (room.webhook) out.webhook = structuredClone(room.webhook);
  if (options.listItem) out.key = `${store.customerId}:${room.name}`;
  return out;
}

function renderSessionPeer(peer: PeerRecord): SessionPeer {
  return {
    id: peer.id,
    session_id: peer.sessionId,
    name: peer.name,
    role: peer.role,
    user_id: peer.userId,
    user: peer.user,
    joined_at: formatTime(peer.joinedAt),
    // A connected peer has not left: Go serialises the unset time as the zero time (inferred;
    // the docs do not say, https://www.100ms.live/docs/server-side/v2/api-reference/Sessions/object).
    left_at: formatTime(peer.leftAt),
  };
}

export function renderSession(store: Store, session: SessionRecord): Session {
  const peers: Record<string, SessionPeer> = {};
  for (const peer of session.peers) peers[peer.id] = renderSessionPeer(peer);
  return {
    id: session.id,
    room_id: session.roomId,
    customer_id: store.customerId,
    app_id: store.appId,
    active: session.active,
    peers,
    created_at: formatTime(session.createdAt),
    updated_at: formatTime(session.updatedAt),
  };
}

export function renderActiveRoom(store: Store, room: RoomRecord, session: SessionRecord): ActiveRoom {
  return {
    id: room.id,
    name: room.name,
    customer_id: store.customerId,
    session: {
      id: session.id,
      created_at: formatTime(session.createdAt),
      peers: store.activePeers(session).map((peer) => peer.id),
    },
  };
}

export function renderActivePeer(peer: PeerRecord): ActivePeer {
  return {
    id: peer.id,
    name: peer.name,
    user_id: peer.userId,
    metadata: peer.metadata,
    role: peer.role,
    joined_at: formatTime(peer.joinedAt),
  };
}

export function renderActivePeerWithTracks(peer: PeerRecord): ActivePeerWithTracks {
  const tracks: Record<string, Track> = {};
  for (const track of peer.tracks) {
    tracks[track.id] = {
      id: track.id,
      stream_id: track.streamId,
      mute: track.mute,
      type: track.type,
      source: track.source,
      started_at: formatTime(track.startedAt),
      description: track.description,
    };
  }
  return { ...renderActivePeer(peer), tracks };
}

export function renderEmbeddedAsset(asset: AssetRecord): EmbeddedAsset {
  return {
    id: asset.id,
    thumbnails: asset.thumbnails ? [...asset.thumbnails] : null,
    duration: asset.duration,
    path: asset.path,
    status: asset.status,
    created_at: formatTime(asset.createdAt),
    type: asset.type,
    size: asset.size,
    metadata: structuredClone(asset.metadata),
  };
}

export function renderAsset(asset: AssetRecord): RecordingAsset {
  const { id, ...rest } = renderEmbeddedAsset(asset);
  return { id, job_id: asset.jobId, room_id: asset.roomId, session_id: asset.sessionId, ...rest };
}

/**
 * `withAssets`: single-object GETs carry `recording_assets` (null until the job produced some);
 * list items leave the key out entirely (https://www.100ms.live/docs/server-side/v2/api-reference/recordings/overview: "for performance").
 */
function renderJobBase(store: Store, job: JobRecord, withAssets: boolean) {
  const base = {
    id: job.id,
    room_id: job.roomId,
    session_id: job.sessionId,
    status: job.status,
    meeting_url: job.meetingUrl,
    destination: job.destination,
    started_by: job.startedBy,
    stopped_by: job.stoppedBy,
    created_at: formatTime(job.createdAt),
    updated_at: formatTime(job.updatedAt),
    started_at: formatNullable(job.startedAt),
    stopped_at: formatNullable(job.stoppedAt),
  };
  if (!withAssets) return base;
  const assets = store.assetsOf(job.id);
  return { ...base, recording_assets: assets.length > 0 ? assets.map(renderEmbeddedAsset) : null };
}

export function renderRecording(store: Store, job: RecordingJob, withAssets: boolean): Recording {
  return {
    ...renderJobBase(store, job, withAssets),
    asset_types: job.assetTypes ? [...job.assetTypes] : null,
  };
}

export function renderLiveStream(store: Store, job: LiveStreamJob, withAssets: boolean): LiveStream {
  return {
    ...renderJobBase(store, job, withAssets),
    playback: { url: job.playbackUrl },
    recording: { hls_vod: job.hlsVod, single_file_per_layer: job.singleFilePerLayer },
  };
}

export function renderExternalStream(
  store: Store,
  job: ExternalStreamJob,
  withAssets: boolean,
): ExternalStream {
  return {
    ...renderJobBase(store, job, withAssets),
    rtmp_urls: [...job.rtmpUrls],
    recording: job.recording,
    resolution: { ...job.resolution },
  };
}

export function renderJob(
  store: Store,
  job: JobRecord,
  withAssets: boolean,
): Recording | LiveStream | ExternalStream {
  if (job.kind === 'recording') return renderRecording(store, job, withAssets);
  if (job.kind === 'live-stream') return renderLiveStream(store, job, withAssets);
  return renderExternalStream(store, job, withAssets);
}

export function renderRoomCode(code: RoomCodeRecord): RoomCode {
  return {
    code: code.code,
    room_id: code.roomId,
    role: code.role,
    enabled: code.enabled,
    created_at: formatTime(code.createdAt),
    updated_at: formatTime(code.updatedAt),
  };
}

export function renderTemplate(store: Store, template: TemplateRecord): Template & Record<string, unknown> {
  const out: Template & Record<string, unknown> = {
    id: template.id,
    name: template.name,
    customerId: store.customerId,
    roles: structuredClone(template.roles),
    settings: structuredClone(template.settings),
    destinations: structuredClone(template.destinations),
    createdAt: formatTime(template.createdAt),
    updatedAt: formatTime(template.updatedAt),
    // Deprecated duplicates the real API still sends (https://www.100ms.live/docs/server-side/v2/api-reference/policy/template-object).
    _id: template.id,
    customer: store.customerId,
  };
  if (template.plugins) out.plugins = structuredClone(template.plugins);
  return out;
}
