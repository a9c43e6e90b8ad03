/**
 * Reading one key of a 100ms event's `data` (webhooks and analytics events alike): values come
 * as 100ms sent them, so anything of the wrong type, or empty, reads as null.
 */
import { str } from '../webhooks/envelope.js';

type Data = Record<string, unknown>;

export { str };
export const num = (data: Data, key: string) => {
  const value = data[key];
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : null;
};
export const bool = (data: Data, key: string) =>
  typeof data[key] === 'boolean' ? (data[key] as boolean) : null;

/** Options of a nullable field that reads one string (or date-time) key of the event's `data`. */
export const dataString = (key: string, description: string) => ({
  nullable: true as const,
  description,
  resolve: (e: { data: Data }) => str(e.data, key),
});
/** Options of a nullable field that reads one whole-number key of the event's `data`. */
export const dataInt = (key: string, description: string) => ({
  nullable: true as const,
  description,
  resolve: (e: { data: Data }) => num(e.data, key),
});
