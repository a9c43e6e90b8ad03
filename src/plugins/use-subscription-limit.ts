/**
 * Caps the subscriptions one caller holds open at once (GATEWAY_MAX_SUBSCRIPTIONS_PER_CALLER): each
 * open subscription costs up to the upstream budget per delivered event, so the cap is what bounds
 * one caller's share of 100ms during a burst of webhooks. Transport-independent: it counts on
 * envelop's subscribe/end hooks, whatever carries the events (SSE today, WebSocket later).
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import { callerKey } from './use-caller-rate-limit.js';

export interface SubscriptionLimitOptions {
  /** Open subscriptions per caller (token `sub`, else the client address). @default DEFAULT_MAX_SUBSCRIPTIONS_PER_CALLER */
  maxPerCaller?: number;
}

export const DEFAULT_MAX_SUBSCRIPTIONS_PER_CALLER = 10;

export function useSubscriptionLimit(options: SubscriptionLimitOptions = {}): Plugin<Context> {
  const max = options.maxPerCaller ?? DEFAULT_MAX_SUBSCRIPTIONS_PER_CALLER;
  const open = new Map<string, number>();

  return {
    onSubscribe({ args, setResultAndStopExecution }) {
      const key = callerKey(args.contextValue);
      const count = open.get(key) ?? 0;
      if (count >= max) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(
              `This caller already has ${count} open subscriptions, the most allowed ` +
                '(GATEWAY_MAX_SUBSCRIPTIONS_PER_CALLER). Close one before opening another.',
              { extensions: { code: 'RATE_LIMITED', maxSubscriptionsPerCaller: max } },
            ),
          ],
        });
        return;
      }
      open.set(key, count + 1);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const left = (open.get(key) ?? 1) - 1;
        if (left <= 0) open.delete(key);
        else open.set(key, left);
      };
      return {
        onSubscribeResult({ result }) {
          // A refusal (e.g. NOT_FOUND at subscribe) is a single result, not an open stream.
          if (!(Symbol.asyncIterator in result)) {
            release();
            return;
          }
          return { onEnd: release };
        },
        onSubscribeError: release,
      };
    },
  };
}
