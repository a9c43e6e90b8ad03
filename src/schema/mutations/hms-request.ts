/**
 * Parity with the SDK's `api.get/post` escape hatch, for endpoints 100ms adds before the graph
 * models them (every documented one has a typed field or mutation). Admin-only: it bypasses `hms_rooms`
 * and the typed graph. Every use is logged (method and path, never the body).
 */
import { builder } from '../builder.js';
import { runMutation } from '../mutation.js';
import { MUTATION_ERRORS, ValidationError } from '../mutation-errors.js';

const MethodEnum = builder.enumType('HmsRequestMethod', {
  description: 'HTTP method of a raw 100ms API call.',
  values: {
    GET: { value: 'GET', description: 'Read.' },
    POST: { value: 'POST', description: 'Create or change; send `body`.' },
    DELETE: { value: 'DELETE', description: 'Delete.' },
  } as const,
});

const BAD_PATH =
  'input.path must be a 100ms API path such as /polls/{id} (no host, query string, fragment, ' +
  '. or .. segments, encoded separators or control characters)';

/** Bytes that must never reach 100ms percent-encoded: they would turn into separators or dot segments on a server that decodes before routing. */
const FORBIDDEN_ENCODED = new Set(['.', '/', '\\', ';', '?', '#']);

/** `/v2/polls/x` or `/polls/x`: always relative to the configured 100ms API base. */
export function apiPath(raw: string): string {
  const path = raw.trim().replace(/^\/v2(?=\/)/, '');
  if (
    path.length > 2048 ||
    !/^\/[A-Za-z0-9._~%:@!$&'()*+,=/-]*$/.test(path) ||
    path.startsWith('//') ||
    /(^|\/)\.\.?(\/|$)/.test(path)
  ) {
    throw new ValidationError(BAD_PATH, 'input.path');
  }
  const escapes = path.match(/%.{0,2}/g) ?? [];
  for (const sequence of escapes) {
    if (!/^%[0-9A-Fa-f]{2}$/.test(sequence)) throw new ValidationError(BAD_PATH, 'input.path');
    const code = Number.parseInt(sequence.slice(1), 16);
    if (code < 0x20 || code === 0x7f || FORBIDDEN_ENCODED.has(String.fromCharCode(code))) {
      throw new ValidationError(BAD_PATH, 'input.path');
    }
  }
  try {
    decodeURIComponent(path);
  } catch {
    // Not UTF-8 once decoded (e.g. %C0%AE, an overlong "."): malformed.
    throw new ValidationError(BAD_PATH, 'input.path');
  }
  return path;
}

builder.mutationFields((t) => ({
  hmsRequest: t.fieldWithInput({
    description:
      'Calls any 100ms v2 endpoint directly. Needs the hms:admin scope; bypasses room restrictions.',
    type: 'JSON',
    nullable: true,
    skipTypeScopes: true,
    authScopes: { admin: true },
    errors: { types: MUTATION_ERRORS },
    input: {
      method: t.input.field({ type: MethodEnum, required: true, description: 'The HTTP method.' }),
      path: t.input.string({ required: true, description: 'Relative to the API base, e.g. /polls/{id}.' }),
      query: t.input.field({ type: 'JSON', description: 'Query parameters; arrays repeat the key.' }),
      body: t.input.field({ type: 'JSON', description: 'JSON body for POST.' }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'hmsRequest', input, async () => {
        const path = apiPath(input.path);
        const query = input.query ?? undefined;
        if (query !== undefined && (typeof query !== 'object' || query === null || Array.isArray(query))) {
          throw new ValidationError('input.query must be a JSON object', 'input.query');
        }
        if (input.method !== 'POST' && input.body != null) {
          throw new ValidationError(`input.body is only sent with POST, not ${input.method}`, 'input.body');
        }
        ctx.log.info(
          { requestId: ctx.requestId, caller: ctx.caller.subject, method: input.method, path },
          'hmsRequest',
        );
        return (
          (await ctx.hms.request(
            input.method,
            path,
            { query: query as Record<string, unknown> | undefined, body: input.body ?? undefined },
            ctx.upstream,
          )) ?? null
        );
      }),
  }),
}));
