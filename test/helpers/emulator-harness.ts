/**
 * Shared setup for the emulator's own tests: an emulator on port 0, the real client pointed at
 * it, hand-minted management tokens for raw wire checks, and an assertion for 100ms errors.
 */
import { SignJWT } from 'jose';
import { expect } from 'vitest';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/index.js';
import type { HmsClient } from '../../src/hms/api.js';
import { createHmsClient } from '../../src/hms/client.js';
import { HmsError } from '../../src/hms/errors.js';

export interface Harness {
  emulator: Emulator;
  hms: HmsClient;
  /** Raw fetch against the emulator's base URL with a valid management token. */
  raw(
    path: string,
    init?: { method?: string; body?: unknown; rawBody?: string; token?: string | null },
  ): Promise<RawAnswer>;
  /** Looks a seeded room up by name through the API (ids are deterministic but opaque). */
  roomId(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body; `{}` when it was empty or not JSON. */
  json: WireBody;
}

/** Loose view of any JSON answer: error bodies, list envelopes, single objects. */
export interface WireBody {
  code?: number;
  message?: string;
  details?: string[];
  limit?: number;
  data?: unknown;
  last?: string;
  [key: string]: unknown;
}

export async function mintToken(
  emulator: { accessKey: string; secret: string },
  claims: Record<string, unknown> = {},
  times: { iat?: number; nbf?: number; exp?: number } = {},
  secret = emulator.secret,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const iat = times.iat ?? now - 10;
  return new SignJWT({ access_key: emulator.accessKey, type: 'management', version: 2, ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(iat)
    .setNotBefore(times.nbf ?? iat)
    .setExpirationTime(times.exp ?? iat + 3600)
    .setJti(crypto.randomUUID())
    .sign(new TextEncoder().encode(secret));
}

/**
 * With `options.now`, the client signs its tokens on the same clock, so a test can move time by
 * days without the emulator rejecting the client's management token as expired.
 */
export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const emulator = await createEmulator(options);
  const clock = options.now;
  const hms = createHmsClient({
    accessKey: emulator.accessKey,
    secret: emulator.secret,
    baseUrl: emulator.url,
    maxRetries: 0,
    timeoutMs: 5000,
    ...(clock ? { now: () => clock().getTime() } : {}),
  });
  const token = await mintToken(emulator);
  return {
    emulator,
    hms,
    async raw(path, init = {}) {
      const headers: Record<string, string> = {};
      const auth = init.token === undefined ? token : init.token;
      if (auth !== null) headers.authorization = `Bearer ${auth}`;
      let body: string | undefined;
      if (init.rawBody !== undefined) body = init.rawBody;
      else if (init.body !== undefined) body = JSON.stringify(init.body);
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${emulator.url}${path}`, { method: init.method ?? 'GET', headers, body });
      const text = await response.text();
      let json: WireBody;
      try {
        json = text ? (JSON.parse(text) as WireBody) : {};
      } catch {
        json = {};
      }
      return { status: response.status, headers: response.headers, text, json };
    },
    async roomId(name) {
      const page = await hms.rooms.list({ name });
      const room = page.items[0];
      if (!room) throw new Error(`seed room ${name} not found`);
      return room.id;
    },
    async close() {
      await hms.close();
      await emulator.close();
    },
  };
}

/** The promise rejects with an HmsError of this status (and, when given, a message matching). */
export async function expectHmsError(
  promise: Promise<unknown>,
  status: number,
  message?: RegExp,
): Promise<HmsError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected the call to fail').toBeInstanceOf(HmsError);
  const error = caught as HmsError;
  expect(error.status, `${error.name}: ${error.upstreamMessage ?? error.message}`).toBe(status);
  if (message) expect(error.upstreamMessage ?? '').toMatch(message);
  return error;
}

export const OBJECT_ID = /^[0-9a-f]{24}$/;
export const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
