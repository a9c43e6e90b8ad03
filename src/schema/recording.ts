import { badUserInput } from '../errors.js';
import type { JobListQuery } from '../hms/types.js';
import { builder } from './builder.js';
import { loadNodes, parseConnectionArgs, parseId, parseScopedId, toConnection } from './connection.js';
import { JobStatus, LegacyRecordingStatus, UNKNOWN_VALUE } from './enums.js';
import { JobRef, parseScopedLocalId, scopedLocalId } from './job.js';
import { pageArgs, RecordingConnection, RecordingRef } from './refs.js';

builder.node(RecordingRef, {
  description:
    'A browser (composite) recording job: 100ms’s recorder joins the room and records what a viewer would see.',
  interfaces: [JobRef],
  id: { resolve: scopedLocalId },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.recording, ids.map(parseScopedLocalId)),
  fields: (t) => ({
    assetTypes: t.stringList({
      description:
        'Kinds of assets this job was asked to produce, as 100ms names them (room-composite, chat, transcript, summary); empty when 100ms did not say.',
      resolve: (r) => r.asset_types ?? [],
    }),
  }),
});

/** Filters shared by every job list (recordings, live and external streams). */
export const JobFilter = {
  toQuery(
    f:
      | {
          roomId?: string | number | null;
          sessionId?: string | number | null;
          status?: string | null;
          jobStatus?: string | null;
        }
      | null
      | undefined,
  ): JobListQuery {
    const status = f?.jobStatus ?? f?.status;
    if (status === UNKNOWN_VALUE)
      throw badUserInput('`filter.jobStatus` UNKNOWN cannot be used as a filter', 'filter.jobStatus');
    return {
      ...(f?.roomId != null && { room_id: parseId(String(f.roomId), 'Room', 'filter.roomId') }),
      ...(f?.sessionId != null && {
        session_id: parseId(String(f.sessionId), 'Session', 'filter.sessionId'),
      }),
      ...(status != null && { status }),
    };
  },
};

/** Filter fields shared by `RecordingFilter` and `StreamFilter`. */
export const jobFilterFields = (kind: string) => ({
  roomId: { description: `Only ${kind} of this room (100ms room id or Room global id).` },
  sessionId: { description: `Only ${kind} of this session (100ms session id or Session global id).` },
  jobStatus: { description: `Only ${kind} in this state (UNKNOWN is refused).` },
  status: {
    description: 'Deprecated alias of `jobStatus`.',
    deprecationReason: 'Use `jobStatus` (type `JobStatus`, same values).',
  },
});

const recordingFilterText = jobFilterFields('recordings');
const RecordingFilter = builder.inputType('RecordingFilter', {
  description: 'Narrows `recordings`; fields combine with AND.',
  fields: (t) => ({
    roomId: t.id(recordingFilterText.roomId),
    sessionId: t.id(recordingFilterText.sessionId),
    jobStatus: t.field({ type: JobStatus.ref, ...recordingFilterText.jobStatus }),
    status: t.field({ type: LegacyRecordingStatus.ref, ...recordingFilterText.status }),
  }),
});

builder.queryFields((t) => ({
  recording: t.field({
    type: RecordingRef,
    nullable: true,
    description:
      'A browser recording by its global id or 100ms job id. Null plus a NOT_FOUND error when it does not exist.',
    args: {
      id: t.arg.id({
        required: true,
        description:
          'The Recording global `id` (preferred: it carries the session, so loading batches), or the 100ms job id.',
      }),
    },
    resolve: (_root, args, ctx) => ctx.loaders.recording.load(parseScopedId(String(args.id), 'Recording')),
  }),
  recordings: t.field({
    type: RecordingConnection,
    description: 'Browser recordings of the workspace.',
    args: {
      ...pageArgs(t.arg),
      filter: t.arg({ type: RecordingFilter, description: 'Narrow the list; all recordings when omitted.' }),
    },
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
