/** Recording assets (reference §4.5). Sizes arrive as exact integers (checked in parse.ts). */
import type { RecordingAssetsApi } from './api.js';
import { OTHER_LIMITS, pagedResource } from './paginate.js';
import type { Transport } from './transport.js';
import type { AssetListQuery, PresignedUrl, RecordingAsset } from './types.js';

export function createRecordingAssetsApi(transport: Transport): RecordingAssetsApi {
  return {
    ...pagedResource<RecordingAsset, AssetListQuery>(transport, '/recording-assets', OTHER_LIMITS),
    get: (assetId, options) =>
      transport.send<RecordingAsset>({
        method: 'GET',
        route: '/recording-assets/{id}',
        params: { id: assetId },
        shape: 'object',
        options,
      }),
    // Unlike the SDK (always 3600), the duration is sent only when asked for, so the server's own
    // default (3 days for S3/GCS, 9 h for OSS) applies otherwise.
    presignedUrl: (assetId, presignDurationSeconds, options) =>
      transport.send<PresignedUrl>({
        method: 'GET',
        route: '/recording-assets/{id}/presigned-url',
        params: { id: assetId },
        query: { presign_duration: presignDurationSeconds },
        shape: 'object',
        options,
      }),
  };
}
