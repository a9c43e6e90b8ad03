import { builder } from './builder.js';
import { RoomCodeRef, RoomRef } from './refs.js';

builder.objectType(RoomCodeRef, {
  description:
    'A short code (xxx-xxxx-xxx) that lets a client join a room with one role. Codes never expire.',
  fields: (t) => ({
    code: t.exposeString('code'),
    role: t.exposeString('role'),
    enabled: t.exposeBoolean('enabled'),
    room: t.field({ type: RoomRef, resolve: (code, _args, ctx) => ctx.loaders.room.load(code.room_id) }),
    createdAt: t.field({ type: 'DateTime', nullable: true, resolve: (code) => code.created_at || null }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (code) => code.updated_at }),
  }),
});
