/**
 * A room's own recording storage, `recording_info` on the room
 * (https://www.100ms.live/docs/server-side/v2/api-reference/Rooms/create-via-api): when set, the
 * room's recordings go to that bucket and no longer follow the template. Credentials are write-only.
 */
import type { RecordingInfo, UploadInfo } from '../hms/types.js';
import { builder } from './builder.js';
import { ValidationError } from './mutation-errors.js';
import { RoomRef } from './refs.js';

const StorageType = builder.enumType('RecordingStorageType', {
  description: 'A cloud storage service.',
  values: {
    S3: { value: 's3', description: 'Amazon S3.' },
    GS: { value: 'gs', description: 'Google Cloud Storage.' },
    OSS: { value: 'oss', description: 'Alibaba Cloud OSS.' },
    AZURE: { value: 'azure', description: 'Azure Blob Storage.' },
  } as const,
});

const StorageRef = builder.objectRef<UploadInfo>('RecordingStorage').implement({
  description: 'Where a room uploads its recordings (credentials are never returned).',
  fields: (t) => ({
    type: t.field({ type: StorageType, description: 'The storage service.', resolve: (u) => u.type }),
    location: t.exposeString('location', { description: 'The bucket (or container).' }),
    prefix: t.string({
      nullable: true,
      description: 'Path prefix in the bucket; null for none.',
      resolve: (u) => u.prefix || null,
    }),
    region: t.string({
      nullable: true,
      description: 'The bucket’s region; null when unset.',
      resolve: (u) => u.options?.region || null,
    }),
  }),
});

const RecordingInfoRef = builder.objectRef<RecordingInfo>('RoomRecordingInfo').implement({
  description: 'The room’s own recording settings, which override the template’s.',
  fields: (t) => ({
    enabled: t.exposeBoolean('enabled', { description: 'The legacy SFU recording only.' }),
    storage: t.field({
      type: StorageRef,
      nullable: true,
      description: 'Custom storage; null for 100ms storage.',
      resolve: (r) => r.upload_info ?? null,
    }),
  }),
});

builder.objectField(RoomRef, 'recordingInfo', (t) =>
  t.field({
    type: RecordingInfoRef,
    nullable: true,
    description: 'The room’s own recording settings; null when they follow the template.',
    resolve: (room) => room.recording_info ?? null,
  }),
);

const CredentialsInput = builder.inputType('RecordingStorageCredentialsInput', {
  description: 'Keys that let 100ms write to the bucket (write-only: never returned).',
  fields: (t) => ({
    key: t.string({ required: true, description: 'Access key id.' }),
    secret: t.string({ required: true, description: 'Secret access key.' }),
  }),
});

const StorageInput = builder.inputType('RecordingStorageInput', {
  description: 'A bucket for the room’s recordings.',
  fields: (t) => ({
    type: t.field({ type: StorageType, required: true, description: 'The storage service.' }),
    location: t.string({ required: true, description: 'The bucket (or container) name.' }),
    prefix: t.string({ description: 'Path prefix in the bucket.' }),
    region: t.string({ description: 'The bucket’s region.' }),
    credentials: t.field({
      type: CredentialsInput,
      description: 'Access keys (omit for a bucket policy grant).',
    }),
  }),
});

export const RecordingInfoInput = builder.inputType('RoomRecordingInfoInput', {
  description: 'The room’s own recording settings: once set, the room no longer follows the template’s.',
  fields: (t) => ({
    enabled: t.boolean({ description: 'The legacy SFU recording (default false).' }),
    storage: t.field({ type: StorageInput, description: 'Custom storage for the room’s recordings.' }),
  }),
});

export interface RecordingInfoArgs {
  enabled?: boolean | null;
  storage?: {
    type: UploadInfo['type'];
    location: string;
    prefix?: string | null;
    region?: string | null;
    credentials?: { key: string; secret: string } | null;
  } | null;
}

export function recordingInfoBody(
  input: RecordingInfoArgs | null | undefined,
  field: string,
): RecordingInfo | undefined {
  if (!input) return undefined;
  const body: RecordingInfo = { enabled: input.enabled ?? false };
  const storage = input.storage;
  if (storage) {
    if (!/^[a-z0-9][a-z0-9.\-_]{1,254}$/i.test(storage.location))
      throw new ValidationError(
        `${field}.storage.location must be a bucket name`,
        `${field}.storage.location`,
      );
    body.upload_info = {
      type: storage.type,
      location: storage.location,
      ...(storage.prefix && { prefix: storage.prefix }),
      ...(storage.region && { options: { region: storage.region } }),
      ...(storage.credentials && {
        credentials: { key: storage.credentials.key, secret: storage.credentials.secret },
      }),
    };
  }
  return body;
}
