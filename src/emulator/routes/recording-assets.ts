/** `/v2/recording-assets` (https://www.100ms.live/docs/server-side/v2/api-reference/recording-assets/overview). */
import { badRequest, invalidQueryParam, notFound } from '../http.js';
import type { AssetRecord } from '../model.js';
import { LIMIT_1_100, paginate, resolveLimit } from '../paginate.js';
import { renderAsset } from '../render.js';
import { type RouteContext, route } from '../router.js';
import type { Store } from '../store.js';

const ASSET_STATUSES = new Set(['completed', 'failed', 'processing']);

/** Without `presign_duration` the server uses its storage default: 3 days on S3 and GCS (https://www.100ms.live/docs/server-side/v2/api-reference/recording-assets/overview). */
export const DEFAULT_PRESIGN_SECONDS = 3 * 24 * 3600;
/** S3's own ceiling for SigV4 presigned URLs (7 days); longer requests cannot be honoured. */
const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

function findAsset(store: Store, id: string): AssetRecord {
  const asset = store.assets.get(id);
  if (!asset) throw notFound('Error: recording asset not found', `no recording asset with id ${id}`);
  return asset;
}

function list({ store, query }: RouteContext) {
  const roomId = query.objectId('room_id');
  const sessionId = query.objectId('session_id');
  const status = query.string('status');
  if (status !== undefined && !ASSET_STATUSES.has(status)) {
    throw invalidQueryParam('status', 'status must be completed, failed or processing');
  }
  const limit = resolveLimit(query.int('limit'), LIMIT_1_100);
  const start = query.string('start');
  query.done();
  const assets = [...store.assets.values()].filter(
    (asset) =>
      (roomId === undefined || asset.roomId === roomId) &&
      (sessionId === undefined || asset.sessionId === sessionId) &&
      (status === undefined || asset.status === status),
  );
  const key = (asset: AssetRecord) => ({ createdAt: asset.createdAt, key: asset.id });
  const page = paginate(assets, key, limit, start, (id) => {
    const asset = store.assets.get(id);
    return asset ? key(asset) : undefined;
  });
  return { limit, data: page.items.map(renderAsset), last: page.last };
}

function presignedUrl({ store, params, query }: RouteContext) {
  const duration = query.int('presign_duration');
  query.done();
  if (duration !== undefined && (duration < 1 || duration > MAX_PRESIGN_SECONDS)) {
    throw invalidQueryParam(
      'presign_duration',
      `presign_duration must be between 1 and ${MAX_PRESIGN_SECONDS} seconds`,
    );
  }
  const asset = findAsset(store, params.id as string);
  if (asset.status !== 'completed')
    throw badRequest('Error: recording asset is not available', `asset ${asset.id} is ${asset.status}`);
  const expiry = duration ?? DEFAULT_PRESIGN_SECONDS;
  return { id: asset.id, path: asset.path, url: store.presign(asset.path, expiry, store.nowUs()), expiry };
}

export const recordingAssetRoutes = [
  route('GET', '/v2/recording-assets', list),
  route('GET', '/v2/recording-assets/{id}', ({ store, params, query }) => {
    query.done();
    return renderAsset(findAsset(store, params.id as string));
  }),
  route('GET', '/v2/recording-assets/{id}/presigned-url', presignedUrl),
];
