/**
 * `npm run codegen`: everything generated from the Pothos schema and schema/operations/*.graphql.
 *
 * - schema/schema.graphql: the sorted SDL (test/unit/schema-snapshot.test.ts guards it);
 * - examples/dashboard/src/generated/: typed documents (client preset, TypedDocumentNode), the
 *   persisted-operations manifest (persisted-documents.json: sha256 hash → document) and
 *   TanStack Query v5 hooks (hooks.ts); possibleTypes for interfaces and unions
 *   (possible-types.ts) and cache key configs for Apollo and urql graphcache (cache-config.ts).
 *
 * The schema comes from the Pothos module, printed to SDL, never from a running server: codegen
 * works offline and gives the same bytes on every machine. Passing SDL (not the GraphQLSchema
 * object) also keeps codegen's own copy of graphql from meeting the schema's copy.
 * test/unit/codegen.test.ts fails when any generated file is stale.
 */
import { createRequire } from 'node:module';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';
import type { CodegenPlugin } from '@graphql-codegen/plugin-helpers';
import { cacheConfigPlugin, reactQueryHooksPlugin, sortedSdlPlugin } from './scripts/codegen-plugins.js';
import { printSortedSchema } from './src/schema/index.js';

const GENERATED = 'examples/dashboard/src/generated/';

const localPlugins: Record<string, CodegenPlugin> = {
  'hms-sorted-sdl': sortedSdlPlugin,
  'hms-react-query-hooks': reactQueryHooksPlugin,
  'hms-cache-config': cacheConfigPlugin,
};
const requireFromHere = createRequire(import.meta.url);

const config: CodegenConfig = {
  schema: printSortedSchema(),
  documents: ['schema/operations/*.graphql'],
  emitLegacyCommonJSImports: false,
  ignoreNoDocuments: false,
  pluginLoader: async (name: string) => localPlugins[name] ?? requireFromHere(name),
  generates: {
    'schema/schema.graphql': { plugins: ['hms-sorted-sdl'] },
    [GENERATED]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      // Every selection set gets __typename, as normalised caches (Apollo, urql graphcache) add it
      // before they send a document: the persisted hashes then match what those clients send.
      documentTransforms: [addTypenameSelectionDocumentTransform],
      config: {
        // Every custom scalar gets a real type; an unmapped one fails codegen instead of becoming any.
        strictScalars: true,
        scalars: {
          DateTime: 'string',
          SafeInt: 'number',
          JSON: 'unknown',
        },
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
      },
    },
    // Apollo Client / urql graphcache: which concrete types implement each interface and union,
    // so `... on Error { message code }` and `... on Job` are kept by the normalised cache.
    [`${GENERATED}possible-types.ts`]: {
      plugins: ['fragment-matcher'],
      config: { module: 'es2015', apolloClientVersion: 3, useExplicitTyping: true },
    },
    // urql graphcache needs the schema (a minified introspection), not only possibleTypes: with
    // possibleTypes alone it writes every fragment of a union and warns about the missing fields.
    [`${GENERATED}urql-schema.ts`]: {
      plugins: ['urql-introspection'],
      config: {
        module: 'es2015',
        useTypeImports: true,
        includeScalars: false,
        includeEnums: false,
        includeInputs: false,
      },
    },
    [`${GENERATED}cache-config.ts`]: { plugins: ['hms-cache-config'] },
    [`${GENERATED}hooks.ts`]: {
      plugins: ['hms-react-query-hooks'],
      config: { fetcherModule: '../fetcher.js', documentsModule: './graphql.js' },
    },
  },
};

export default config;
