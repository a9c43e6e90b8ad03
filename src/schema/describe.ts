/**
 * Descriptions of the schema's generated structure, filled in after the build: Relay connection
 * and edge types, mutation result unions and success types, `withInput` input types, and fields
 * that implement an interface field (described once, on the interface). Hand-written descriptions
 * always win; this only fills what is still empty, so every type, field and argument carries one.
 */
import {
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from 'graphql';

const lowerFirst = (name: string) => `${name.charAt(0).toLowerCase()}${name.slice(1)}`;

type AnyField = GraphQLField<unknown, unknown>;

function fill(target: { description?: string | null | undefined }, text: string | undefined | null) {
  if (!target.description && text) (target as { description: string }).description = text;
}

function describeConnection(type: GraphQLNamedType, item: string) {
  if (!isObjectType(type)) return;
  fill(type, `A page of ${item} items (a Relay connection); ask for more with \`first\` and \`after\`.`);
  const fields = type.getFields();
  if (fields.edges) fill(fields.edges, 'The items of this page with their cursors, in list order.');
  if (fields.nodes) fill(fields.nodes, 'The items of this page, in list order (`edges` without cursors).');
  if (fields.pageInfo) fill(fields.pageInfo, 'Whether there are more items, and the cursors to page on.');
}

function describeEdge(type: GraphQLNamedType, item: string) {
  if (!isObjectType(type)) return;
  fill(type, `One ${item} of a page, with its cursor.`);
  const fields = type.getFields();
  if (fields.cursor)
    fill(fields.cursor, 'Opaque position of this item: pass it as `after` for the items that follow it.');
  if (fields.node) fill(fields.node, `The ${item}.`);
}

function inheritFromInterfaces(
  type: { getInterfaces(): readonly GraphQLInterfaceType[] },
  fields: Record<string, AnyField>,
) {
  for (const iface of type.getInterfaces()) {
    const own = iface.getFields();
    for (const [name, field] of Object.entries(fields)) {
      const declared = own[name];
      if (!declared) continue;
      fill(field, declared.description);
      for (const arg of field.args) fill(arg, declared.args.find((a) => a.name === arg.name)?.description);
    }
  }
}

/** Root types and the Relay plumbing the relay plugin generates without descriptions. */
function describeRoots(schema: GraphQLSchema) {
  const types = schema.getTypeMap();
  const query = schema.getQueryType();
  if (query) fill(query, 'Reads from 100ms: rooms, sessions, recordings, streams, templates and analytics.');
  const mutation = schema.getMutationType();
  if (mutation)
    fill(mutation, 'Changes in 100ms. Each returns a result union: its success type or a typed error.');
  const node = types.Node;
  if (isInterfaceType(node)) {
    fill(node, 'An object with a global `id`, loadable with `node(id:)` and `nodes(ids:)`.');
    const id = node.getFields().id;
    if (id)
      fill(
        id,
        'Global id: stable, unique across types, opaque. Accepted by `node`, `nodes` and every `id` argument.',
      );
  }
  const pageInfo = types.PageInfo;
  if (isObjectType(pageInfo)) {
    fill(pageInfo, 'Where a page is in its list (Relay).');
    const f = pageInfo.getFields();
    if (f.hasNextPage) fill(f.hasNextPage, 'True when more items follow: ask again with `after: endCursor`.');
    if (f.hasPreviousPage) fill(f.hasPreviousPage, 'True when this page was asked for with `after`.');
    if (f.startCursor) fill(f.startCursor, 'Cursor of the first item of the page; null for an empty page.');
    if (f.endCursor)
      fill(
        f.endCursor,
        'Cursor of the last item: pass it as `after` for the next page; null for an empty page.',
      );
  }
}

export function describeGeneratedStructure(schema: GraphQLSchema): GraphQLSchema {
  describeRoots(schema);
  const types = schema.getTypeMap();
  const mutationFields = schema.getMutationType()?.getFields() ?? {};
  for (const [name, type] of Object.entries(types)) {
    if (name.startsWith('__')) continue;
    if (name.endsWith('Connection') && types[`${name.slice(0, -'Connection'.length)}Edge`]) {
      describeConnection(type, `\`${name.slice(0, -'Connection'.length)}\``);
    } else if (name.endsWith('Edge') && types[`${name.slice(0, -'Edge'.length)}Connection`]) {
      describeEdge(type, `\`${name.slice(0, -'Edge'.length)}\``);
    }
  }
  for (const [name, field] of Object.entries(mutationFields)) {
    const result = getNamedType(field.type);
    if (isUnionType(result)) {
      fill(
        result,
        `What \`${name}\` returns: \`${name.charAt(0).toUpperCase()}${name.slice(1)}Success\` or a typed error (every error implements \`Error\`; select \`... on Error { message code }\`).`,
      );
      for (const member of result.getTypes()) {
        if (!member.name.endsWith('Success')) continue;
        fill(member, `\`${name}\` succeeded.`);
        const data = member.getFields().data;
        if (data) fill(data, `What \`${name}\` created, changed or returned.`);
      }
    }
    for (const arg of field.args) {
      const input = getNamedType(arg.type);
      if (arg.name === 'input') fill(arg, `The arguments of \`${name}\`.`);
      if (isInputObjectType(input) && lowerFirst(input.name) === `${name}Input`) {
        fill(input, `The arguments of \`${name}\`.`);
      }
    }
  }
  for (const type of Object.values(types)) {
    if (isObjectType(type) || isInterfaceType(type)) inheritFromInterfaces(type, type.getFields());
  }
  return schema;
}
