/**
 * The upstream-call estimate (src/cost.ts) on the real schema: what a document is charged before
 * it runs, following the loaders' batching rules.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CannotEstimateError, checkCostRules, estimateUpstreamCalls } from '../../src/cost.js';
import { schema } from '../../src/schema/index.js';

const estimate = (document: string, variables?: Record<string, unknown>, operationName?: string) =>
  estimateUpstreamCalls(schema, parse(document), variables, operationName);

describe('estimateUpstreamCalls', () => {
  it('charges a lookup one call and embedded data nothing', () => {
    expect(estimate('{ room(id: "r") { name enabled } }')).toBe(1);
    expect(estimate('{ __typename }')).toBe(0);
  });

  it('charges a connection its list pages, one extra item included for an exact hasNextPage', () => {
    expect(estimate('{ rooms(first: 20) { nodes { name } } }')).toBe(1);
    expect(estimate('{ rooms(first: 99) { nodes { name } } }')).toBe(1);
    expect(estimate('{ rooms(first: 100) { nodes { name } } }')).toBe(2);
  });

  it('reads first from variables, and defaults to 20', () => {
    const query = 'query ($n: Int) { rooms(first: $n) { nodes { sessions(first: 5) { nodes { hmsId } } } } }';
    // rooms: 1 page; sessions: one list per room.
    expect(estimate(query, { n: 3 })).toBe(1 + 3);
    expect(estimate(query, { n: 10 })).toBe(1 + 10);
    expect(estimate(query, {})).toBe(1 + 20);
  });

  it('charges session children once per room, however many sessions ask (the loaders batch them)', () => {
    const one = estimate(
      '{ room(id: "r") { sessions(first: 10) { nodes { recordings { nodes { hmsId } } } } } }',
    );
    const many = estimate(
      '{ room(id: "r") { sessions(first: 50) { nodes { recordings { nodes { hmsId } } } } } }',
    );
    // room + sessions + one room-wide recordings plan.
    expect(one).toBe(3);
    expect(many).toBe(3);
    // Across 4 rooms: a plan per room.
    expect(
      estimate(
        '{ rooms(first: 4) { nodes { sessions(first: 10) { nodes { recordings { nodes { hmsId } } } } } } }',
      ),
    ).toBe(1 + 4 + 4);
  });

  it('charges presigned URLs one call per asset', () => {
    const withoutUrl = estimate('{ recordingAssets(first: 30) { nodes { hmsId } } }');
    const withUrl = estimate('{ recordingAssets(first: 30) { nodes { hmsId presignedUrl { url } } } }');
    expect(withoutUrl).toBe(1);
    expect(withUrl).toBe(1 + 30);
  });

  it('keeps the README promise: the dashboard query is estimated at 4 calls', () => {
    const dashboard = readFileSync(
      new URL('../../schema/operations/dashboard.graphql', import.meta.url),
      'utf8',
    );
    expect(estimate(dashboard, { roomId: 'r', sessions: 10 })).toBe(4);
  });

  it('follows fragments and inline fragments, and charges the costliest member of an abstract type', () => {
    const spread = estimate(`
      query { room(id: "r") { ...R } }
      fragment R on Room { sessions(first: 5) { nodes { recordings { nodes { hmsId } } } } }
    `);
    const inline = estimate('{ room(id: "r") { ... on Room { sessions(first: 5) { nodes { hmsId } } } } }');
    expect(spread).toBe(3);
    expect(inline).toBe(2);
    expect(estimate('{ node(id: "x") { ... on Room { sessions { nodes { hmsId } } } } }')).toBe(2);
  });

  it('picks the named operation, and refuses to guess for an unknown name', () => {
    const document = 'query A { room(id: "r") { name } } query B { rooms(first: 250) { nodes { name } } }';
    expect(estimate(document, {}, 'A')).toBe(1);
    expect(estimate(document, {}, 'B')).toBe(3);
    // Execution reports the unknown name (and calls nothing); the estimate does not pretend it is 0.
    expect(() => estimate(document, {}, 'C')).toThrow(CannotEstimateError);
  });

  it('charges each root mutation its call and the checks it may make first', () => {
    const one = estimate('mutation { stopRoomRecordings(input: { roomId: "r" }) { __typename } }');
    const two = estimate(
      'mutation { a: stopRoomRecordings(input: { roomId: "r" }) { __typename } b: stopRoomRecordings(input: { roomId: "s" }) { __typename } }',
    );
    expect(one).toBeGreaterThan(0);
    expect(two).toBe(2 * one);
  });
});

const estimateFor = (query: string, confinedRooms: number | null = null, variables = {}) =>
  estimateUpstreamCalls(schema, parse(query), variables, undefined, { confinedRooms });

const DASHBOARD_LIKE = `rooms(first: 5) { nodes { sessions(first: 10) { nodes { recordings { nodes { hmsId } } } } } }`;

describe('estimateUpstreamCalls: soundness and confinement', () => {
  it('has a rule for every field that returns an object', () => {
    expect(checkCostRules(schema)).toEqual([]);
  });

  it('costs a selection the same under 51 nested inline fragments', () => {
    const plain = estimateFor(`{ ${DASHBOARD_LIKE} }`);
    let nested = DASHBOARD_LIKE;
    for (let i = 0; i < 51; i++) nested = `... on Query { ${nested} }`;
    expect(plain).toBeGreaterThan(0);
    expect(estimateFor(`{ ${nested} }`)).toBe(plain);
  });

  it('walks spread chains once per shape, even when each fragment spreads the next twice', () => {
    const fragments = ['fragment F40 on Query { rooms(first: 1) { nodes { name } } }'];
    for (let i = 39; i >= 1; i--) fragments.push(`fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
    const cost = estimateFor(`{ ...F1 }\n${fragments.join('\n')}`);
    expect(cost).toBe(2 ** 39);
  });

  it('refuses what it cannot walk instead of counting it as 0', () => {
    expect(() => estimateFor('{ ...Missing }')).toThrow(CannotEstimateError);
    let deep = 'name';
    for (let i = 0; i < 25; i++) deep = `sessions(first: 1) { nodes { room { ${deep} } } }`;
    expect(() => estimateFor(`{ room(id: "r") { ${deep} } }`)).toThrow(CannotEstimateError);
  });

  it('charges a confined caller per own room for unfiltered lists, once for a filtered one', () => {
    expect(estimateFor('{ recordingAssets(first: 10) { nodes { hmsId } } }')).toBe(1);
    expect(estimateFor('{ recordingAssets(first: 10) { nodes { hmsId } } }', 3)).toBe(3);
    expect(
      estimateFor('{ recordingAssets(first: 10, filter: { roomId: "r" }) { nodes { hmsId } } }', 3),
    ).toBe(1);
    expect(estimateFor('{ templates(first: 10) { nodes { hmsId } } }', 2)).toBe(4);
  });
});
