import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** graphql-schema-linter's description rules: every type, field, argument and enum value is described. */
const RULES = [
  'types-have-descriptions',
  'fields-have-descriptions',
  'arguments-have-descriptions',
  'enum-values-have-descriptions',
  'input-object-values-have-descriptions',
  'descriptions-are-capitalized',
  'deprecations-have-a-reason',
];

describe('schema/schema.graphql descriptions (graphql-schema-linter)', () => {
  it('has zero description violations', async () => {
    const run = promisify(execFile);
    const result = await run(
      process.execPath,
      [
        'node_modules/graphql-schema-linter/lib/cli.js',
        '--format',
        'compact',
        '--rules',
        RULES.join(','),
        'schema/schema.graphql',
      ],
      { cwd: root },
    ).catch((error: { stdout?: string; code?: number }) => ({
      stdout: error.stdout ?? '',
      code: error.code,
    }));
    expect(result.stdout.trim().split('\n').filter(Boolean)).toEqual([]);
  });
});
