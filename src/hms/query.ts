/**
 * Query-string serialisation, fixing what the Node SDK (https://github.com/100mslive/server-sdks, `serializeQueryParams`) got wrong: every name and value
 * is percent-encoded (room names with spaces or `&` survive), arrays become repeated keys
 * (`type=a&type=b`, what the analytics endpoint expects), Dates become ISO 8601 instead of being
 * dropped, and undefined/null are omitted instead of sent as "undefined" or throwing.
 */

export type QueryValue = string | number | boolean | bigint | Date | null | undefined;
/** Any plain object of QueryValues (or arrays of them); interfaces without index signatures fit. */
export type QueryInput = object;

function serialiseValue(name: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`query parameter ${name} must be a finite number`);
    return String(value);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError(`query parameter ${name} is an invalid Date`);
    return value.toISOString();
  }
  // Objects have no agreed encoding on this API; refusing beats sending "[object Object]".
  throw new TypeError(`query parameter ${name} must be a string, number, boolean, Date or an array of those`);
}

/** `a=1&b=x%20y` (no leading `?`), or `''` when nothing is left after omitting empty values. */
export function serializeQuery(query: QueryInput | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    const key = encodeURIComponent(name);
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (Array.isArray(item)) throw new TypeError(`query parameter ${name} must not nest arrays`);
      const text = serialiseValue(name, item);
      if (text !== undefined) parts.push(`${key}=${encodeURIComponent(text)}`);
    }
  }
  return parts.join('&');
}
