import type { TemplatePermission, TemplateRole } from '../hms/types.js';
import { builder } from './builder.js';
import { loadNodes, parseConnectionArgs, parseId, toConnection } from './connection.js';
import { pageArgs, TemplateConnection, TemplateRef } from './refs.js';

const PERMISSIONS: TemplatePermission[] = [
  'endRoom',
  'removeOthers',
  'mute',
  'unmute',
  'changeRole',
  'sendRoomState',
  'pollRead',
  'pollWrite',
  'browserRecording',
  'rtmpStreaming',
  'hlsStreaming',
];

const PermissionsRef = builder
  .objectRef<Partial<Record<TemplatePermission, boolean>>>('RolePermissions')
  .implement({
    description: 'What peers of a role may do.',
    fields: (t) =>
      Object.fromEntries(PERMISSIONS.map((p) => [p, t.boolean({ resolve: (perms) => perms[p] ?? false })])),
  });

const RoleRef = builder.objectRef<TemplateRole>('TemplateRole').implement({
  description: 'A role of a template: what its peers publish, subscribe to, and may do.',
  fields: (t) => ({
    name: t.exposeString('name'),
    permissions: t.field({ type: PermissionsRef, resolve: (role) => role.permissions ?? {} }),
    publishes: t.stringList({
      description: 'Allowed published sources: audio, video, screen, simulcast.',
      resolve: (role) => role.publishParams?.allowed ?? [],
    }),
    subscribesToRoles: t.stringList({ resolve: (role) => role.subscribeParams?.subscribeToRoles ?? [] }),
    priority: t.int({
      nullable: true,
      description: '1 (highest) to 5.',
      resolve: (role) => role.priority ?? null,
    }),
    maxPeerCount: t.int({
      nullable: true,
      description: '0 means unlimited; -1 means nobody may join.',
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
    name: t.exposeString('name'),
    region: t.string({
      nullable: true,
      resolve: (tpl) => (typeof tpl.settings?.region === 'string' && tpl.settings.region) || null,
    }),
    roles: t.field({
      type: [RoleRef],
      resolve: (tpl) =>
        Object.entries(tpl.roles ?? {})
          .map(([name, role]) => ({ ...role, name: role.name || name }))
          .sort((a, b) => (a.priority ?? 9) - (b.priority ?? 9) || a.name.localeCompare(b.name)),
    }),
    role: t.field({
      type: RoleRef,
      nullable: true,
      args: { name: t.arg.string({ required: true }) },
      resolve: (tpl, args) => {
        const role = tpl.roles?.[args.name];
        return role ? { ...role, name: role.name || args.name } : null;
      },
    }),
    createdAt: t.field({ type: 'DateTime', nullable: true, resolve: (tpl) => tpl.createdAt || null }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (tpl) => tpl.updatedAt }),
  }),
});

builder.queryFields((t) => ({
  template: t.field({
    type: TemplateRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.template.load(parseId(String(args.id), 'Template')),
  }),
  templates: t.field({
    type: TemplateConnection,
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
