import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW_SECONDS, createTokenProvider, refreshMarginSeconds } from '../../src/hms/tokens.js';

const SECRET = 'unit-test-secret-that-is-long-enough-0123456789';
const key = new TextEncoder().encode(SECRET);
const T0 = Date.parse('2025-06-01T12:00:00Z');
const T0_S = T0 / 1000;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function clock(start = T0) {
  let now = start;
  return {
    now: () => now,
    advance: (seconds: number) => {
      now += seconds * 1000;
    },
  };
}

async function verify(token: string, atMs = T0) {
  return jwtVerify(token, key, { algorithms: ['HS256'], currentDate: new Date(atMs) });
}

describe('management token', () => {
  it('has exactly the documented header and claims', async () => {
    const c = clock();
    const tokens = createTokenProvider({ accessKey: 'ak_test', secret: SECRET, now: c.now });
    const token = await tokens.managementToken();

    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const { payload } = await verify(token);
    expect(Object.keys(payload).sort()).toEqual([
      'access_key',
      'exp',
      'iat',
      'jti',
      'nbf',
      'type',
      'version',
    ]);
    expect(payload.access_key).toBe('ak_test');
    expect(payload.type).toBe('management');
    expect(payload.version).toBe(2);
    expect(payload.jti).toMatch(UUID_V4);
    expect(payload.iat).toBe(T0_S - CLOCK_SKEW_SECONDS);
    expect(payload.nbf).toBe(payload.iat);
    expect(payload.exp).toBe((payload.nbf as number) + 86_400);
  });

  it('is signed with the secret: another key fails verification', async () => {
    const tokens = createTokenProvider({ accessKey: 'ak', secret: SECRET, now: () => T0 });
    const token = await tokens.managementToken();
    await expect(
      jwtVerify(token, new TextEncoder().encode('wrong'), { currentDate: new Date(T0) }),
    ).rejects.toThrow();
  });

  it('honours tokenValiditySeconds', async () => {
    const tokens = createTokenProvider({
      accessKey: 'ak',
      secret: SECRET,
      now: () => T0,
      validitySeconds: 3600,
    });
    const { payload } = await verify(await tokens.managementToken());
    expect((payload.exp as number) - (payload.nbf as number)).toBe(3600);
  });

  it('is cached while fresh', async () => {
    const c = clock();
    let signings = 0;
    const tokens = createTokenProvider({
      accessKey: 'ak',
      secret: SECRET,
      now: c.now,
      onSign: () => signings++,
    });
    const first = await tokens.managementToken();
    c.advance(60);
    expect(await tokens.managementToken()).toBe(first);
    // 24 h life, margin max(10% = 2.4 h, 5 min) = 2.4 h: still fresh 21.5 h in.
    c.advance(21.5 * 3600 - 60);
    expect(await tokens.managementToken()).toBe(first);
    expect(signings).toBe(1);
  });

  it('is renewed BEFORE expiry once less than 10% of its life remains', async () => {
    const c = clock();
    let signings = 0;
    const tokens = createTokenProvider({
      accessKey: 'ak',
      secret: SECRET,
      now: c.now,
      onSign: () => signings++,
    });
    const first = await tokens.managementToken();
    const { payload } = await verify(first);
    const exp = payload.exp as number;
    // Jump to 1 s inside the 2.4 h window.
    c.advance(exp - 8640 + 1 - T0_S);
    const second = await tokens.managementToken();
    expect(second).not.toBe(first);
    expect(signings).toBe(2);
    // The new token is valid right now, and the old one had not expired yet (no SDK-style lag).
    expect(c.now() / 1000).toBeLessThan(exp);
    await expect(verify(second, c.now())).resolves.toBeTruthy();
  });

  it('uses the 5-minute floor when 10% of the life is shorter', async () => {
    const c = clock();
    let signings = 0;
    const tokens = createTokenProvider({
      accessKey: 'ak',
      secret: SECRET,
      now: c.now,
      validitySeconds: 1800, // 10% = 3 min < 5 min
      onSign: () => signings++,
    });
    const first = await tokens.managementToken();
    const exp = (await verify(first)).payload.exp as number;
    c.advance(exp - 301 - T0_S); // 301 s left: fresh
    expect(await tokens.managementToken()).toBe(first);
    c.advance(2); // 299 s left: renew
    expect(await tokens.managementToken()).not.toBe(first);
    expect(signings).toBe(2);
  });

  it('never hands out a token past its expiry (the SDK renewed 30 s after)', async () => {
    const c = clock();
    const tokens = createTokenProvider({ accessKey: 'ak', secret: SECRET, now: c.now });
    const first = await tokens.managementToken();
    const exp = (await verify(first)).payload.exp as number;
    c.advance(exp + 5 - T0_S); // expired 5 s ago, inside the SDK's 30 s grace
    const next = await tokens.managementToken();
    expect(next).not.toBe(first);
    await expect(verify(next, c.now())).resolves.toBeTruthy();
  });

  it('signs once for 100 concurrent callers (single flight)', async () => {
    let signings = 0;
    const tokens = createTokenProvider({
      accessKey: 'ak',
      secret: SECRET,
      now: () => T0,
      onSign: () => signings++,
    });
    const all = await Promise.all(Array.from({ length: 100 }, () => tokens.managementToken()));
    expect(new Set(all).size).toBe(1);
    expect(signings).toBe(1);
  });

  it('signs once for 100 concurrent callers after an invalidation too', async () => {
    let signings = 0;
    const tokens = createTokenProvider({
      accessKey: 'ak',
      secret: SECRET,
      now: () => T0,
      onSign: () => signings++,
    });
    const first = await tokens.managementToken();
    tokens.invalidate(first);
    const all = await Promise.all(Array.from({ length: 100 }, () => tokens.managementToken()));
    expect(new Set(all).size).toBe(1);
    expect(all[0]).not.toBe(first);
    expect(signings).toBe(2);
  });

  it('invalidate(stale) ignores a token that was already replaced', async () => {
    let signings = 0;
    const tokens = createTokenProvider({
      accessKey: 'ak',
      secret: SECRET,
      now: () => T0,
      onSign: () => signings++,
    });
    const first = await tokens.managementToken();
    tokens.invalidate(first);
    const second = await tokens.managementToken();
    tokens.invalidate(first); // a late 401 for the old token
    expect(await tokens.managementToken()).toBe(second);
    tokens.invalidate();
    expect(await tokens.managementToken()).not.toBe(second);
    expect(signings).toBe(3);
  });

  it('keeps the short-lived case sane: never re-signs on every call', () => {
    expect(refreshMarginSeconds(86_400)).toBe(8640);
    expect(refreshMarginSeconds(1800)).toBe(300);
    expect(refreshMarginSeconds(120)).toBe(60);
  });

  it('rejects unusable credentials up front', () => {
    expect(() => createTokenProvider({ accessKey: '', secret: SECRET })).toThrow(TypeError);
    expect(() => createTokenProvider({ accessKey: 'ak', secret: '' })).toThrow(TypeError);
    expect(() => createTokenProvider({ accessKey: 'ak', secret: SECRET, validitySeconds: 0 })).toThrow(
      RangeError,
    );
  });
});

describe('app token', () => {
  it('has exactly the documented claims, with user_id', async () => {
    const tokens = createTokenProvider({ accessKey: 'ak_test', secret: SECRET, now: () => T0 });
    const { token, expiresAt } = await tokens.appToken({ roomId: 'room1', role: 'host', userId: 'user-7' });

    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const { payload } = await verify(token);
    expect(Object.keys(payload).sort()).toEqual([
      'access_key',
      'exp',
      'iat',
      'jti',
      'nbf',
      'role',
      'room_id',
      'type',
      'user_id',
      'version',
    ]);
    expect(payload).toMatchObject({
      access_key: 'ak_test',
      type: 'app',
      version: 2,
      room_id: 'room1',
      role: 'host',
      user_id: 'user-7',
    });
    expect(payload.jti).toMatch(UUID_V4);
    expect(payload.iat).toBe(T0_S - CLOCK_SKEW_SECONDS);
    expect(payload.nbf).toBe(payload.iat);
    expect(payload.exp).toBe(T0_S - CLOCK_SKEW_SECONDS + 86_400);
    expect(expiresAt.getTime()).toBe((payload.exp as number) * 1000);
  });

  it('omits user_id when not given and honours validForSeconds', async () => {
    const tokens = createTokenProvider({ accessKey: 'ak', secret: SECRET, now: () => T0 });
    const { token, expiresAt } = await tokens.appToken({ roomId: 'r', role: 'guest', validForSeconds: 600 });
    const { payload } = await verify(token);
    expect('user_id' in payload).toBe(false);
    expect((payload.exp as number) - (payload.nbf as number)).toBe(600);
    expect(expiresAt.toISOString()).toBe(new Date((T0_S - 10 + 600) * 1000).toISOString());
  });

  it('is never cached and does not disturb the management token', async () => {
    const kinds: string[] = [];
    const tokens = createTokenProvider({
      accessKey: 'ak',
      secret: SECRET,
      now: () => T0,
      onSign: (k) => kinds.push(k),
    });
    const management = await tokens.managementToken();
    const a = await tokens.appToken({ roomId: 'r', role: 'host' });
    const b = await tokens.appToken({ roomId: 'r', role: 'host' });
    expect(a.token).not.toBe(b.token);
    expect(await tokens.managementToken()).toBe(management);
    expect(kinds).toEqual(['management', 'app', 'app']);
  });

  it('validates its input', async () => {
    const tokens = createTokenProvider({ accessKey: 'ak', secret: SECRET, now: () => T0 });
    await expect(tokens.appToken({ roomId: '', role: 'host' })).rejects.toThrow(TypeError);
    await expect(tokens.appToken({ roomId: 'r', role: '' })).rejects.toThrow(TypeError);
    await expect(tokens.appToken({ roomId: 'r', role: 'h', validForSeconds: -1 })).rejects.toThrow(
      RangeError,
    );
  });
});
