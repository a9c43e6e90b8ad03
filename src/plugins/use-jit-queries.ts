/**
 * Queries run through graphql-jit: a document is compiled into JavaScript that resolves and
 * serialises its selection without graphql-js's per-field interpretation (about 6 % less CPU per
 * dashboard in `tsx bench/inprocess.ts --dashboard`). A document is compiled on its second
 * execution: one-off documents (exploration, a client probing) do not pay the compile, and yoga's
 * parser cache hands repeated query texts the same document object. Mutations and subscriptions
 * keep graphql-js's executor: they are rare, and gain nothing measurable from it.
 */
import { useGraphQlJit } from '@envelop/graphql-jit';
import { type DocumentNode, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export function useJitQueries(): Plugin {
  const seen = new WeakSet<DocumentNode>();
  return useGraphQlJit(
    {},
    {
      enableIf: ({ document, operationName }) => {
        if (getOperationAST(document, operationName ?? undefined)?.operation !== 'query') return false;
        if (seen.has(document)) return true;
        seen.add(document);
        return false;
      },
    },
  ) as Plugin;
}
