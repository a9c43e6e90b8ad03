/**
 * RTMP ingest stream keys (https://www.100ms.live/docs/server-side/v2/api-reference/live-streams/create-rtmp-stream-key):
 * an encoder (OBS and the like) pushes to `url` with `key` and appears in the room as a peer.
 * One active key per room; to rotate, disable and create.
 */
import { HmsNotFoundError } from '../hms/errors.js';
import type { StreamKey } from '../hms/types.js';
import { builder } from './builder.js';
import { CACHE_KEY_DESCRIPTION, cacheKey } from './cache-key.js';
import { inputId, roomOrNotFound, runMutation } from './mutation.js';
import { ForbiddenError, MUTATION_ERRORS, NotFoundError } from './mutation-errors.js';
import { RoomRef } from './refs.js';

export const StreamKeyRef = builder.objectRef<StreamKey>('StreamKey').implement({
  description: 'An RTMP ingest key of a room: where an external encoder sends its stream.',
  fields: (t) => ({
    id: t.id({ description: CACHE_KEY_DESCRIPTION, resolve: (k) => cacheKey('StreamKey', k.id) }),
    hmsId: t.exposeString('id', { description: 'The 100ms stream key id.' }),
    url: t.exposeString('url', { description: 'The RTMP ingest URL (the encoder’s server).' }),
    key: t.exposeString('key', {
      description: 'The stream key (secret): whoever has it can broadcast into the room.',
    }),
    enabled: t.exposeBoolean('enabled', {
      description: 'False once disabled; a disabled key never comes back.',
    }),
    roomId: t.exposeString('room_id', { description: 'The 100ms room id.' }),
    room: t.field({
      type: RoomRef,
      description: 'The room the key streams into.',
      resolve: (k, _args, ctx) => ctx.loaders.room.load(k.room_id),
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When it was created.',
      resolve: (k) => k.created_at,
    }),
    updatedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Last change (e.g. disabling).',
      resolve: (k) => k.updated_at,
    }),
  }),
});

builder.objectField(RoomRef, 'streamKeys', (t) =>
  t.field({
    type: [StreamKeyRef],
    description:
      'The room’s active RTMP ingest key (100ms keeps one per room); empty when it has none or the room is disabled.',
    resolve: async (room, _args, ctx) => {
      if (!room.enabled) return [];
      try {
        return (await ctx.send('streamKeys.get', { params: { id: room.id } }, ctx.upstream)).items;
      } catch (error) {
        // "No active key found".
        if (error instanceof HmsNotFoundError) return [];
        throw error;
      }
    },
  }),
);

async function usableRoom(ctx: Parameters<typeof roomOrNotFound>[0], roomId: string) {
  const room = await roomOrNotFound(ctx, roomId);
  if (!room.enabled)
    throw new ForbiddenError(
      `Room ${JSON.stringify(room.name)} is disabled; stream keys need an enabled room`,
    );
  return room;
}

builder.mutationFields((t) => ({
  createStreamKey: t.fieldWithInput({
    description:
      'Creates the room’s RTMP ingest key. A room has one active key: disable the old one first (`ValidationError` otherwise).',
    type: StreamKeyRef,
    errors: { types: MUTATION_ERRORS },
    input: { roomId: t.input.id({ required: true, description: '100ms room id or Room global id.' }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'createStreamKey', input, async () => {
        const roomId = inputId(input.roomId, 'Room', 'input.roomId');
        await usableRoom(ctx, roomId);
        return ctx.send('streamKeys.create', { params: { id: roomId } }, ctx.upstream);
      }),
  }),
  disableStreamKey: t.fieldWithInput({
    description:
      'Disables the room’s active ingest key, cutting off a live ingest. Returns the key as it now is.',
    type: StreamKeyRef,
    errors: { types: MUTATION_ERRORS },
    input: { roomId: t.input.id({ required: true, description: '100ms room id or Room global id.' }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'disableStreamKey', input, async () => {
        const roomId = inputId(input.roomId, 'Room', 'input.roomId');
        await usableRoom(ctx, roomId);
        let key: StreamKey | undefined;
        try {
          key = (await ctx.send('streamKeys.get', { params: { id: roomId } }, ctx.upstream)).items[0];
        } catch (error) {
          if (!(error instanceof HmsNotFoundError)) throw error;
        }
        if (!key) throw new NotFoundError(`Room ${JSON.stringify(roomId)} has no active stream key`);
        await ctx.send('streamKeys.disable', { params: { id: roomId } }, ctx.upstream);
        return { ...key, enabled: false, updated_at: new Date().toISOString() };
      }),
  }),
}));
