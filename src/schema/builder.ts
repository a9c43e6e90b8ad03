/**
 * The single SchemaBuilder: context, scalars and plugins. Defines no types of its own beyond the
 * scalars; every graph type lives in its own file.
 */
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import WithInputPlugin from '@pothos/plugin-with-input';
import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';
import { DateTimeScalar, JsonScalar, SafeIntScalar } from './scalars.js';

const capitalize = (name: string) => `${name.charAt(0).toUpperCase()}${name.slice(1)}`;

export interface SchemaTypes {
  Context: Context;
  Scalars: {
    /** ISO 8601 instant; upstream zero times arrive as null. */
    DateTime: { Input: Date; Output: Date | string };
    /** Integer exact up to 2^53 - 1 (GraphQL `Int` is 32-bit; recording assets exceed 2 GiB). */
    SafeInt: { Input: number; Output: number };
    JSON: { Input: unknown; Output: unknown };
  };
  /** hms:read, hms:write, hms:token, hms:admin: see src/auth.ts. */
  AuthScopes: { read: boolean; write: boolean; token: boolean; admin: boolean };
  /** Non-null unless a field says `nullable: true` (and its description says when it is null). */
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}

/** The fully expanded Pothos types, for helpers that take field or arg builders. */
export type BuilderTypes = PothosSchemaTypes.ExtendDefaultTypes<SchemaTypes>;

export const builder = new SchemaBuilder<SchemaTypes>({
  defaultFieldNullability: false,
  // Scope auth first: authorization runs before the errors plugin could turn a refusal into data.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, RelayPlugin, SimpleObjectsPlugin, WithInputPlugin],
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({
      read: ctx.caller.scopes.has('hms:read'),
      write: ctx.caller.scopes.has('hms:write'),
      token: ctx.caller.scopes.has('hms:token'),
      admin: ctx.caller.scopes.has('hms:admin'),
    }),
    unauthorizedError: (_parent, _ctx, info) => {
      const options = info.parentType.getFields()[info.fieldName]?.extensions?.pothosOptions as
        | { authScopes?: { admin?: boolean } }
        | undefined;
      const scope = options?.authScopes?.admin
        ? 'hms:admin'
        : info.parentType.name === 'Mutation'
          ? (({ createAuthToken: 'hms:token', hmsRequest: 'hms:admin' } as Record<string, string>)[
              info.fieldName
            ] ?? 'hms:write')
          : 'hms:read';
      return new GraphQLError(
        `Forbidden: ${info.parentType.name}.${info.fieldName} needs the ${scope} scope`,
        {
          extensions: { code: 'FORBIDDEN' },
        },
      );
    },
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesOnConnection: true,
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    // Our own node/nodes (schema/node.ts) check each id on its own.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
  errors: {
    defaultTypes: [],
    defaultResultOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Success` },
    defaultUnionOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Result` },
  },
  withInput: {
    typeOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Input` },
    argOptions: { required: true },
  },
});

builder.addScalarType('DateTime', DateTimeScalar);
builder.addScalarType('SafeInt', SafeIntScalar);
builder.addScalarType('JSON', JsonScalar);
builder.queryType({ authScopes: { read: true } });
builder.mutationType({ authScopes: { write: true } });
