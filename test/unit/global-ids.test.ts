import { randomBytes } from 'node:crypto';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { decodeGlobalIdOrNull, parseId, parseScopedId } from '../../src/schema/connection.js';

const ROOM_ID = '64f0c0ffee5eed0000d3a0a1';
const UUID = '0b6c9b2e-6f55-4d7c-9d3a-8f0a4f1e2c3d';

/** The behaviour `decodeGlobalIdOrNull` must keep: decodeGlobalID, with null instead of a throw. */
const reference = (value: string) => {
  try {
    return decodeGlobalID(value);
  } catch {
    return null;
  }
};

describe('decodeGlobalIdOrNull', () => {
  it('decodes global ids, including ids that contain ":" and "@"', () => {
    expect(decodeGlobalIdOrNull(encodeGlobalID('Room', ROOM_ID))).toEqual({ typename: 'Room', id: ROOM_ID });
    expect(decodeGlobalIdOrNull(encodeGlobalID('Recording', `a:b@${UUID}`))).toEqual({
      typename: 'Recording',
      id: `a:b@${UUID}`,
    });
  });

  it('answers null, without throwing, for plain 100ms ids and junk', () => {
    for (const value of [ROOM_ID, UUID, '', 'Room:abc', '!!!', '====', 'Um9vbTo=']) {
      expect(decodeGlobalIdOrNull(value)).toBeNull();
    }
  });

  it('agrees with decodeGlobalID on every input', () => {
    const inputs: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const bytes = randomBytes(i % 40);
      inputs.push(bytes.toString('base64'), bytes.toString('hex'), bytes.toString('base64url'));
      inputs.push(encodeGlobalID(i % 2 ? 'Session' : '_T1', bytes.toString('hex') || 'x'));
      inputs.push(Buffer.from(`${bytes.toString('latin1')}:${i}`).toString('base64'));
    }
    for (const value of inputs) expect(decodeGlobalIdOrNull(value)).toEqual(reference(value));
  });
});

describe('parseId', () => {
  it('accepts a 100ms id or a global id of the right type', () => {
    expect(parseId(ROOM_ID, 'Room')).toBe(ROOM_ID);
    expect(parseId(` ${ROOM_ID} `, 'Room')).toBe(ROOM_ID);
    expect(parseId(encodeGlobalID('Room', ROOM_ID), 'Room')).toBe(ROOM_ID);
    expect(parseId(encodeGlobalID('Session', `${UUID}@x`), 'Session')).toBe(UUID);
  });

  it('names a global id of another type, and refuses junk', () => {
    expect(() => parseId(encodeGlobalID('Session', UUID), 'Room')).toThrow(
      /is a Session id; expected a Room id/,
    );
    expect(() => parseId('not an id!', 'Room')).toThrow(/must be a 100ms Room id or a global id/);
  });

  it('keeps the session hint of scoped global ids', () => {
    expect(parseScopedId(encodeGlobalID('Recording', `r1@${UUID}`), 'Recording')).toEqual({
      id: 'r1',
      sessionId: UUID,
    });
    expect(parseScopedId('r1', 'Recording')).toEqual({ id: 'r1' });
  });
});
