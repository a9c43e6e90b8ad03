/**
 * Confines a caller with an `hms_rooms` claim to those rooms and everything under them: one guard
 * in front of the generic sender, driven by each catalogue entry's room policy. There is no list
 * of methods here: an endpoint reaches 100ms through this guard only with a policy, and the
 * catalogue's type makes the policy mandatory, so a new endpoint is confined from its first day.
 *
 * Reads outside the rooms look exactly like missing objects (404); writes outside are refused
 * (403) before anything is sent. The `request` escape hatch is not a catalogue endpoint: it needs
 * the `hms:admin` scope and is deliberately not confined.
 */
import type { Page, RequestOptions } from '../hms/api.js';
import {
  type AnyArgs,
  asLoose,
  asSend,
  type EndpointName,
  type EndpointSpec,
  type LooseSend,
  type RoomPolicy,
  type Send,
  specOf,
} from '../hms/endpoints.js';
import { HmsForbiddenError, HmsNotFoundError } from '../hms/errors.js';
import { clampLimit } from '../hms/paginate.js';
import type { ListRoomsQuery, Room, Template } from '../hms/types.js';

/** Pages searched per room for an object that has no get endpoint of its own (room codes). */
const MAX_LOOKUP_PAGES = 10;
/** The API's default page size when `limit` is not sent. */
const DEFAULT_LIMIT = 10;

type Item = { id: string; created_at?: string; createdAt?: string; room_id?: string };

const createdAt = (item: Item) => item.created_at ?? item.createdAt ?? '';
/** Newest first, ties by descending id: the API's own order (https://www.100ms.live/docs/server-side/v2/introduction/request-and-response#pagination). */
const newestFirst = (a: Item, b: Item) =>
  createdAt(b).localeCompare(createdAt(a)) || b.id.localeCompare(a.id);

function isNotFound(error: unknown): boolean {
  return error instanceof HmsNotFoundError;
}

export function confine(send: Send, rooms: ReadonlySet<string>): Send {
  const inner: LooseSend = asLoose(send);
  const allowed = (roomId: unknown) => typeof roomId === 'string' && rooms.has(roomId);

  const hidden = (spec: EndpointSpec): never => {
    throw new HmsNotFoundError({ method: 'GET', path: spec.route, status: 404, message: 'Not found' });
  };
  const refuse = (spec: EndpointSpec): never => {
    throw new HmsForbiddenError({
      method: spec.method,
      path: spec.route,
      status: 403,
      message: 'This caller may not act on that room (hms_rooms)',
    });
  };
  /** Outside the caller's rooms: a read finds nothing, a write is refused. */
  const outside = (spec: EndpointSpec): never => (spec.safe ? hidden(spec) : refuse(spec));

  /** The caller's rooms that exist, newest first (a deleted or foreign id is skipped). */
  async function ownRooms(endpoint: EndpointName, options?: RequestOptions): Promise<Room[]> {
    const all = await Promise.all(
      [...rooms].map((id) =>
        (inner(endpoint, { params: { id } }, options) as Promise<Room>).catch((error: unknown) => {
          if (isNotFound(error)) return null;
          throw error;
        }),
      ),
    );
    return all.filter((room): room is Room => room !== null).sort(newestFirst);
  }

  /** A page cut from an in-memory list, with the API's cursor semantics (`start` = last id seen). */
  function pageOf<T extends { id: string }>(
    all: T[],
    query: Record<string, unknown> | undefined,
    spec: EndpointSpec,
  ) {
    const start = query?.start;
    let from = 0;
    if (typeof start === 'string' && start !== '') {
      const index = all.findIndex((item) => item.id === start);
      from = index < 0 ? all.length : index + 1;
    }
    const limit =
      clampLimit(query?.limit as number | undefined, spec.limits ?? { min: 1, max: 100 }) ?? DEFAULT_LIMIT;
    const items = all.slice(from, from + limit);
    return { items, limit, next: from + limit < all.length ? (items.at(-1)?.id ?? null) : null };
  }

  const time = (value: unknown) =>
    value === undefined || value === null
      ? null
      : Date.parse(value instanceof Date ? value.toISOString() : String(value));

  function matchesRoomQuery(room: Room, query: ListRoomsQuery | undefined): boolean {
    const after = time(query?.after);
    const before = time(query?.before);
    return (
      (query?.enabled === undefined || room.enabled === query.enabled) &&
      (query?.name === undefined || room.name.toLowerCase() === query.name.toLowerCase()) &&
      (query?.template_id === undefined || room.template_id === query.template_id) &&
      (after === null || Date.parse(room.created_at) >= after) &&
      (before === null || Date.parse(room.created_at) <= before)
    );
  }

  /**
   * An unfiltered list, confined: one call per allowed room with the room filter, merged newest
   * first. The cursor is the id of the last item returned, which every room's list accepts (100ms
   * cursors are positions in the newest-first order, not items of the filtered list).
   */
  async function perRoom(
    name: EndpointName,
    spec: EndpointSpec,
    param: string,
    args: AnyArgs,
    options?: RequestOptions,
  ) {
    const query = args.query ?? {};
    const limit =
      clampLimit(query.limit as number | undefined, spec.limits ?? { min: 1, max: 100 }) ?? DEFAULT_LIMIT;
    const pages = (await Promise.all(
      [...rooms].map((roomId) =>
        inner(name, { ...args, query: { ...query, [param]: roomId, limit } }, options),
      ),
    )) as Array<Page<Item>>;
    const merged = pages.flatMap((page) => page.items).sort(newestFirst);
    const items = merged.slice(0, limit);
    const more = merged.length > limit || pages.some((page) => page.next !== null);
    return { items, limit, next: more && items.length > 0 ? (items.at(-1)?.id ?? null) : null };
  }

  /** The templates a confined caller may see: those its rooms use. */
  async function ownTemplateIds(options?: RequestOptions): Promise<Set<string>> {
    return new Set((await ownRooms('rooms.get', options)).map((room) => room.template_id).filter(Boolean));
  }

  async function workspace(name: EndpointName, spec: EndpointSpec, args: AnyArgs, options?: RequestOptions) {
    const ids = await ownTemplateIds(options);
    // One template (or a part of it, e.g. its recording configs): its id decides.
    if (args.params?.id !== undefined) {
      if (!ids.has(args.params.id)) return outside(spec);
      return inner(name, args, options);
    }
    if (name !== 'templates.list') return outside(spec);
    const templates = (
      await Promise.all(
        [...ids].map((id) =>
          (inner('templates.get', { params: { id } }, options) as Promise<Template>).catch(
            (error: unknown) => {
              if (isNotFound(error)) return null;
              throw error;
            },
          ),
        ),
      )
    ).filter((t): t is Template => t !== null);
    return pageOf(templates.sort(newestFirst), args.query, spec);
  }

  async function lookup(
    policy: Extract<RoomPolicy, { from: 'lookup' }>,
    args: AnyArgs,
    options?: RequestOptions,
  ): Promise<boolean> {
    const target = specOf(policy.endpoint as EndpointName);
    if ('param' in policy) {
      const id = args.params?.[policy.param];
      if (typeof id !== 'string' || id === '') return false;
      try {
        const found = (await inner(policy.endpoint as EndpointName, { params: { id } }, options)) as Item;
        return allowed(found.room_id);
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    }
    // No get endpoint: search the room-scoped list of each allowed room for the key.
    const key = (args.body as Record<string, unknown> | undefined)?.[policy.field];
    if (typeof target.room !== 'object' || target.room.from !== 'path' || key === undefined) return false;
    const roomParam = target.room.param;
    for (const roomId of rooms) {
      let start: string | undefined;
      for (let page = 0; page < MAX_LOOKUP_PAGES; page++) {
        const result = (await inner(
          policy.endpoint as EndpointName,
          { params: { [roomParam]: roomId }, query: { limit: 100, start } },
          options,
        )) as Page<Record<string, unknown>>;
        if (result.items.some((item) => item[policy.field] === key)) return true;
        if (!result.next || result.items.length === 0) break;
        start = result.next;
      }
    }
    return false;
  }

  return asSend(async (name: EndpointName, args: AnyArgs, options?: RequestOptions) => {
    const spec = specOf(name);
    const policy = spec.room;
    if (policy === 'admin') return refuse(spec);
    if (policy === 'workspace') return workspace(name, spec, args, options);
    switch (policy.from) {
      case 'path':
        if (!allowed(args.params?.[policy.param])) return outside(spec);
        return inner(name, args, options);
      case 'body':
        if (!allowed((args.body as Record<string, unknown> | undefined)?.[policy.field]))
          return outside(spec);
        return inner(name, args, options);
      case 'result': {
        const value = (await inner(name, args, options)) as Item;
        if (!allowed(value.room_id)) return hidden(spec);
        return value;
      }
      case 'query': {
        const roomId = args.query?.[policy.param];
        if (roomId !== undefined && roomId !== null) {
          if (allowed(roomId)) return inner(name, args, options);
          if (policy.required) return hidden(spec);
          return { items: [], limit: args.query?.limit ?? DEFAULT_LIMIT, next: null };
        }
        if (policy.required) return hidden(spec);
        return perRoom(name, spec, policy.param, args, options);
      }
      case 'lookup':
        if (!(await lookup(policy, args, options))) return outside(spec);
        return inner(name, args, options);
      case 'attached': {
        // A workspace object (a poll) is the caller's when one of its rooms refers to it.
        const id = args.params?.[policy.param];
        const own = await ownRooms('rooms.get', options);
        if (!own.some((room) => (room[policy.field] ?? []).includes(id ?? ''))) return outside(spec);
        return inner(name, args, options);
      }
      case 'rooms': {
        const query = args.query as ListRoomsQuery | undefined;
        const own = (await ownRooms(policy.endpoint as EndpointName, options)).filter((room) =>
          matchesRoomQuery(room, query),
        );
        return pageOf(own, args.query, spec);
      }
      default:
        // A policy this guard does not know: deny.
        return refuse(spec);
    }
  });
}
