/**
 * The event bus behind GraphQL subscriptions. Every accepted 100ms webhook becomes one `HmsEvent`,
 * published once (on the replica that received it) and delivered to every subscriber on every
 * replica: in process by default, over Redis pub/sub with REDIS_URL.
 *
 * Yoga's `createPubSub` did not fit as is: its `publish` is fire-and-forget (a Redis outage would
 * be an unhandled rejection, and the webhook could not answer 503 so 100ms retries), and its
 * `repeaterBuffer` option is one buffer instance shared by every subscription. So this module
 * keeps what it does well (an EventTarget per transport, a Repeater per subscriber) and adds an
 * awaited publish, a bounded buffer per subscriber, a subscriber count and a close that ends
 * every open stream. The Redis side is `@graphql-yoga/redis-event-target` (topic bookkeeping,
 * SUBSCRIBE/UNSUBSCRIBE on first/last listener) on a connection of its own.
 */
import { createHash } from 'node:crypto';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Repeater, SlidingBuffer } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import type { Logger } from './logger.js';
import { logRedisState } from './redis.js';

/** A 100ms webhook event as subscribers see it: the envelope's facts plus its (sanitised) data. */
export interface HmsEvent {
  /** The webhook's id (UUID); identical across 100ms' delivery retries. */
  id: string;
  /** The 100ms event type, e.g. `peer.join.success`. */
  type: string;
  /** ISO 8601, as 100ms sent it. */
  timestamp: string;
  /** True for events re-sent through 100ms' replay API. */
  replay: boolean;
  roomId: string;
  sessionId: string | null;
  data: Record<string, unknown>;
}

export interface EventBus {
  /** Resolves once the event is handed to the transport; rejects when it could not be. */
  publish(event: HmsEvent): Promise<void>;
  /** Events of one room, or of the whole workspace without `roomId`. Ends when the bus closes. */
  subscribe(roomId?: string): AsyncIterableIterator<HmsEvent>;
  /** Subscriptions listening in this process right now. */
  readonly subscribers: number;
  /** Ends every open subscription and releases the transport's connection. */
  close(): Promise<void>;
}

export interface EventBusOptions {
  /** The 100ms access key: topics are scoped to the workspace, like cache keys. */
  workspace: string;
  /**
   * Fan out across replicas over this connection (used to PUBLISH). A second connection is
   * duplicated from it for SUBSCRIBE and closed with the bus; this one is left to its owner.
   */
  redis?: Redis;
  logger?: Logger;
  /** Called whenever the local subscriber count changes (a metrics gauge). */
  onSubscribers?: (count: number) => void;
}

/**
 * Events kept for a subscriber that reads slower than they arrive; beyond this the oldest are
 * dropped, so a stalled client costs bounded memory and never blocks the others.
 */
const SUBSCRIBER_BUFFER = 256;

export function isHmsEvent(value: unknown): value is HmsEvent {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.id === 'string' &&
    typeof e.type === 'string' &&
    typeof e.timestamp === 'string' &&
    typeof e.replay === 'boolean' &&
    typeof e.roomId === 'string' &&
    (e.sessionId === null || typeof e.sessionId === 'string') &&
    typeof e.data === 'object' &&
    e.data !== null
  );
}

/** Redis key/channel prefix of a workspace (same scheme as the entity cache). */
export function workspacePrefix(workspace: string): string {
  return `hmsg:${createHash('sha256').update(workspace).digest('hex').slice(0, 16)}:`;
}

/** A message someone else wrote on our channel must not throw inside ioredis' event loop. */
const safeJson = {
  stringify: (value: unknown) => JSON.stringify(value),
  parse: (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return null;
    }
  },
};

export function createEventBus({ workspace, redis, logger, onSubscribers }: EventBusOptions): EventBus {
  const prefix = `${workspacePrefix(workspace)}events:`;
  const roomTopic = (roomId: string) => `${prefix}room:${roomId}`;
  const allTopic = `${prefix}all`;

  let subscriber: Redis | undefined;
  let target: EventTarget;
  if (redis) {
    // Retry forever while Redis is away, with its own queue (unlike the fail-fast main
    // connection): SUBSCRIBE is re-sent on reconnect, and a command that gave up would be an
    // unhandled rejection inside redis-event-target.
    subscriber = redis.duplicate({
      maxRetriesPerRequest: null,
      enableOfflineQueue: true,
      commandTimeout: undefined,
    });
    logRedisState(subscriber, logger, 'subscriber');
    target = createRedisEventTarget({
      publishClient: redis,
      subscribeClient: subscriber,
      serializer: safeJson,
    });
  } else {
    target = new EventTarget();
  }

  const open = new Set<() => void>();
  let listening = 0;
  let closed = false;
  const count = (delta: number) => {
    listening += delta;
    onSubscribers?.(listening);
  };

  return {
    async publish(event) {
      const topics = [roomTopic(event.roomId), allTopic];
      if (redis) {
        const message = JSON.stringify(event);
        await Promise.all(topics.map((topic) => redis.publish(topic, message)));
        return;
      }
      const frozen = Object.freeze(structuredClone(event));
      for (const topic of topics) target.dispatchEvent(new CustomEvent(topic, { detail: frozen }));
    },

    subscribe(roomId) {
      const topic = roomId === undefined ? allTopic : roomTopic(roomId);
      return new Repeater<HmsEvent>((push, stop) => {
        if (closed) return stop();
        const listener = (event: Event) => {
          const detail = (event as CustomEvent<unknown>).detail;
          if (isHmsEvent(detail)) push(detail).catch(() => undefined);
        };
        target.addEventListener(topic, listener);
        count(1);
        open.add(stop);
        void stop.then(() => {
          target.removeEventListener(topic, listener);
          count(-1);
          open.delete(stop);
        });
      }, new SlidingBuffer(SUBSCRIBER_BUFFER));
    },

    get subscribers() {
      return listening;
    },

    async close() {
      closed = true;
      for (const stop of [...open]) stop();
      await subscriber?.quit().catch(() => undefined);
    },
  };
}
