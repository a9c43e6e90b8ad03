import type { GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { RecordingAsset, Session, SessionPeer } from '../../src/hms/types.js';
import { AssetView } from '../../src/schema/asset-view.js';
import { UNKNOWN_VALUE } from '../../src/schema/enums.js';
import { schema } from '../../src/schema/index.js';
import { SessionPeerView, sessionView } from '../../src/schema/session-view.js';

const fields = (name: string) => (schema.getType(name) as GraphQLObjectType).getFields();

describe('types read as views (AssetView, SessionView, SessionPeerView)', () => {
  it('have no resolver on their reshaping fields, so compiled queries read them inline', () => {
    // Per type: the fields that load or call 100ms (resolvers); every other field is read inline.
    const loading: Record<string, string[]> = {
      SessionPeer: [],
      RecordingAsset: ['id', 'room', 'session', 'job', 'presignedUrl'],
      Session: ['id', 'room', 'peers', 'recordings', 'recordingAssets', 'polls', 'peerStats'],
    };
    for (const [type, resolved] of Object.entries(loading)) {
      for (const [name, field] of Object.entries(fields(type))) {
        if (resolved.includes(name)) expect(field.resolve, `${type}.${name}`).toBeTypeOf('function');
        else expect(field.resolve, `${type}.${name}`).toBeUndefined();
      }
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

  it("keep a session's own fields for code that takes the 100ms object", () => {
    const raw = {
      id: 's1',
      room_id: 'r1',
      customer_id: 'c1',
      active: false,
      peers: { a: {} as SessionPeer, b: {} as SessionPeer },
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:10:00Z',
    } satisfies Session;
    const view = sessionView(raw);
    expect({ ...view }).toEqual(raw);
    expect(JSON.parse(JSON.stringify(view))).toEqual(raw);
    expect([view.hmsId, view.endedAt, view.durationSeconds, view.peerCount]).toEqual([
      's1',
      '2026-01-01T00:10:00Z',
      600,
      2,
    ]);
    expect(sessionView(view)).toBe(view);
  });
});
