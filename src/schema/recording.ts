import { badUserInput } from '../errors.js';
import type { JobListQuery } from '../hms/types.js';
import { builder } from './builder.js';
import { loadNodes, parseConnectionArgs, parseId, parseScopedId, toConnection } from './connection.js';
import { JobStatus, UNKNOWN_VALUE } from './enums.js';
import { JobRef, parseScopedLocalId, scopedLocalId } from './job.js';
import { pageArgs, RecordingConnection, RecordingRef } from './refs.js';

builder.node(RecordingRef, {
  description: 'A browser (composite) recording job.',
  interfaces: [JobRef],
  id: { resolve: scopedLocalId },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.recording, ids.map(parseScopedLocalId)),
  fields: (t) => ({
    assetTypes: t.stringList({
      description: 'Kinds of assets this job produces (room-composite, chat, transcript, summary).',
      resolve: (r) => r.asset_types ?? [],
    }),
  }),
});

/** Filters shared by every job list (recordings, live and external streams). */
export const JobFilter = {
  toQuery(
    f:
      | { roomId?: string | number | null; sessionId?: string | number | null; status?: string | null }
      | null
      | undefined,
  ): JobListQuery {
    if (f?.status === UNKNOWN_VALUE)
      throw badUserInput('`filter.status` UNKNOWN cannot be used as a filter', 'filter.status');
    return {
      ...(f?.roomId != null && { room_id: parseId(String(f.roomId), 'Room', 'filter.roomId') }),
      ...(f?.sessionId != null && {
        session_id: parseId(String(f.sessionId), 'Session', 'filter.sessionId'),
      }),
      ...(f?.status != null && { status: f.status }),
    };
  },
};

const RecordingFilter = builder.inputType('RecordingFilter', {
  fields: (t) => ({
    roomId: t.id(),
    sessionId: t.id(),
    status: t.field({ type: JobStatus.ref }),
  }),
});

builder.queryFields((t) => ({
  recording: t.field({
    type: RecordingRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.recording.load(parseScopedId(String(args.id), 'Recording')),
  }),
  recordings: t.field({
    type: RecordingConnection,
    args: { ...pageArgs(t.arg), filter: t.arg({ type: RecordingFilter }) },
    resolve: async (_root, args, ctx) => {
      const { first, after } = parseConnectionArgs(args);
      const query = JobFilter.toQuery(args.filter);
      return toConnection(
        await ctx.loaders.recordingsPage.load({ query, first, after }),
        (r) => r.id,
        Boolean(after),
      );
    },
  }),
}));
