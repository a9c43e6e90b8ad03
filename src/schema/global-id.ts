/**
 * Global ids (`base64("Type:id")`, Pothos's encoding), remembered per type. A dashboard answer
 * carries ~130 of them and the same ones recur in every answer about a room, while encoding one
 * costs a UTF-8 buffer and a base64 string each time. Bounded per type; cleared when full.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { remembered } from './remembered.js';

const PER_TYPE_MAX = 8192;
const byType = new Map<string, (id: string) => string>();

export function globalIdOf(typename: string, id: string): string {
  let encode = byType.get(typename);
  if (!encode) {
    encode = remembered(PER_TYPE_MAX, (key) => encodeGlobalID(typename, key));
    byType.set(typename, encode);
  }
  return encode(id);
}
