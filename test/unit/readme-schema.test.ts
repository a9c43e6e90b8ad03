import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README, renderSchemaListing, withSchemaListing } from '../../scripts/readme-schema.js';

describe("README's schema listing", () => {
  it('is the one generated from the printed schema (run `npm run codegen` or `npm run schema:print`)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(withSchemaListing(readme)).toBe(readme);
  });

  it('lists every root field with its arguments', () => {
    const listing = renderSchemaListing();
    expect(listing).toContain('errorsOnly: Boolean');
    for (const root of ['type Query {', 'type Mutation {', 'type Subscription {']) {
      expect(listing).toContain(root);
    }
  });
});
