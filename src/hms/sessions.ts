/** Sessions (https://www.100ms.live/docs/server-side/v2/api-reference/Sessions/list-sessions): read-only, newest first. */
import type { SessionsApi } from './api.js';
import type { Send } from './endpoints.js';
import { pagedResource } from './paginate.js';
import type { ListSessionsQuery, Session } from './types.js';

export function createSessionsApi(send: Send): SessionsApi {
  return {
    ...pagedResource<Session, ListSessionsQuery>(send, 'sessions.list'),
    get: (sessionId, options) => send('sessions.get', { params: { id: sessionId } }, options),
  };
}
