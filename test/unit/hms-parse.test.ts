import { describe, expect, it } from 'vitest';
import { HmsResponseError } from '../../src/hms/errors.js';
import { type ParseContext, parseErrorBody, parseJson, parseResponse } from '../../src/hms/parse.js';

const ctx: ParseContext = {
  method: 'GET',
  path: '/v2/recording-assets/a1',
  route: '/v2/recording-assets/{id}',
};
const listCtx: ParseContext = { method: 'GET', path: '/v2/rooms', route: '/v2/rooms' };

describe('zero time → null', () => {
  it('turns the Go zero time into null at any depth, keeping real times', () => {
    const text = JSON.stringify({
      created_at: '2024-05-01T10:00:00Z',
      updated_at: '0001-01-01T00:00:00Z',
      peers: {
        p1: { joined_at: '0001-01-01T00:00:00.000Z', left_at: '0001-01-01T00:00:00.000000000Z' },
        p2: { joined_at: '2024-05-01T10:00:01.939011796Z', left_at: '0001-01-01T00:00:00+00:00' },
      },
      recording_assets: [{ created_at: '0001-01-01T00:00:00Z' }],
      name: 'room 0001-01-01T00:00:00Z', // not a timestamp value: left alone
    });
    expect(parseJson(text, ctx)).toEqual({
      created_at: '2024-05-01T10:00:00Z',
      updated_at: null,
      peers: {
        p1: { joined_at: null, left_at: null },
        p2: { joined_at: '2024-05-01T10:00:01.939011796Z', left_at: null },
      },
      recording_assets: [{ created_at: null }],
      name: 'room 0001-01-01T00:00:00Z',
    });
  });

  it('does not touch near misses', () => {
    expect(
      parseJson('["0001-01-01T00:00:01Z","0001-01-01T00:00:00.001Z","1970-01-01T00:00:00Z"]', ctx),
    ).toEqual(['0001-01-01T00:00:01Z', '0001-01-01T00:00:00.001Z', '1970-01-01T00:00:00Z']);
  });
});

describe('sizes stay exact', () => {
  it('keeps sizes above 2^31 exact', () => {
    const asset = parseJson('{"id":"a1","size":4294967297,"metadata":{}}', ctx) as { size: number };
    expect(asset.size).toBe(4_294_967_297);
    expect(Number.isSafeInteger(asset.size)).toBe(true);
    const big = parseJson(`{"size":${Number.MAX_SAFE_INTEGER}}`, ctx) as { size: number };
    expect(big.size).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses a size JSON.parse would round, naming the endpoint', () => {
    let error: unknown;
    try {
      parseJson('{"data":[{"size":9007199254740993}]}', ctx);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HmsResponseError);
    expect((error as HmsResponseError).message).toContain('GET /v2/recording-assets/{id}');
    expect((error as HmsResponseError).message).toContain('size');
    expect((error as HmsResponseError).path).toBe('/v2/recording-assets/a1');
  });

  it('refuses a fractional size and accepts digit strings exactly', () => {
    expect(() => parseJson('{"size":1.5}', ctx)).toThrow(HmsResponseError);
    expect(parseJson('{"hls_vod_recording_size":"3000000000"}', ctx)).toEqual({
      hls_vod_recording_size: 3_000_000_000,
    });
    expect(() => parseJson('{"size":"99999999999999999999"}', ctx)).toThrow(HmsResponseError);
  });
});

describe('envelopes', () => {
  it('normalises {limit, data, last} into a Page', () => {
    const page = parseResponse(200, '{"limit":2,"data":[{"id":"a"},{"id":"b"}],"last":"b"}', 'list', listCtx);
    expect(page).toEqual({ items: [{ id: 'a' }, { id: 'b' }], limit: 2, next: 'b' });
  });

  it('turns data: null into an empty page with no next', () => {
    expect(parseResponse(200, '{"limit":10,"data":null,"last":""}', 'list', listCtx)).toEqual({
      items: [],
      limit: 10,
      next: null,
    });
  });

  it('ends on last: "" and on a short page, even with a cursor', () => {
    expect(
      parseResponse(200, '{"limit":2,"data":[{"id":"a"},{"id":"b"}],"last":""}', 'list', listCtx),
    ).toMatchObject({
      next: null,
    });
    expect(parseResponse(200, '{"limit":20,"data":[{"id":"a"}],"last":"a"}', 'list', listCtx)).toMatchObject({
      next: null,
    });
  });

  it('uses the limit the server reported, not the one requested, for the short-page rule', () => {
    const page = parseResponse(
      200,
      `{"limit":20,"data":[${'{"id":1},'.repeat(19)}{"id":20}],"last":"20"}`,
      'list',
      {
        ...listCtx,
        requestedLimit: 100,
      },
    );
    expect(page).toMatchObject({ limit: 20, next: '20' });
  });

  it('rejects a list answer without a list envelope', () => {
    expect(() => parseResponse(200, '{"id":"r1","name":"x"}', 'list', listCtx)).toThrow(
      /GET \/v2\/rooms: expected a list/,
    );
    expect(() => parseResponse(200, '{"data":{"id":"x"},"last":""}', 'list', listCtx)).toThrow(
      HmsResponseError,
    );
    expect(() => parseResponse(200, '[1,2]', 'list', listCtx)).toThrow(HmsResponseError);
    expect(() => parseResponse(200, '{"data":[],"last":5}', 'list', listCtx)).toThrow(HmsResponseError);
  });

  it('normalises the analytics envelope', () => {
    const body = '{"limit":2,"total":5,"next":"uuid:x:0~abc","events":[{"id":"e1"},{"id":"e2"}]}';
    expect(parseResponse(200, body, 'analytics', listCtx)).toEqual({
      items: [{ id: 'e1' }, { id: 'e2' }],
      limit: 2,
      total: 5,
      next: 'uuid:x:0~abc',
    });
    expect(
      parseResponse(200, '{"limit":10,"total":0,"next":"","events":null}', 'analytics', listCtx),
    ).toEqual({
      items: [],
      limit: 10,
      total: 0,
      next: null,
    });
  });

  it('unwraps {data} and {peers}', () => {
    expect(parseResponse(200, '{"data":[{"code":"abc"}]}', 'data', listCtx)).toEqual([{ code: 'abc' }]);
    expect(parseResponse(200, '{"limit":10,"data":null,"last":"","error":"x"}', 'data', listCtx)).toEqual([]);
    expect(parseResponse(200, '{"peers":{"p1":{"id":"p1"}}}', 'peers', listCtx)).toEqual({
      p1: { id: 'p1' },
    });
    expect(parseResponse(200, '{"peers":null}', 'peers', listCtx)).toEqual({});
    expect(() => parseResponse(200, '{"peer":{}}', 'peers', listCtx)).toThrow(HmsResponseError);
  });

  it('requires an object where one is documented', () => {
    expect(parseResponse(200, '{"id":"r1"}', 'object', ctx)).toEqual({ id: 'r1' });
    expect(() => parseResponse(200, '', 'object', ctx)).toThrow(/empty body/);
    expect(() => parseResponse(200, '[]', 'object', ctx)).toThrow(HmsResponseError);
    expect(() => parseResponse(200, 'null', 'object', ctx)).toThrow(HmsResponseError);
  });

  it('turns 204 and empty bodies into undefined', () => {
    expect(parseResponse(204, '', 'any', ctx)).toBeUndefined();
    expect(parseResponse(200, '  ', 'any', ctx)).toBeUndefined();
  });

  it('reports invalid JSON as HmsResponseError', () => {
    expect(() => parseResponse(200, '<html>bad gateway</html>', 'any', ctx)).toThrow(HmsResponseError);
  });

  it('reads error bodies leniently', () => {
    expect(parseErrorBody('{"message":"x"}')).toEqual({ message: 'x' });
    expect(parseErrorBody('<html>')).toBe('<html>');
    expect(parseErrorBody('')).toBeUndefined();
  });
});
