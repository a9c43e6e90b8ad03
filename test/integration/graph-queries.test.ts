import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DashboardDocument } from '../../examples/dashboard/src/generated/graphql.js';
import { type GraphQLResponse, type Stack, startStack } from '../helpers/stack.js';

const DASHBOARD = readFileSync(new URL('../../schema/operations/dashboard.graphql', import.meta.url), 'utf8');

let stack: Stack;
const rooms: Record<string, { id: string; hmsId: string }> = {};

interface Nodes<T> {
  nodes: T[];
}

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}
interface SessionsPage {
  room: { sessions: { edges: Array<{ cursor: string; node: { hmsId: string } }>; pageInfo: PageInfo } };
}
interface EventsPage {
  analyticsEvents: Nodes<{ eventId: string }> & { pageInfo: PageInfo };
}
type Answer<T> = GraphQLResponse<T> & { status: number };

async function roomByName(name: string) {
  const res = await stack.gql<{ rooms: Nodes<{ id: string; hmsId: string; name: string }> }>(
    `query($name: String) { rooms(filter: { name: $name }) { nodes { id hmsId name } } }`,
    {
      name,
    },
  );
  const node = res.data?.rooms.nodes[0];
  if (!node) throw new Error(`seed room ${name} missing: ${JSON.stringify(res)}`);
  return node;
}

beforeAll(async () => {
  stack = await startStack();
  for (const name of ['product-standup', 'town-hall', 'archived-2023', 'sales-demo']) {
    rooms[name] = await roomByName(name);
  }
});
afterAll(() => stack?.close());
beforeEach(() => stack.resetCalls());

describe('dashboard query', () => {
  it('returns the room, 10 sessions with peers, recordings and assets in at most 4 upstream calls', async () => {
    const res = await stack.run(DashboardDocument, { roomId: rooms['product-standup']?.hmsId as string });
    expect(res.errors).toBeUndefined();
    const room = res.data?.room;
    expect(room?.name).toBe('product-standup');
    const sessions = room?.sessions?.nodes ?? [];
    expect(sessions).toHaveLength(10);
    const recordings = sessions.flatMap((s) => s.recordings?.nodes ?? []);
    expect(recordings.length).toBeGreaterThan(0);
    expect(recordings.flatMap((r) => r.assets ?? []).length).toBeGreaterThan(0);
    expect(sessions.some((s) => (s.peers?.length ?? 0) > 0)).toBe(true);
    expect(stack.calls().total).toBeLessThanOrEqual(4);
    expect(res.extensions?.cost?.actualUpstreamCalls).toBe(stack.calls().total);
  });

  it('costs no more when the same selection is issued twice under aliases', async () => {
    await stack.gql(DASHBOARD, { roomId: rooms['product-standup']?.hmsId });
    const single = stack.calls().total;
    stack.resetCalls();
    const body = DASHBOARD.slice(DASHBOARD.indexOf('room(id: $roomId)'), DASHBOARD.lastIndexOf('}'));
    const doubled = `query($roomId: ID!, $sessions: Int = 10) { a: ${body} b: ${body} }`;
    const res = await stack.gql(doubled, { roomId: rooms['product-standup']?.hmsId });
    expect(res.errors).toBeUndefined();
    expect(res.data?.a).toEqual(res.data?.b);
    expect(stack.calls().total).toBe(single);
  });

  it('accepts a global id as well as a 100ms id', async () => {
    const res = await stack.gql<{ room: { hmsId: string } }>(`query($id: ID!) { room(id: $id) { hmsId } }`, {
      id: rooms['product-standup']?.id,
    });
    expect(res.data?.room.hmsId).toBe(rooms['product-standup']?.hmsId);
  });
});

describe('pagination', () => {
  it('walks 3+ pages of the big room with exact hasNextPage and no duplicates', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    const total = (await stack.hms.sessions.list({ room_id: rooms['town-hall']?.hmsId, limit: 100 })).items
      .length; // first page size is only a sanity bound below
    expect(total).toBeGreaterThan(0);
    for (;;) {
      const res: Answer<SessionsPage> = await stack.gql<SessionsPage>(
        `query($id: ID!, $after: String) { room(id: $id) { sessions(first: 40, after: $after) {
           edges { cursor node { hmsId startedAt } } pageInfo { hasNextPage endCursor } } } }`,
        { id: rooms['town-hall']?.hmsId, after },
      );
      expect(res.errors).toBeUndefined();
      const conn = res.data?.room.sessions;
      if (!conn) throw new Error(JSON.stringify(res));
      pages += 1;
      seen.push(...conn.edges.map((e) => e.node.hmsId));
      if (conn.edges.length > 0) expect(conn.pageInfo.endCursor).toBe(conn.edges.at(-1)?.cursor);
      if (!conn.pageInfo.hasNextPage) {
        expect(conn.edges.length).toBeGreaterThan(0);
        break;
      }
      expect(conn.edges).toHaveLength(40);
      after = conn.pageInfo.endCursor;
    }
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(new Set(seen).size).toBe(seen.length);
    const all: string[] = [];
    for await (const s of stack.hms.sessions.iterate({ room_id: rooms['town-hall']?.hmsId, limit: 100 }))
      all.push(s.id);
    expect(seen).toEqual(all);
  });

  it('refuses UNKNOWN as a status filter before calling 100ms', async () => {
    const res = await stack.gql(
      `query($id: ID!) { room(id: $id) { recordings(status: UNKNOWN) { nodes { id } } } }`,
      {
        id: rooms['product-standup']?.hmsId,
      },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(stack.calls().byRoute['GET /v2/recordings']).toBeUndefined();
  });

  it('rejects out-of-range first and foreign cursors as BAD_USER_INPUT', async () => {
    for (const [first, after] of [
      [0, null],
      [101, null],
      [10, 'bm90LWEtY3Vyc29y'],
    ] as const) {
      const res = await stack.gql(
        `query($first: Int, $after: String) { rooms(first: $first, after: $after) { nodes { id } } }`,
        {
          first,
          after,
        },
      );
      expect(res.status).toBe(200);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(stack.calls().total).toBe(0);
  });
});

describe('lookups and errors', () => {
  it('answers null plus NOT_FOUND for an unknown room, and HTTP 200', async () => {
    const res = await stack.gql(
      `{ room(id: "aaaaaaaaaaaaaaaaaaaaaaaa") { name sessions { nodes { id } } } }`,
    );
    expect(res.status).toBe(200);
    expect(res.data?.room).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(res.errors?.[0]?.path).toEqual(['room']);
  });

  it('filters rooms by exact name, punctuation included, case-insensitively', async () => {
    const room = await roomByName('Design-Review:QA.v2');
    expect(room.name).toBe('design-review:qa.v2');
    expect(room.hmsId).toMatch(/^[0-9a-f]{24}$/);
  });

  it('reports the > 2 GiB asset with its exact size', async () => {
    const res = await stack.gql<{ room: { recordingAssets: Nodes<{ sizeBytes: number; type: string }> } }>(
      `query($id: ID!) { room(id: $id) { recordingAssets(first: 100) { nodes { sizeBytes type } } } }`,
      { id: rooms['product-standup']?.hmsId },
    );
    expect(res.errors).toBeUndefined();
    const sizes = res.data?.room.recordingAssets.nodes.map((a) => a.sizeBytes) ?? [];
    const big = sizes.filter((s) => s > 2 ** 31);
    expect(big.length).toBeGreaterThan(0);
    const upstream: number[] = [];
    for await (const a of stack.hms.recordingAssets.iterate({ room_id: rooms['product-standup']?.hmsId })) {
      upstream.push(a.size);
    }
    for (const size of big) expect(upstream).toContain(size);
  });

  it('returns zero times as null', async () => {
    const res = await stack.gql<{ rooms: Nodes<{ name: string; updatedAt: string | null }> }>(
      `{ rooms(first: 100) { nodes { name updatedAt } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.rooms.nodes.some((r) => r.updatedAt === null)).toBe(true);
  });

  it('pages analytics events past page 1', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: Answer<EventsPage> = await stack.gql<EventsPage>(
        `query($id: ID!, $after: String) { analyticsEvents(roomId: $id, first: 10, after: $after) {
          nodes { eventId type timestamp } pageInfo { hasNextPage endCursor } } }`,
        { id: rooms['product-standup']?.hmsId, after },
      );
      expect(res.errors).toBeUndefined();
      const events = res.data?.analyticsEvents;
      if (!events) throw new Error(JSON.stringify(res));
      ids.push(...events.nodes.map((n) => n.eventId));
      after = events.pageInfo.hasNextPage ? events.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 20);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(ids.length).toBeGreaterThan(25);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('partial failure', () => {
  it('keeps sibling data when one connection fails upstream, with a typed error on its path', async () => {
    stack.emulator.setFaults([{ route: 'GET /v2/recordings', kind: 'status', status: 503 }]);
    try {
      const res = await stack.gql<{ room: { name: string; sessions: Nodes<{ hmsId: string }> } }>(
        `query($id: ID!) { room(id: $id) { name recordings(first: 5) { nodes { id } } sessions(first: 2) { nodes { hmsId } } } }`,
        { id: rooms['product-standup']?.hmsId },
      );
      expect(res.status).toBe(200);
      expect(res.data?.room.name).toBe('product-standup');
      expect(res.data?.room.sessions.nodes).toHaveLength(2);
      expect(res.errors?.[0]?.path).toEqual(['room', 'recordings']);
      expect(res.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    } finally {
      stack.emulator.setFaults([]);
    }
  });

  it('maps an upstream 429 to RATE_LIMITED', async () => {
    stack.emulator.setFaults([
      { route: 'GET /v2/templates', kind: 'status', status: 429, retryAfterSeconds: 7 },
    ]);
    try {
      const res = await stack.gql(`{ templates { nodes { id } } }`);
      expect(res.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(res.errors?.[0]?.extensions?.retryAfterSeconds).toBe(7);
    } finally {
      stack.emulator.setFaults([]);
    }
  });
});
