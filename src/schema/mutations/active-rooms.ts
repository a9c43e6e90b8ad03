/** Live-session controls: messages, removing peers, ending the session, changing a peer. */
import type { SendMessageBody, UpdatePeerBody } from '../../hms/types.js';
import { builder } from '../builder.js';
import { assertRoleInRoom, exactlyOne, inputId, nonEmpty, roomOrNotFound, runMutation } from '../mutation.js';
import { MUTATION_ERRORS, NotFoundError, ValidationError } from '../mutation-errors.js';
import { ActivePeerRef, RoomRef } from '../refs.js';

const MessageReceiptRef = builder.simpleObject('MessageReceipt', {
  description: 'What 100ms accepted for delivery.',
  fields: (t) => ({
    roomId: t.string({ description: 'The 100ms room id.' }),
    peerId: t.string({
      nullable: true,
      description: 'The one peer it was sent to; null unless sent to a peer.',
    }),
    role: t.string({ nullable: true, description: 'The role it was sent to; null unless sent to a role.' }),
    broadcast: t.boolean({ description: 'True when it went to everyone in the room.' }),
    upstreamMessage: t.string({ description: 'The acknowledgement 100ms sent, e.g. "message sent".' }),
  }),
});

const RemovalRef = builder.simpleObject('PeerRemoval', {
  description: 'What 100ms accepted to remove.',
  fields: (t) => ({
    roomId: t.string({ description: 'The 100ms room id.' }),
    peerId: t.string({
      nullable: true,
      description: 'The removed peer; null when a whole role was removed.',
    }),
    role: t.string({ nullable: true, description: 'The removed role; null when one peer was removed.' }),
    upstreamMessage: t.string({ description: 'The acknowledgement 100ms sent.' }),
  }),
});

builder.mutationFields((t) => ({
  sendMessage: t.fieldWithInput({
    description: 'Sends a message to everyone, to one role, or to one peer of the live session.',
    type: MessageReceiptRef,
    errors: { types: MUTATION_ERRORS },
    input: {
      roomId: t.input.id({ required: true, description: 'The 100ms room id or Room global id.' }),
      message: t.input.string({
        required: true,
        description: 'The message text (or payload of a custom type).',
      }),
      peerId: t.input.string({ description: 'Only this peer receives it.' }),
      role: t.input.string({ description: 'Only peers of this role receive it.' }),
      type: t.input.string({ description: 'chat (default), emoji, or a custom type such as custom_event.' }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'sendMessage', input, async () => {
        const roomId = inputId(input.roomId, 'Room', 'input.roomId');
        const message = nonEmpty(input.message, 'input.message', 4096);
        if (input.peerId && input.role) {
          throw new ValidationError(
            'Give peerId or role, not both (a peer id would win upstream)',
            'input.role',
          );
        }
        // `peer_id` on the wire: the official SDK sends `peerId`, which 100ms ignores.
        const body: SendMessageBody = { message };
        if (input.peerId) body.peer_id = input.peerId;
        if (input.role) {
          await assertRoleInRoom(ctx, roomId, input.role, 'input.role');
          body.role = input.role;
        }
        if (input.type) body.type = input.type;
        const answer = await ctx.hms.activeRooms.sendMessage(roomId, body, ctx.upstream);
        return {
          roomId,
          peerId: input.peerId ?? null,
          role: input.role ?? null,
          broadcast: !input.peerId && !input.role,
          upstreamMessage: answer?.message ?? '',
        };
      }),
  }),
  removePeers: t.fieldWithInput({
    description: 'Removes one peer, or every peer of a role, from the live session.',
    type: RemovalRef,
    errors: { types: MUTATION_ERRORS },
    input: {
      roomId: t.input.id({ required: true, description: 'The 100ms room id or Room global id.' }),
      peerId: t.input.string({ description: 'Remove this peer (give peerId or role).' }),
      role: t.input.string({ description: 'Remove every peer of this role (give peerId or role).' }),
      reason: t.input.string({ description: 'Shown to the removed peers.' }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'removePeers', input, async () => {
        const roomId = inputId(input.roomId, 'Room', 'input.roomId');
        const target = exactlyOne(
          { 'input.peerId': input.peerId, 'input.role': input.role },
          'whom to remove',
        );
        const reason = input.reason ?? undefined;
        const answer =
          target === 'input.peerId'
            ? await ctx.hms.activeRooms.removePeers(
                roomId,
                { peer_id: input.peerId as string, reason },
                ctx.upstream,
              )
            : await ctx.hms.activeRooms.removePeers(
                roomId,
                { role: input.role as string, reason },
                ctx.upstream,
              );
        ctx.loaders.activeRoom.clear(roomId);
        return {
          roomId,
          peerId: input.peerId ?? null,
          role: input.role ?? null,
          upstreamMessage: answer?.message ?? '',
        };
      }),
  }),
  endActiveRoom: t.fieldWithInput({
    description: 'Ends the live session for everyone. With lock, the room is also disabled.',
    type: RoomRef,
    errors: { types: MUTATION_ERRORS },
    input: {
      roomId: t.input.id({ required: true, description: 'The 100ms room id or Room global id.' }),
      reason: t.input.string({ description: 'Shown to the peers.' }),
      lock: t.input.boolean({ description: 'Also disable the room so nobody can rejoin.' }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'endActiveRoom', input, async () => {
        const roomId = inputId(input.roomId, 'Room', 'input.roomId');
        await ctx.hms.activeRooms.end(
          roomId,
          {
            ...(input.reason != null && { reason: input.reason }),
            ...(input.lock != null && { lock: input.lock }),
          },
          ctx.upstream,
        );
        ctx.loaders.activeRoom.clear(roomId);
        ctx.loaders.room.clear(roomId);
        await ctx.invalidate([['room', roomId]]);
        // The fresh room shows the lock (enabled: false) to the UI straight away.
        return roomOrNotFound(ctx, roomId);
      }),
  }),
  updatePeer: t.fieldWithInput({
    description: 'Renames a connected peer, changes its role, or replaces its metadata.',
    type: ActivePeerRef,
    errors: { types: MUTATION_ERRORS },
    input: {
      roomId: t.input.id({ required: true, description: 'The 100ms room id or Room global id.' }),
      peerId: t.input.string({ required: true, description: 'The 100ms peer id of the connected peer.' }),
      name: t.input.string({ description: 'New display name.' }),
      role: t.input.string({ description: 'New role (one of the room’s template).' }),
      metadata: t.input.string({ description: 'Usually stringified JSON.' }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'updatePeer', input, async () => {
        const roomId = inputId(input.roomId, 'Room', 'input.roomId');
        const peerId = nonEmpty(input.peerId, 'input.peerId', 200);
        const body: UpdatePeerBody = {};
        if (input.name != null) body.name = nonEmpty(input.name, 'input.name', 200);
        if (input.metadata != null) body.metadata = input.metadata;
        if (input.role != null) {
          await assertRoleInRoom(ctx, roomId, input.role, 'input.role');
          body.role = input.role;
        }
        if (Object.keys(body).length === 0) {
          throw new ValidationError('Nothing to update: give name, role or metadata', null);
        }
        const peer = await ctx.hms.activeRooms.updatePeer(roomId, peerId, body, ctx.upstream);
        if (!peer) throw new NotFoundError(`Peer ${JSON.stringify(peerId)} not found`);
        ctx.loaders.activePeer.clear({ roomId, peerId }).prime({ roomId, peerId }, peer);
        return { ...peer, room_id: roomId };
      }),
  }),
}));
