/**
 * Shared machinery of every mutation: input validation that names the field to fix, one
 * execution path (idempotency, upstream error mapping), and the checks that need the room's
 * template (roles).
 */
import { GraphQLError } from 'graphql';
import { callerIdentity } from '../auth.js';
import type { Context } from '../context.js';
import { HmsNotFoundError } from '../hms/errors.js';
import {
  fingerprint,
  IdempotencyConflictError,
  IdempotencyInProgressError,
  type StoredOutcome,
} from '../idempotency.js';
import { parseId, parseScopedId } from './connection.js';
import {
  decodeMutationError,
  encodeMutationError,
  mayHaveChangedSomething,
  NotFoundError,
  toMutationError,
  ValidationError,
} from './mutation-errors.js';

/**
 * Runs a mutation's upstream work once. With an `Idempotency-Key`, a repeat of the same input by
 * the same caller replays the first outcome when it may have changed something; another input
 * under the same key is a ValidationError.
 */
export async function runMutation<T>(
  ctx: Context,
  name: string,
  input: unknown,
  work: () => Promise<T>,
): Promise<T> {
  checkInputStrings(input);
  if (!ctx.idempotencyKey) {
    try {
      return await work();
    } catch (error) {
      throw toMutationError(error);
    }
  }
  const attempt = async (): Promise<StoredOutcome> => {
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      const mapped = toMutationError(error);
      const encoded = encodeMutationError(mapped);
      if (!encoded) throw mapped;
      return { ok: false, error: encoded };
    }
  };
  let outcome: StoredOutcome;
  try {
    // Scoped to the whole caller identity and the mutation: a key never replays another's result.
    const scope = `${callerIdentity(ctx.caller)}\u0000${name}`;
    outcome = await ctx.idempotency.run(scope, ctx.idempotencyKey, fingerprint(input), attempt, {
      keep: mayHaveChangedSomething,
      signal: ctx.upstream.signal,
    });
  } catch (error) {
    if (error instanceof IdempotencyConflictError || error instanceof IdempotencyInProgressError) {
      throw new ValidationError(error.message, null);
    }
    throw error;
  }
  if (outcome.ok) return outcome.value as T;
  throw decodeMutationError(outcome.error);
}

/** No string sent to 100ms is longer than this, whatever its field. */
export const MAX_INPUT_STRING = 10_000;
/** URLs 100ms opens or calls (meeting URLs, webhooks, RTMP destinations). */
export const MAX_URL_LENGTH = 2048;
/** C0 controls other than tab, line feed and carriage return, and DEL: never meaningful to 100ms. */
export function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}

/**
 * Every string in a mutation's input, before anything is sent: no NUL or other control
 * characters, no unbounded lengths. Names the field to fix. Iterative: input depth is bounded
 * at the HTTP layer, but this check must not be the thing that overflows.
 */
export function checkInputStrings(input: unknown, root = 'input'): void {
  const stack: Array<[unknown, string]> = [[input, root]];
  while (stack.length > 0) {
    const [value, path] = stack.pop() as [unknown, string];
    if (typeof value === 'string') {
      if (hasControlCharacter(value))
        throw new ValidationError(`${path} must not contain NUL or other control characters`, path);
      if (value.length > MAX_INPUT_STRING)
        throw new ValidationError(`${path} must be at most ${MAX_INPUT_STRING} characters`, path);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        stack.push([item, `${path}[${i}]`]);
      });
    } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      for (const [key, item] of Object.entries(value)) stack.push([item, `${path}.${key}`]);
    }
  }
}

/** Input ids accept the 100ms id or the global id, like `room(id:)`. */
export function inputId(raw: string | number, typename: string, field: string): string {
  try {
    return parseId(String(raw), typename, field);
  } catch (error) {
    throw new ValidationError(error instanceof GraphQLError ? error.message : String(error), field);
  }
}

export function inputScopedId(raw: string | number, typename: string, field: string) {
  try {
    return parseScopedId(String(raw), typename, field);
  } catch (error) {
    throw new ValidationError(error instanceof GraphQLError ? error.message : String(error), field);
  }
}

export function intInRange(value: number | null | undefined, min: number, max: number, field: string) {
  if (value == null) return undefined;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(`${field} must be an integer ${min}–${max}, got ${value}`, field);
  }
  return value;
}

export function nonEmpty(value: string | null | undefined, field: string, max = 10_000): string {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) throw new ValidationError(`${field} is required and must not be blank`, field);
  if (value && value.length > max)
    throw new ValidationError(`${field} must be at most ${max} characters`, field);
  return value as string;
}

export function httpUrl(value: string | null | undefined, field: string): string | undefined {
  if (value == null) return undefined;
  if (value.length > MAX_URL_LENGTH)
    throw new ValidationError(`${field} must be at most ${MAX_URL_LENGTH} characters`, field);
  // The URL parser silently drops tabs and newlines; 100ms would receive what we checked.
  if (/\s/.test(value)) throw new ValidationError(`${field} must not contain whitespace`, field);
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new ValidationError(`${field} must be an http(s) URL`, field);
  }
  return value;
}

/** 100ms room names: letters, digits and `.-:_` (https://www.100ms.live/docs/server-side/v2/api-reference/Rooms/create-via-api). */
export function roomName(value: string | null | undefined, field: string): string | undefined {
  if (value == null) return undefined;
  if (!/^[a-zA-Z0-9.\-:_]{1,100}$/.test(value)) {
    throw new ValidationError(
      `${field} may only contain letters, digits and . - : _ (1–100 characters), got ${JSON.stringify(value)}`,
      field,
    );
  }
  return value;
}

export function exactlyOne(values: Record<string, unknown>, what: string): string {
  const given = Object.entries(values).filter(([, v]) => v != null && v !== '');
  if (given.length !== 1) {
    const names = Object.keys(values).join(' or ');
    throw new ValidationError(
      `Give exactly one of ${names} (${what})`,
      given[1]?.[0] ?? given[0]?.[0] ?? null,
    );
  }
  return (given[0] as [string, unknown])[0];
}

/** The room, or a NotFoundError naming it. */
export async function roomOrNotFound(ctx: Context, roomId: string) {
  try {
    return await ctx.loaders.room.load(roomId);
  } catch (error) {
    if (error instanceof HmsNotFoundError)
      throw new NotFoundError(`Room ${JSON.stringify(roomId)} not found`);
    throw error;
  }
}

/** Role names must exist in the room's template (room codes, tokens, role changes). */
export async function assertRoleInRoom(
  ctx: Context,
  roomId: string,
  role: string,
  field: string,
): Promise<void> {
  const room = await roomOrNotFound(ctx, roomId);
  const template = await ctx.loaders.template.load(room.template_id);
  if (!template.roles?.[role]) {
    const known = Object.keys(template.roles ?? {})
      .sort()
      .join(', ');
    throw new ValidationError(
      `Role ${JSON.stringify(role)} is not in the room's template (roles: ${known})`,
      field,
    );
  }
}
