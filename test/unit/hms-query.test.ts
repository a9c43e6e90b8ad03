import { describe, expect, it } from 'vitest';
import { serializeQuery } from '../../src/hms/query.js';

describe('serializeQuery (fixes the Node SDK serializeQueryParams)', () => {
  it('URL-encodes names and values: spaces and & survive', () => {
    expect(serializeQuery({ name: 'team sync & review' })).toBe('name=team%20sync%20%26%20review');
    expect(serializeQuery({ 'odd key': 'a=b', role: 'höst/1?' })).toBe(
      'odd%20key=a%3Db&role=h%C3%B6st%2F1%3F',
    );
  });

  it('writes arrays as repeated keys, not type[]=', () => {
    expect(serializeQuery({ type: ['track.add.success', 'track.remove.success'], room_id: 'r1' })).toBe(
      'type=track.add.success&type=track.remove.success&room_id=r1',
    );
    expect(serializeQuery({ type: [] })).toBe('');
  });

  it('sends Dates as ISO 8601 instead of dropping them', () => {
    expect(serializeQuery({ after: new Date('2024-03-01T10:00:00.000Z') })).toBe(
      'after=2024-03-01T10%3A00%3A00.000Z',
    );
  });

  it('writes booleans and numbers literally', () => {
    expect(serializeQuery({ enabled: false, active: true, limit: 20 })).toBe(
      'enabled=false&active=true&limit=20',
    );
  });

  it('omits undefined and null (the SDK sent "undefined" or threw)', () => {
    expect(serializeQuery({ a: undefined, b: null, c: 'x', d: [null, 'y', undefined] })).toBe('c=x&d=y');
    expect(serializeQuery(undefined)).toBe('');
    expect(serializeQuery({})).toBe('');
  });

  it('keeps an empty string (an explicit filter) and a zero', () => {
    expect(serializeQuery({ start: '', limit: 0 })).toBe('start=&limit=0');
  });

  it('refuses values it cannot encode faithfully', () => {
    expect(() => serializeQuery({ filter: { a: 1 } })).toThrow(TypeError);
    expect(() => serializeQuery({ limit: Number.NaN })).toThrow(RangeError);
    expect(() => serializeQuery({ after: new Date('nope') })).toThrow(RangeError);
    expect(() => serializeQuery({ type: [['a']] })).toThrow(TypeError);
  });
});
