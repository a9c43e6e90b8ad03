/**
 * `POST /webhooks/100ms`: 100ms webhook intake. Authenticates the sender by a shared secret in a
 * custom header (100ms lets you add headers to webhooks), validates the envelope, handles each
 * event id once, drops the cache entries it made stale and publishes it to subscribers.
 *
 * The answer is fast and always bounded: the body is read with a byte limit, nothing waits on
 * 100ms, and an unknown type is accepted (200) so 100ms does not retry it. A 5xx only when the
 * event could not be handed on (Redis away): then the claim is released and 100ms' retry is
 * handled normally.
 */

import { createHash, timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { EntityCache } from '../cache.js';
import { BodyTooLargeError, readBodyLimited } from '../http-body.js';
import type { Logger } from '../logger.js';
import type { EventBus } from '../pubsub.js';
import type { DedupeStore } from './dedupe.js';
import { interpret, parseEnvelope } from './envelope.js';

export const WEBHOOK_PATH = '/webhooks/100ms';

export interface WebhookRouteOptions {
  /** Null disables the route (404). */
  secret: string | null;
  /** Lower-case header name that carries the secret. */
  header: string;
  maxBodyBytes: number;
  dedupe: DedupeStore;
  events: EventBus;
  cache: EntityCache;
  logger: Logger;
  /** Counts deliveries by outcome (and type, for the types this gateway knows). */
  onDelivery?: (type: string, outcome: WebhookOutcome) => void;
}

export type WebhookOutcome =
  | 'accepted'
  | 'duplicate'
  | 'ignored'
  | 'unauthorized'
  | 'invalid'
  | 'too_large'
  | 'unavailable';

/** Constant-time whatever the lengths: compares digests, not the strings. */
function sameSecret(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function useWebhookRoute(options: WebhookRouteOptions): Plugin {
  const { secret, header, maxBodyBytes, dedupe, events, cache, logger, onDelivery } = options;
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== WEBHOOK_PATH) return;
      const reply = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify(body), {
            status,
            headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
          }),
        );
      const outcome = (type: string, result: WebhookOutcome) => onDelivery?.(type, result);

      if (secret === null) return reply(404, { error: 'webhooks are not enabled (set HMS_WEBHOOK_SECRET)' });
      if (request.method !== 'POST') return reply(405, { error: 'use POST' }, { allow: 'POST' });
      if (!sameSecret(request.headers.get(header), secret)) {
        logger.warn({ header }, 'webhook refused: missing or wrong secret header');
        outcome('unknown', 'unauthorized');
        return reply(401, { error: 'unauthorized' });
      }

      let parsed: unknown;
      try {
        const text = await readBodyLimited(request, maxBodyBytes);
        parsed = JSON.parse(text);
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          outcome('unknown', 'too_large');
          return reply(413, { error: `body exceeds ${maxBodyBytes} bytes` }, { connection: 'close' });
        }
        outcome('unknown', 'invalid');
        return reply(400, { error: 'the body is not valid JSON' });
      }
      const envelope = parseEnvelope(parsed);
      if (!envelope.ok) {
        outcome('unknown', 'invalid');
        logger.info({ problem: envelope.problem }, 'webhook refused: invalid envelope');
        return reply(400, { error: envelope.problem });
      }
      const { id, type } = envelope.value;
      const known = interpret(envelope.value);
      if (known === null) {
        logger.debug({ id, type }, 'webhook ignored: event type not handled');
        outcome('other', 'ignored');
        return reply(200, { ok: true, ignored: true });
      }
      if (!known.ok) {
        outcome(type, 'invalid');
        logger.info({ id, type, problem: known.problem }, 'webhook refused: invalid event data');
        return reply(400, { error: known.problem });
      }

      let first: boolean;
      try {
        first = await dedupe.claim(id);
      } catch (error) {
        logger.warn({ err: error, id, type }, 'webhook not handled: de-duplication store unavailable');
        outcome(type, 'unavailable');
        return reply(503, { error: 'temporarily unavailable; retry' }, { 'retry-after': '1' });
      }
      if (!first) {
        logger.debug({ id, type, replay: envelope.value.isReplay }, 'webhook duplicate ignored');
        outcome(type, 'duplicate');
        return reply(200, { ok: true, duplicate: true });
      }
      try {
        await cache.invalidate(known.value.stale);
        if (known.value.publish) await events.publish(known.value.event);
      } catch (error) {
        await dedupe.release(id).catch(() => undefined);
        logger.warn(
          { err: error, id, type },
          'webhook not handled: could not invalidate the shared cache or publish the event',
        );
        outcome(type, 'unavailable');
        return reply(503, { error: 'temporarily unavailable; retry' }, { 'retry-after': '1' });
      }
      logger.debug({ id, type, roomId: known.value.event.roomId }, 'webhook accepted');
      outcome(type, 'accepted');
      return reply(200, { ok: true });
    },
  };
}
