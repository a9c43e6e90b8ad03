import type { GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { RecordingAsset, SessionPeer } from '../../src/hms/types.js';
import { AssetView } from '../../src/schema/asset-view.js';
import { UNKNOWN_VALUE } from '../../src/schema/enums.js';
import { schema } from '../../src/schema/index.js';
import { SessionPeerView } from '../../src/schema/session.js';

const fields = (name: string) => (schema.getType(name) as GraphQLObjectType).getFields();

describe('types read as views (src/schema/asset-view.ts, SessionPeerView)', () => {
  it('have no resolver on their reshaping fields, so compiled queries read them inline', () => {
    const peer = fields('SessionPeer');
    for (const name of Object.keys(peer)) expect(peer[name]?.resolve, `SessionPeer.${name}`).toBeUndefined();
    const asset = fields('RecordingAsset');
    const loading = ['id', 'room', 'session', 'job', 'presignedUrl'];
    for (const name of Object.keys(asset)) {
      if (loading.includes(name))
        expect(asset[name]?.resolve, `RecordingAsset.${name}`).toBeTypeOf('function');
      else expect(asset[name]?.resolve, `RecordingAsset.${name}`).toBeUndefined();
    }
  });

  it('turn what 100ms leaves empty or unknown into the documented values', () => {
    const peer = new SessionPeerView({
      id: 'p1',
      session_id: 's1',
      name: '',
      role: '',
      user_id: '',
      joined_at: '2026-01-01T00:00:00Z',
      left_at: '2026-01-01T00:01:30.600Z',
    } satisfies SessionPeer);
    expect([peer.peerId, peer.userId, peer.name, peer.role, peer.durationSeconds]).toEqual([
      'p1',
      null,
      null,
      null,
      91,
    ]);
    const asset = new AssetView({
      id: 'a1',
      job_id: 'j1',
      room_id: 'r1',
      session_id: 's1',
      type: 'hologram',
      status: 'completed',
      path: '',
      size: 0,
      duration: 0,
      created_at: '2026-01-01T00:00:00Z',
      thumbnails: null,
      metadata: { max_width: 1280, max_height: 720 },
    } as unknown as RecordingAsset);
    expect([asset.type, asset.path, asset.thumbnails, asset.width, asset.height, asset.outputMode]).toEqual([
      UNKNOWN_VALUE, // served as the enum's UNKNOWN
      null,
      [],
      1280,
      720,
      null,
    ]);
  });
});
