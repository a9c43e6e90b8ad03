/**
 * Sessions and their peers as their GraphQL types read them (see `AssetView` for why: a compiled
 * query reads a getter inline, where a resolver costs a call with its own info, path and
 * callbacks). A `SessionView` keeps the 100ms object's own fields, so whatever takes a `Session`
 * still does, and adds getters for the fields that only reshape them; fields that load stay
 * resolvers. `SessionRef`'s type makes every producer wrap with `sessionView`/`loadSession`, and
 * `SessionPeerRef`'s makes `peersOf` the way to a session's peers: a missed one does not compile.
 */
import type { Context } from '../context.js';
import type { IsoDate, Session, SessionPeer } from '../hms/types.js';
import { cacheKey } from './cache-key.js';
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

/**
 * A session's peer as its GraphQL type reads it. Every field is a getter on the object rather
 * than a resolver: a compiled query reads a property inline, where a resolver costs a call with
 * its own info, path and callbacks (the dashboard reads 8 fields of each of dozens of peers). Fields that need
 * the request (none yet) would stay resolvers and read `raw`.
 */
export class SessionPeerView {
  constructor(readonly raw: SessionPeer) {}
  get id(): string {
    return cacheKey('SessionPeer', this.raw.id);
  }
  get peerId(): string {
    return this.raw.id;
  }
  get userId(): string | null {
    return this.raw.user_id || null;
  }
  get name(): string | null {
    return this.raw.name || null;
  }
  get role(): string | null {
    return this.raw.role || null;
  }
  get joinedAt(): string | null {
    return this.raw.joined_at;
  }
  get leftAt(): string | null {
    return this.raw.left_at;
  }
  get durationSeconds(): number | null {
    const { joined_at, left_at } = this.raw;
    return left_at == null ? secondsSince(joined_at) : seconds(joined_at, left_at);
  }
}

/** The session's joins in join order (ties by peer id), as SessionPeer reads them. */
export const peersOf = (session: Session): SessionPeerView[] =>
  Object.entries(session.peers ?? {})
    .map(([id, peer]) => new SessionPeerView(peer.id ? peer : { ...peer, id }))
    .sort(
      (a, b) =>
        (a.raw.joined_at ?? '').localeCompare(b.raw.joined_at ?? '') || a.peerId.localeCompare(b.peerId),
    );
