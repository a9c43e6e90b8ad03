/**
 * Wire helpers shared by every route: the 100ms error body, strict query parsing and strict
 * JSON body validation. Strictness is deliberate: the emulator is the other side of the wire and
 * exists to catch client bugs (a `peerId` where `peer_id` belongs, `type[]=` instead of repeated
 * `type=`, a `Date` stringified into a query) before they reach production.
 */
import type { HmsErrorBody } from '../hms/types.js';
import { type Micros, parseTime } from './time.js';

/** Thrown by handlers; rendered as `{code, message, details}` (https://www.100ms.live/docs/server-side/v2/introduction/request-and-response). */
export class ApiError extends Error {
  readonly status: number;
  readonly details: string[];
  readonly headers: Record<string, string>;

  constructor(status: number, message: string, details: string[] = [], headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.details = details;
    this.headers = headers;
  }

  body(): HmsErrorBody {
    return { code: this.status, message: this.message, details: this.details };
  }
}

export const badRequest = (message: string, ...details: string[]) => new ApiError(400, message, details);
export const notFound = (message: string, ...details: string[]) => new ApiError(404, message, details);
export const forbidden = (message: string, ...details: string[]) => new ApiError(403, message, details);
export const invalidBodyParam = (field: string, why?: string) =>
  new ApiError(400, `Invalid body param: ${field}`, why ? [why] : []);
export const invalidQueryParam = (field: string, why?: string) =>
  new ApiError(400, `Invalid query parameter: ${field}`, why ? [why] : []);

export type QueryValue = string | string[];
export type RawQuery = Record<string, QueryValue>;

/**
 * Parses the raw query with Go's rules (`+` is a space, percent-decoding), keeping repeated
 * keys as arrays so the handler can decide whether repetition is allowed.
 */
export function parseRawQuery(search: string): RawQuery {
  const out: RawQuery = {};
  const params = new URLSearchParams(search);
  for (const [key, value] of params) {
    const previous = out[key];
    if (previous === undefined) out[key] = value;
    else if (Array.isArray(previous)) previous.push(value);
    else out[key] = [previous, value];
  }
  return out;
}

const OBJECT_ID = /^[0-9a-f]{24}$/;
export const isObjectId = (value: string) => OBJECT_ID.test(value);

/**
 * A typed view of a query string that refuses unknown keys, repeated single-valued keys and
 * malformed values. Call `done()` after reading every parameter: whatever was not read is an
 * unknown parameter and answers 400.
 */
export class Query {
  readonly #raw: RawQuery;
  readonly #read = new Set<string>();

  constructor(raw: RawQuery) {
    this.#raw = raw;
  }

  #single(name: string): string | undefined {
    this.#read.add(name);
    const value = this.#raw[name];
    if (value === undefined) return undefined;
    if (Array.isArray(value)) throw invalidQueryParam(name, `${name} must not be repeated`);
    return value;
  }

  string(name: string): string | undefined {
    const value = this.#single(name);
    if (value === undefined) return undefined;
    if (value === '') throw invalidQueryParam(name, `${name} must not be empty`);
    return value;
  }

  objectId(name: string): string | undefined {
    const value = this.string(name);
    if (value !== undefined && !isObjectId(value))
      throw invalidQueryParam(name, `${name} must be a 24-character hex id`);
    return value;
  }

  bool(name: string): boolean | undefined {
    const value = this.#single(name);
    if (value === undefined) return undefined;
    if (value === 'true') return true;
    if (value === 'false') return false;
    throw invalidQueryParam(name, `${name} must be true or false`);
  }

  int(name: string): number | undefined {
    const value = this.#single(name);
    if (value === undefined) return undefined;
    if (!/^-?\d{1,9}$/.test(value)) throw invalidQueryParam(name, `${name} must be an integer`);
    return Number(value);
  }

  time(name: string): Micros | undefined {
    const value = this.#single(name);
    if (value === undefined) return undefined;
    const parsed = parseTime(value);
    if (parsed === null) throw invalidQueryParam(name, `${name} must be an RFC 3339 timestamp`);
    return parsed;
  }

  /** A repeatable key (`type=a&type=b`); `type[]=a` is a different, unknown key. */
  list(name: string): string[] | undefined {
    this.#read.add(name);
    const value = this.#raw[name];
    if (value === undefined) return undefined;
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => v === '')) throw invalidQueryParam(name, `${name} must not be empty`);
    return values;
  }

  done(): void {
    for (const key of Object.keys(this.#raw)) {
      if (!this.#read.has(key)) throw invalidQueryParam(key, `unknown query parameter ${key}`);
    }
  }
}

type Json = unknown;

function describe(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * A typed view of a JSON object body that refuses unknown fields (the real API answers
 * "Invalid body param: template. Use template_id" for a misnamed field, so it does look) and
 * wrongly typed values. `done()` reports the first field nobody read.
 */
export class Body {
  readonly #raw: Record<string, Json>;
  readonly #read = new Set<string>();
  readonly #prefix: string;

  constructor(raw: Record<string, Json>, prefix = '') {
    this.#raw = raw;
    this.#prefix = prefix;
  }

  /** Accepts a missing body as `{}`; anything but a JSON object is a 400. */
  static from(value: Json, prefix = ''): Body {
    if (value === undefined) return new Body({}, prefix);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw badRequest('Invalid request body', `expected a JSON object, got ${describe(value)}`);
    }
    return new Body(value as Record<string, Json>, prefix);
  }

  get keys(): string[] {
    return Object.keys(this.#raw);
  }

  has(name: string): boolean {
    return this.#raw[name] !== undefined;
  }

  #field(name: string): string {
    return `${this.#prefix}${name}`;
  }

  #get(name: string): Json {
    this.#read.add(name);
    return this.#raw[name];
  }

  /** Go decodes JSON `null` into a zero value; treating it as "absent" matches that. */
  raw(name: string): Json {
    const value = this.#get(name);
    return value === null ? undefined : value;
  }

  string(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (typeof value !== 'string')
      throw invalidBodyParam(this.#field(name), `expected string, got ${describe(value)}`);
    return value;
  }

  bool(name: string): boolean | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean')
      throw invalidBodyParam(this.#field(name), `expected boolean, got ${describe(value)}`);
    return value;
  }

  int(name: string): number | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      throw invalidBodyParam(this.#field(name), `expected integer, got ${describe(value)}`);
    }
    return value;
  }

  number(name: string): number | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw invalidBodyParam(this.#field(name), `expected number, got ${describe(value)}`);
    }
    return value;
  }

  stringArray(name: string): string[] | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      throw invalidBodyParam(this.#field(name), 'expected an array of strings');
    }
    return value as string[];
  }

  object(name: string): Body | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw invalidBodyParam(this.#field(name), `expected object, got ${describe(value)}`);
    }
    return new Body(value as Record<string, Json>, `${this.#field(name)}.`);
  }

  /** A string-to-string map such as webhook headers. */
  stringMap(name: string): Record<string, string> | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || Array.isArray(value))
      throw invalidBodyParam(this.#field(name), 'expected object');
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(value as Record<string, Json>)) {
      if (typeof v !== 'string') throw invalidBodyParam(`${this.#field(name)}.${k}`, 'expected string');
      out[k] = v;
    }
    return out;
  }

  done(): void {
    for (const key of Object.keys(this.#raw)) {
      if (!this.#read.has(key)) throw invalidBodyParam(this.#field(key), `unknown field ${this.#field(key)}`);
    }
  }
}
