import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { type GraphQLObjectType, type GraphQLResolveInfo, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { globalIdOf } from '../../src/schema/global-id.js';
import { schema } from '../../src/schema/index.js';

const nodeTypes = Object.values(schema.getTypeMap()).filter(
  (type): type is GraphQLObjectType =>
    isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node'),
);

describe('Node ids (src/schema/node-ids.ts)', () => {
  it('are resolved synchronously, with the global id Pothos would encode', () => {
    expect(nodeTypes.map((t) => t.name)).toEqual(expect.arrayContaining(['Room', 'Session', 'Recording']));
    // Backing models are 100ms objects, or views over one (`raw`) for the types read as views.
    const parent = { id: 'abc123', workflow_id: 'abc123', raw: { id: 'abc123' } };
    for (const type of nodeTypes) {
      const resolve = type.getFields().id?.resolve;
      expect(resolve, type.name).toBeTypeOf('function');
      const id = resolve?.(parent, {}, {}, {} as GraphQLResolveInfo);
      expect(id, type.name).toBe(encodeGlobalID(type.name, 'abc123'));
      expect(decodeGlobalID(id as string)).toEqual({ typename: type.name, id: 'abc123' });
    }
  });

  it('scope job ids by session as before', () => {
    const resolve = schema.getType('Recording') as GraphQLObjectType;
    const id = resolve
      .getFields()
      .id?.resolve?.({ id: 'r1', session_id: 's1' }, {}, {}, {} as GraphQLResolveInfo);
    expect(decodeGlobalID(id as string)).toEqual({ typename: 'Recording', id: 'r1@s1' });
  });

  it('are remembered per type without changing: the same string as encoding afresh, past the bound too', () => {
    for (let i = 0; i < 20_000; i++) {
      const id = `id-${i % 9000}/ü${i}`;
      expect(globalIdOf('Session', id)).toBe(encodeGlobalID('Session', id));
    }
    expect(globalIdOf('Room', 'x')).toBe(encodeGlobalID('Room', 'x'));
    expect(globalIdOf('Session', 'x')).not.toBe(globalIdOf('Room', 'x'));
  });
});
