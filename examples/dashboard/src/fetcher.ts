/**
 * The one function the generated hooks (generated/hooks.ts) call: runs a typed document against the
 * gateway and returns its typed `data`. It sends the caller's bearer token, and by default only the
 * document's sha256 hash (persisted operations), so it works with GATEWAY_PERSISTED_OPERATIONS=require.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { UseMutationOptions, UseQueryOptions } from '@tanstack/react-query';

export interface FetcherSettings {
  /** @default '/graphql' (the dev server proxies it to the gateway) */
  endpoint: string;
  /** The caller's token, sent as `Authorization: Bearer …`; null sends none (demo mode needs none). */
  getToken: () => string | null;
  /**
   * Send the manifest hash instead of the document text. Needs GATEWAY_PERSISTED_OPERATIONS=allow or
   * require; turn off for a gateway that has persisted operations off. @default true
   */
  persisted: boolean;
}

let settings: FetcherSettings = { endpoint: '/graphql', getToken: () => null, persisted: true };

export function configureFetcher(changes: Partial<FetcherSettings>): void {
  settings = { ...settings, ...changes };
}

export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

/** A request the gateway refused or could not answer: HTTP failures and top-level GraphQL errors. */
export class GraphQLRequestError extends Error {
  readonly status: number;
  readonly errors: readonly GraphQLErrorEntry[];
  /** `extensions.code` of the first error (e.g. UNAUTHENTICATED, NOT_FOUND, PERSISTED_QUERY_NOT_FOUND). */
  readonly code: string | undefined;

  constructor(status: number, errors: readonly GraphQLErrorEntry[], fallback: string) {
    super(errors.map((e) => e.message).join('; ') || fallback);
    this.name = 'GraphQLRequestError';
    this.status = status;
    this.errors = errors;
    this.code = errors[0]?.extensions?.code;
  }
}

export type QueryHookOptions<TResult, TData = TResult> = Omit<
  UseQueryOptions<TResult, GraphQLRequestError, TData>,
  'queryKey' | 'queryFn'
>;
export type MutationHookOptions<TResult, TVariables> = Omit<
  UseMutationOptions<TResult, GraphQLRequestError, TVariables>,
  'mutationFn'
>;

interface DocumentMeta {
  __meta__?: { hash?: string };
}

function operationName(document: TypedDocumentNode<unknown, never>): string | undefined {
  for (const definition of document.definitions) {
    if (definition.kind === 'OperationDefinition') return definition.name?.value;
  }
  return undefined;
}

async function body(document: TypedDocumentNode<unknown, never>, variables: unknown): Promise<string> {
  const name = operationName(document);
  const hash = (document as DocumentMeta).__meta__?.hash;
  if (settings.persisted) {
    if (!hash) throw new Error(`${name ?? 'operation'} has no persisted hash: run npm run codegen`);
    // The manifest key is `sha256:<hex>`; the APQ extension carries the bare hex.
    const sha256Hash = hash.replace(/^sha256:/, '');
    return JSON.stringify({
      operationName: name,
      variables,
      extensions: { persistedQuery: { version: 1, sha256Hash } },
    });
  }
  // Loaded only when documents travel as text, so the persisted build does not ship the printer.
  const { print } = await import('graphql');
  return JSON.stringify({ query: print(document), operationName: name, variables });
}

export async function execute<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables?: TVariables,
  init: { signal?: AbortSignal } = {},
): Promise<TResult> {
  const headers: Record<string, string> = {
    // A JSON body is not a "simple" request, which is what the gateway's CSRF prevention wants.
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  const token = settings.getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(settings.endpoint, {
    method: 'POST',
    headers,
    body: await body(document as TypedDocumentNode<unknown, never>, variables ?? {}),
    signal: init.signal ?? null,
  });
  let payload: { data?: TResult | null; errors?: GraphQLErrorEntry[] };
  try {
    payload = (await response.json()) as typeof payload;
  } catch {
    throw new GraphQLRequestError(response.status, [], `HTTP ${response.status} ${response.statusText}`);
  }
  if (payload.data === undefined || payload.data === null) {
    throw new GraphQLRequestError(response.status, payload.errors ?? [], `HTTP ${response.status}`);
  }
  // A failing field leaves its siblings' data intact: show the data, report the rest.
  if (payload.errors?.length) console.warn(`${operationName(document) ?? 'operation'}:`, payload.errors);
  return payload.data;
}
