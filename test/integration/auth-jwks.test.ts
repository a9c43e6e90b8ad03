import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.js';

let jwks: Server;
let stack: Stack;
let signingKey: CryptoKey;
let jwksRequests = 0;

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  signingKey = privateKey;
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  jwks = createServer((_req, res) => {
    jwksRequests += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
  stack = await startStack({ gateway: { auth: 'jwt', jwksUrl: url, jwtAudience: 'hms-graph' } });
});
afterAll(async () => {
  await stack?.close();
  jwks?.close();
});

const sign = (claims: Record<string, unknown>, audience = 'hms-graph') =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setAudience(audience)
    .setExpirationTime('5m')
    .sign(signingKey);

describe('JWKS-verified callers', () => {
  it('accepts a token signed by a key of the remote JWKS, fetching the JWKS once', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await stack.gql(
        '{ templates(first: 1) { nodes { name } } }',
        {},
        {
          authorization: `Bearer ${await sign({ scope: 'hms:read' })}`,
        },
      );
      expect(res.errors).toBeUndefined();
    }
    expect(jwksRequests).toBe(1);
  });

  it('rejects a token for another audience with 401', async () => {
    const res = await stack.gql(
      '{ templates { nodes { name } } }',
      {},
      {
        authorization: `Bearer ${await sign({ scope: 'hms:read' }, 'someone-else')}`,
      },
    );
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
