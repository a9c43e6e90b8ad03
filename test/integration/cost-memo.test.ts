import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ gateway: { maxUpstreamCalls: 20 } });
});
afterAll(() => stack?.close());

// One document, several variable sets: estimates are memoised per document, never across variables.
const QUERY = `query Rooms($n: Int!) {
  rooms(first: $n) { nodes { name sessions(first: 5) { nodes { hmsId } } } }
}`;

describe('upstream-call estimate memoised per document', () => {
  it('follows the variables of each request, including a rejection after cheaper runs', async () => {
    const estimate = async (variables: Record<string, unknown>) => {
      const res = await stack.gql(QUERY, variables);
      return {
        res,
        estimate:
          res.extensions?.cost?.estimatedUpstreamCalls ?? res.errors?.[0]?.extensions?.estimatedUpstreamCalls,
      };
    };
    const cheap = await estimate({ n: 2 });
    const again = await estimate({ n: 2 });
    expect(again.estimate).toBe(cheap.estimate);
    expect(cheap.res.errors).toBeUndefined();

    const costly = await estimate({ n: 50 });
    expect(costly.estimate).toBeGreaterThan(20);
    expect(costly.res.errors?.[0]?.extensions?.code).toBe('UPSTREAM_BUDGET_EXCEEDED');

    const cheapAgain = await estimate({ n: 2 });
    expect(cheapAgain.estimate).toBe(cheap.estimate);
    expect(cheapAgain.res.errors).toBeUndefined();
  });
});
