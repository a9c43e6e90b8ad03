/**
 * A session as its GraphQL type reads it: the 100ms object's own fields (so whatever takes a
 * `Session` still does), plus getters for the fields that only reshape them. A compiled query
 * reads a getter inline, where a resolver costs a call with its own info, path and callbacks
 * (see `AssetView`). Fields that load stay resolvers. `SessionRef`'s type makes every producer
 * wrap with `sessionView`/`loadSession`: a missed one does not compile.
 */
import type { Context } from '../context.js';
import type { IsoDate, Session, SessionPeer } from '../hms/types.js';
import { seconds, secondsSince } from './time.js';

export class SessionView implements Session {
  declare id: string;
  declare room_id: string;
  declare customer_id: string;
  declare app_id?: string;
  declare active: boolean;
  declare peers: Record<string, SessionPeer>;
  declare created_at: IsoDate;
  declare updated_at: IsoDate | null;

  constructor(session: Session) {
    Object.assign(this, session);
  }
  get hmsId(): string {
    return this.id;
  }
  get startedAt(): IsoDate {
    return this.created_at;
  }
  get updatedAt(): IsoDate | null {
    return this.updated_at;
  }
  get endedAt(): IsoDate | null {
    return this.active ? null : this.updated_at;
  }
  get durationSeconds(): number | null {
    return this.active ? secondsSince(this.created_at) : seconds(this.created_at, this.updated_at);
  }
  get peerCount(): number {
    return Object.keys(this.peers ?? {}).length;
  }
}

export const sessionView = (session: Session): SessionView =>
  session instanceof SessionView ? session : new SessionView(session);

/** `ctx.loaders.session.load`, as the view. */
export const loadSession = (ctx: Context, id: string): Promise<SessionView> =>
  ctx.loaders.session.load(id).then(sessionView);
