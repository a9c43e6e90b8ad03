/** Recordings, live and external streams, and recording assets: by id (session-hinted) and paged. */
import type { HmsApi, RequestOptions } from '../hms/api.js';
import type {
  AssetListQuery,
  ExternalStream,
  JobListQuery,
  LiveStream,
  Recording,
  RecordingAsset,
} from '../hms/types.js';
import { pages, primer, scoped } from './shared.js';

export function createJobLoaders(hms: HmsApi, ro: RequestOptions) {
  const recording = scoped(
    (id, o) => hms.recordings.get(id, o),
    (q, o) => hms.recordings.iterate(q, o),
    ro,
  );
  const recordingAsset = scoped(
    (id, o) => hms.recordingAssets.get(id, o),
    (q, o) => hms.recordingAssets.iterate(q, o),
    ro,
  );
  const liveStream = scoped(
    (id, o) => hms.liveStreams.get(id, o),
    (q, o) => hms.liveStreams.iterate(q, o),
    ro,
  );
  const externalStream = scoped(
    (id, o) => hms.externalStreams.get(id, o),
    (q, o) => hms.externalStreams.iterate(q, o),
    ro,
  );
  return {
    recording,
    recordingAsset,
    liveStream,
    externalStream,
    recordingsPage: pages<Recording, JobListQuery>(
      (q, o) => hms.recordings.iterate(q, o),
      primer(recording),
      ro,
    ),
    recordingAssetsPage: pages<RecordingAsset, AssetListQuery>(
      (q, o) => hms.recordingAssets.iterate(q, o),
      primer(recordingAsset),
      ro,
    ),
    liveStreamsPage: pages<LiveStream, JobListQuery>(
      (q, o) => hms.liveStreams.iterate(q, o),
      primer(liveStream),
      ro,
    ),
    externalStreamsPage: pages<ExternalStream, JobListQuery>(
      (q, o) => hms.externalStreams.iterate(q, o),
      primer(externalStream),
      ro,
    ),
  };
}

export type JobLoaders = ReturnType<typeof createJobLoaders>;
