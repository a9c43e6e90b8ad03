/**
 * Webhook delivery history and replays (https://www.100ms.live/docs/server-side/v2/api-reference/analytics/list-webhook-events,
 * https://www.100ms.live/docs/server-side/v2/api-reference/analytics/replay-webhook-events): "did 100ms tell us?".
 * Workspace-wide data about every room's webhooks: `hms:admin` only, and never for a caller
 * confined by `hms_rooms` (the catalogue's `admin` room policy).
 */
import type { Context } from '../context.js';
import { badUserInput } from '../errors.js';
import { HmsNotFoundError } from '../hms/errors.js';
import type {
  WebhookDelivery,
  WebhookHistoryQuery,
  WebhookReplayBody,
  WebhookReplayStarted,
  WebhookReplayStatus,
} from '../hms/types.js';
import { builder } from './builder.js';
import { CACHE_KEY_DESCRIPTION, cacheKey } from './cache-key.js';
import { decodeCursor, encodeCursor, MAX_FIRST, parseConnectionArgs, parseId } from './connection.js';
import { upstreamEnum } from './enums.js';
import { inputId, runMutation } from './mutation.js';
import { MUTATION_ERRORS, ValidationError } from './mutation-errors.js';
import { RoomRef, SessionRef } from './refs.js';
import { loadSession } from './session-view.js';

/** Page size sent upstream: any window of `first` ≤ 100 items spans at most two pages. */
export const DELIVERY_PAGE = 100;
const DAY_MS = 24 * 60 * 60 * 1000;
/** History and replays reach 30 days back, in windows of at most 14 days (same docs pages). */
const RETENTION_MS = 30 * DAY_MS;
const MAX_WINDOW_MS = 14 * DAY_MS;

/** The event types the history and replay APIs accept in `event_names`. */
export const WEBHOOK_EVENT_NAMES = [
  'session.open.success',
  'session.close.success',
  'peer.join.success',
  'peer.leave.success',
  'recording.success',
  'recording.failed',
  'transcription.success',
  'beam.started.success',
  'beam.stopped.success',
  'beam.recording.success',
  'hls.recording.success',
  'stream.recording.success',
] as const;

/** A delivery record and the room it belongs to, or null when it is gone or hidden. */
async function orNull<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof HmsNotFoundError) return null;
    throw error;
  }
}

const eventData = (d: WebhookDelivery) => d.payload?.event_data ?? {};
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

const DeliveryStatus = builder.enumType('WebhookDeliveryStatus', {
  description: 'Whether 100ms got an HTTP 200 from the webhook endpoint.',
  values: {
    DELIVERED: { value: 'delivered', description: 'The endpoint answered 200.' },
    FAILED: { value: 'failed', description: 'Every attempt (the first and 3 retries) failed.' },
    UNKNOWN: { value: 'unknown', description: 'A delivery outcome this gateway does not know yet.' },
  } as const,
});

const DeliveryFilterStatus = builder.enumType('WebhookDeliveryFilter', {
  description: 'Which deliveries to list or replay.',
  values: {
    ALL: { value: 'all', description: 'Delivered and failed.' },
    FAILED: { value: 'failed', description: 'Failed deliveries only.' },
    DELIVERED: { value: 'success', description: 'Delivered ones only.' },
  } as const,
});

const statusOf = (record: WebhookDelivery) =>
  record.event_name.endsWith('.failed')
    ? 'failed'
    : record.event_name.endsWith('.success')
      ? 'delivered'
      : 'unknown';

export const WebhookDeliveryRef = builder.objectRef<WebhookDelivery>('WebhookDelivery').implement({
  description:
    'One webhook 100ms sent (or tried to send) to the workspace or room endpoint, from its delivery history.',
  fields: (t) => ({
    id: t.id({
      description: CACHE_KEY_DESCRIPTION,
      resolve: (d) => cacheKey('WebhookDelivery', d.event_id, d.event_name),
    }),
    eventId: t.exposeString('event_id', {
      description: 'The id of the delivered event (UUID): the `id` of the webhook body the endpoint got.',
    }),
    eventType: t.string({
      description: 'The event delivered, e.g. `peer.join.success`.',
      resolve: (d) => d.payload?.original_event_name ?? d.event_name,
    }),
    status: t.field({
      type: DeliveryStatus,
      description: 'Delivered or failed.',
      resolve: (d) => statusOf(d),
    }),
    timestamp: t.field({
      type: 'DateTime',
      description: 'When the event happened and was first sent.',
      resolve: (d) => d.event_timestamp,
    }),
    webhookUrl: t.string({
      description: 'The endpoint 100ms posted to.',
      resolve: (d) => d.payload?.webhook_url ?? '',
    }),
    errorReason: t.string({
      nullable: true,
      description: 'Why the delivery failed; null when it was delivered.',
      resolve: (d) => text(d.payload?.error_reason),
    }),
    roomId: t.exposeString('room_id', { description: 'The 100ms id of the room the event is about.' }),
    room: t.field({
      type: RoomRef,
      nullable: true,
      description: 'The room the event is about; null when it no longer exists.',
      resolve: (d, _args, ctx) => orNull(ctx.loaders.room.load(d.room_id)),
    }),
    sessionId: t.string({
      nullable: true,
      description: 'The 100ms session id, for events of a session (null otherwise).',
      resolve: (d) => text(eventData(d).session_id),
    }),
    session: t.field({
      type: SessionRef,
      nullable: true,
      description: 'The session the event is about; null for events without one.',
      resolve: (d, _args, ctx) => {
        const id = text(eventData(d).session_id);
        return id ? orNull(loadSession(ctx, id)) : null;
      },
    }),
    peerId: t.string({
      nullable: true,
      description: 'The peer the event is about (peer events only).',
      resolve: (d) => text(eventData(d).peer_id),
    }),
    eventData: t.field({
      type: 'JSON',
      description: 'The event’s `data` as 100ms recorded it (presigned URLs included, if any).',
      resolve: (d) => eventData(d),
    }),
  }),
});

export const WebhookDeliveryConnection = builder.connectionObject(
  {
    type: WebhookDeliveryRef,
    name: 'WebhookDeliveryConnection',
    description: 'A page of webhook deliveries, newest first.',
    fields: (t) => ({
      totalCount: t.int({
        description: 'Deliveries matching the filter in the whole time window.',
        resolve: (c) => (c as unknown as { totalCount: number }).totalCount,
      }),
    }),
  },
  { description: 'A webhook delivery and its cursor.' },
);

const DeliveryFilter = builder.inputType('WebhookDeliveryFilterInput', {
  description: 'Narrows the delivery history. The window is at most 14 days within the last 30.',
  fields: (t) => ({
    since: t.field({ type: 'DateTime', description: 'From this instant (default: 24 hours ago).' }),
    until: t.field({ type: 'DateTime', description: 'Up to this instant (default: now).' }),
    status: t.field({ type: DeliveryFilterStatus, description: 'Default ALL.' }),
    eventTypes: t.stringList({
      description: `Only these event types (${WEBHOOK_EVENT_NAMES.join(', ')}).`,
    }),
  }),
});

interface DeliveryFilterArgs {
  since?: Date | null;
  until?: Date | null;
  status?: 'all' | 'failed' | 'success' | null;
  eventTypes?: string[] | null;
}

/** The documented window and names, checked before anything is sent. */
export function checkWindow(
  since: Date | null | undefined,
  until: Date | null | undefined,
  fail: (message: string, field: string) => Error,
  prefix: string,
): void {
  const now = Date.now();
  const from = since?.getTime() ?? now - DAY_MS;
  const to = until?.getTime() ?? now;
  if (from < now - RETENTION_MS)
    throw fail(`${prefix}since must be within the last 30 days`, `${prefix}since`);
  if (to < from) throw fail(`${prefix}until must not be before since`, `${prefix}until`);
  if (to - from > MAX_WINDOW_MS)
    throw fail(`${prefix}since–until must span at most 14 days`, `${prefix}until`);
}

export function checkEventNames(
  names: readonly string[] | null | undefined,
  fail: (message: string, field: string) => Error,
  field: string,
) {
  const known = new Set<string>(WEBHOOK_EVENT_NAMES);
  const bad = names?.find((name) => !known.has(name));
  if (bad !== undefined)
    throw fail(`${field}: ${JSON.stringify(bad)} is not one of ${WEBHOOK_EVENT_NAMES.join(', ')}`, field);
}

function historyQuery(filter: DeliveryFilterArgs | null | undefined, roomId?: string): WebhookHistoryQuery {
  checkWindow(filter?.since, filter?.until, (m, f) => badUserInput(m, f), 'filter.');
  checkEventNames(filter?.eventTypes, (m, f) => badUserInput(m, f), 'filter.eventTypes');
  return {
    ...(filter?.since && { start_time: filter.since.toISOString() }),
    ...(filter?.until && { end_time: filter.until.toISOString() }),
    ...(roomId && { room_id: roomId }),
    ...(filter?.status && { status: filter.status }),
    ...(filter?.eventTypes?.length && { event_names: filter.eventTypes }),
  };
}

/**
 * A window of the page-numbered history as a cursor connection: the cursor is the position in
 * the listing, the pages it spans (at most two of 100) are fetched in parallel.
 */
async function deliveryConnection(
  ctx: Context,
  query: WebhookHistoryQuery,
  args: { first?: number | null; after?: string | null },
) {
  const { first } = parseConnectionArgs({ first: args.first });
  const offset = args.after ? Number(decodeCursor(args.after)) + 1 : 0;
  if (!Number.isSafeInteger(offset) || offset < 0)
    throw badUserInput('`after` is not a cursor of this list', 'after');
  const firstPage = Math.floor(offset / DELIVERY_PAGE) + 1;
  const lastPage = Math.floor((offset + first - 1) / DELIVERY_PAGE) + 1;
  const pages = await Promise.all(
    Array.from({ length: lastPage - firstPage + 1 }, (_, i) =>
      ctx.send(
        'analytics.webhooks',
        { query: { ...query, limit: DELIVERY_PAGE, page: firstPage + i } },
        ctx.upstream,
      ),
    ),
  );
  const all = pages.flatMap((page) => page.events ?? []);
  const from = offset - (firstPage - 1) * DELIVERY_PAGE;
  const items = all.slice(from, from + first);
  const total = pages[0]?.pagination?.total_items ?? items.length;
  const edges = items.map((node, i) => ({ cursor: encodeCursor(String(offset + i)), node }));
  return {
    totalCount: total,
    edges,
    pageInfo: {
      hasNextPage: offset + items.length < total && items.length === first,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

builder.queryFields((t) => ({
  webhookDeliveries: t.field({
    type: WebhookDeliveryConnection,
    authScopes: { admin: true },
    description:
      'Webhooks 100ms sent to the workspace’s endpoints (last 24 hours by default), newest first. Needs hms:admin; not for callers confined by hms_rooms.',
    args: {
      first: t.arg.int({ description: `Page size, 1–${MAX_FIRST} (default 20).` }),
      after: t.arg.string({ description: 'An `endCursor` or edge `cursor` from a previous page.' }),
      roomId: t.arg.id({ description: 'Only deliveries about this room (100ms id or Room global id).' }),
      filter: t.arg({ type: DeliveryFilter, description: 'Time window, outcome and event types.' }),
    },
    resolve: (_root, args, ctx) => {
      const roomId = args.roomId != null ? parseId(String(args.roomId), 'Room', 'roomId') : undefined;
      return deliveryConnection(ctx, historyQuery(args.filter, roomId), args) as never;
    },
  }),
}));

builder.objectField(RoomRef, 'webhookDeliveries', (t) =>
  t.field({
    type: WebhookDeliveryConnection,
    authScopes: { admin: true },
    description:
      'Webhooks 100ms sent about this room (last 24 hours by default), newest first. Needs hms:admin; not for callers confined by hms_rooms.',
    args: {
      first: t.arg.int({ description: `Page size, 1–${MAX_FIRST} (default 20).` }),
      after: t.arg.string({ description: 'An `endCursor` or edge `cursor` from a previous page.' }),
      filter: t.arg({ type: DeliveryFilter, description: 'Time window, outcome and event types.' }),
    },
    resolve: (room, args, ctx) => deliveryConnection(ctx, historyQuery(args.filter, room.id), args) as never,
  }),
);

/* ------------------------------------------------------------------------------------ replays */

const ReplayState = upstreamEnum('WebhookReplayState', 'Progress of a replay workflow as 100ms reports it.', [
  'Running',
  'completed',
  'completed_with_failures',
  'failed',
  'Canceled',
  'Terminated',
] as const);

type ReplayModel = WebhookReplayStatus & { message?: string | null; alreadyRunning?: boolean };

export const WebhookReplayRef = builder.objectRef<ReplayModel>('WebhookReplay');

async function loadReplay(ctx: Context, id: string): Promise<ReplayModel> {
  return ctx.send('analytics.replayStatus', { params: { id } }, ctx.upstream);
}

builder.node(WebhookReplayRef, {
  description:
    'A replay of past webhooks to the workspace endpoint (delivered again with `is_replay: true`, 10 per second).',
  id: { resolve: (r) => r.workflow_id },
  loadMany: (ids, ctx) => ids.map((id) => orNull(loadReplay(ctx, id))),
  fields: (t) => ({
    workflowId: t.exposeString('workflow_id', { description: 'The 100ms replay workflow id.' }),
    state: t.field({
      type: ReplayState.ref,
      description: 'Running, completed, completed with failures, failed, canceled or terminated.',
      resolve: (r) => ReplayState.fromUpstream(r.status),
    }),
    message: t.string({
      nullable: true,
      description: '100ms’s note when the replay was requested; null when loaded later.',
      resolve: (r) => r.message ?? null,
    }),
    alreadyRunning: t.boolean({
      description: 'True when an identical replay was already running and 100ms reused it.',
      resolve: (r) => r.alreadyRunning ?? false,
    }),
    startedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the replay started.',
      resolve: (r) => r.started_at,
    }),
    completedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it finished; null while running.',
      resolve: (r) => r.completed_at,
    }),
    total: t.int({ description: 'Webhooks selected for replay.', resolve: (r) => r.progress?.total ?? 0 }),
    completed: t.int({
      description: 'Webhooks replayed so far.',
      resolve: (r) => r.progress?.completed ?? 0,
    }),
    failed: t.int({ description: 'Replays the endpoint refused.', resolve: (r) => r.progress?.failed ?? 0 }),
    failedEventIds: t.stringList({
      description: 'Ids of the events whose replay failed.',
      resolve: (r) => r.result?.failed_events ?? [],
    }),
    since: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Start of the replayed window.',
      resolve: (r) => r.filters?.start_time || null,
    }),
    until: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'End of the replayed window.',
      resolve: (r) => r.filters?.end_time || null,
    }),
    roomId: t.string({
      nullable: true,
      description: 'The room whose webhooks are replayed; null for the whole workspace.',
      resolve: (r) => r.filters?.room_id || null,
    }),
    eventTypes: t.stringList({
      description: 'Event types replayed; empty means all.',
      resolve: (r) => r.filters?.event_types ?? [],
    }),
  }),
});

builder.queryFields((t) => ({
  webhookReplay: t.field({
    type: WebhookReplayRef,
    nullable: true,
    authScopes: { admin: true },
    description: 'A webhook replay’s progress, by workflow id or global id. Needs hms:admin.',
    args: { id: t.arg.id({ required: true, description: 'The workflow id or a WebhookReplay global id.' }) },
    resolve: (_root, args, ctx) => loadReplay(ctx, parseId(String(args.id), 'WebhookReplay')),
  }),
}));

builder.mutationFields((t) => ({
  replayWebhooks: t.fieldWithInput({
    description:
      'Sends past webhooks to the endpoint again (failed ones by default), marked `is_replay`. An identical request reuses the running replay. Needs hms:admin.',
    type: WebhookReplayRef,
    authScopes: { admin: true },
    errors: { types: MUTATION_ERRORS },
    input: {
      roomId: t.input.id({ description: 'Only this room’s webhooks (100ms id or Room global id).' }),
      since: t.input.field({ type: 'DateTime', description: 'From this instant (default: 24 hours ago).' }),
      until: t.input.field({
        type: 'DateTime',
        description: 'Up to this instant (default: now; ≤ 14 days after since).',
      }),
      status: t.input.field({ type: DeliveryFilterStatus, description: 'Which deliveries; default FAILED.' }),
      eventTypes: t.input.stringList({ description: 'Only these event types; all by default.' }),
      limit: t.input.int({ description: 'At most this many webhooks, 1–50,000 (default 50,000).' }),
      offset: t.input.int({
        description: 'Skip this many matching webhooks first (to replay more than 50,000).',
      }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'replayWebhooks', input, async () => {
        const fail = (message: string, field: string) => new ValidationError(message, field);
        checkWindow(input.since, input.until, fail, 'input.');
        checkEventNames(input.eventTypes, fail, 'input.eventTypes');
        if (input.limit != null && (input.limit < 1 || input.limit > 50_000))
          throw new ValidationError('input.limit must be 1–50,000', 'input.limit');
        if (input.offset != null && input.offset < 0)
          throw new ValidationError('input.offset must not be negative', 'input.offset');
        const body: WebhookReplayBody = {
          ...(input.since && { start_time: input.since.toISOString() }),
          ...(input.until && { end_time: input.until.toISOString() }),
          ...(input.roomId != null && { room_id: inputId(input.roomId, 'Room', 'input.roomId') }),
          ...(input.eventTypes?.length && { event_names: input.eventTypes }),
          ...(input.limit != null && { limit: input.limit }),
          ...(input.offset != null && { offset: input.offset }),
          ...(input.status && { status: input.status }),
        };
        const started: WebhookReplayStarted = await ctx.send(
          'analytics.replayWebhooks',
          { body },
          ctx.upstream,
        );
        const status = await loadReplay(ctx, started.workflow_id);
        return { ...status, message: started.message, alreadyRunning: started.status === 'already_running' };
      }),
  }),
}));
