/**
 * graphql-armor's limits (tokens, directives, aliases, depth; field suggestions hidden when callers
 * authenticate), from its per-limit packages, in the order graphql-armor's EnvelopArmorPlugin
 * applies them. The umbrella package declares `@apollo/server` as an optional peer, which npm
 * then counts as a production dependency (9 MB of Apollo in `npm ls --omit=dev`); the per-limit
 * packages have no peers. Its cost limit is not used: the upstream-call budget is the gateway's.
 */
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { Plugin } from 'graphql-yoga';

export interface ArmorOptions {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  /** @default 50 */
  maxDirectives?: number;
  /** Hide "Did you mean …?" suggestions (they leak the schema to callers who cannot introspect it). */
  blockFieldSuggestions: boolean;
}

export function useArmor(options: ArmorOptions): Plugin {
  const plugins = [
    ...(options.blockFieldSuggestions ? [blockFieldSuggestionsPlugin()] : []),
    maxTokensPlugin({ n: options.maxTokens }),
    maxDirectivesPlugin({ n: options.maxDirectives ?? 50 }),
    maxAliasesPlugin({ n: options.maxAliases }),
    maxDepthPlugin({ n: options.maxDepth, flattenFragments: true }),
  ];
  return {
    onPluginInit({ addPlugin }) {
      for (const plugin of plugins) addPlugin(plugin as Plugin);
    },
  };
}
