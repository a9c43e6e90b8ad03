/** Sessions (reference §4.2): read-only, newest first. */
import type { SessionsApi } from './api.js';
import { pagedResource, STANDARD_LIMITS } from './paginate.js';
import type { Transport } from './transport.js';
import type { ListSessionsQuery, Session } from './types.js';

export function createSessionsApi(transport: Transport): SessionsApi {
  return {
    ...pagedResource<Session, ListSessionsQuery>(transport, '/sessions', STANDARD_LIMITS),
    get: (sessionId, options) =>
      transport.send<Session>({
        method: 'GET',
        route: '/sessions/{id}',
        params: { id: sessionId },
        shape: 'object',
        options,
      }),
  };
}
