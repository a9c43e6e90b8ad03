
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
      "Recording",
      "RecordingAsset",
      "Room",
      "Session",
      "Template"
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
      "PeerJoined",
      "PeerLeft",
      "RecordingStateChanged",
      "RoleChanged",
      "RoomEnded",
      "SessionClosed",
      "SessionOpened",
      "TranscriptionReady"
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
    "UpdateRoomResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpdateRoomSuccess",
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
      "Recording",
      "RecordingAsset",
      "Room",
      "Session",
      "Template"
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
      "PeerJoined",
      "PeerLeft",
      "RecordingStateChanged",
      "RoleChanged",
      "RoomEnded",
      "SessionClosed",
      "SessionOpened",
      "TranscriptionReady"
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
    "UpdateRoomResult": [
      "ForbiddenError",
      "NotFoundError",
      "RateLimitedError",
      "UpdateRoomSuccess",
      "UpstreamError",
      "ValidationError"
    ]
  }
};
      export default result;
    