/**
 * `npm run codegen`: everything generated from the Pothos schema and schema/operations/*.graphql.
 *
 * - schema/schema.graphql: the sorted SDL (test/unit/schema-snapshot.test.ts guards it);
 * - examples/dashboard/src/generated/: typed documents (client preset, TypedDocumentNode), the
 *   persisted-operations manifest (persisted-documents.json: sha256 hash → document) and
 *   TanStack Query v5 hooks (hooks.ts).
 *
 * The schema comes from the Pothos module, printed to SDL, never from a running server: codegen
 * works offline and gives the same bytes on every machine. Passing SDL (not the GraphQLSchema
 * object) also keeps codegen's own copy of graphql from meeting the schema's copy.
 * test/unit/codegen.test.ts fails when any generated file is stale.
 */
import { createRequire } from 'node:module';
import type { CodegenConfig } from '@graphql-codegen/cli';
import type { CodegenPlugin } from '@graphql-codegen/plugin-helpers';
import { reactQueryHooksPlugin, sortedSdlPlugin } from './scripts/codegen-plugins.js';
import { printSortedSchema } from './src/schema/index.js';

const GENERATED = 'examples/dashboard/src/generated/';

const localPlugins: Record<string, CodegenPlugin> = {
  'hms-sorted-sdl': sortedSdlPlugin,
  'hms-react-query-hooks': reactQueryHooksPlugin,
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
    [`${GENERATED}hooks.ts`]: {
      plugins: ['hms-react-query-hooks'],
      config: { fetcherModule: '../fetcher.js', documentsModule: './graphql.js' },
    },
  },
};

export default config;
