/**
 * Look-ahead prefetching (src/schema/prefetch.ts): a parent's resolver starts the loads of the
 * registered child fields it sees selected, with their arguments, before awaiting itself.
 * Exercised through graphql-js execution on a small schema of its own.
 */
import {
  execute,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import { prefetchChildren, registerPrefetch, selectsField } from '../../src/schema/prefetch.js';

const started: Array<{ field: string; parentId: string; args: Record<string, unknown> }> = [];
let lookedAhead: boolean[] = [];

registerPrefetch('PrefetchTestParent', 'kids', (parentId, args) => {
  started.push({ field: 'kids', parentId, args });
  return Promise.resolve([]);
});
registerPrefetch('PrefetchTestParent', 'failing', (parentId, args) => {
  started.push({ field: 'failing', parentId, args });
  return Promise.reject(new Error('the resolver reports this, not the prefetch'));
});

const Child = new GraphQLObjectType({
  name: 'PrefetchTestChild',
  fields: { deep: { type: GraphQLString, resolve: () => 'x' } },
});
const Parent: GraphQLObjectType = new GraphQLObjectType({
  name: 'PrefetchTestParent',
  fields: () => ({
    id: { type: GraphQLID },
    kids: {
      type: new GraphQLList(GraphQLString),
      args: { first: { type: new GraphQLNonNull(GraphQLInt) } },
      resolve: () => [],
    },
    failing: { type: GraphQLString, resolve: () => null },
    plain: { type: GraphQLString, resolve: () => 'p' },
    child: { type: Child, resolve: () => ({}) },
  }),
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      parent: {
        type: Parent,
        args: { id: { type: new GraphQLNonNull(GraphQLID) } },
        resolve: (_root, args: { id: string }, ctx: Context, info) => {
          prefetchChildren(info, 'PrefetchTestParent', args.id, ctx);
          lookedAhead = [selectsField(info, 'deep', 1), selectsField(info, 'deep', 2)];
          return { id: args.id };
        },
      },
    },
  }),
});

async function run(document: string, variableValues: Record<string, unknown> = {}) {
  started.length = 0;
  const result = await execute({ schema, document: parse(document), variableValues, contextValue: {} });
  expect(result.errors).toBeUndefined();
  return started.map(({ field, parentId, args }) => ({ field, parentId, args }));
}

describe('prefetchChildren', () => {
  it('starts the registered children that are selected, with their arguments and variables', async () => {
    expect(await run('query ($n: Int!) { parent(id: "p1") { plain kids(first: $n) } }', { n: 7 })).toEqual([
      { field: 'kids', parentId: 'p1', args: { first: 7 } },
    ]);
  });

  it('finds children in fragments and inline fragments on the type', async () => {
    const document = `
      { parent(id: "p2") { ...F ... on PrefetchTestParent { failing } } }
      fragment F on PrefetchTestParent { kids(first: 2) }
    `;
    expect((await run(document)).map((s) => s.field).sort()).toEqual(['failing', 'kids']);
  });

  it('skips what @skip/@include leave out, so it costs nothing', async () => {
    const document =
      'query ($no: Boolean!) { parent(id: "p3") { kids(first: 1) @include(if: $no) failing @skip(if: true) } }';
    expect(await run(document, { no: false })).toEqual([]);
  });

  it('swallows a failed prefetch (the field resolver reports failures on its own path)', async () => {
    // A rejected prefetch must not become an unhandled rejection; the field's resolver reports it.
    expect(await run('{ parent(id: "p4") { failing } }')).toEqual([
      { field: 'failing', parentId: 'p4', args: {} },
    ]);
  });
});

describe('selectsField', () => {
  it('looks the given number of levels down', async () => {
    await run('{ parent(id: "p5") { child { deep } } }');
    expect(lookedAhead).toEqual([false, true]);
    await run('{ parent(id: "p6") { plain } }');
    expect(lookedAhead).toEqual([false, false]);
  });
});
