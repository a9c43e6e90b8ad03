/**
 * Forward-only connections over 100ms cursors. The upstream `start` cursor is the id of the last
 * item already seen, so an edge cursor is simply that item's id, made opaque. Backward paging is
 * not offered: the upstream cursors only go forward.
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import type DataLoader from 'dataloader';
import { badUserInput } from '../errors.js';
import { HmsNotFoundError } from '../hms/errors.js';
import type { Window } from '../loaders/index.js';

export const DEFAULT_FIRST = 20;
export const MAX_FIRST = 100;

const CURSOR_PREFIX = 'c1:';
/** 100ms ids are ObjectIds/UUIDs; anything else in a cursor is tampering. */
const ID_PATTERN = /^[A-Za-z0-9_.:~-]{1,200}$/;

export function encodeCursor(value: string): string {
  return Buffer.from(CURSOR_PREFIX + value, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, argName = 'after'): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const value = decoded.startsWith(CURSOR_PREFIX) ? decoded.slice(CURSOR_PREFIX.length) : '';
  if (!ID_PATTERN.test(value) || encodeCursor(value) !== cursor.replace(/=+$/, '')) {
    throw badUserInput(
      `\`${argName}\` is not a cursor this API issued; pass a pageInfo.endCursor or edge cursor`,
      argName,
    );
  }
  return value;
}

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
}

export function parseConnectionArgs(args: ConnectionArgs): { first: number; after?: string } {
  const first = args.first ?? DEFAULT_FIRST;
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
    throw badUserInput(`\`first\` must be between 1 and ${MAX_FIRST}, got ${first}`, 'first');
  }
  return { first, after: args.after ? decodeCursor(args.after) : undefined };
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

export function toConnection<T>(
  window: Window<T>,
  cursorOf: (item: T, index: number) => string,
  hadPrevious = false,
): ConnectionShape<T> {
  const edges = window.items.map((node, i) => ({ cursor: encodeCursor(cursorOf(node, i)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: window.hasNextPage,
      hasPreviousPage: hadPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** The same connection (cursors, page info) with each node turned into its view. */
export const mapConnection = <T, V>(
  connection: ConnectionShape<T>,
  view: (node: T) => V,
): ConnectionShape<V> => ({
  pageInfo: connection.pageInfo,
  edges: connection.edges.map(({ cursor, node }) => ({ cursor, node: view(node) })),
});

/** Slices an in-memory list (a session's few jobs) into a connection, cursors being item ids. */
export function sliceConnection<T extends { id: string }>(
  all: T[],
  args: ConnectionArgs,
): ConnectionShape<T> {
  const { first, after } = parseConnectionArgs(args);
  let from = 0;
  if (after) {
    const index = all.findIndex((item) => item.id === after);
    if (index < 0)
      throw badUserInput('`after` does not point into this list (was the item deleted?)', 'after');
    from = index + 1;
  }
  const items = all.slice(from, from + first);
  return toConnection({ items, hasNextPage: from + first < all.length }, (item) => item.id, from > 0);
}

/** What every global id decodes to: `Typename:id` (see `decodeGlobalID`). */
const DECODED_GLOBAL_ID = /^[A-Z_a-z]\w*:[\s\S]/;

/**
 * `decodeGlobalID`, or null when `value` is not a global id. Most lookups pass a plain 100ms id,
 * for which `decodeGlobalID` throws, and building that error and its stack cost more CPU than the
 * rest of a cache-hit request; a lenient decode rules such ids out first without throwing.
 */
export function decodeGlobalIdOrNull(value: string): { typename: string; id: string } | null {
  if (!DECODED_GLOBAL_ID.test(Buffer.from(value, 'base64').toString('utf8'))) return null;
  try {
    return decodeGlobalID(value);
  } catch {
    return null;
  }
}

/**
 * `room(id:)` and friends accept either a 100ms id or a Relay global id of the right type. A
 * global id of another type is a caller mistake worth naming.
 */
export function parseId(raw: string, typename: string, argName = 'id'): string {
  const value = raw.trim();
  const decoded = decodeGlobalIdOrNull(value);
  if (decoded && decoded.typename === typename) return decoded.id.split('@')[0] as string;
  if (decoded && /^[A-Z]/.test(decoded.typename)) {
    throw badUserInput(`\`${argName}\` is a ${decoded.typename} id; expected a ${typename} id`, argName);
  }
  if (!ID_PATTERN.test(value)) {
    throw badUserInput(
      `\`${argName}\` must be a 100ms ${typename} id or a global id, got ${JSON.stringify(raw)}`,
      argName,
    );
  }
  return value;
}

/** Like `parseId`, keeping the session hint that global ids of session-scoped objects carry. */
export function parseScopedId(
  raw: string,
  typename: string,
  argName = 'id',
): { id: string; sessionId?: string } {
  const decoded = decodeGlobalIdOrNull(raw.trim());
  if (decoded?.typename === typename) {
    const [id, sessionId] = decoded.id.split('@') as [string, string | undefined];
    if (ID_PATTERN.test(id) && (!sessionId || ID_PATTERN.test(sessionId))) return { id, sessionId };
  }
  // not a global id (of this type): the plain 100ms id
  return { id: parseId(raw, typename, argName) };
}

/**
 * `node`/`nodes` loading: a missing object is `null` (Relay semantics); any other failure stays an
 * error on that item only.
 */
export function loadNodes<K, V>(loader: DataLoader<K, V, string> | DataLoader<K, V>, keys: K[]) {
  return keys.map((key) =>
    loader.load(key).catch((error: unknown) => {
      if (error instanceof HmsNotFoundError) return null;
      throw error;
    }),
  );
}
