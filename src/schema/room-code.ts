import { builder } from './builder.js';
import { CACHE_KEY_DESCRIPTION, cacheKey } from './cache-key.js';
import { RoomCodeRef, RoomRef } from './refs.js';

builder.objectType(RoomCodeRef, {
  description:
    'A short code (xxx-xxxx-xxx) that lets a client join a room with one role. Codes never expire.',
  fields: (t) => ({
    id: t.id({ description: CACHE_KEY_DESCRIPTION, resolve: (code) => cacheKey('RoomCode', code.code) }),
    code: t.exposeString('code', {
      description: 'The code itself, e.g. `abc-defg-hij`; put it in a join link.',
    }),
    role: t.exposeString('role', { description: 'The role a peer joining with this code gets.' }),
    enabled: t.exposeBoolean('enabled', {
      description: 'False when the code was turned off (it no longer lets anyone join).',
    }),
    room: t.field({
      type: RoomRef,
      nullable: true,
      description: 'The room the code joins. Null only when loading it failed.',
      resolve: (code, _args, ctx) => ctx.loaders.room.load(code.room_id),
    }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the code was created; null when 100ms does not say.',
      resolve: (code) => code.created_at || null,
    }),
    updatedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Last time the code was enabled or disabled; null when never.',
      resolve: (code) => code.updated_at,
    }),
  }),
});
