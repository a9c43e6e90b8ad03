/** Adds the request's `ctx.warnings` to the result as `extensions.warnings`. */
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';

export function useWarnings(): Plugin<Context> {
  return {
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const warnings = (args.contextValue as Context).warnings;
          if (!warnings?.length) return;
          setResult({ ...result, extensions: { ...result.extensions, warnings: [...warnings] } });
        },
      };
    },
  };
}
