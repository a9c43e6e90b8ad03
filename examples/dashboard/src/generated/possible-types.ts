
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "AnalyticsEvent": [
      "ErrorEvent",
      "GenericAnalyticsEvent",
      "RecordingEvent",
      "TrackEvent"
    ],
    "CreateAuthTokenResult": [
      "CreateAuthTokenSuccess",
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpstreamError",
      "ValidationError"
    ],
    "CreatePollResult": [
      "CreatePollSuccess",
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpstreamError",
      "ValidationError"
    ],
    "CreateRoomCodesResult": [
      "CreateRoomCodesSuccess",
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpstreamError",
      "ValidationError"
    ],
    "CreateRoomResult": [
      "CreateRoomSuccess",
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpstreamError",
      "ValidationError"
    ],
    "CreateStreamKeyResult": [
      "CreateStreamKeySuccess",
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpstreamError",
      "ValidationError"
    ],
    "CreateTemplateResult": [
      "CreateTemplateSuccess",
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpstreamError",
      "ValidationError"
    ],
    "DisableStreamKeyResult": [
      "DisableStreamKeySuccess",
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpstreamError",
      "ValidationError"
    ],
    "EndActiveRoomResult": [
      "EndActiveRoomSuccess",
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpstreamError",
      "ValidationError"
    ],
    "Error": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpstreamError",
      "ValidationError"
    ],
    "HmsRequestResult": [
      "ForbiddenError",
      "HmsRequestSuccess",
      "NotFoundError",
      "RateLimitedError",
      "UpstreamError",
      "ValidationError"
    ],
    "Job": [
      "ExternalStream",
      "LiveStream",
      "Recording"
    ],
    "Node": [
      "ExternalStream",
      "LiveStream",
      "Poll",
      "Recording",
      "RecordingAsset",
      "Room",
      "Session",
      "Template",
      "WebhookReplay"
    ],
    "PauseLiveStreamRecordingResult": [
      "ForbiddenError",
      "NotFoundError",
      "PauseLiveStreamRecordingSuccess",
      "RateLimitedError",
      "UpstreamError",
      "ValidationError"
    ],
    "PauseRecordingResult": [
      "ForbiddenError",
      "NotFoundError",
      "PauseRecordingSuccess",
      "RateLimitedError",
      "UpstreamError",
      "ValidationError"
    ],
    "RecordingJob": [
      "ExternalStream",
      "LiveStream",
      "Recording"
    ],
    "RemovePeersResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "RemovePeersSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "RemovePollOptionResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "RemovePollOptionSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "RemovePollQuestionResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "RemovePollQuestionSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "RemoveTemplateRoleResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "RemoveTemplateRoleSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "ReplayWebhooksResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "ReplayWebhooksSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "ResumeLiveStreamRecordingResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "ResumeLiveStreamRecordingSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "ResumeRecordingResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "ResumeRecordingSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "RoomEvent": [
      "IngestEnded",
      "IngestFailed",
      "IngestStarted",
      "PeerJoined",
      "PeerLeft",
      "RecordingStateChanged",
      "RoleChanged",
      "RoomEnded",
      "SessionClosed",
      "SessionOpened",
      "StreamRecordingStateChanged",
      "TrackRecordingStateChanged",
      "TranscriptionFailed",
      "TranscriptionReady",
      "TranscriptionStarted"
    ],
    "SendMessageResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "SendMessageSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "SendTimedMetadataResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "SendTimedMetadataSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "SetPollOptionResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "SetPollOptionSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "SetPollQuestionResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "SetPollQuestionSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "SetRoomCodeEnabledResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "SetRoomCodeEnabledSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "SetRoomEnabledResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "SetRoomEnabledSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "SetTemplateRecordingResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "SetTemplateRecordingSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "SetTemplateRoleResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "SetTemplateRoleSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "StartExternalStreamResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "StartExternalStreamSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "StartLiveStreamResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "StartLiveStreamSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "StartRecordingResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "StartRecordingSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "StopExternalStreamResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "StopExternalStreamSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "StopLiveStreamResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "StopLiveStreamSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "StopRecordingResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "StopRecordingSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "StopRoomExternalStreamsResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "StopRoomExternalStreamsSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "StopRoomLiveStreamsResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "StopRoomLiveStreamsSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "StopRoomRecordingsResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "StopRoomRecordingsSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "UpdatePeerResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpdatePeerSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "UpdatePollResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpdatePollSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "UpdateRoomResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpdateRoomSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "UpdateTemplateDestinationsResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpdateTemplateDestinationsSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "UpdateTemplateResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpdateTemplateSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "UpdateTemplateSettingsResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpdateTemplateSettingsSuccess",
      "UpstreamError",
      "ValidationError"
    ]
  }
};
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "AnalyticsEvent": [
      "ErrorEvent",
      "GenericAnalyticsEvent",
      "RecordingEvent",
      "TrackEvent"
    ],
    "CreateAuthTokenResult": [
      "CreateAuthTokenSuccess",
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpstreamError",
      "ValidationError"
    ],
    "CreatePollResult": [
      "CreatePollSuccess",
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpstreamError",
      "ValidationError"
    ],
    "CreateRoomCodesResult": [
      "CreateRoomCodesSuccess",
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpstreamError",
      "ValidationError"
    ],
    "CreateRoomResult": [
      "CreateRoomSuccess",
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpstreamError",
      "ValidationError"
    ],
    "CreateStreamKeyResult": [
      "CreateStreamKeySuccess",
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpstreamError",
      "ValidationError"
    ],
    "CreateTemplateResult": [
      "CreateTemplateSuccess",
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpstreamError",
      "ValidationError"
    ],
    "DisableStreamKeyResult": [
      "DisableStreamKeySuccess",
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpstreamError",
      "ValidationError"
    ],
    "EndActiveRoomResult": [
      "EndActiveRoomSuccess",
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpstreamError",
      "ValidationError"
    ],
    "Error": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpstreamError",
      "ValidationError"
    ],
    "HmsRequestResult": [
      "ForbiddenError",
      "HmsRequestSuccess",
      "NotFoundError",
      "RateLimitedError",
      "UpstreamError",
      "ValidationError"
    ],
    "Job": [
      "ExternalStream",
      "LiveStream",
      "Recording"
    ],
    "Node": [
      "ExternalStream",
      "LiveStream",
      "Poll",
      "Recording",
      "RecordingAsset",
      "Room",
      "Session",
      "Template",
      "WebhookReplay"
    ],
    "PauseLiveStreamRecordingResult": [
      "ForbiddenError",
      "NotFoundError",
      "PauseLiveStreamRecordingSuccess",
      "RateLimitedError",
      "UpstreamError",
      "ValidationError"
    ],
    "PauseRecordingResult": [
      "ForbiddenError",
      "NotFoundError",
      "PauseRecordingSuccess",
      "RateLimitedError",
      "UpstreamError",
      "ValidationError"
    ],
    "RecordingJob": [
      "ExternalStream",
      "LiveStream",
      "Recording"
    ],
    "RemovePeersResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "RemovePeersSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "RemovePollOptionResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "RemovePollOptionSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "RemovePollQuestionResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "RemovePollQuestionSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "RemoveTemplateRoleResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "RemoveTemplateRoleSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "ReplayWebhooksResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "ReplayWebhooksSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "ResumeLiveStreamRecordingResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "ResumeLiveStreamRecordingSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "ResumeRecordingResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "ResumeRecordingSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "RoomEvent": [
      "IngestEnded",
      "IngestFailed",
      "IngestStarted",
      "PeerJoined",
      "PeerLeft",
      "RecordingStateChanged",
      "RoleChanged",
      "RoomEnded",
      "SessionClosed",
      "SessionOpened",
      "StreamRecordingStateChanged",
      "TrackRecordingStateChanged",
      "TranscriptionFailed",
      "TranscriptionReady",
      "TranscriptionStarted"
    ],
    "SendMessageResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "SendMessageSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "SendTimedMetadataResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "SendTimedMetadataSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "SetPollOptionResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "SetPollOptionSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "SetPollQuestionResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "SetPollQuestionSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "SetRoomCodeEnabledResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "SetRoomCodeEnabledSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "SetRoomEnabledResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "SetRoomEnabledSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "SetTemplateRecordingResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "SetTemplateRecordingSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "SetTemplateRoleResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "SetTemplateRoleSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "StartExternalStreamResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "StartExternalStreamSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "StartLiveStreamResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "StartLiveStreamSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "StartRecordingResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "StartRecordingSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "StopExternalStreamResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "StopExternalStreamSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "StopLiveStreamResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "StopLiveStreamSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "StopRecordingResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "StopRecordingSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "StopRoomExternalStreamsResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "StopRoomExternalStreamsSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "StopRoomLiveStreamsResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "StopRoomLiveStreamsSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "StopRoomRecordingsResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "StopRoomRecordingsSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "UpdatePeerResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpdatePeerSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "UpdatePollResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpdatePollSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "UpdateRoomResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpdateRoomSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "UpdateTemplateDestinationsResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpdateTemplateDestinationsSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "UpdateTemplateResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpdateTemplateSuccess",
      "UpstreamError",
      "ValidationError"
    ],
    "UpdateTemplateSettingsResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpdateTemplateSettingsSuccess",
      "UpstreamError",
      "ValidationError"
    ]
  }
};
      export default result;
    