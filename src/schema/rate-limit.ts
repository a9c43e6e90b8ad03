import type { RateLimitStatus } from '../plugins/use-caller-rate-limit.js';
import { builder } from './builder.js';

const RateLimitRef = builder.objectRef<RateLimitStatus>('RateLimit').implement({
  description:
    "Where the caller stands against GATEWAY_CALLER_CALLS_PER_MINUTE: calls to 100ms made on the caller's behalf " +
    '(by its JWT `sub`, or its address without authentication) in the current one-minute window, shared by ' +
    'every replica. Requests are refused with RATE_LIMITED once `remaining` is 0, until `resetAt`.',
  fields: (t) => ({
    limit: t.exposeInt('limit', { description: 'Calls to 100ms allowed per window.' }),
    used: t.exposeInt('used', {
      description: 'Calls to 100ms counted in the current window, before this request (retries included).',
    }),
    remaining: t.exposeInt('remaining', {
      description: 'Calls left in the window; 0 means the next request is refused until `resetAt`.',
    }),
    resetAt: t.field({
      type: 'DateTime',
      description: 'When the current window ends and the count starts again from 0.',
      resolve: (status) => status.resetAt,
    }),
  }),
});

builder.queryField('rateLimit', (t) =>
  t.field({
    type: RateLimitRef,
    nullable: true,
    description:
      "The caller's per-minute allowance of calls to 100ms. Costs no call to 100ms. Null when the gateway " +
      'has no per-caller limit (GATEWAY_CALLER_CALLS_PER_MINUTE unset).',
    resolve: (_root, _args, ctx) => ctx.rateLimit,
  }),
);
