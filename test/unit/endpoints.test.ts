/**
 * The catalogue and the room guard derived from it. The guard is exercised over a recording
 * sender that answers from fixtures: what matters here is which calls it lets through, refuses
 * or fans out, decided by policy alone (the over-HTTP behaviour is in auth/upstream-budget tests).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from '../../src/hms/api.js';
import {
  type AnyArgs,
  asSend,
  ENDPOINTS,
  type EndpointName,
  type EndpointSpec,
  endpointNames,
  specOf,
} from '../../src/hms/endpoints.js';
import { HmsForbiddenError, HmsNotFoundError } from '../../src/hms/errors.js';
import { confine } from '../../src/loaders/confine.js';

describe('the catalogue', () => {
  it('refuses, at type level, an endpoint without a room policy', () => {
    const catalogue = {
      'fake.get': {
        method: 'GET',
        route: '/fake/{id}',
        shape: 'object',
        safe: true,
        room: 'admin',
        cache: null,
        cost: { kind: 'call' },
      },
      // @ts-expect-error: no `room` policy, so this entry is not an EndpointSpec (deny by default)
      'fake.unguarded': {
        method: 'GET',
        route: '/fake',
        shape: 'list',
        safe: true,
        cache: null,
        cost: { kind: 'pages', pageSize: 100 },
      },
    } satisfies Record<string, EndpointSpec>;
    expect(Object.keys(catalogue)).toHaveLength(2);
  });

  it('gives every endpoint a policy whose lookups name real endpoints', () => {
    for (const name of endpointNames) {
      const { room } = specOf(name);
      expect(room, name).toBeDefined();
      if (typeof room === 'object' && 'endpoint' in room) {
        expect(Object.keys(ENDPOINTS), `${name} → ${room.endpoint}`).toContain(room.endpoint);
      }
    }
  });

  it('does not know names outside it', () => {
    expect(() => specOf('sip.call' as EndpointName)).toThrow(/unknown 100ms endpoint/);
  });
});

const A = 'room-a';
const B = 'room-b';
const C = 'room-c';

interface Recorded {
  name: EndpointName;
  args: AnyArgs;
}

/** An inner sender answering from fixtures, recording each call. */
function fixtures() {
  const calls: Recorded[] = [];
  const rooms: Record<
    string,
    { id: string; template_id: string; created_at: string; name: string; enabled: boolean }
  > = {
    [A]: { id: A, template_id: 't-a', created_at: '2025-01-01T00:00:00Z', name: 'a', enabled: true },
    [B]: { id: B, template_id: 't-b', created_at: '2025-01-02T00:00:00Z', name: 'b', enabled: true },
    [C]: { id: C, template_id: 't-c', created_at: '2025-01-03T00:00:00Z', name: 'c', enabled: true },
  };
  const recordings = [
    { id: 'r1', room_id: A, created_at: '2025-02-01T00:00:00Z' },
    { id: 'r2', room_id: B, created_at: '2025-02-02T00:00:00Z' },
    { id: 'r3', room_id: A, created_at: '2025-02-03T00:00:00Z' },
    { id: 'r4', room_id: C, created_at: '2025-02-04T00:00:00Z' },
  ];
  const notFound = () => new HmsNotFoundError({ method: 'GET', path: '/x', status: 404 });
  const send = asSend(async (name: EndpointName, args: AnyArgs) => {
    calls.push({ name, args });
    const id = args.params?.id;
    switch (name) {
      case 'rooms.get':
        if (!id || !rooms[id]) throw notFound();
        return rooms[id];
      case 'recordings.get': {
        const found = recordings.find((r) => r.id === id);
        if (!found) throw notFound();
        return found;
      }
      case 'recordings.list': {
        const items = recordings
          .filter((r) => r.room_id === args.query?.room_id)
          .sort((x, y) => y.created_at.localeCompare(x.created_at));
        return { items, limit: 10, next: null } satisfies Page<unknown>;
      }
      case 'templates.get':
        return { id, createdAt: '2025-01-01T00:00:00Z' };
      case 'roomCodes.list':
        return { items: id === A ? [{ code: 'aaa-bbb-ccc', room_id: A }] : [], limit: 100, next: null };
      default:
        return { ok: name };
    }
  });
  return { send, calls };
}

describe('confine: one guard, driven by the policy', () => {
  it('path: a read outside looks missing, a write outside is refused, neither is sent', async () => {
    const { send, calls } = fixtures();
    const guarded = confine(send, new Set([A]));
    await expect(guarded('activeRooms.get', { params: { id: B } })).rejects.toBeInstanceOf(HmsNotFoundError);
    await expect(guarded('recordings.start', { params: { id: B }, body: {} })).rejects.toBeInstanceOf(
      HmsForbiddenError,
    );
    expect(calls).toEqual([]);
    await expect(guarded('activeRooms.get', { params: { id: A } })).resolves.toEqual({
      ok: 'activeRooms.get',
    });
  });

  it('query: an unfiltered list is one call per own room, merged newest first', async () => {
    const { send, calls } = fixtures();
    const guarded = confine(send, new Set([A, B]));
    const page = (await guarded('recordings.list', { query: { limit: 2 } })) as Page<{ id: string }>;
    expect(page.items.map((r) => r.id)).toEqual(['r3', 'r2']);
    expect(page.next).toBe('r2');
    expect(calls.map((c) => c.args.query?.room_id).sort()).toEqual([A, B]);
  });

  it('query: a filter outside is an empty list, with no call', async () => {
    const { send, calls } = fixtures();
    const page = (await confine(send, new Set([A]))('recordings.list', {
      query: { room_id: C },
    })) as Page<unknown>;
    expect(page.items).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('result: an object of another room looks missing', async () => {
    const { send } = fixtures();
    const guarded = confine(send, new Set([A]));
    await expect(guarded('recordings.get', { params: { id: 'r2' } })).rejects.toBeInstanceOf(
      HmsNotFoundError,
    );
    await expect(guarded('recordings.get', { params: { id: 'r1' } })).resolves.toMatchObject({ id: 'r1' });
  });

  it('lookup: a job is read first, and acted on only inside', async () => {
    const { send, calls } = fixtures();
    const guarded = confine(send, new Set([A]));
    await expect(guarded('recordings.stop', { params: { id: 'r2' } })).rejects.toBeInstanceOf(
      HmsForbiddenError,
    );
    await expect(guarded('recordings.stop', { params: { id: 'missing' } })).rejects.toBeInstanceOf(
      HmsForbiddenError,
    );
    expect(calls.map((c) => c.name)).toEqual(['recordings.get', 'recordings.get']);
    await expect(guarded('recordings.stop', { params: { id: 'r1' } })).resolves.toEqual({
      ok: 'recordings.stop',
    });
  });

  it('lookup by field: a room code is searched among the own rooms', async () => {
    const { send } = fixtures();
    const guarded = confine(send, new Set([A]));
    await expect(
      guarded('roomCodes.setEnabled', { body: { code: 'aaa-bbb-ccc', enabled: false } }),
    ).resolves.toEqual({ ok: 'roomCodes.setEnabled' });
    await expect(
      guarded('roomCodes.setEnabled', { body: { code: 'zzz-zzz-zzz', enabled: false } }),
    ).rejects.toBeInstanceOf(HmsForbiddenError);
  });

  it('body: app tokens only for own rooms', async () => {
    const { send, calls } = fixtures();
    const guarded = confine(send, new Set([A]));
    await expect(guarded('tokens.appToken', { body: { roomId: B, role: 'guest' } })).rejects.toBeInstanceOf(
      HmsForbiddenError,
    );
    expect(calls).toEqual([]);
  });

  it('admin: refused to every confined caller', async () => {
    const { send, calls } = fixtures();
    await expect(confine(send, new Set([A]))('rooms.create', { body: { name: 'x' } })).rejects.toBeInstanceOf(
      HmsForbiddenError,
    );
    expect(calls).toEqual([]);
  });

  it('rooms: the list is the own rooms, by id', async () => {
    const { send } = fixtures();
    const page = (await confine(send, new Set([A, C, 'gone']))('rooms.list', { query: {} })) as Page<{
      id: string;
    }>;
    expect(page.items.map((r) => r.id)).toEqual([C, A]);
  });

  it('workspace: templates of the own rooms only', async () => {
    const { send } = fixtures();
    const guarded = confine(send, new Set([A]));
    const page = (await guarded('templates.list', { query: {} })) as Page<{ id: string }>;
    expect(page.items.map((t) => t.id)).toEqual(['t-a']);
    await expect(guarded('templates.get', { params: { id: 't-b' } })).rejects.toBeInstanceOf(
      HmsNotFoundError,
    );
    await expect(guarded('templates.get', { params: { id: 't-a' } })).resolves.toMatchObject({ id: 't-a' });
  });
});
