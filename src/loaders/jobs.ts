/** Recordings, live and external streams, and recording assets: by id (session-hinted) and paged. */
import type { HmsApi, PagedResource, RequestOptions } from '../hms/api.js';
import type { PageQuery } from '../hms/types.js';
import { pages, primer, scoped } from './shared.js';

/** The four job resources load alike: a session-hinted by-id loader, and pages that prime it. */
function jobResource<T extends { id: string }, Q extends PageQuery & { session_id?: string }>(
  resource: PagedResource<T, Q> & { get(id: string, options?: RequestOptions): Promise<T> },
  ro: RequestOptions,
) {
  const byId = scoped(
    (id, o) => resource.get(id, o),
    (q, o) => resource.iterate(q as Q, o),
    ro,
  );
  const page = pages<T, Q>((q, o) => resource.iterate(q, o), primer(byId), ro);
  return { byId, page };
}

export function createJobLoaders(hms: HmsApi, ro: RequestOptions) {
  const recording = jobResource(hms.recordings, ro);
  const recordingAsset = jobResource(hms.recordingAssets, ro);
  const liveStream = jobResource(hms.liveStreams, ro);
  const externalStream = jobResource(hms.externalStreams, ro);
  return {
    recording: recording.byId,
    recordingAsset: recordingAsset.byId,
    liveStream: liveStream.byId,
    externalStream: externalStream.byId,
    recordingsPage: recording.page,
    recordingAssetsPage: recordingAsset.page,
    liveStreamsPage: liveStream.page,
    externalStreamsPage: externalStream.page,
  };
}

export type JobLoaders = ReturnType<typeof createJobLoaders>;
