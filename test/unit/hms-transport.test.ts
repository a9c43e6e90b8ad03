import { describe, expect, it } from 'vitest';
import { checkRawPath, fillRoute, templateOf } from '../../src/hms/transport.js';

describe('fillRoute', () => {
  it('percent-encodes every parameter', () => {
    expect(fillRoute('/rooms/{id}', { id: 'a/b c?d#e' })).toBe('/rooms/a%2Fb%20c%3Fd%23e');
    expect(fillRoute('/room-codes/room/{id}/role/{role}', { id: 'r1', role: 'co host' })).toBe(
      '/room-codes/room/r1/role/co%20host',
    );
  });

  it('refuses empty, missing and dot-segment ids', () => {
    expect(() => fillRoute('/rooms/{id}', { id: '' })).toThrow(TypeError);
    expect(() => fillRoute('/rooms/{id}', {})).toThrow(TypeError);
    expect(() => fillRoute('/rooms/{id}', { id: '..' })).toThrow(TypeError);
    expect(() => fillRoute('/rooms/{id}', { id: '.' })).toThrow(TypeError);
  });
});

describe('templateOf', () => {
  it.each([
    ['/polls/6543abc/responses/99', '/polls/{id}/responses/{id}'],
    ['/templates/t1/roles/host', '/templates/{id}/roles/{id}'],
    ['/analytics/events', '/analytics/events'],
    ['/stream-keys/room/abc/disable', '/stream-keys/room/{id}/disable'],
    ['/whatever/unknown', '/{id}/{id}'],
  ])('%s → %s', (path, template) => {
    expect(templateOf(path)).toBe(template);
  });
});

describe('checkRawPath', () => {
  it('accepts a relative, encoded path', () => {
    expect(checkRawPath('/polls/p1/results')).toBe('/polls/p1/results');
  });

  it.each([
    'polls',
    '//evil.example/x',
    'https://evil.example/x',
    '/rooms?name=x',
    '/rooms#x',
    '/rooms/../sessions',
    '/rooms/%2E%2E/sessions',
    '/rooms/a b',
    '/rooms/\u00e9',
    '/rooms/%E0%A4%A',
  ])('refuses %j', (path) => {
    expect(() => checkRawPath(path)).toThrow(TypeError);
  });
});
