/**
 * graphql-armor's limits as the gateway wires them (src/plugins/use-armor.ts): tokens and
 * directives are refused before execution, and "Did you mean" suggestions are hidden when callers
 * authenticate with JWTs. Depth and aliases are covered in gateway-ops.test.ts.
 */
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.js';

const SECRET = 'armor-test-secret-that-is-long-enough-0123456789';
let open: Stack;
let jwt: Stack;

beforeAll(async () => {
  [open, jwt] = await Promise.all([
    startStack({ gateway: { maxTokens: 1000 } }),
    startStack({ gateway: { auth: 'jwt', jwtSecret: SECRET } }),
  ]);
});
afterAll(async () => {
  await Promise.all([open?.close(), jwt?.close()]);
});

describe('armor limits', () => {
  it('refuses a document over GATEWAY_MAX_TOKENS and one with too many directives, before any upstream call', async () => {
    const fields = Array.from({ length: 1100 }, () => '__typename').join(' ');
    const tokens = await open.gql(`{ ${fields} }`);
    expect(tokens.errors?.[0]?.message).toMatch(/token/i);
    const directives = Array.from({ length: 60 }, () => '@include(if: true)').join(' ');
    const many = await open.gql(`{ __typename ${directives} }`);
    expect(many.errors?.[0]?.message).toMatch(/directive/i);
    expect(open.calls().total).toBe(0);
  });

  it('suggests field names to open callers and hides the suggestion from JWT callers', async () => {
    const shown = await open.gql('{ roomz { id } }');
    expect(shown.errors?.[0]?.message).toMatch(/Did you mean/);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('armor')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));
    const hidden = await jwt.gql('{ roomz { id } }', {}, { authorization: `Bearer ${token}` });
    expect(hidden.errors?.[0]?.message).toBeDefined();
    expect(hidden.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});
