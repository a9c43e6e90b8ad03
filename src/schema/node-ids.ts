/**
 * Synchronous `id` fields for Node types. Pothos's relay plugin resolves every Node's `id` through
 * an `async` function (`t.globalID`), so each object in an answer cost a promise, a microtask and,
 * in graphql-js, the promise-tracking path for its whole selection: the dashboard's ~120 objects
 * all took it. Our id resolvers are plain property reads (declared once per type with
 * `builder.node(…, { id: { resolve } })`, kept by Pothos in the type's `pothosOptions`), so the
 * built schema's `id` fields are replaced by the same encoding done synchronously. The printed
 * schema does not change; an id resolver that does return a promise still works.
 */
import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { globalIdOf } from './global-id.js';

interface NodeOptions {
  id?: { resolve?: GraphQLFieldResolver<unknown, unknown> };
}

export function withSynchronousNodeIds(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    const resolveId = (type.extensions.pothosOptions as NodeOptions | undefined)?.id?.resolve;
    const field = type.getFields().id;
    const isNode = type.getInterfaces().some((i) => i.name === 'Node');
    if (!resolveId || !field || !isNode) continue;
    const typename = type.name;
    field.resolve = (parent, args, context, info) => {
      const id = resolveId(parent, args, context, info);
      return id instanceof Promise
        ? id.then((value) => globalIdOf(typename, String(value)))
        : globalIdOf(typename, String(id));
    };
  }
  return schema;
}
