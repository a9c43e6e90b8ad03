/** `/v2/analytics/events` (https://www.100ms.live/docs/server-side/v2/api-reference/analytics/overview). */
import { createHash } from 'node:crypto';
import { ERROR_EVENT_TYPES, RECORDING_EVENT_TYPES, TRACK_EVENT_TYPES } from '../../hms/types.js';
import { badRequest, invalidQueryParam } from '../http.js';
import type { EventRecord } from '../model.js';
import { type LimitRule, resolveLimit } from '../paginate.js';
import { type RouteContext, route } from '../router.js';

const LIMIT_ANALYTICS: LimitRule = { min: 1, max: 100, default: 10 };
const ERROR_TYPES = new Set<string>(ERROR_EVENT_TYPES);
/**
 * Without `type` every supported event type is served, error events included ("default: all
 * supported types", https://www.100ms.live/docs/server-side/v2/api-reference/analytics/overview).
 */
const DEFAULT_TYPES = [...TRACK_EVENT_TYPES, ...RECORDING_EVENT_TYPES, ...ERROR_EVENT_TYPES] as string[];
const KNOWN_TYPES = new Set<string>(DEFAULT_TYPES);
/** `next` tokens expire 24 h after the first query (https://www.100ms.live/docs/server-side/v2/api-reference/analytics/overview). */
const TOKEN_TTL_MS = 24 * 3600 * 1000;

/**
 * The cursor: which snapshot (the event watermark at the first query), how far into it, when the
 * walk began and for which filters. Opaque to clients, shaped like the real `uuid:…:0~base64…`.
 */
interface Cursor {
  w: number;
  o: number;
  t: number;
  f: string;
}

/** The token's id part is a hash of the walk, so reads never consume the id generator. */
function encodeCursor(cursor: Cursor): string {
  const walk = createHash('sha256').update(`${cursor.f}|${cursor.t}|${cursor.w}`).digest('hex');
  const id = `${walk.slice(0, 8)}-${walk.slice(8, 12)}-${walk.slice(12, 16)}-${walk.slice(16, 20)}-${walk.slice(20, 32)}`;
  return `${id}:${cursor.o}~${Buffer.from(JSON.stringify(cursor)).toString('base64url')}`;
}

function decodeCursor(token: string): Cursor | undefined {
  const tilde = token.indexOf('~');
  if (tilde < 0) return undefined;
  try {
    const value = JSON.parse(
      Buffer.from(token.slice(tilde + 1), 'base64url').toString('utf8'),
    ) as Partial<Cursor>;
    const ok =
      Number.isSafeInteger(value.w) &&
      Number.isSafeInteger(value.o) &&
      Number.isSafeInteger(value.t) &&
      typeof value.f === 'string';
    return ok ? (value as Cursor) : undefined;
  } catch {
    return undefined;
  }
}

function listEvents({ store, query }: RouteContext) {
  const roomId = query.objectId('room_id');
  const types = query.list('type');
  const sessionId = query.objectId('session_id');
  const peerId = query.string('peer_id');
  const userId = query.string('user_id');
  const beamId = query.objectId('beam_id');
  const errorOnly = query.bool('error') ?? false;
  const limit = resolveLimit(query.int('limit'), LIMIT_ANALYTICS);
  const start = query.string('start');
  query.done();
  if (roomId === undefined) throw badRequest('Invalid query parameter: room_id', 'room_id is required');
  const unknown = types?.find((type) => !KNOWN_TYPES.has(type));
  if (unknown !== undefined) throw invalidQueryParam('type', `unsupported event type ${unknown}`);
  if (errorOnly && types?.some((type) => !ERROR_TYPES.has(type))) {
    throw invalidQueryParam('type', 'with error=true only error event types may be requested');
  }
  const wanted = new Set(types ?? (errorOnly ? [...ERROR_TYPES] : DEFAULT_TYPES));
  const fingerprint = JSON.stringify([
    roomId,
    [...wanted].sort(),
    sessionId,
    peerId,
    userId,
    beamId,
    errorOnly,
  ]);

  const nowMs = store.nowUs() / 1000;
  let cursor: Cursor;
  if (start !== undefined) {
    const decoded = decodeCursor(start);
    if (!decoded || decoded.f !== fingerprint)
      throw invalidQueryParam('start', 'start must be the `next` of a previous page of the same query');
    if (nowMs - decoded.t > TOKEN_TTL_MS) throw invalidQueryParam('start', 'the next token has expired');
    cursor = decoded;
  } else {
    // Snapshot semantics: the walk sees only events that existed at its first query.
    cursor = { w: store.events.length, o: 0, t: Math.floor(nowMs), f: fingerprint };
  }

  const matches = store.events
    .filter(
      (record: EventRecord) =>
        record.seq <= cursor.w &&
        record.roomId === roomId &&
        wanted.has(record.event.type) &&
        (sessionId === undefined || record.sessionId === sessionId) &&
        (peerId === undefined || record.peerId === peerId) &&
        (userId === undefined || record.userId === userId) &&
        (beamId === undefined || record.beamId === beamId),
    )
    // Chronological, as an event log reads (inferred; the docs do not state an order).
    .sort((a, b) => a.at - b.at || a.seq - b.seq);
  const page = matches.slice(cursor.o, cursor.o + limit);
  const nextOffset = cursor.o + page.length;
  const next = nextOffset < matches.length ? encodeCursor({ ...cursor, o: nextOffset }) : '';
  return { limit, total: matches.length, next, events: page.map((record) => structuredClone(record.event)) };
}

export const analyticsRoutes = [route('GET', '/v2/analytics/events', listEvents)];
