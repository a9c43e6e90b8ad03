import type { Plugin } from 'graphql-yoga';

/**
 * Runs a plugin's `onRequest` only for one path. Yoga's readiness plugin tests a URLPattern
 * against every request, which cost more than some whole cache-hit queries.
 */
export function onlyAt(pathname: string, plugin: Plugin): Plugin {
  const { onRequest } = plugin;
  if (!onRequest) return plugin;
  return {
    ...plugin,
    onRequest: (payload) => (payload.url.pathname === pathname ? onRequest(payload) : undefined),
  };
}
