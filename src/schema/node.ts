/**
 * `node(id:)` and `nodes(ids:)`, replacing the relay plugin's own: those parse every id as an
 * argument, so one malformed id fails the whole field (and `nodes` with it), and an id naming an
 * unknown type is an internal error. Here each id is checked on its own: a bad one is `null` with
 * a `BAD_USER_INPUT` error on its own path, the others still load.
 */
import { resolveNodes } from '@pothos/plugin-relay';
import { type GraphQLResolveInfo, isObjectType } from 'graphql';
import type { Context } from '../context.js';
import { badUserInput } from '../errors.js';
import { builder } from './builder.js';
import { decodeGlobalIdOrNull } from './connection.js';

type ParsedId = { typename: string; id: string };

function parseNodeId(raw: string, info: GraphQLResolveInfo): ParsedId | Error {
  const decoded = decodeGlobalIdOrNull(raw.trim());
  if (!decoded) return badUserInput(`Invalid global ID: ${JSON.stringify(raw)} is not an \`id\` of this API`);
  const type = info.schema.getType(decoded.typename);
  if (!isObjectType(type) || !type.getInterfaces().some((i) => i.name === 'Node')) {
    return badUserInput(
      `Invalid global ID: ${JSON.stringify(raw)} names ${JSON.stringify(decoded.typename)}, which is not a Node type`,
    );
  }
  return decoded;
}

async function load(ids: readonly string[], ctx: Context, info: GraphQLResolveInfo) {
  const parsed = ids.map((id) => parseNodeId(id, info));
  const valid = parsed.filter((p): p is ParsedId => !(p instanceof Error));
  // resolveNodes batches per type through each Node's loader and keeps the order it was given.
  const loaded = await resolveNodes(builder as never, ctx, info, valid);
  let next = 0;
  return parsed.map((p) => (p instanceof Error ? p : loaded[next++]));
}

const NodeInterface = builder.nodeInterfaceRef();

builder.queryFields((t) => ({
  node: t.field({
    type: NodeInterface,
    nullable: true,
    description:
      'Any object with a global `id` (Room, Session, Recording, RecordingAsset, LiveStream, ExternalStream, Template). Null when it does not exist or is not visible to the caller; a malformed id or one of another kind of object is null with a `BAD_USER_INPUT` error.',
    args: {
      id: t.arg.id({ required: true, description: 'A global `id` as returned by this API.' }),
    },
    resolve: async (_root, { id }, ctx, info) => {
      const [result] = await load([String(id)], ctx, info);
      if (result instanceof Error) throw result;
      return result as never;
    },
  }),
  nodes: t.field({
    type: [NodeInterface],
    nullable: { list: false, items: true },
    description:
      'Several objects by global `id`, in the order asked, batched per type. An item is null when its object does not exist, is not visible to the caller, or its id is malformed (then with a `BAD_USER_INPUT` error on that item’s path).',
    args: {
      ids: t.arg.idList({ required: true, description: 'Global `id`s as returned by this API.' }),
    },
    // A list item that is an Error becomes null with that error on its own path (graphql-js).
    resolve: async (_root, { ids }, ctx, info) => (await load(ids.map(String), ctx, info)) as never,
  }),
}));
