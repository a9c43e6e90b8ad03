import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.js';

type Sample = { id: string; __typename: string };

let stack: Stack;
let liveRoom: string;

beforeAll(async () => {
  stack = await startStack();
  const rooms = await stack.hms.rooms.list({ name: 'product-standup' });
  liveRoom = rooms.items[0]?.id as string;
});
afterAll(() => stack?.close());
beforeEach(() => stack.resetCalls());

/** One id of every Node type, taken from list queries. */
async function sampleIds() {
  const res = await stack.gql<Record<string, { nodes: Sample[] }>>(`{
    rooms(first: 1) { nodes { id __typename } }
    sessions(first: 1) { nodes { id __typename } }
    recordings(first: 1) { nodes { id __typename } }
    recordingAssets(first: 1) { nodes { id __typename } }
    liveStreams(first: 1) { nodes { id __typename } }
    externalStreams(first: 1) { nodes { id __typename } }
    templates(first: 1) { nodes { id __typename } }
  }`);
  expect(res.errors).toBeUndefined();
  return Object.values(res.data ?? {}).map((conn) => {
    expect(conn.nodes).toHaveLength(1);
    return conn.nodes[0] as Sample;
  });
}

describe('Relay nodes', () => {
  it('round-trips node(id) for every Node type', async () => {
    const samples = await sampleIds();
    expect(samples.map((s) => s.__typename).sort()).toEqual(
      ['ExternalStream', 'LiveStream', 'Recording', 'RecordingAsset', 'Room', 'Session', 'Template'].sort(),
    );
    for (const sample of samples) {
      const res = await stack.gql(
        `query($id: ID!) { node(id: $id) { id __typename ... on Room { name } } }`,
        {
          id: sample.id,
        },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.node).toMatchObject({ id: sample.id, __typename: sample.__typename });
    }
  });

  it('resolves nodes() with a mix of types, in order, null for a missing one', async () => {
    const samples = await sampleIds();
    const missing = Buffer.from('Room:ffffffffffffffffffffffff').toString('base64');
    const ids = [...samples.map((s) => s.id), missing];
    const res = await stack.gql<{ nodes: Array<Sample | null> }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }`,
      { ids },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.nodes.slice(0, samples.length)).toEqual(samples);
    expect(res.data?.nodes.at(-1)).toBeNull();
  });

  it('loads 10 recordings of one session through nodes() in at most 2 upstream calls', async () => {
    try {
      await tenRecordingsThroughNodes();
    } finally {
      // The live room got 10 recordings: back to the seed for whichever test runs next.
      stack.reset();
    }
  });

  async function tenRecordingsThroughNodes() {
    // Make a session with 10 finished recordings, through the real API.
    for (let i = 0; i < 10; i++) {
      const rec = await stack.hms.recordings.start(liveRoom, {
        meeting_url: 'https://demo.app.100ms.live/preview/x',
      });
      stack.emulator.advanceJobs();
      await stack.hms.recordings.stop(rec.id);
      stack.emulator.advanceJobs();
      stack.emulator.advanceJobs();
      stack.emulator.advanceJobs();
    }
    const active = await stack.hms.activeRooms.get(liveRoom);
    const listed = await stack.gql<{ session: { recordings: { nodes: Array<{ id: string }> } } }>(
      `query($id: ID!) { session(id: $id) { recordings(first: 100) { nodes { id } } } }`,
      { id: active.session.id },
    );
    const ids = listed.data?.session.recordings.nodes.map((n) => n.id) ?? [];
    expect(ids.length).toBeGreaterThanOrEqual(10);

    stack.resetCalls();
    const res = await stack.gql<{ nodes: Array<{ hmsId?: string } | null> }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Recording { hmsId status assets { hmsId sizeBytes } } } }`,
      { ids: ids.slice(0, 10) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.nodes).toHaveLength(10);
    expect(res.data?.nodes.every((n) => n?.hmsId)).toBe(true);
    expect(stack.calls().total).toBeLessThanOrEqual(2);
  }

  it('rejects a malformed global id in node() with BAD_USER_INPUT, not an internal error', async () => {
    const res = await stack.gql('{ node(id: "garbage") { id } }');
    expect(res.data?.node).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/global ID/i);
  });

  it('rejects a global id of the wrong type with BAD_USER_INPUT', async () => {
    const [room] = await sampleIds();
    const res = await stack.gql(`query($id: ID!) { session(id: $id) { hmsId } }`, { id: room?.id });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/Room id; expected a Session id/);
  });

  it('gives null plus BAD_USER_INPUT for an id of an unknown type in node()', async () => {
    const res = await stack.gql('{ node(id: "bm9wZTox") { id } }');
    expect(res.data).toEqual({ node: null });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.path).toEqual(['node']);
  });

  it('nulls only the malformed items of nodes(), each with BAD_USER_INPUT on its own path', async () => {
    const [room] = await sampleIds();
    const res = await stack.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: ['garbage', room?.id, 'bm9wZTox'],
    });
    expect(res.data?.nodes).toEqual([null, { id: room?.id }, null]);
    expect(res.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([
      ['BAD_USER_INPUT', ['nodes', 0]],
      ['BAD_USER_INPUT', ['nodes', 2]],
    ]);
  });
});
