/** `/v2/sessions` (https://www.100ms.live/docs/server-side/v2/api-reference/Sessions/list-sessions). */
import { notFound } from '../http.js';
import type { SessionRecord } from '../model.js';
import { LIMIT_10_100, paginate, resolveLimit } from '../paginate.js';
import { renderSession } from '../render.js';
import { type RouteContext, route } from '../router.js';

function list({ store, query }: RouteContext) {
  const roomId = query.objectId('room_id');
  // The docs label `active` "Default: true" but their unfiltered example lists inactive
  // sessions: an absent filter means no filter (https://www.100ms.live/docs/server-side/v2/api-reference/Sessions/list-sessions, inferred).
  const active = query.bool('active');
  const after = query.time('after');
  const before = query.time('before');
  const limit = resolveLimit(query.int('limit'), LIMIT_10_100);
  const start = query.string('start');
  query.done();
  const sessions = [...store.sessions.values()].filter(
    (session) =>
      (roomId === undefined || session.roomId === roomId) &&
      (active === undefined || session.active === active) &&
      (after === undefined || session.createdAt >= after) &&
      (before === undefined || session.createdAt <= before),
  );
  const key = (session: SessionRecord) => ({ createdAt: session.createdAt, key: session.id });
  const page = paginate(sessions, key, limit, start, (id) => {
    const session = store.sessions.get(id);
    return session ? key(session) : undefined;
  });
  // The docs say `data` may be null when nothing matches; sessions are where it shows up, so
  // the emulator sends null there to keep clients honest.
  const data = page.items.length > 0 ? page.items.map((session) => renderSession(store, session)) : null;
  return { limit, data, last: page.last };
}

export const sessionRoutes = [
  route('GET', '/v2/sessions', list),
  route('GET', '/v2/sessions/{id}', ({ store, params, query }) => {
    query.done();
    const session = store.sessions.get(params.id as string);
    if (!session) throw notFound('session not found', `no session with id ${params.id}`);
    return renderSession(store, session);
  }),
];
