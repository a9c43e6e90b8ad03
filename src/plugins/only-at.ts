import type { Plugin } from 'graphql-yoga';

/**
 * Runs a plugin's `onRequest` only for one path, and answers every other request synchronously:
 * a route plugin's `async onRequest` cost each GraphQL request a promise and a microtask turn.
 */
export function onlyAt(pathname: string, plugin: Plugin): Plugin {
  const { onRequest } = plugin;
  if (!onRequest) return plugin;
  return {
    ...plugin,
    onRequest: (payload) => (payload.url.pathname === pathname ? onRequest(payload) : undefined),
  };
}
