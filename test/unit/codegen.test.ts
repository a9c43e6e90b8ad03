import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { executeCodegen } from '@graphql-codegen/cli';
import { beforeAll, describe, expect, it } from 'vitest';
import config from '../../codegen.js';
import { REPO_ROOT } from '../helpers/processes.js';

const GENERATED = join(REPO_ROOT, 'examples/dashboard/src/generated');

let outputs: Map<string, string>;

beforeAll(async () => {
  const { result, error } = await executeCodegen({ ...config, cwd: REPO_ROOT, silent: true });
  if (error) throw error;
  outputs = new Map(
    result.map((file) => [relative(REPO_ROOT, join(REPO_ROOT, file.filename)), file.content]),
  );
}, 60_000);

describe('npm run codegen', () => {
  it('committed generated files match a fresh run (run `npm run codegen` after changing schema or operations)', () => {
    expect(outputs.size).toBeGreaterThan(0);
    for (const [file, content] of outputs) {
      expect(readFileSync(join(REPO_ROOT, file), 'utf8'), file).toBe(content);
    }
  });

  it('leaves no file in the generated folder that codegen no longer writes', () => {
    const onDisk = readdirSync(GENERATED).map((name) => relative(REPO_ROOT, join(GENERATED, name)));
    expect(onDisk.sort()).toEqual([...outputs.keys()].filter((f) => f.startsWith('examples/')).sort());
  });

  it('gives every operation a persisted hash that the manifest maps back to its document', () => {
    const manifest = JSON.parse(
      outputs.get('examples/dashboard/src/generated/persisted-documents.json') ?? '{}',
    );
    const graphql = outputs.get('examples/dashboard/src/generated/graphql.ts') ?? '';
    const embedded = [...graphql.matchAll(/export const (\w+)Document = \{"__meta__":\{"hash":"([^"]+)"\}/g)];
    expect(embedded.length).toBeGreaterThanOrEqual(10);
    for (const [, name, hash] of embedded) {
      expect(manifest[hash as string], `${name} ${hash}`).toMatch(
        new RegExp(`^(query|mutation|subscription) ${name}\\b`),
      );
    }
    expect(Object.keys(manifest)).toHaveLength(embedded.length);
  });

  it('maps every custom scalar to a real type (no any)', () => {
    const graphql = outputs.get('examples/dashboard/src/generated/graphql.ts') ?? '';
    expect(graphql).not.toMatch(/:\s*any\b/);
    const hooks = outputs.get('examples/dashboard/src/generated/hooks.ts') ?? '';
    expect(hooks).toContain('export function useDashboardQuery');
    expect(hooks).toContain('export function useStartRecordingMutation');
  });
});
