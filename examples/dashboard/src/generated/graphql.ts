/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** State of a recording, live stream or external stream job: STARTING → RUNNING → STOPPING → POST_PROCESSING → COMPLETED, or FAILED. */
export type JobStatus =
  /** 100ms `completed`: done; its assets are available. */
  | 'COMPLETED'
  /** 100ms `failed`: the job ended without (all of) its output. */
  | 'FAILED'
  /** 100ms `post_processing`: stopped; files are being produced. */
  | 'POST_PROCESSING'
  /** 100ms `running`: recording or streaming now. */
  | 'RUNNING'
  /** 100ms `starting`: accepted, the job is joining the room. */
  | 'STARTING'
  /** 100ms `stopping`: a stop was requested; the job is leaving the room. */
  | 'STOPPING'
  /** A value 100ms sent that this gateway does not know yet. Cannot be used as a filter. */
  | 'UNKNOWN';

/** A poll (opinions) or a quiz (scored answers). */
export type PollType =
  /** 100ms `poll`. */
  | 'POLL'
  /** 100ms `quiz`. */
  | 'QUIZ'
  /** A value 100ms sent that this gateway does not know yet. Cannot be used as a filter. */
  | 'UNKNOWN';

/** Whether a recording asset can be downloaded yet. */
export type RecordingAssetStatus =
  /** 100ms `completed`: the file is in storage and can be downloaded. */
  | 'COMPLETED'
  /** 100ms `failed`: the file could not be produced. */
  | 'FAILED'
  /** 100ms `processing`: the file is still being produced. */
  | 'PROCESSING'
  /** A value 100ms sent that this gateway does not know yet. Cannot be used as a filter. */
  | 'UNKNOWN';

/** What kind of file a recording asset is. */
export type RecordingAssetType =
  /** 100ms `chat`: the chat messages of the session (CSV). */
  | 'CHAT'
  /** 100ms `room-composite`: the composite video (MP4) of a browser recording. */
  | 'ROOM_COMPOSITE'
  /** 100ms `room-composite-legacy`: a composite video made by the older recorder. */
  | 'ROOM_COMPOSITE_LEGACY'
  /** 100ms `room-vod`: the video-on-demand MP4 recorded from an HLS live stream. */
  | 'ROOM_VOD'
  /** 100ms `stream`: the recording of an RTMP (external) stream. */
  | 'STREAM'
  /** 100ms `summary`: an AI summary of the transcript (JSON). */
  | 'SUMMARY'
  /** 100ms `track`: one recorded track of one peer. */
  | 'TRACK'
  /** 100ms `transcript`: a speech transcript (see `outputMode` for its format). */
  | 'TRANSCRIPT'
  /** A value 100ms sent that this gateway does not know yet. Cannot be used as a filter. */
  | 'UNKNOWN';

/** Which kind of 100ms job an event is about. */
export type RecordingJobKind =
  /** An RTMP stream: beam.* events with RTMP targets. */
  | 'EXTERNAL_STREAM'
  /** An HLS live stream: hls.* events. */
  | 'LIVE_STREAM'
  /** A browser (composite) recording: beam.* events without RTMP targets. */
  | 'RECORDING';

/** A cloud storage service. */
export type RecordingStorageType =
  /** Azure Blob Storage. */
  | 'AZURE'
  /** Google Cloud Storage. */
  | 'GS'
  /** Alibaba Cloud OSS. */
  | 'OSS'
  /** Amazon S3. */
  | 'S3';

/** The arguments of `replayWebhooks`. */
export type ReplayWebhooksInput = {
  /** Only these event types; all by default. */
  eventTypes?: Array<string> | null | undefined;
  /** At most this many webhooks, 1–50,000 (default 50,000). */
  limit?: number | null | undefined;
  /** Skip this many matching webhooks first (to replay more than 50,000). */
  offset?: number | null | undefined;
  /** Only this room’s webhooks (100ms id or Room global id). */
  roomId?: string | number | null | undefined;
  /** From this instant (default: 24 hours ago). */
  since?: string | null | undefined;
  /** Which deliveries; default FAILED. */
  status?: WebhookDeliveryFilter | null | undefined;
  /** Up to this instant (default: now; ≤ 14 days after since). */
  until?: string | null | undefined;
};

/** Output video size in pixels. */
export type ResolutionInput = {
  /** Height in pixels. */
  height: number;
  /** Width in pixels. */
  width: number;
};

/** Narrows `rooms`; fields combine with AND. */
export type RoomFilter = {
  /** Only rooms created after this instant. */
  createdAfter?: string | null | undefined;
  /** Only rooms created before this instant. */
  createdBefore?: string | null | undefined;
  /** Only enabled (true) or disabled (false) rooms. */
  enabled?: boolean | null | undefined;
  /** Exact room name (100ms matches it case-insensitively). */
  name?: string | null | undefined;
  /** Only rooms of this template (100ms template id or Template global id). */
  templateId?: string | number | null | undefined;
};

/** Where a room’s media servers run. */
export type RoomRegion =
  /** 100ms `auto`: the region nearest to the first peer, or the template’s region. */
  | 'AUTO'
  /** 100ms `eu`: Europe. */
  | 'EU'
  /** 100ms `in`: India. */
  | 'IN'
  /** A value 100ms sent that this gateway does not know yet. Cannot be used as a filter. */
  | 'UNKNOWN'
  /** 100ms `us`: United States. */
  | 'US';

/** The arguments of `setRoomCodeEnabled`. */
export type SetRoomCodeEnabledInput = {
  /** The code, e.g. `abc-defg-hij`. */
  code: string;
  /** True to enable, false to disable. */
  enabled: boolean;
};

/** The arguments of `startRecording`. */
export type StartRecordingInput = {
  /** Record sound only (no video). */
  audioOnly?: boolean | null | undefined;
  /** Template destination, when it has several. */
  destination?: string | null | undefined;
  /** Required unless the template has a subdomain. */
  meetingUrl?: string | null | undefined;
  /** Video size; the template’s when omitted. */
  resolution?: ResolutionInput | null | undefined;
  /** The 100ms room id or Room global id. */
  roomId: string | number;
  /** Transcribe (and summarise) the recording after it ends. */
  transcription?: TranscriptionInput | null | undefined;
};

/** The arguments of `stopRecording`. */
export type StopRecordingInput = {
  /** The Recording global `id` or 100ms job id. */
  recordingId: string | number;
};

/** How a summary section is written. */
export type SummarySectionFormat =
  /** A bulleted list. */
  | 'BULLETS'
  /** Prose. */
  | 'PARAGRAPH';

/** One section of the AI summary. */
export type SummarySectionInput = {
  /** Bullets or paragraph. */
  format: SummarySectionFormat;
  /** Section title, at most 100 characters. */
  title: string;
};

/** A transcript file format. */
export type TranscriptOutputMode =
  /** JSON with timings and speakers. */
  | 'JSON'
  /** SubRip subtitles. */
  | 'SRT'
  /** Plain text. */
  | 'TXT';

/** Transcribe the recording or stream (transcript assets, about 20 % of the duration after it ends) and optionally summarise it. */
export type TranscriptionInput = {
  /** Names and jargon to recognise (at most 100 words). */
  customVocabulary?: Array<string> | null | undefined;
  /** Transcribe (default true when this object is given). */
  enabled?: boolean | null | undefined;
  /** Post-call and/or live captions (default: recorded). */
  modes?: Array<TranscriptionMode> | null | undefined;
  /** Transcript formats (default: all three). */
  outputModes?: Array<TranscriptOutputMode> | null | undefined;
  /** AI summary options. */
  summary?: TranscriptionSummaryInput | null | undefined;
};

/** When 100ms transcribes. */
export type TranscriptionMode =
  /** Live, as HLS captions. */
  | 'LIVE'
  /** After the call, from the recording. */
  | 'RECORDED';

/** An AI summary of the transcript (a `summary` JSON asset). */
export type TranscriptionSummaryInput = {
  /** What the call is about, to guide the summary (≤ 300 characters). */
  context?: string | null | undefined;
  /** Produce a summary. */
  enabled: boolean;
  /** At most 6 sections. */
  sections?: Array<SummarySectionInput> | null | undefined;
  /** 0.1–1.0 (default 0.5): higher is more creative. */
  temperature?: number | null | undefined;
};

/** Which deliveries to list or replay. */
export type WebhookDeliveryFilter =
  /** Delivered and failed. */
  | 'ALL'
  /** Delivered ones only. */
  | 'DELIVERED'
  /** Failed deliveries only. */
  | 'FAILED';

/** Whether 100ms got an HTTP 200 from the webhook endpoint. */
export type WebhookDeliveryStatus =
  /** The endpoint answered 200. */
  | 'DELIVERED'
  /** Every attempt (the first and 3 retries) failed. */
  | 'FAILED'
  /** A delivery outcome this gateway does not know yet. */
  | 'UNKNOWN';

/** Progress of a replay workflow as 100ms reports it. */
export type WebhookReplayState =
  /** 100ms `Canceled`. */
  | 'CANCELED'
  /** 100ms `completed`. */
  | 'COMPLETED'
  /** 100ms `completed_with_failures`. */
  | 'COMPLETED_WITH_FAILURES'
  /** 100ms `failed`. */
  | 'FAILED'
  /** 100ms `Running`. */
  | 'RUNNING'
  /** 100ms `Terminated`. */
  | 'TERMINATED'
  /** A value 100ms sent that this gateway does not know yet. Cannot be used as a filter. */
  | 'UNKNOWN';

export type AnalyticsPageQueryVariables = Exact<{
  roomId: string | number;
  types?: Array<string> | string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AnalyticsPageQuery = { __typename: 'Query', analyticsEvents: { __typename: 'AnalyticsEventConnection', pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, nodes: Array<
      | { __typename: 'ErrorEvent', errorCode: number | null, errorName: string | null, errorMessage: string | null, eventId: string, type: string, timestamp: string, peerId: string | null, userId: string | null }
      | { __typename: 'GenericAnalyticsEvent', eventId: string, type: string, timestamp: string, peerId: string | null, userId: string | null }
      | { __typename: 'RecordingEvent', beamId: string | null, durationSeconds: number | null, sizeBytes: number | null, eventId: string, type: string, timestamp: string, peerId: string | null, userId: string | null }
      | { __typename: 'TrackEvent', trackId: string | null, trackType: string | null, source: string | null, mute: boolean | null, eventId: string, type: string, timestamp: string, peerId: string | null, userId: string | null }
    > } };

export type AssetDownloadUrlQueryVariables = Exact<{
  id: string | number;
  expiresInSeconds?: number | null | undefined;
}>;


export type AssetDownloadUrlQuery = { __typename: 'Query', recordingAsset: { __typename: 'RecordingAsset', id: string, presignedUrl: { __typename: 'PresignedUrl', url: string, expiresAt: string } | null } | null };

export type DashboardQueryVariables = Exact<{
  roomId: string | number;
  sessions?: number | null | undefined;
}>;


export type DashboardQuery = { __typename: 'Query', room: { __typename: 'Room', id: string, hmsId: string, name: string, enabled: boolean, createdAt: string, sessions: { __typename: 'SessionConnection', pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ __typename: 'Session', id: string, hmsId: string, active: boolean, startedAt: string, endedAt: string | null, durationSeconds: number | null, peerCount: number, peers: Array<{ __typename: 'SessionPeer', id: string, peerId: string, userId: string | null, name: string | null, role: string | null, joinedAt: string | null, leftAt: string | null, durationSeconds: number | null }>, recordings: { __typename: 'RecordingConnection', nodes: Array<{ __typename: 'Recording', id: string, hmsId: string, status: JobStatus, startedAt: string | null, stoppedAt: string | null, assets: Array<{ __typename: 'RecordingAsset', id: string, hmsId: string, type: RecordingAssetType, status: RecordingAssetStatus, sizeBytes: number, durationSeconds: number | null, createdAt: string }> | null }> } | null }> } | null } | null };

export type LiveRoomQueryVariables = Exact<{
  roomId: string | number;
}>;


export type LiveRoomQuery = { __typename: 'Query', activeRoom: { __typename: 'ActiveRoom', id: string, hmsId: string, name: string, startedAt: string | null, peerCount: number, session: { __typename: 'Session', id: string, hmsId: string } | null, peers: Array<{ __typename: 'ActivePeer', id: string, peerId: string, name: string | null, userId: string | null, role: string, joinedAt: string | null, tracks: Array<{ __typename: 'Track', id: string, trackId: string, type: string, source: string, mute: boolean }> | null }> | null } | null };

export type PeerQualityQueryVariables = Exact<{
  sessionId: string | number;
}>;


export type PeerQualityQuery = { __typename: 'Query', session: { __typename: 'Session', id: string, hmsId: string, active: boolean, peerStats: Array<{ __typename: 'PeerStats', id: string, peerId: string, publishedVideoBitrateBps: number | null, publishedAudioBitrateBps: number | null, receivedVideoBitrateBps: number | null, averageRoundTripMs: number | null, maxPacketLossPercent: number | null, videoFreezes: number, peer: { __typename: 'SessionPeer', id: string, name: string | null, role: string | null } | null }> } | null };

export type RecordingDetailQueryVariables = Exact<{
  id: string | number;
  expiresInSeconds?: number | null | undefined;
}>;


export type RecordingDetailQuery = { __typename: 'Query', recording: { __typename: 'Recording', id: string, hmsId: string, status: JobStatus, meetingUrl: string | null, createdAt: string, startedAt: string | null, stoppedAt: string | null, room: { __typename: 'Room', id: string, name: string } | null, session: { __typename: 'Session', id: string, hmsId: string } | null, assets: Array<{ __typename: 'RecordingAsset', id: string, hmsId: string, type: RecordingAssetType, status: RecordingAssetStatus, sizeBytes: number, durationSeconds: number | null, presignedUrl: { __typename: 'PresignedUrl', url: string, expiresAt: string } | null }> | null } | null };

export type ReplayWebhooksMutationVariables = Exact<{
  input: ReplayWebhooksInput;
}>;


export type ReplayWebhooksMutation = { __typename: 'Mutation', replayWebhooks:
    | { __typename: 'ForbiddenError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'RateLimitedError', message: string, code: string, retryAfterSeconds: number | null }
    | { __typename: 'ReplayWebhooksSuccess', data: { __typename: 'WebhookReplay', id: string, workflowId: string, state: WebhookReplayState, total: number, completed: number, failed: number, alreadyRunning: boolean } }
    | { __typename: 'UpstreamError', message: string, code: string, outcomeUnknown: boolean }
    | { __typename: 'ValidationError', message: string, code: string, field: string | null }
   };

export type RoomCodesQueryVariables = Exact<{
  roomId: string | number;
}>;


export type RoomCodesQuery = { __typename: 'Query', room: { __typename: 'Room', id: string, roomCodes: Array<{ __typename: 'RoomCode', id: string, code: string, role: string, enabled: boolean, updatedAt: string | null }> | null } | null };

export type RoomEventsSubscriptionVariables = Exact<{
  roomId: string | number;
}>;


export type RoomEventsSubscription = { roomEvents:
    | { __typename: 'IngestEnded', eventId: string, type: string, timestamp: string, replay: boolean, session: { __typename: 'Session', id: string, hmsId: string, peerCount: number } | null }
    | { __typename: 'IngestFailed', eventId: string, type: string, timestamp: string, replay: boolean, session: { __typename: 'Session', id: string, hmsId: string, peerCount: number } | null }
    | { __typename: 'IngestStarted', eventId: string, type: string, timestamp: string, replay: boolean, session: { __typename: 'Session', id: string, hmsId: string, peerCount: number } | null }
    | { __typename: 'PeerJoined', name: string | null, role: string | null, eventId: string, type: string, timestamp: string, replay: boolean, session: { __typename: 'Session', id: string, hmsId: string, peerCount: number } | null }
    | { __typename: 'PeerLeft', name: string | null, reason: string | null, durationSeconds: number | null, eventId: string, type: string, timestamp: string, replay: boolean, session: { __typename: 'Session', id: string, hmsId: string, peerCount: number } | null }
    | { __typename: 'RecordingStateChanged', jobKind: RecordingJobKind, status: JobStatus, assetIds: Array<string>, eventId: string, type: string, timestamp: string, replay: boolean, recording: { __typename: 'Recording', id: string, hmsId: string, status: JobStatus } | null, session: { __typename: 'Session', id: string, hmsId: string, peerCount: number } | null }
    | { __typename: 'RoleChanged', name: string | null, previousRole: string | null, role: string | null, eventId: string, type: string, timestamp: string, replay: boolean, session: { __typename: 'Session', id: string, hmsId: string, peerCount: number } | null }
    | { __typename: 'RoomEnded', eventId: string, type: string, timestamp: string, replay: boolean, session: { __typename: 'Session', id: string, hmsId: string, peerCount: number } | null }
    | { __typename: 'SessionClosed', durationSeconds: number | null, eventId: string, type: string, timestamp: string, replay: boolean, session: { __typename: 'Session', id: string, hmsId: string, peerCount: number } | null }
    | { __typename: 'SessionOpened', eventId: string, type: string, timestamp: string, replay: boolean, session: { __typename: 'Session', id: string, hmsId: string, peerCount: number } | null }
    | { __typename: 'StreamRecordingStateChanged', eventId: string, type: string, timestamp: string, replay: boolean, session: { __typename: 'Session', id: string, hmsId: string, peerCount: number } | null }
    | { __typename: 'TrackRecordingStateChanged', eventId: string, type: string, timestamp: string, replay: boolean, session: { __typename: 'Session', id: string, hmsId: string, peerCount: number } | null }
    | { __typename: 'TranscriptionFailed', eventId: string, type: string, timestamp: string, replay: boolean, session: { __typename: 'Session', id: string, hmsId: string, peerCount: number } | null }
    | { __typename: 'TranscriptionReady', eventId: string, type: string, timestamp: string, replay: boolean, assets: Array<{ __typename: 'RecordingAsset', id: string, type: RecordingAssetType, outputMode: string | null, sizeBytes: number }> | null, session: { __typename: 'Session', id: string, hmsId: string, peerCount: number } | null }
    | { __typename: 'TranscriptionStarted', eventId: string, type: string, timestamp: string, replay: boolean, session: { __typename: 'Session', id: string, hmsId: string, peerCount: number } | null }
   };

export type RoomOperationsQueryVariables = Exact<{
  roomId: string | number;
  ingestRoomName?: string | null | undefined;
}>;


export type RoomOperationsQuery = { __typename: 'Query', room: { __typename: 'Room', id: string, name: string, recordingInfo: { __typename: 'RoomRecordingInfo', enabled: boolean, storage: { __typename: 'RecordingStorage', type: RecordingStorageType, location: string } | null } | null, polls: Array<{ __typename: 'Poll', id: string, title: string, type: PollType, questions: Array<{ __typename: 'PollQuestion', index: number, text: string, options: Array<{ __typename: 'PollOption', index: number, text: string }> }>, runs: { __typename: 'PollRunConnection', nodes: Array<{ __typename: 'PollRun', id: string, sessionId: string, totalResponses: number, uniqueParticipants: number }> } }>, webhookDeliveries: { __typename: 'WebhookDeliveryConnection', totalCount: number, nodes: Array<{ __typename: 'WebhookDelivery', id: string, eventId: string, eventType: string, status: WebhookDeliveryStatus, timestamp: string, errorReason: string | null }> }, template: { __typename: 'Template', id: string, name: string, recordingConfigs: unknown } | null, sessions: { __typename: 'SessionConnection', nodes: Array<{ __typename: 'Session', id: string, startedAt: string, polls: Array<{ __typename: 'PollRun', id: string, pollId: string, totalResponses: number, uniqueParticipants: number }>, peerStats: Array<{ __typename: 'PeerStats', id: string, peerId: string, publishedVideoBitrateBps: number | null, averageRoundTripMs: number | null, maxPacketLossPercent: number | null, peer: { __typename: 'SessionPeer', id: string, name: string | null } | null }> }> } | null } | null, ingest: { __typename: 'RoomConnection', nodes: Array<{ __typename: 'Room', id: string, name: string, streamKeys: Array<{ __typename: 'StreamKey', id: string, hmsId: string, url: string, enabled: boolean, createdAt: string }> }> } };

export type RoomsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: RoomFilter | null | undefined;
}>;


export type RoomsQuery = { __typename: 'Query', rooms: { __typename: 'RoomConnection', pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ __typename: 'Room', id: string, hmsId: string, name: string, description: string | null, enabled: boolean, region: RoomRegion | null, createdAt: string, template: { __typename: 'Template', id: string, name: string } | null, activeRoom: { __typename: 'ActiveRoom', id: string, peerCount: number } | null }> } };

export type SessionDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type SessionDetailQuery = { __typename: 'Query', session: { __typename: 'Session', id: string, hmsId: string, active: boolean, startedAt: string, endedAt: string | null, durationSeconds: number | null, room: { __typename: 'Room', id: string, name: string } | null, peers: Array<{ __typename: 'SessionPeer', id: string, peerId: string, userId: string | null, name: string | null, role: string | null, joinedAt: string | null, leftAt: string | null, durationSeconds: number | null }> } | null };

export type SetRoomCodeEnabledMutationVariables = Exact<{
  input: SetRoomCodeEnabledInput;
}>;


export type SetRoomCodeEnabledMutation = { __typename: 'Mutation', setRoomCodeEnabled:
    | { __typename: 'ForbiddenError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'RateLimitedError', message: string, code: string, retryAfterSeconds: number | null }
    | { __typename: 'SetRoomCodeEnabledSuccess', data: { __typename: 'RoomCode', id: string, code: string, role: string, enabled: boolean, updatedAt: string | null } }
    | { __typename: 'UpstreamError', message: string, code: string, outcomeUnknown: boolean }
    | { __typename: 'ValidationError', message: string, code: string, field: string | null }
   };

export type StartRecordingMutationVariables = Exact<{
  input: StartRecordingInput;
}>;


export type StartRecordingMutation = { __typename: 'Mutation', startRecording:
    | { __typename: 'ForbiddenError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'RateLimitedError', message: string, code: string, retryAfterSeconds: number | null }
    | { __typename: 'StartRecordingSuccess', data: { __typename: 'Recording', id: string, hmsId: string, status: JobStatus, startedAt: string | null } }
    | { __typename: 'UpstreamError', message: string, code: string, outcomeUnknown: boolean }
    | { __typename: 'ValidationError', message: string, code: string, field: string | null }
   };

export type StopRecordingMutationVariables = Exact<{
  input: StopRecordingInput;
}>;


export type StopRecordingMutation = { __typename: 'Mutation', stopRecording:
    | { __typename: 'ForbiddenError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'RateLimitedError', message: string, code: string, retryAfterSeconds: number | null }
    | { __typename: 'StopRecordingSuccess', data: { __typename: 'Recording', id: string, hmsId: string, status: JobStatus, stoppedAt: string | null } }
    | { __typename: 'UpstreamError', message: string, code: string, outcomeUnknown: boolean }
    | { __typename: 'ValidationError', message: string, code: string, field: string | null }
   };

export type WebhookDeliveriesQueryVariables = Exact<{
  roomId: string | number;
  first?: number | null | undefined;
  status?: WebhookDeliveryFilter | null | undefined;
}>;


export type WebhookDeliveriesQuery = { __typename: 'Query', room: { __typename: 'Room', id: string, webhookDeliveries: { __typename: 'WebhookDeliveryConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ __typename: 'WebhookDelivery', id: string, eventId: string, eventType: string, status: WebhookDeliveryStatus, timestamp: string, errorReason: string | null, sessionId: string | null }> } } | null };


export const AnalyticsPageDocument = {"__meta__":{"hash":"sha256:17b38ae9bd668b6bc685bba474433fa3efc9b59738d62255af53f4155031b618"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalyticsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"types"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"analyticsEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"types"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"peerId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TrackEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"trackId"}},{"kind":"Field","name":{"kind":"Name","value":"trackType"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"mute"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordingEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"beamId"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorName"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AnalyticsPageQuery, AnalyticsPageQueryVariables>;
export const AssetDownloadUrlDocument = {"__meta__":{"hash":"sha256:b23c564aac4ccdf12ddadb8ac4121f0f940f1486aca50b378a7892a845240317"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AssetDownloadUrl"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expiresInSeconds"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"600"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recordingAsset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"presignedUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"expiresInSeconds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expiresInSeconds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}}]} as unknown as DocumentNode<AssetDownloadUrlQuery, AssetDownloadUrlQueryVariables>;
export const DashboardDocument = {"__meta__":{"hash":"sha256:e6b2df0853ce38d890146a4a60dedaaea434f06fa210e90d86e00c53501b76d9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessions"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"room"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hmsId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessions"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hmsId"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"peerCount"}},{"kind":"Field","name":{"kind":"Name","value":"peers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"peerId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"leftAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recordings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hmsId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"stoppedAt"}},{"kind":"Field","name":{"kind":"Name","value":"assets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hmsId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;
export const LiveRoomDocument = {"__meta__":{"hash":"sha256:61b175cf4ecd7f917b62cd9c7cc21ef03d771931dd91c3235b0afac494c299be"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LiveRoom"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"activeRoom"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hmsId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"peerCount"}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hmsId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"peers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"peerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"tracks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"trackId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"mute"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LiveRoomQuery, LiveRoomQueryVariables>;
export const PeerQualityDocument = {"__meta__":{"hash":"sha256:42b0496d3a4a1aa2f418ea5181e5763f9148088e426c129e1af34a32299b8115"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PeerQuality"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"session"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hmsId"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"peerStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"peerId"}},{"kind":"Field","name":{"kind":"Name","value":"peer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"publishedVideoBitrateBps"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAudioBitrateBps"}},{"kind":"Field","name":{"kind":"Name","value":"receivedVideoBitrateBps"}},{"kind":"Field","name":{"kind":"Name","value":"averageRoundTripMs"}},{"kind":"Field","name":{"kind":"Name","value":"maxPacketLossPercent"}},{"kind":"Field","name":{"kind":"Name","value":"videoFreezes"}}]}}]}}]}}]} as unknown as DocumentNode<PeerQualityQuery, PeerQualityQueryVariables>;
export const RecordingDetailDocument = {"__meta__":{"hash":"sha256:287acb11ea15d055e6a2550ab6d4908b2a73d58e42bdc6656b569839665fb0d3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecordingDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expiresInSeconds"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"3600"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recording"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hmsId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"meetingUrl"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"stoppedAt"}},{"kind":"Field","name":{"kind":"Name","value":"room"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hmsId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hmsId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"presignedUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"expiresInSeconds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expiresInSeconds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RecordingDetailQuery, RecordingDetailQueryVariables>;
export const ReplayWebhooksDocument = {"__meta__":{"hash":"sha256:8cf7ca122fc8da068628d768210179af33d57106066f60b36fda76622954cfa3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplayWebhooks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReplayWebhooksInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"replayWebhooks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplayWebhooksSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"workflowId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"alreadyRunning"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}}]}}]}}]}}]} as unknown as DocumentNode<ReplayWebhooksMutation, ReplayWebhooksMutationVariables>;
export const RoomCodesDocument = {"__meta__":{"hash":"sha256:802303c214e05406cc0bb8535ecf4af926b6e7dc61e14753401d196ee08d5761"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RoomCodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"room"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roomCodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]} as unknown as DocumentNode<RoomCodesQuery, RoomCodesQueryVariables>;
export const RoomEventsDocument = {"__meta__":{"hash":"sha256:432562acada1f2f169257d6a71842b566a49dedc471bc61b7f5f7df9227c5570"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RoomEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roomEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"replay"}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hmsId"}},{"kind":"Field","name":{"kind":"Name","value":"peerCount"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PeerJoined"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PeerLeft"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SessionClosed"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RoleChanged"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"previousRole"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordingStateChanged"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"jobKind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"assetIds"}},{"kind":"Field","name":{"kind":"Name","value":"recording"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hmsId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TranscriptionReady"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"assets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"outputMode"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RoomEventsSubscription, RoomEventsSubscriptionVariables>;
export const RoomOperationsDocument = {"__meta__":{"hash":"sha256:276f7c6954e070ac5b16faea50b60ee3efc91440f2c1d994c2757dc2cbfb436b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RoomOperations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ingestRoomName"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"town-hall","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"room"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"recordingInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"storage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"location"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"polls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"2"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"questions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"runs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"totalResponses"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueParticipants"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"webhookDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"errorReason"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"template"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"recordingConfigs"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"2"}},{"kind":"Argument","name":{"kind":"Name","value":"active"},"value":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"polls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"2"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pollId"}},{"kind":"Field","name":{"kind":"Name","value":"totalResponses"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueParticipants"}}]}},{"kind":"Field","name":{"kind":"Name","value":"peerStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"peerId"}},{"kind":"Field","name":{"kind":"Name","value":"peer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"publishedVideoBitrateBps"}},{"kind":"Field","name":{"kind":"Name","value":"averageRoundTripMs"}},{"kind":"Field","name":{"kind":"Name","value":"maxPacketLossPercent"}}]}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"ingest"},"name":{"kind":"Name","value":"rooms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ingestRoomName"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"streamKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hmsId"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RoomOperationsQuery, RoomOperationsQueryVariables>;
export const RoomsDocument = {"__meta__":{"hash":"sha256:df595e1522ae4b5fa557ec21310cb8f66d84a3e2232da006cb445cede55f9664"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Rooms"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RoomFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rooms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hmsId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"template"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeRoom"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"peerCount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RoomsQuery, RoomsQueryVariables>;
export const SessionDetailDocument = {"__meta__":{"hash":"sha256:499660a7fa0851304967912e66dc706172d00dc6e8fecd8106e5e38914dd41dc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SessionDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"session"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hmsId"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"room"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"peers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"peerId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"leftAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}}]}}]}}]}}]} as unknown as DocumentNode<SessionDetailQuery, SessionDetailQueryVariables>;
export const SetRoomCodeEnabledDocument = {"__meta__":{"hash":"sha256:c911c276ab2a93245dd4ca324de1c5957075dc564b6b8a560d68e43f3606faa1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetRoomCodeEnabled"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetRoomCodeEnabledInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"setRoomCodeEnabled"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SetRoomCodeEnabledSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}}]}}]}}]}}]} as unknown as DocumentNode<SetRoomCodeEnabledMutation, SetRoomCodeEnabledMutationVariables>;
export const StartRecordingDocument = {"__meta__":{"hash":"sha256:3ccb25dad88372ee51167e3aa64873e49ae925fce63af1b0fee39cb9a20099be"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartRecording"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartRecordingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"startRecording"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StartRecordingSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hmsId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}}]}}]}}]}}]} as unknown as DocumentNode<StartRecordingMutation, StartRecordingMutationVariables>;
export const StopRecordingDocument = {"__meta__":{"hash":"sha256:cdfbdad99afe9244f7b2847c0f9b3b1cc9e538de876fa1ef21b8676489cba2e1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StopRecording"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StopRecordingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"stopRecording"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StopRecordingSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hmsId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stoppedAt"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}}]}}]}}]}}]} as unknown as DocumentNode<StopRecordingMutation, StopRecordingMutationVariables>;
export const WebhookDeliveriesDocument = {"__meta__":{"hash":"sha256:bb1a4dc1fd757b6a92670bc80464e8f137630b485eea917baa21085aaf22e245"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDeliveryFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"room"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"webhookDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"errorReason"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;