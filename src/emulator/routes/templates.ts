/**
 * `/v2/templates` (https://www.100ms.live/docs/server-side/v2/api-reference/policy/template-object). Unlike everything else on the API, template JSON is
 * camelCase. Role and settings contents are stored as given: the emulator checks the envelope
 * (names, required parts, object shapes), not every permission flag.
 */
import type { TemplateRole } from '../../hms/types.js';
import { type Body, badRequest, invalidBodyParam, notFound } from '../http.js';
import type { TemplateRecord } from '../model.js';
import { LIMIT_10_100, paginate, resolveLimit } from '../paginate.js';
import { renderTemplate } from '../render.js';
import { type Reply, type RouteContext, reply, route } from '../router.js';
import type { Store } from '../store.js';

const TEMPLATE_NAME = /^[a-zA-Z0-9 .\-_:]+$/;
const ROLE_NAME = /^[a-zA-Z0-9\-_]+$/;

function findTemplate(store: Store, id: string): TemplateRecord {
  const template = store.templates.get(id);
  if (!template) throw notFound('Error: template not found', `no template with id ${id}`);
  return template;
}

function plainObject(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalidBodyParam(field, 'expected object');
  return structuredClone(value as Record<string, unknown>);
}

function readRole(value: unknown, key: string, field: string): TemplateRole {
  const role = plainObject(value, field) as unknown as TemplateRole;
  const name = role.name ?? key;
  if (typeof name !== 'string' || !ROLE_NAME.test(name))
    throw invalidBodyParam(`${field}.name`, 'role names use a-z, A-Z, 0-9, - and _');
  const priority = role.priority;
  if (priority !== undefined && (!Number.isInteger(priority) || priority < 1 || priority > 5)) {
    throw invalidBodyParam(`${field}.priority`, 'priority must be 1 to 5');
  }
  return { ...role, name };
}

function readRoles(value: unknown): Record<string, TemplateRole> {
  const raw = plainObject(value, 'roles');
  const roles: Record<string, TemplateRole> = {};
  for (const [key, role] of Object.entries(raw)) {
    const parsed = readRole(role, key, `roles.${key}`);
    roles[parsed.name] = parsed;
  }
  return roles;
}

interface TemplateParts {
  name?: string;
  roles?: Record<string, TemplateRole>;
  settings?: Record<string, unknown>;
  destinations?: Record<string, unknown>;
  plugins?: Record<string, unknown>;
}

function readParts(body: Body): TemplateParts {
  const parts: TemplateParts = {};
  const name = body.string('name');
  if (name !== undefined) {
    if (!TEMPLATE_NAME.test(name))
      throw invalidBodyParam('name', 'allowed characters are a-z, A-Z, 0-9, space, -, ., _ and :');
    parts.name = name;
  }
  const roles = body.raw('roles');
  if (roles !== undefined) parts.roles = readRoles(roles);
  const settings = body.raw('settings');
  if (settings !== undefined) parts.settings = plainObject(settings, 'settings');
  const destinations = body.raw('destinations');
  if (destinations !== undefined) parts.destinations = plainObject(destinations, 'destinations');
  const plugins = body.raw('plugins');
  if (plugins !== undefined) parts.plugins = plainObject(plugins, 'plugins');
  body.done();
  return parts;
}

function list({ store, query }: RouteContext) {
  const limit = resolveLimit(query.int('limit'), LIMIT_10_100);
  const start = query.string('start');
  query.done();
  const key = (template: TemplateRecord) => ({ createdAt: template.createdAt, key: template.id });
  const page = paginate([...store.templates.values()], key, limit, start, (id) => {
    const template = store.templates.get(id);
    return template ? key(template) : undefined;
  });
  return { limit, data: page.items.map((template) => renderTemplate(store, template)), last: page.last };
}

/** Upsert by name: an existing name is overwritten (https://www.100ms.live/docs/server-side/v2/api-reference/policy/template-object). */
function create(ctx: RouteContext) {
  const { store } = ctx;
  const parts = readParts(ctx.body());
  const now = store.nowUs();
  const existing = parts.name !== undefined ? store.templateByName(parts.name) : undefined;
  if (existing) {
    if (parts.roles) existing.roles = parts.roles;
    if (parts.settings) existing.settings = parts.settings;
    if (parts.destinations) existing.destinations = parts.destinations;
    if (parts.plugins) existing.plugins = parts.plugins;
    existing.updatedAt = now;
    return renderTemplate(store, existing);
  }
  const template: TemplateRecord = {
    id: store.newId(now),
    name: parts.name ?? `template-${store.newUuid().slice(0, 8)}`,
    roles: parts.roles ?? {},
    settings: parts.settings ?? { region: 'in' },
    destinations: parts.destinations ?? {},
    plugins: parts.plugins ?? null,
    recordings: [],
    // Made through the API: no subdomain, so jobs need an explicit meeting_url (https://www.100ms.live/docs/server-side/v2/api-reference/recordings/overview).
    subdomain: null,
    createdAt: now,
    updatedAt: now,
  };
  store.templates.set(template.id, template);
  return renderTemplate(store, template);
}

/** The whole template is replaced: roles and settings are required (https://www.100ms.live/docs/server-side/v2/api-reference/policy/template-object). */
function replace(ctx: RouteContext) {
  const { store, params } = ctx;
  const parts = readParts(ctx.body());
  const template = findTemplate(store, params.id as string);
  if (!parts.roles) throw invalidBodyParam('roles', 'roles is required: post the whole template');
  if (!parts.settings) throw invalidBodyParam('settings', 'settings is required: post the whole template');
  if (parts.name !== undefined) {
    const clash = store.templateByName(parts.name);
    if (clash && clash.id !== template.id) throw badRequest('Error: template name already exists');
    template.name = parts.name;
  }
  template.roles = parts.roles;
  template.settings = parts.settings;
  template.destinations = parts.destinations ?? {};
  template.plugins = parts.plugins ?? null;
  template.updatedAt = store.nowUs();
  return renderTemplate(store, template);
}

function getRole({ store, params, query }: RouteContext) {
  query.done();
  const role = findTemplate(store, params.id as string).roles[params.role as string];
  if (!role) throw notFound('Role not found', `no role ${params.role}`);
  return structuredClone(role);
}

/** Creates or updates; a `name` in the body renames the role. */
function upsertRole(ctx: RouteContext) {
  const { store, params } = ctx;
  const template = findTemplate(store, params.id as string);
  const key = params.role as string;
  const role = readRole(ctx.rawBody ?? {}, key, 'role');
  if (role.name !== key) {
    if (template.roles[role.name]) throw badRequest('Error: role already exists', `role ${role.name} exists`);
    delete template.roles[key];
  }
  template.roles[role.name] = role;
  template.updatedAt = store.nowUs();
  return structuredClone(role);
}

function deleteRole({ store, params, query }: RouteContext): Reply {
  query.done();
  const template = findTemplate(store, params.id as string);
  const key = params.role as string;
  if (!template.roles[key]) throw notFound('Role not found', `no role ${key}`);
  delete template.roles[key];
  template.updatedAt = store.nowUs();
  return reply(204, undefined);
}

function part(name: 'settings' | 'destinations') {
  return {
    get: ({ store, params, query }: RouteContext) => {
      query.done();
      return structuredClone(findTemplate(store, params.id as string)[name]);
    },
    post: ({ store, params, rawBody }: RouteContext) => {
      const template = findTemplate(store, params.id as string);
      template[name] = plainObject(rawBody, name);
      template.updatedAt = store.nowUs();
      return structuredClone(template[name]);
    },
  };
}

function postRecordings({ store, params, rawBody }: RouteContext) {
  const template = findTemplate(store, params.id as string);
  if (!Array.isArray(rawBody))
    throw badRequest('Invalid request body', 'expected an array of recording configs');
  // "Currently only one element is allowed" (https://www.100ms.live/docs/server-side/v2/api-reference/policy/template-object).
  if (rawBody.length !== 1)
    throw badRequest('Invalid request body', 'exactly one recording config is allowed');
  template.recordings = [plainObject(rawBody[0], 'recordings[0]')];
  template.updatedAt = store.nowUs();
  return structuredClone(template.recordings);
}

const settings = part('settings');
const destinations = part('destinations');

export const templateRoutes = [
  route('GET', '/v2/templates', list),
  route('POST', '/v2/templates', create),
  route('GET', '/v2/templates/{id}', ({ store, params, query }) => {
    query.done();
    return renderTemplate(store, findTemplate(store, params.id as string));
  }),
  route('POST', '/v2/templates/{id}', replace),
  route('GET', '/v2/templates/{id}/roles/{role}', getRole),
  route('POST', '/v2/templates/{id}/roles/{role}', upsertRole),
  route('DELETE', '/v2/templates/{id}/roles/{role}', deleteRole),
  route('GET', '/v2/templates/{id}/settings', settings.get),
  route('POST', '/v2/templates/{id}/settings', settings.post),
  route('GET', '/v2/templates/{id}/destinations', destinations.get),
  route('POST', '/v2/templates/{id}/destinations', destinations.post),
  route('GET', '/v2/templates/{id}/recordings', ({ store, params, query }) => {
    query.done();
    return structuredClone(findTemplate(store, params.id as string).recordings);
  }),
  route('POST', '/v2/templates/{id}/recordings', postRecordings),
];
