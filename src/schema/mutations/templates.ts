/**
 * Template writes (https://www.100ms.live/docs/server-side/v2/api-reference/policy/create-template-via-api):
 * a template shapes every room that uses it, so these need the hms:admin scope and an unconfined
 * caller (the catalogue's `admin` room policy). Roles are typed; settings, destinations and
 * recording configs are deep, evolving 100ms objects passed as JSON (camelCase, as 100ms takes them).
 */
import type { Context } from '../../context.js';
import { HmsNotFoundError } from '../../hms/errors.js';
import {
  TEMPLATE_PERMISSIONS,
  type Template,
  type TemplateBody,
  type TemplatePermission,
  type TemplateRole,
} from '../../hms/types.js';
import { builder } from '../builder.js';
import { inputId, runMutation } from '../mutation.js';
import { MUTATION_ERRORS, NotFoundError, ValidationError } from '../mutation-errors.js';
import { TemplateRef } from '../refs.js';

const TEMPLATE_NAME = /^[a-zA-Z0-9 .\-_:]{1,100}$/;
const ROLE_NAME = /^[a-zA-Z0-9\-_]{1,100}$/;
const PUBLISH = new Set(['audio', 'video', 'screen', 'simulcast']);

const PermissionsInput = builder.inputType('RolePermissionsInput', {
  description:
    'What peers of the role may do; an omitted flag keeps its current value (false for a new role).',
  fields: (t) =>
    Object.fromEntries(
      TEMPLATE_PERMISSIONS.map((name) => [name, t.boolean({ description: `The \`${name}\` permission.` })]),
    ) as Record<TemplatePermission, ReturnType<typeof t.boolean>>,
});

const RoleInput = builder.inputType('TemplateRoleInput', {
  description: 'A role’s settings; omitted fields keep their current values.',
  fields: (t) => ({
    rename: t.string({ description: 'A new name for the role (a-z, A-Z, 0-9, - and _).' }),
    priority: t.int({ description: '1 (highest) to 5.' }),
    maxPeerCount: t.int({ description: '0 for unlimited, -1 to let nobody join.' }),
    publishes: t.stringList({ description: 'Allowed published sources: audio, video, screen, simulcast.' }),
    subscribesToRoles: t.stringList({ description: 'Roles whose tracks its peers receive.' }),
    permissions: t.field({ type: PermissionsInput, description: 'What its peers may do.' }),
  }),
});

interface RoleArgs {
  rename?: string | null;
  priority?: number | null;
  maxPeerCount?: number | null;
  publishes?: string[] | null;
  subscribesToRoles?: string[] | null;
  permissions?: Partial<Record<string, boolean | null>> | null;
}

const jsonObject = (value: unknown, field: string): Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ValidationError(`${field} must be a JSON object`, field);
  return value as Record<string, unknown>;
};

function templateName(value: string | null | undefined, field: string) {
  if (value == null) return undefined;
  if (!TEMPLATE_NAME.test(value))
    throw new ValidationError(`${field} may only contain letters, digits, space and . - _ : (1–100)`, field);
  return value;
}

function roleName(value: string, field: string) {
  if (!ROLE_NAME.test(value))
    throw new ValidationError(`${field} may only contain letters, digits, - and _`, field);
  return value;
}

/** The typed role edit applied over the current role (100ms replaces a role as a whole). */
function roleBody(current: TemplateRole | undefined, name: string, input: RoleArgs, field: string) {
  const role: Record<string, unknown> = structuredClone(current ?? { name }) as unknown as Record<
    string,
    unknown
  >;
  role.name = input.rename != null ? roleName(input.rename, `${field}.rename`) : name;
  if (input.priority != null) {
    if (!Number.isInteger(input.priority) || input.priority < 1 || input.priority > 5)
      throw new ValidationError(`${field}.priority must be 1–5`, `${field}.priority`);
    role.priority = input.priority;
  }
  if (input.maxPeerCount != null) {
    if (!Number.isInteger(input.maxPeerCount) || input.maxPeerCount < -1)
      throw new ValidationError(`${field}.maxPeerCount must be -1, 0 or more`, `${field}.maxPeerCount`);
    role.maxPeerCount = input.maxPeerCount;
  }
  if (input.publishes != null) {
    const bad = input.publishes.find((p) => !PUBLISH.has(p));
    if (bad !== undefined)
      throw new ValidationError(
        `${field}.publishes: ${JSON.stringify(bad)} is not audio, video, screen or simulcast`,
        `${field}.publishes`,
      );
    role.publishParams = { ...(role.publishParams as object), allowed: [...new Set(input.publishes)] };
  }
  if (input.subscribesToRoles != null) {
    input.subscribesToRoles.forEach((r, i) => {
      roleName(r, `${field}.subscribesToRoles[${i}]`);
    });
    role.subscribeParams = { ...(role.subscribeParams as object), subscribeToRoles: input.subscribesToRoles };
  }
  if (input.permissions) {
    const permissions = { ...(role.permissions as object) } as Record<string, boolean>;
    for (const [key, value] of Object.entries(input.permissions)) if (value != null) permissions[key] = value;
    role.permissions = permissions;
  }
  return role;
}

/** The template as 100ms now has it: this request's loader and the shared cache forget the old one. */
async function freshTemplate(ctx: Context, id: string): Promise<Template> {
  ctx.loaders.template.clear(id);
  await ctx.invalidate([['template', id]]);
  return ctx.loaders.template.load(id);
}

async function templateOrNotFound(ctx: Context, id: string): Promise<Template> {
  try {
    return await ctx.loaders.template.load(id);
  } catch (error) {
    if (error instanceof HmsNotFoundError)
      throw new NotFoundError(`Template ${JSON.stringify(id)} not found`);
    throw error;
  }
}

const admin = { skipTypeScopes: true, authScopes: { admin: true } } as const;

builder.mutationFields((t) => ({
  createTemplate: t.fieldWithInput({
    ...admin,
    description:
      'Creates a template, or overwrites the template with that name (100ms upserts by name). Needs hms:admin.',
    type: TemplateRef,
    errors: { types: MUTATION_ERRORS },
    input: {
      name: t.input.string({ description: 'Unique name: letters, digits, space and . - _ :.' }),
      roles: t.input.field({
        type: 'JSON',
        description: 'Roles keyed by name (100ms role objects, camelCase).',
      }),
      settings: t.input.field({
        type: 'JSON',
        description: 'Template settings (region, recording, roomState…).',
      }),
      destinations: t.input.field({
        type: 'JSON',
        description: 'Recording, HLS, RTMP and transcription destinations.',
      }),
      plugins: t.input.field({ type: 'JSON', description: 'Whiteboard and caption plugins.' }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'createTemplate', input, async () => {
        const body: TemplateBody = {};
        const name = templateName(input.name, 'input.name');
        if (name) body.name = name;
        if (input.roles != null) {
          const roles = jsonObject(input.roles, 'input.roles');
          for (const key of Object.keys(roles)) roleName(key, 'input.roles');
          body.roles = roles as TemplateBody['roles'];
        }
        if (input.settings != null) body.settings = jsonObject(input.settings, 'input.settings');
        if (input.destinations != null)
          body.destinations = jsonObject(input.destinations, 'input.destinations');
        if (input.plugins != null) body.plugins = jsonObject(input.plugins, 'input.plugins');
        const template = await ctx.send('templates.create', { body }, ctx.upstream);
        ctx.loaders.template.clear(template.id).prime(template.id, template);
        await ctx.invalidate([['template', template.id]]);
        return template;
      }),
  }),
  updateTemplate: t.fieldWithInput({
    ...admin,
    description:
      'Renames a template or replaces its roles, settings or destinations; parts left out are kept (the gateway sends 100ms the whole template). Needs hms:admin.',
    type: TemplateRef,
    errors: { types: MUTATION_ERRORS },
    input: {
      templateId: t.input.id({ required: true, description: '100ms template id or Template global id.' }),
      name: t.input.string({ description: 'A new unique name.' }),
      roles: t.input.field({ type: 'JSON', description: 'All roles, keyed by name (replaces every role).' }),
      settings: t.input.field({ type: 'JSON', description: 'All settings (replaces them).' }),
      destinations: t.input.field({ type: 'JSON', description: 'All destinations (replaces them).' }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'updateTemplate', input, async () => {
        const id = inputId(input.templateId, 'Template', 'input.templateId');
        const name = templateName(input.name, 'input.name');
        const roles = input.roles != null ? jsonObject(input.roles, 'input.roles') : undefined;
        if (roles) for (const key of Object.keys(roles)) roleName(key, 'input.roles');
        const settings = input.settings != null ? jsonObject(input.settings, 'input.settings') : undefined;
        const destinations =
          input.destinations != null ? jsonObject(input.destinations, 'input.destinations') : undefined;
        if (!name && !roles && !settings && !destinations)
          throw new ValidationError('Nothing to update: give at least one field', null);
        // 100ms overwrites the whole template: start from what it has now.
        const current = await templateOrNotFound(ctx, id);
        const body: TemplateBody = {
          name: name ?? current.name,
          roles: (roles ?? current.roles) as TemplateBody['roles'],
          settings: settings ?? current.settings,
          destinations: destinations ?? current.destinations ?? {},
          ...(current.plugins && { plugins: current.plugins }),
        };
        const template = await ctx.send('templates.replace', { params: { id }, body }, ctx.upstream);
        ctx.loaders.template.clear(id).prime(id, template);
        await ctx.invalidate([['template', id]]);
        return template;
      }),
  }),
  setTemplateRole: t.fieldWithInput({
    ...admin,
    description:
      'Adds a role to a template or changes one (fields left out keep their values). Needs hms:admin.',
    type: TemplateRef,
    errors: { types: MUTATION_ERRORS },
    input: {
      templateId: t.input.id({ required: true, description: '100ms template id or Template global id.' }),
      roleName: t.input.string({ required: true, description: 'The role to add or change.' }),
      role: t.input.field({ type: RoleInput, required: true, description: 'Its settings.' }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'setTemplateRole', input, async () => {
        const id = inputId(input.templateId, 'Template', 'input.templateId');
        const name = roleName(input.roleName, 'input.roleName');
        const current = await templateOrNotFound(ctx, id);
        if (input.role.rename && input.role.rename !== name && current.roles?.[input.role.rename])
          throw new ValidationError(
            `Role ${JSON.stringify(input.role.rename)} already exists`,
            'input.role.rename',
          );
        const body = roleBody(current.roles?.[name], name, input.role, 'input.role');
        await ctx.send('templates.upsertRole', { params: { id, role: name }, body }, ctx.upstream);
        return freshTemplate(ctx, id);
      }),
  }),
  removeTemplateRole: t.fieldWithInput({
    ...admin,
    description: 'Removes a role from a template; its room codes stop working. Needs hms:admin.',
    type: TemplateRef,
    errors: { types: MUTATION_ERRORS },
    input: {
      templateId: t.input.id({ required: true, description: '100ms template id or Template global id.' }),
      roleName: t.input.string({ required: true, description: 'The role to remove.' }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'removeTemplateRole', input, async () => {
        const id = inputId(input.templateId, 'Template', 'input.templateId');
        const name = roleName(input.roleName, 'input.roleName');
        await ctx.send('templates.deleteRole', { params: { id, role: name } }, ctx.upstream);
        return freshTemplate(ctx, id);
      }),
  }),
  updateTemplateSettings: t.fieldWithInput({
    ...admin,
    description: 'Replaces a template’s settings (region, recording storage, room state…). Needs hms:admin.',
    type: TemplateRef,
    errors: { types: MUTATION_ERRORS },
    input: {
      templateId: t.input.id({ required: true, description: '100ms template id or Template global id.' }),
      settings: t.input.field({ type: 'JSON', required: true, description: 'The whole settings object.' }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'updateTemplateSettings', input, async () => {
        const id = inputId(input.templateId, 'Template', 'input.templateId');
        const body = jsonObject(input.settings, 'input.settings');
        await ctx.send('templates.updateSettings', { params: { id }, body }, ctx.upstream);
        return freshTemplate(ctx, id);
      }),
  }),
  updateTemplateDestinations: t.fieldWithInput({
    ...admin,
    description:
      'Replaces a template’s destinations (browser recordings, HLS, RTMP, transcriptions). Needs hms:admin.',
    type: TemplateRef,
    errors: { types: MUTATION_ERRORS },
    input: {
      templateId: t.input.id({ required: true, description: '100ms template id or Template global id.' }),
      destinations: t.input.field({
        type: 'JSON',
        required: true,
        description: 'The whole destinations object.',
      }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'updateTemplateDestinations', input, async () => {
        const id = inputId(input.templateId, 'Template', 'input.templateId');
        const body = jsonObject(input.destinations, 'input.destinations');
        await ctx.send('templates.updateDestinations', { params: { id }, body }, ctx.upstream);
        return freshTemplate(ctx, id);
      }),
  }),
  setTemplateRecording: t.fieldWithInput({
    ...admin,
    description:
      'Sets a template’s recording config (composite, track and stream recording; 100ms allows one). Needs hms:admin.',
    type: TemplateRef,
    errors: { types: MUTATION_ERRORS },
    input: {
      templateId: t.input.id({ required: true, description: '100ms template id or Template global id.' }),
      recording: t.input.field({
        type: 'JSON',
        required: true,
        description: 'One recording config: name, role, compositeRecording, trackRecording, streamRecording…',
      }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'setTemplateRecording', input, async () => {
        const id = inputId(input.templateId, 'Template', 'input.templateId');
        const body = [jsonObject(input.recording, 'input.recording')];
        await ctx.send('templates.updateRecordings', { params: { id }, body }, ctx.upstream);
        return freshTemplate(ctx, id);
      }),
  }),
}));

builder.objectFields(TemplateRef, (t) => ({
  settings: t.field({
    type: 'JSON',
    description: 'The template’s settings as 100ms keeps them (camelCase; storage credentials removed).',
    resolve: (tpl) => withoutCredentials(tpl.settings ?? {}),
  }),
  destinations: t.field({
    type: 'JSON',
    description: 'Browser recording, HLS, RTMP and transcription destinations (camelCase).',
    resolve: (tpl) => tpl.destinations ?? {},
  }),
  plugins: t.field({
    type: 'JSON',
    nullable: true,
    description: 'Whiteboard and caption plugins; null when none are set.',
    resolve: (tpl) => tpl.plugins ?? null,
  }),
  recordingConfigs: t.field({
    type: 'JSON',
    description:
      'The recording configs (`GET /templates/{id}/recordings`; one call): composite, track and stream recording.',
    resolve: async (tpl, _args, ctx) =>
      withoutCredentials(
        (await ctx.send('templates.getRecordings', { params: { id: tpl.id } }, ctx.upstream)) ?? [],
      ),
  }),
}));

/** Storage credentials never leave the gateway (`credentials`, `secretKey`, `secret`). */
export function withoutCredentials<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutCredentials) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'credentials' && key !== 'secretKey' && key !== 'secret')
        .map(([key, inner]) => [key, withoutCredentials(inner)]),
    ) as T;
  }
  return value;
}
