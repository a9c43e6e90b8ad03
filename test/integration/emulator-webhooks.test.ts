/** Webhook delivery history, replay workflows (https://www.100ms.live/docs/server-side/v2/api-reference/analytics/list-webhook-events, https://www.100ms.live/docs/server-side/v2/api-reference/analytics/overview) and peer quality stats. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ROOMS } from '../../src/emulator/index.js';
import { expectHmsError, type Harness, ISO, startHarness } from '../helpers/emulator-harness.js';

let h: Harness;
let live: string;

interface History {
  events: Array<{
    event_id: string;
    event_name: string;
    room_id: string;
    event_timestamp: string;
    payload: Record<string, unknown>;
  }>;
  pagination: {
    current_page: number;
    page_size: number;
    total_pages: number;
    total_items: number;
    has_next: boolean;
    has_prev: boolean;
  };
  summary: { total_events: number };
}

interface Series {
  track_id: string;
  time_series: Record<string, unknown[]>;
}

interface PeerStats {
  peer_id: string;
  session_id: string;
  room_id: string;
  publisher: { video: Series[]; audio: Series[] };
  subscriber: { video: Series[]; audio: Series[] };
}

beforeAll(async () => {
  h = await startHarness();
  live = await h.roomId(SEED_ROOMS.live);
});
afterAll(() => h?.close());

const history = (query: Record<string, unknown> = {}) =>
  h.hms.request<History>('GET', '/analytics/webhooks', { query });
const peerStats = (query: Record<string, unknown>) =>
  h.hms.request<PeerStats>('GET', '/analytics/peer-stats', { query });

describe('webhook delivery history', () => {
  it('lists the last 24 h of deliveries, newest first, with page-number pagination', async () => {
    const all = await history();
    expect(all.pagination).toMatchObject({ current_page: 1, page_size: 50, has_prev: false });
    expect(all.summary.total_events).toBe(all.pagination.total_items);
    expect(all.events.length).toBeGreaterThan(5);
    const names = new Set(all.events.map((e) => e.payload.original_event_name));
    expect(names).toEqual(
      new Set([
        'session.open.success',
        'peer.join.success',
        'peer.leave.success',
        'beam.started.success',
        'beam.stopped.success',
        'beam.recording.success',
        'transcription.success',
      ]),
    );
    for (const event of all.events) {
      expect(event).toMatchObject({
        room_id: live,
        event_timestamp: expect.stringMatching(ISO),
        event_name: expect.stringMatching(/^reporter\.webhook\.delivery\.(success|failed)$/),
      });
      expect('error_reason' in event.payload).toBe(event.event_name.endsWith('failed'));
    }
    const times = all.events.map((e) => e.event_timestamp);
    expect([...times].sort().reverse()).toEqual(times);
    const small = await history({ limit: 2, page: 2 });
    expect(small.events).toEqual(all.events.slice(2, 4));
    expect(small.pagination).toMatchObject({ current_page: 2, page_size: 2, has_prev: true, has_next: true });
  });

  it('filters by status, event names (repeated) and room', async () => {
    const all = await history();
    const failed = await history({ status: 'failed' });
    const succeeded = await history({ status: 'success' });
    expect(failed.pagination.total_items + succeeded.pagination.total_items).toBe(all.pagination.total_items);
    const joins = await history({ event_names: ['peer.join.success', 'peer.leave.success'] });
    expect(new Set(joins.events.map((e) => e.payload.original_event_name))).toEqual(
      new Set(['peer.join.success', 'peer.leave.success']),
    );
    expect((await history({ room_id: await h.roomId(SEED_ROOMS.empty) })).events).toEqual([]);
  });

  it('refuses windows beyond 30 days or wider than 14 days, and unknown names', async () => {
    const day = 24 * 3600 * 1000;
    const iso = (ms: number) => new Date(ms).toISOString();
    await expectHmsError(history({ start_time: iso(Date.now() - 31 * day) }), 400);
    await expectHmsError(
      history({ start_time: iso(Date.now() - 20 * day), end_time: iso(Date.now() - 5 * day) }),
      400,
    );
    await expectHmsError(history({ event_names: ['room.exploded'] }), 400);
    await expectHmsError(history({ status: 'maybe' }), 400);
  });
});

describe('webhook replay', () => {
  it('starts a workflow, reuses it for an identical request, and completes', async () => {
    const body = { room_id: live, status: 'all', event_names: ['peer.join.success'] };
    const started = await h.hms.request<Record<string, unknown>>('POST', '/analytics/webhooks/replay', {
      body,
    });
    expect(started).toMatchObject({
      status: 'started',
      workflow_id: expect.any(String),
      filters: { room_id: live, event_types: ['peer.join.success'] },
    });
    const again = await h.hms.request<Record<string, unknown>>('POST', '/analytics/webhooks/replay', {
      body,
    });
    expect(again).toMatchObject({ status: 'already_running', workflow_id: started.workflow_id });
    const running = await h.hms.request<Record<string, unknown>>(
      'GET',
      `/analytics/webhooks/replay/${started.workflow_id}`,
    );
    expect(running).toMatchObject({ status: 'Running', completed_at: null });
    h.emulator.advanceJobs();
    const done = await h.hms.request<{ status: string; progress: { total: number; completed: number } }>(
      'GET',
      `/analytics/webhooks/replay/${started.workflow_id}`,
    );
    expect(done.status).toBe('completed');
    expect(done.progress.total).toBe(4);
    expect(done.progress.completed).toBe(4);
    await expectHmsError(
      h.hms.request('GET', '/analytics/webhooks/replay/00000000-0000-4000-8000-000000000000'),
      404,
    );
    await expectHmsError(
      h.hms.request('POST', '/analytics/webhooks/replay', { body: { limit: 50_001 } }),
      400,
    );
    await expectHmsError(
      h.hms.request('POST', '/analytics/webhooks/replay', { body: { event_types: [] } }),
      400,
    );
  });
});

describe('peer stats', () => {
  it('serves time series for a peer of an ended session, nothing for a live one', async () => {
    const [ended] = (await h.hms.sessions.list({ room_id: live, active: false, limit: 10 })).items;
    const host = Object.values(ended?.peers ?? {}).find((p) => p.role === 'host');
    const stats = await peerStats({ peer_id: host?.id, session_id: ended?.id });
    expect(stats).toMatchObject({ peer_id: host?.id, session_id: ended?.id, room_id: live });
    const video = stats.publisher.video[0];
    expect(video?.time_series.timestamps?.length).toBeGreaterThan(0);
    expect(video?.time_series.timestamps?.length).toBe(video?.time_series.bitrate?.length);
    expect(stats.publisher.audio[0]?.time_series).toHaveProperty('jitter_ms');
    expect(stats.subscriber.video[0]?.time_series).toHaveProperty('freeze_count');
    const viewer = Object.values(ended?.peers ?? {}).find((p) => p.role === 'viewer-realtime');
    if (viewer) {
      const quiet = await peerStats({ peer_id: viewer.id, session_id: ended?.id });
      expect(quiet.publisher).toEqual({ video: [], audio: [] });
    }
    const active = await h.hms.activeRooms.get(live);
    await expectHmsError(peerStats({ peer_id: active.session.peers[0], session_id: active.session.id }), 404);
    await expectHmsError(peerStats({ session_id: ended?.id }), 400);
    await expectHmsError(peerStats({ peer_id: 'nobody', session_id: ended?.id }), 404);
  });
});
