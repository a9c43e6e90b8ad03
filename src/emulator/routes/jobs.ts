/**
 * What recordings, live streams and external streams share (https://www.100ms.live/docs/server-side/v2/api-reference/recordings/overview): list filters,
 * lookups, start preconditions, stop semantics, and the optional body parts they have in common.
 */
import type { JobStatus, Resolution, TranscriptionOptions } from '../../hms/types.js';
import {
  ApiError,
  type Body,
  badRequest,
  forbidden,
  invalidBodyParam,
  invalidQueryParam,
  notFound,
} from '../http.js';
import type { JobKind, JobRecord, RoomRecord, SessionRecord } from '../model.js';
import { LIMIT_1_100, paginate, resolveLimit } from '../paginate.js';
import { renderJob } from '../render.js';
import type { RouteContext } from '../router.js';
import { LIVE_JOB_STATUSES, type Store } from '../store.js';
import { findRoom } from './rooms.js';

const STATUSES = new Set<JobStatus>([
  'starting',
  'running',
  'stopping',
  'post_processing',
  'completed',
  'failed',
]);

export const KIND_LABEL: Record<JobKind, string> = {
  recording: 'recording',
  'live-stream': 'live stream',
  'external-stream': 'external stream',
};

export function jobsOf<K extends JobKind>(store: Store, kind: K): Extract<JobRecord, { kind: K }>[] {
  return [...store.jobs.values()].filter((job): job is Extract<JobRecord, { kind: K }> => job.kind === kind);
}

export function findJob<K extends JobKind>(
  store: Store,
  kind: K,
  id: string,
): Extract<JobRecord, { kind: K }> {
  const job = store.jobs.get(id);
  if (!job || job.kind !== kind)
    throw notFound(`Error: ${KIND_LABEL[kind]} not found`, `no ${KIND_LABEL[kind]} with id ${id}`);
  return job as Extract<JobRecord, { kind: K }>;
}

export function listJobs(kind: JobKind) {
  return ({ store, query }: RouteContext) => {
    const roomId = query.objectId('room_id');
    const sessionId = query.objectId('session_id');
    const status = query.string('status');
    if (status !== undefined && !STATUSES.has(status as JobStatus)) {
      throw invalidQueryParam('status', `status must be one of ${[...STATUSES].join(', ')}`);
    }
    const limit = resolveLimit(query.int('limit'), LIMIT_1_100);
    const start = query.string('start');
    query.done();
    const jobs = jobsOf(store, kind).filter(
      (job) =>
        (roomId === undefined || job.roomId === roomId) &&
        (sessionId === undefined || job.sessionId === sessionId) &&
        (status === undefined || job.status === status),
    );
    const key = (job: JobRecord) => ({ createdAt: job.createdAt, key: job.id });
    const page = paginate(jobs, key, limit, start, (id) => {
      const job = store.jobs.get(id);
      return job?.kind === kind ? key(job) : undefined;
    });
    return { limit, data: page.items.map((job) => renderJob(store, job, false)), last: page.last };
  };
}

export function getJob(kind: JobKind) {
  return ({ store, params, query }: RouteContext) => {
    query.done();
    return renderJob(store, findJob(store, kind, params.id as string), true);
  };
}

/**
 * Preconditions of every start (the docs are silent on all three; inferred):
 * - a disabled room answers 403 "Room is disabled", as room codes and stream keys do;
 * - a job needs a live session to attach to (jobs carry `session_id`), so an idle room is a
 *   400 "room is not active" — the API uses 400 for state conflicts such as "Active key already
 *   exists";
 * - one live job of a kind per room: a second start while one is starting or running is a 400
 *   "already running" rather than 409, for the same reason.
 */
export function startPreconditions(
  store: Store,
  kind: JobKind,
  roomId: string,
): { room: RoomRecord; session: SessionRecord } {
  const room = findRoom(store, roomId);
  if (!room.enabled) throw forbidden('Room is disabled', `room ${room.id} is disabled`);
  const session = store.activeSession(room.id);
  if (!session)
    throw badRequest(
      'Error: room is not active',
      `room ${room.id} has no live session to ${kind === 'recording' ? 'record' : 'stream'}`,
    );
  const running = jobsOf(store, kind).find(
    (job) => job.roomId === room.id && LIVE_JOB_STATUSES.has(job.status),
  );
  if (running)
    throw badRequest(
      `Error: ${KIND_LABEL[kind]} already running`,
      `${KIND_LABEL[kind]} ${running.id} is ${running.status}`,
    );
  return { room, session };
}

/**
 * `meeting_url` is optional when the template has a subdomain (dashboard templates), required
 * otherwise (https://www.100ms.live/docs/server-side/v2/api-reference/recordings/overview). The default opens the room as its least privileged subscriber.
 */
export function resolveMeetingUrl(store: Store, room: RoomRecord, given: string | undefined): string {
  if (given !== undefined) {
    if (!/^https?:\/\/[^\s/]+/.test(given))
      throw invalidBodyParam('meeting_url', 'meeting_url must be an http(s) URL');
    return given;
  }
  const template = store.templateOf(room);
  if (!template.subdomain)
    throw badRequest(
      'Invalid body param: meeting_url',
      'meeting_url is required: the template has no subdomain',
    );
  const roles = Object.values(template.roles);
  const viewer = roles.find((role) => (role.publishParams?.allowed ?? []).length === 0) ?? roles[0];
  return `https://${template.subdomain}.app.100ms.live/preview/${room.id}/${viewer?.name ?? 'viewer'}?skip_preview=true`;
}

/** Only needed (and only checked) against the template's destinations of the job's type. */
export function resolveDestination(
  store: Store,
  room: RoomRecord,
  kind: JobKind,
  given: string | undefined,
): string {
  if (given === undefined) return '';
  const group = {
    recording: 'browserRecordings',
    'live-stream': 'hlsDestinations',
    'external-stream': 'rtmpDestinations',
  }[kind];
  const destinations = (store.templateOf(room).destinations[group] ?? {}) as Record<string, unknown>;
  if (!(given in destinations))
    throw invalidBodyParam('destination', `no ${group} destination named ${given}`);
  return given;
}

/** Bounds of the external-stream page (https://www.100ms.live/docs/server-side/v2/api-reference/external-streams/overview), applied to recordings too (inferred). */
export function readResolution(body: Body | undefined, field: string): Resolution | undefined {
  if (!body) return undefined;
  const width = body.int('width');
  const height = body.int('height');
  body.done();
  if (width === undefined || height === undefined)
    throw invalidBodyParam(field, `${field} needs width and height`);
  const landscape = width >= height;
  const ok = landscape
    ? width >= 500 && width <= 1920 && height >= 480 && height <= 1080
    : width >= 500 && width <= 1080 && height >= 500 && height <= 1920;
  if (!ok) {
    throw invalidBodyParam(
      field,
      'resolution must be within 500x480..1920x1080 (landscape) or 500x500..1080x1920 (portrait)',
    );
  }
  return { width, height };
}

export function readTranscription(
  body: Body | undefined,
  allowedModes: string[],
): TranscriptionOptions | null {
  if (!body) return null;
  const enabled = body.bool('enabled');
  const modes = body.stringArray('modes');
  const outputModes = body.stringArray('output_modes');
  const vocabulary = body.stringArray('custom_vocabulary');
  const summaryBody = body.object('summary');
  body.done();
  const badMode = modes?.find((mode) => !allowedModes.includes(mode));
  if (badMode !== undefined)
    throw invalidBodyParam('transcription.modes', `mode ${badMode} is not allowed here`);
  const badOutput = outputModes?.find((mode) => !['txt', 'srt', 'json'].includes(mode));
  if (badOutput !== undefined)
    throw invalidBodyParam('transcription.output_modes', `output mode ${badOutput} is unknown`);
  // `enabled` is optional: "Set this to true to enable transcription"; absent means off (Go's
  // zero value; https://www.100ms.live/docs/server-side/v2/api-reference/recordings/start-recording-for-room).
  const options: TranscriptionOptions = { enabled: enabled ?? false };
  if (modes) options.modes = modes as TranscriptionOptions['modes'];
  if (outputModes) options.output_modes = outputModes as TranscriptionOptions['output_modes'];
  if (vocabulary) options.custom_vocabulary = vocabulary;
  if (summaryBody) {
    const summaryEnabled = summaryBody.bool('enabled');
    const context = summaryBody.string('context');
    const temperature = summaryBody.number('temperature');
    const sections = summaryBody.raw('sections');
    summaryBody.done();
    if (context !== undefined && context.length > 300)
      throw invalidBodyParam('transcription.summary.context', 'at most 300 characters');
    if (temperature !== undefined && (temperature < 0.1 || temperature > 1)) {
      throw invalidBodyParam('transcription.summary.temperature', 'temperature must be between 0.1 and 1.0');
    }
    const parsedSections: Array<{ title: string; format: 'bullets' | 'paragraph' }> = [];
    if (sections !== undefined) {
      if (!Array.isArray(sections) || sections.length > 6)
        throw invalidBodyParam('transcription.summary.sections', 'at most 6 sections');
      for (const section of sections) {
        const s = section as { title?: unknown; format?: unknown };
        if (
          typeof section !== 'object' ||
          section === null ||
          typeof s.title !== 'string' ||
          s.title.length > 100 ||
          (s.format !== 'bullets' && s.format !== 'paragraph') ||
          Object.keys(section).some((k) => k !== 'title' && k !== 'format')
        ) {
          throw invalidBodyParam(
            'transcription.summary.sections',
            'each section is {title ≤ 100 chars, format: bullets|paragraph}',
          );
        }
        parsedSections.push({ title: s.title, format: s.format });
      }
    }
    options.summary = {
      enabled: summaryEnabled ?? false,
      ...(context !== undefined ? { context } : {}),
      ...(temperature !== undefined ? { temperature } : {}),
      ...(sections !== undefined ? { sections: parsedSections } : {}),
    };
  }
  return options;
}

/** Stop by id: only a starting or running job can be stopped; a second stop is a 400. */
export function stopById(kind: JobKind) {
  return (ctx: RouteContext) => {
    const { store, params } = ctx;
    ctx.body().done();
    const job = findJob(store, kind, params.id as string);
    if (!LIVE_JOB_STATUSES.has(job.status)) {
      throw badRequest(
        `Error: ${KIND_LABEL[kind]} is not running`,
        `${KIND_LABEL[kind]} ${job.id} is ${job.status}`,
      );
    }
    store.stopJob(job, '');
    return renderJob(store, job, true);
  };
}

/**
 * Stop all for a room answers the list envelope of the jobs it stopped (https://www.100ms.live/docs/server-side/v2/introduction/request-and-response). With
 * nothing to stop it still answers 200 with an empty list: stopping is idempotent from the
 * caller's point of view (inferred; the docs show only the success case).
 */
export function stopAllForRoom(kind: JobKind) {
  return (ctx: RouteContext) => {
    const { store, params } = ctx;
    ctx.body().done();
    const room = findRoom(store, params.id as string);
    const now = store.nowUs();
    const stopped = jobsOf(store, kind).filter(
      (job) => job.roomId === room.id && LIVE_JOB_STATUSES.has(job.status),
    );
    for (const job of stopped) store.stopJob(job, '', now, 'client request');
    const data = stopped.map((job) => renderJob(store, job, false));
    // The docs contradict themselves: the recordings page shows `limit: 1` (the item count) and
    // items with `recording_assets: null`; the live-streams page shows `limit: 10`. We take the
    // list envelope's own meaning (https://www.100ms.live/docs/server-side/v2/api-reference/recordings/stop-recording-for-room):
    // `limit` is the page size the server filled (the default 10), `last` the id of the last
    // item, and items are list items, without `recording_assets` (single-object GETs carry it).
    return { limit: LIMIT_1_100.default, data, last: data.at(-1)?.id ?? '' };
  };
}

export function requireRunning(job: JobRecord): void {
  if (job.status !== 'running') {
    throw new ApiError(400, `Error: ${KIND_LABEL[job.kind]} is not running`, [
      `${KIND_LABEL[job.kind]} ${job.id} is ${job.status}`,
    ]);
  }
}
