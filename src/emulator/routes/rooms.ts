/** `/v2/rooms` (https://www.100ms.live/docs/server-side/v2/api-reference/Rooms/create-via-api). */
import type { RecordingInfo, RoomWebhook, UploadInfo } from '../../hms/types.js';
import { ApiError, type Body, badRequest, invalidBodyParam, isObjectId, notFound } from '../http.js';
import type { RoomRecord } from '../model.js';
import { LIMIT_10_100, paginate, resolveLimit } from '../paginate.js';
import { renderRoom } from '../render.js';
import { type RouteContext, route } from '../router.js';
import type { Store } from '../store.js';

const ROOM_NAME = /^[a-zA-Z0-9.\-:_]+$/;
const REGIONS = new Set(['in', 'us', 'eu', 'auto']);
const UPLOAD_TYPES = new Set(['s3', 'gs', 'oss', 'azure']);
/** Not documented; a bound keeps keys and logs sane and matches other 100ms name fields (inferred). */
const MAX_NAME_LENGTH = 100;

/** Sessions can last at most 12 h (https://www.100ms.live/docs/server-side/v2/api-reference/Sessions/list-sessions): a room's bound is the same. */
const DEFAULT_MAX_DURATION_SECONDS = 43_200;

export function findRoom(store: Store, id: string): RoomRecord {
  const room = store.rooms.get(id);
  if (!room) throw notFound('Error: Room not found', `no room with id ${id}`);
  return room;
}

function readUploadInfo(body: Body): UploadInfo {
  const type = body.string('type');
  const location = body.string('location');
  const prefix = body.string('prefix');
  const options = body.object('options');
  const region = options?.string('region');
  options?.done();
  const credentials = body.object('credentials');
  const key = credentials?.string('key');
  const secret = credentials?.string('secret');
  credentials?.done();
  body.done();
  if (!location) throw badRequest('Bucket location is missing');
  if (!type || !UPLOAD_TYPES.has(type))
    throw badRequest('Invalid upload configuration', 'type must be s3, gs, oss or azure');
  if (credentials && (!key || !secret))
    throw badRequest('Invalid upload configuration', 'credentials need key and secret');
  const info: UploadInfo = { type: type as UploadInfo['type'], location };
  if (prefix !== undefined) info.prefix = prefix;
  if (region !== undefined) info.options = { region };
  if (key && secret) info.credentials = { key, secret };
  return info;
}

function readRecordingInfo(body: Body): RecordingInfo {
  const enabled = body.bool('enabled') ?? false;
  const upload = body.object('upload_info');
  const info: RecordingInfo = { enabled };
  if (upload) info.upload_info = readUploadInfo(upload);
  body.done();
  return info;
}

function readWebhook(body: Body): RoomWebhook {
  const url = body.string('url');
  const headers = body.stringMap('headers');
  body.done();
  if (!url || !/^https?:\/\/[^\s/]+/.test(url))
    throw invalidBodyParam('webhook.url', 'webhook.url must be an http(s) URL');
  return headers ? { url, headers } : { url, headers: {} };
}

interface RoomFields {
  name?: string;
  description?: string;
  templateId?: string;
  recordingInfo?: RecordingInfo;
  region?: string;
  largeRoom?: boolean;
  size?: number;
  maxDurationSeconds?: number;
  webhook?: RoomWebhook;
  polls?: string[];
  enabled?: boolean;
}

/** Shared by create and update; `update` refuses `template_id`, which the update page does not list. */
function readRoomFields(
  store: Store,
  body: Body,
  mode: 'create' | 'update',
  current?: RoomRecord,
): RoomFields {
  if (body.has('template')) throw invalidBodyParam('template. Use template_id');
  const fields: RoomFields = {};
  const name = body.string('name');
  if (name !== undefined) {
    if (!ROOM_NAME.test(name) || name.length > MAX_NAME_LENGTH) {
      throw invalidBodyParam('name', 'allowed characters are a-z, A-Z, 0-9, ".", "-", ":" and "_"');
    }
    fields.name = name;
  }
  const description = body.string('description');
  if (description !== undefined) fields.description = description;
  if (mode === 'create') {
    const templateId = body.string('template_id');
    if (templateId !== undefined) {
      if (!isObjectId(templateId))
        throw invalidBodyParam('template_id', 'template_id must be a 24-character hex id');
      // 100ms answers 400 here, not 404: the room is what is being created, the template is a bad
      // body value (https://www.100ms.live/docs/server-side/v2/api-reference/Rooms/create-via-api).
      if (!store.templates.has(templateId)) throw badRequest('Error: template not found');
      fields.templateId = templateId;
    }
  } else {
    const enabled = body.bool('enabled');
    if (enabled !== undefined) fields.enabled = enabled;
  }
  const recordingInfo = body.object('recording_info');
  if (recordingInfo) fields.recordingInfo = readRecordingInfo(recordingInfo);
  const region = body.string('region');
  if (region !== undefined) {
    if (!REGIONS.has(region))
      throw badRequest('Error: region not supported', 'region must be in, us, eu or auto');
    fields.region = region;
  }
  const largeRoom = body.bool('large_room');
  if (largeRoom !== undefined) fields.largeRoom = largeRoom;
  const size = body.int('size');
  if (size !== undefined) {
    const max = (largeRoom ?? current?.largeRoom ?? false) ? 20_000 : 2_500;
    if (size < 0 || size > max) throw invalidBodyParam('size', `size must be between 0 and ${max}`);
    fields.size = size;
  }
  const maxDuration = body.int('max_duration_seconds');
  if (maxDuration !== undefined) {
    if (maxDuration < 120) throw invalidBodyParam('max_duration_seconds less than 120 seconds');
    if (maxDuration > 43_200) throw invalidBodyParam('max_duration_seconds greater than 43200 seconds');
    fields.maxDurationSeconds = maxDuration;
  }
  const webhook = body.object('webhook');
  if (webhook) fields.webhook = readWebhook(webhook);
  const polls = body.stringArray('polls');
  if (polls !== undefined) {
    const bad = polls.find((poll) => !isObjectId(poll));
    if (bad !== undefined) throw invalidBodyParam('polls', `poll id ${bad} is not a 24-character hex id`);
    // Linking a poll that does not exist is a client bug (inferred; the docs show only success:
    // https://www.100ms.live/docs/server-side/v2/api-reference/polls/link-polls-with-room-via-api).
    const unknown = polls.find((poll) => !store.polls.has(poll));
    if (unknown !== undefined) throw invalidBodyParam('polls', `no poll with id ${unknown}`);
    fields.polls = [...new Set(polls)];
  }
  body.done();
  return fields;
}

function apply(room: RoomRecord, fields: RoomFields): void {
  if (fields.name !== undefined) room.name = fields.name;
  if (fields.description !== undefined) room.description = fields.description;
  if (fields.templateId !== undefined) room.templateId = fields.templateId;
  // Sending recording_info pins the room's recording settings; from then on it no longer
  // follows the template (https://www.100ms.live/docs/server-side/v2/api-reference/Rooms/create-via-api).
  if (fields.recordingInfo !== undefined) room.recordingInfo = fields.recordingInfo;
  if (fields.region !== undefined) room.region = fields.region;
  if (fields.largeRoom !== undefined) room.largeRoom = fields.largeRoom;
  if (fields.size !== undefined) room.size = fields.size;
  if (fields.maxDurationSeconds !== undefined) room.maxDurationSeconds = fields.maxDurationSeconds;
  if (fields.webhook !== undefined) room.webhook = fields.webhook;
  if (fields.polls !== undefined) room.polls = fields.polls;
  if (fields.enabled !== undefined) room.enabled = fields.enabled;
}

function defaultTemplateId(store: Store): string {
  const first = [...store.templates.values()].sort((a, b) => a.createdAt - b.createdAt)[0];
  if (!first) throw new ApiError(404, 'Error: template not found', ['the account has no templates']);
  return first.id;
}

function list({ store, query }: RouteContext) {
  const enabled = query.bool('enabled');
  const after = query.time('after');
  const before = query.time('before');
  const name = query.string('name');
  const templateId = query.objectId('template_id');
  const limit = resolveLimit(query.int('limit'), LIMIT_10_100);
  const start = query.string('start');
  query.done();
  const rooms = [...store.rooms.values()].filter(
    (room) =>
      (enabled === undefined || room.enabled === enabled) &&
      (after === undefined || room.createdAt >= after) &&
      (before === undefined || room.createdAt <= before) &&
      (name === undefined || room.name.toLowerCase() === name.toLowerCase()) &&
      (templateId === undefined || room.templateId === templateId),
  );
  const key = (room: RoomRecord) => ({ createdAt: room.createdAt, key: room.id });
  const page = paginate(rooms, key, limit, start, (id) => {
    const room = store.rooms.get(id);
    return room ? key(room) : undefined;
  });
  return {
    limit,
    data: page.items.map((room) => renderRoom(store, room, { listItem: true })),
    last: page.last,
  };
}

function create(ctx: RouteContext) {
  const { store } = ctx;
  const body = ctx.body();
  const fields = readRoomFields(store, body, 'create');
  const now = store.nowUs();
  const existing = fields.name !== undefined ? store.roomByName(fields.name) : undefined;
  if (existing) {
    // Upsert by name: the existing room takes the new configuration, template included.
    const { name: _sameName, ...rest } = fields;
    apply(existing, rest);
    existing.updatedAt = now;
    return renderRoom(store, existing);
  }
  const templateId = fields.templateId ?? defaultTemplateId(store);
  const template = store.templates.get(templateId);
  const room: RoomRecord = {
    id: store.newId(now),
    name: fields.name ?? store.newUuid(),
    enabled: true,
    description: '',
    templateId,
    region: String(template?.settings.region ?? 'auto'),
    recordingInfo: null,
    largeRoom: false,
    size: 0,
    maxDurationSeconds: DEFAULT_MAX_DURATION_SECONDS,
    polls: [],
    webhook: null,
    createdAt: now,
    updatedAt: now,
  };
  apply(room, fields);
  store.rooms.set(room.id, room);
  return renderRoom(store, room);
}

function update(ctx: RouteContext) {
  const { store } = ctx;
  const room = findRoom(store, ctx.params.id as string);
  const fields = readRoomFields(store, ctx.body(), 'update', room);
  if (fields.name !== undefined) {
    const clash = store.roomByName(fields.name);
    if (clash && clash.id !== room.id)
      throw badRequest('Error: room name already exists', `a room named ${clash.name} exists`);
  }
  apply(room, fields);
  room.updatedAt = store.nowUs();
  return renderRoom(store, room);
}

export const roomRoutes = [
  route('GET', '/v2/rooms', list),
  route('POST', '/v2/rooms', create),
  route('GET', '/v2/rooms/{id}', ({ store, params, query }) => {
    query.done();
    return renderRoom(store, findRoom(store, params.id as string));
  }),
  route('POST', '/v2/rooms/{id}', update),
];
