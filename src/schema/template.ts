import { TEMPLATE_PERMISSIONS, type TemplatePermission, type TemplateRole } from '../hms/types.js';
import { builder } from './builder.js';
import { loadNodes, parseConnectionArgs, parseId, toConnection } from './connection.js';
import { pageArgs, TemplateConnection, TemplateRef } from './refs.js';

const PERMISSION_TEXT: Record<TemplatePermission, string> = {
  endRoom: 'May end the session for everyone.',
  removeOthers: 'May remove other peers.',
  mute: 'May mute other peers’ tracks.',
  unmute: 'May ask other peers to unmute.',
  changeRole: 'May change other peers’ roles.',
  sendRoomState: 'May receive room state (peer list) updates.',
  pollRead: 'May see polls and quizzes.',
  pollWrite: 'May create polls and quizzes.',
  browserRecording: 'May start and stop browser recordings.',
  rtmpStreaming: 'May start and stop RTMP streams.',
  hlsStreaming: 'May start and stop HLS live streams.',
};

const PermissionsRef = builder
  .objectRef<Partial<Record<TemplatePermission, boolean>>>('RolePermissions')
  .implement({
    description: 'What peers of a role may do.',
    fields: (t) =>
      Object.fromEntries(
        TEMPLATE_PERMISSIONS.map((p) => [
          p,
          t.boolean({ description: PERMISSION_TEXT[p], resolve: (perms) => perms[p] ?? false }),
        ]),
      ),
  });

const RoleRef = builder.objectRef<TemplateRole>('TemplateRole').implement({
  description: 'A role of a template: what its peers publish, subscribe to, and may do.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The role name peers join with, e.g. `host`.' }),
    permissions: t.field({
      type: PermissionsRef,
      description: 'What peers of this role may do.',
      resolve: (role) => role.permissions ?? {},
    }),
    publishes: t.stringList({
      description: 'Allowed published sources: audio, video, screen, simulcast.',
      resolve: (role) => role.publishParams?.allowed ?? [],
    }),
    subscribesToRoles: t.stringList({
      description: 'Roles whose tracks peers of this role receive.',
      resolve: (role) => role.subscribeParams?.subscribeToRoles ?? [],
    }),
    priority: t.int({
      nullable: true,
      description: 'Order of roles in the UI, 1 (highest) to 5; null when not set.',
      resolve: (role) => role.priority ?? null,
    }),
    maxPeerCount: t.int({
      nullable: true,
      description:
        'Most peers of this role at once: 0 means unlimited, -1 means nobody may join; null when not set.',
      resolve: (role) => role.maxPeerCount ?? null,
    }),
  }),
});

builder.node(TemplateRef, {
  description: 'A room template: roles, permissions and settings shared by rooms.',
  id: { resolve: (tpl) => tpl.id },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.template, ids),
  fields: (t) => ({
    hmsId: t.exposeString('id', { description: 'The 100ms template id.' }),
    name: t.exposeString('name', { description: 'Unique template name in the workspace.' }),
    region: t.string({
      nullable: true,
      description: 'Default region of rooms using the template (in, us, eu, auto); null when not set.',
      resolve: (tpl) => (typeof tpl.settings?.region === 'string' && tpl.settings.region) || null,
    }),
    roles: t.field({
      type: [RoleRef],
      description: 'The template’s roles, highest priority first.',
      resolve: (tpl) =>
        Object.entries(tpl.roles ?? {})
          .map(([name, role]) => ({ ...role, name: role.name || name }))
          .sort((a, b) => (a.priority ?? 9) - (b.priority ?? 9) || a.name.localeCompare(b.name)),
    }),
    role: t.field({
      type: RoleRef,
      nullable: true,
      description: 'One role by name; null when the template has no such role.',
      args: { name: t.arg.string({ required: true, description: 'The role name, e.g. `host`.' }) },
      resolve: (tpl, args) => {
        const role = tpl.roles?.[args.name];
        return role ? { ...role, name: role.name || args.name } : null;
      },
    }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the template was created; null when 100ms does not say.',
      resolve: (tpl) => tpl.createdAt || null,
    }),
    updatedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Last change of the template; null when never changed.',
      resolve: (tpl) => tpl.updatedAt,
    }),
  }),
});

builder.queryFields((t) => ({
  template: t.field({
    type: TemplateRef,
    nullable: true,
    description:
      'A template by its 100ms id or global id. Null plus a NOT_FOUND error when it does not exist.',
    args: {
      id: t.arg.id({ required: true, description: 'The 100ms template id or the Template global `id`.' }),
    },
    resolve: (_root, args, ctx) => ctx.loaders.template.load(parseId(String(args.id), 'Template')),
  }),
  templates: t.field({
    type: TemplateConnection,
    description: 'Templates of the workspace.',
    args: pageArgs(t.arg),
    resolve: async (_root, args, ctx) => {
      const { first, after } = parseConnectionArgs(args);
      return toConnection(
        await ctx.loaders.templatesPage.load({ query: {}, first, after }),
        (x) => x.id,
        Boolean(after),
      );
    },
  }),
}));
