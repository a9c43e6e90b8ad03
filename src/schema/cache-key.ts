/**
 * `id` for objects that are not Nodes (they cannot be fetched on their own) but that a client may
 * see twice, so normalised caches (Apollo, urql graphcache, Relay) keep one copy and update it in
 * place. Encoded like Node ids (`base64("Type:key")`), so ids never collide across types; `node()`
 * refuses them with BAD_USER_INPUT.
 */
import { globalIdOf } from './global-id.js';

export const CACHE_KEY_DESCRIPTION =
  'Stable, unique key of this object for normalised caches (Apollo, urql graphcache, Relay). Not accepted by `node`: load the object through its parent.';

export const cacheKey = (typename: string, ...parts: string[]) => globalIdOf(typename, parts.join('/'));
