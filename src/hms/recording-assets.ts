/** Recording assets (https://www.100ms.live/docs/server-side/v2/api-reference/recording-assets/overview). Sizes arrive as exact integers (checked in parse.ts). */
import type { RecordingAssetsApi } from './api.js';
import type { Send } from './endpoints.js';
import { pagedResource } from './paginate.js';
import type { AssetListQuery, RecordingAsset } from './types.js';

export function createRecordingAssetsApi(send: Send): RecordingAssetsApi {
  return {
    ...pagedResource<RecordingAsset, AssetListQuery>(send, 'recordingAssets.list'),
    get: (assetId, options) => send('recordingAssets.get', { params: { id: assetId } }, options),
    // Unlike the SDK (always 3600), the duration is sent only when asked for, so the server's own
    // default (3 days for S3/GCS, 9 h for OSS) applies otherwise.
    presignedUrl: (assetId, presignDurationSeconds, options) =>
      send(
        'recordingAssets.presignedUrl',
        { params: { id: assetId }, query: { presign_duration: presignDurationSeconds } },
        options,
      ),
  };
}
