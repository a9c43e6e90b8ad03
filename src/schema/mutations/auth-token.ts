/** Client (app) tokens for the 100ms client SDKs, minted locally (https://www.100ms.live/docs/server-side/v2/introduction/authentication-and-tokens). */
import { builder } from '../builder.js';
import { assertRoleInRoom, inputId, intInRange, nonEmpty, runMutation } from '../mutation.js';
import { MUTATION_ERRORS } from '../mutation-errors.js';

const MAX_VALIDITY_SECONDS = 30 * 24 * 3600;

const AuthTokenRef = builder.simpleObject('AuthToken', {
  description: 'A token a client SDK joins a room with. Treat it as a secret.',
  fields: (t) => ({
    token: t.string({ description: 'The JWT to pass to the client SDK’s join.' }),
    expiresAt: t.field({ type: 'DateTime', description: 'When the token stops working.' }),
    roomId: t.string({ description: 'The 100ms room id the token joins.' }),
    role: t.string({ description: 'The role the peer joins with.' }),
    userId: t.string({ nullable: true, description: 'Your user id in the token; null when none was given.' }),
  }),
});

builder.mutationFields((t) => ({
  createAuthToken: t.fieldWithInput({
    description:
      'Mints an app token for joining a room with a role. Nothing is sent to 100ms but the role check.',
    type: AuthTokenRef,
    skipTypeScopes: true,
    authScopes: { token: true },
    errors: { types: MUTATION_ERRORS },
    input: {
      roomId: t.input.id({ required: true, description: 'The 100ms room id or Room global id.' }),
      role: t.input.string({ required: true, description: 'A role of the room’s template.' }),
      userId: t.input.string({ description: 'Your own user id; shows up on peers, analytics and webhooks.' }),
      validForSeconds: t.input.int({
        description: `Default 86400; at most ${MAX_VALIDITY_SECONDS} (30 days).`,
      }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'createAuthToken', input, async () => {
        const roomId = inputId(input.roomId, 'Room', 'input.roomId');
        const role = nonEmpty(input.role, 'input.role', 200);
        const validForSeconds = intInRange(
          input.validForSeconds,
          60,
          MAX_VALIDITY_SECONDS,
          'input.validForSeconds',
        );
        await assertRoleInRoom(ctx, roomId, role, 'input.role');
        const minted = await ctx.hms.tokens.appToken({
          roomId,
          role,
          ...(input.userId != null && { userId: nonEmpty(input.userId, 'input.userId', 200) }),
          validForSeconds: validForSeconds ?? 86_400,
        });
        return {
          token: minted.token,
          expiresAt: minted.expiresAt,
          roomId,
          role,
          userId: input.userId ?? null,
        };
      }),
  }),
}));
