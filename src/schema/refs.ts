import type { ArgBuilder } from '@pothos/core';
/**
 * Object refs and shared connection types, declared apart from their implementations so type
 * files can reference each other without import cycles. Upstream DTOs are the backing models.
 */
import type {
  ActivePeer,
  ActiveRoom,
  AnalyticsEvent,
  ExternalStream,
  LiveStream,
  Recording,
  Room,
  RoomCode,
  Template,
} from '../hms/types.js';
import type { AssetView } from './asset-view.js';
import { type BuilderTypes, builder } from './builder.js';
import type { SessionView } from './session-view.js';

export const RoomRef = builder.objectRef<Room>('Room');
export const SessionRef = builder.objectRef<SessionView>('Session');
export const RecordingRef = builder.objectRef<Recording>('Recording');
export const RecordingAssetRef = builder.objectRef<AssetView>('RecordingAsset');
export const LiveStreamRef = builder.objectRef<LiveStream>('LiveStream');
export const ExternalStreamRef = builder.objectRef<ExternalStream>('ExternalStream');
export const TemplateRef = builder.objectRef<Template>('Template');
export const RoomCodeRef = builder.objectRef<RoomCode>('RoomCode');
/** An active room's live session as 100ms reports it. */
export const ActiveRoomRef = builder.objectRef<ActiveRoom>('ActiveRoom');
/** A connected peer; the room id is kept so tracks can be fetched. */
export const ActivePeerRef = builder.objectRef<ActivePeer & { room_id: string }>('ActivePeer');
export const AnalyticsEventRef = builder.interfaceRef<AnalyticsEvent>('AnalyticsEvent');

export const RoomConnection = builder.connectionObject({ type: RoomRef, name: 'RoomConnection' });
export const SessionConnection = builder.connectionObject({ type: SessionRef, name: 'SessionConnection' });
export const RecordingConnection = builder.connectionObject({
  type: RecordingRef,
  name: 'RecordingConnection',
});
export const RecordingAssetConnection = builder.connectionObject({
  type: RecordingAssetRef,
  name: 'RecordingAssetConnection',
});
export const LiveStreamConnection = builder.connectionObject({
  type: LiveStreamRef,
  name: 'LiveStreamConnection',
});
export const ExternalStreamConnection = builder.connectionObject({
  type: ExternalStreamRef,
  name: 'ExternalStreamConnection',
});
export const TemplateConnection = builder.connectionObject({ type: TemplateRef, name: 'TemplateConnection' });
export const AnalyticsEventConnection = builder.connectionObject({
  type: AnalyticsEventRef,
  name: 'AnalyticsEventConnection',
});

/** `first`/`after` only: the upstream cursors are forward-only. */
export const pageArgs = (arg: ArgBuilder<BuilderTypes>) => ({
  first: arg.int({ description: 'Page size, 1–100 (default 20).' }),
  after: arg.string({ description: 'An `endCursor` or edge `cursor` from a previous page.' }),
});
