import { readdirSync, readFileSync } from 'node:fs';
import {
  type ASTNode,
  getNamedType,
  isCompositeType,
  isObjectType,
  Kind,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';

const dir = new URL('../../schema/operations/', import.meta.url);
const files = readdirSync(dir).filter((name) => name.endsWith('.graphql'));

/** Selection sets on types that have an `id` but do not select it, as "Type at path". */
function missingIds(document: ASTNode): string[] {
  const typeInfo = new TypeInfo(schema);
  const missing: string[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const type = getNamedType(typeInfo.getType());
        if (!node.selectionSet || !isCompositeType(type)) return;
        if (!isObjectType(type) || !type.getFields().id) return;
        const selectsId = node.selectionSet.selections.some(
          (s) => s.kind === Kind.FIELD && s.name.value === 'id' && !s.alias,
        );
        if (!selectsId) missing.push(`${type.name} at ${node.name.value}`);
      },
    }),
  );
  return missing;
}

describe('schema/operations', () => {
  it.each(files)('%s holds exactly one operation and selects id wherever a type has one', (file) => {
    const document = parse(readFileSync(new URL(file, dir), 'utf8'));
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    expect(operations).toHaveLength(1);
    expect(missingIds(document)).toEqual([]);
  });
});
