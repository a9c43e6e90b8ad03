/**
 * A recording asset as its GraphQL type reads it: the fields that only reshape 100ms's answer are
 * getters, so a compiled query reads them inline instead of calling a resolver per field (the
 * dashboard reads 7 fields of ~50 assets). Fields that load or call 100ms stay resolvers on the
 * type and read `raw`. Every producer of a `RecordingAsset` wraps with `assetView`; the type of
 * `RecordingAssetRef` makes a missed one a compile error.
 */
import type { RecordingAsset } from '../hms/types.js';
import { AssetStatus, AssetType } from './enums.js';

export class AssetView {
  constructor(readonly raw: RecordingAsset) {}
  get hmsId(): string {
    return this.raw.id;
  }
  get type(): string {
    return AssetType.fromUpstream(this.raw.type);
  }
  get status(): string {
    return AssetStatus.fromUpstream(this.raw.status);
  }
  get path(): string | null {
    return this.raw.path || null;
  }
  get sizeBytes(): number {
    return this.raw.size ?? 0;
  }
  get durationSeconds(): number | null {
    return this.raw.duration ?? null;
  }
  get createdAt(): string {
    return this.raw.created_at;
  }
  get thumbnails(): string[] {
    return this.raw.thumbnails ?? [];
  }
  get outputMode(): string | null {
    const mode = this.raw.metadata?.output_mode;
    return typeof mode === 'string' ? mode : null;
  }
  get width(): number | null {
    const m = this.raw.metadata;
    return m?.resolution?.width ?? m?.max_width ?? null;
  }
  get height(): number | null {
    const m = this.raw.metadata;
    return m?.resolution?.height ?? m?.max_height ?? null;
  }
}

export const assetView = (asset: RecordingAsset): AssetView => new AssetView(asset);
