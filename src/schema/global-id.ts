/**
 * Global ids (`base64("Type:id")`, Pothos's encoding), remembered per type. A dashboard answer
 * carries ~130 of them and the same ones recur in every answer about a room, while encoding one
 * costs a UTF-8 buffer and a base64 string each time. Bounded per type; cleared when full.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';

const PER_TYPE_MAX = 8192;
const byType = new Map<string, Map<string, string>>();

export function globalIdOf(typename: string, id: string): string {
  let known = byType.get(typename);
  if (!known) {
    known = new Map();
    byType.set(typename, known);
  }
  const encoded = known.get(id);
  if (encoded !== undefined) return encoded;
  const fresh = encodeGlobalID(typename, id);
  if (known.size >= PER_TYPE_MAX) known.clear();
  known.set(id, fresh);
  return fresh;
}
