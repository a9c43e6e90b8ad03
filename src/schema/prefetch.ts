/**
 * Look-ahead prefetching. A root lookup such as `room(id:)` must await its object to answer
 * `null` + NOT_FOUND for an unknown id, but its children (sessions, recordings, …) only need the
 * id. So before awaiting, the root field reads its own selection set and starts the children's
 * loads; when the child resolvers run, the DataLoader hands them the in-flight promises. Both
 * resolver and prefetcher build the same loader key, so nothing is fetched twice.
 */
import {
  type FieldNode,
  type FragmentSpreadNode,
  GraphQLIncludeDirective,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  type InlineFragmentNode,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { Context } from '../context.js';

/** Where a prefetcher's field sits in the document, to look further ahead into its selection. */
export interface PrefetchSite {
  info: GraphQLResolveInfo;
  field: FieldNode;
}

type Prefetcher = (
  parentId: string,
  args: Record<string, unknown>,
  ctx: Context,
  site: PrefetchSite,
) => Promise<unknown> | undefined;

const registry = new Map<string, Map<string, Prefetcher>>();

export function registerPrefetch(typeName: string, fieldName: string, prefetcher: Prefetcher): void {
  const fields = registry.get(typeName) ?? new Map<string, Prefetcher>();
  fields.set(fieldName, prefetcher);
  registry.set(typeName, fields);
}

/** Honours @skip/@include so a skipped field costs nothing. */
function included(
  info: GraphQLResolveInfo,
  node: FieldNode | InlineFragmentNode | FragmentSpreadNode,
): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
}

function collectFields(
  info: GraphQLResolveInfo,
  typeName: string,
  selectionSet: SelectionSetNode | undefined,
  out: FieldNode[],
  seen: Set<string>,
): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (!included(info, selection)) continue;
    if (selection.kind === Kind.FIELD) out.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition?.name.value;
      if (!on || on === typeName || on === 'Node')
        collectFields(info, typeName, selection.selectionSet, out, seen);
    } else if (selection.kind === Kind.FRAGMENT_SPREAD && !seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = info.fragments[selection.name.value];
      const on = fragment?.typeCondition.name.value;
      if (fragment && (on === typeName || on === 'Node')) {
        collectFields(info, typeName, fragment.selectionSet, out, seen);
      }
    }
  }
}

/** Starts the loads of every registered child field selected under the current field. */
export function prefetchChildren(
  info: GraphQLResolveInfo,
  typeName: string,
  parentId: string,
  ctx: Context,
): void {
  const prefetchers = registry.get(typeName);
  if (!prefetchers) return;
  const type = info.schema.getType(typeName) as GraphQLObjectType | undefined;
  if (!type) return;
  const fields: FieldNode[] = [];
  const seen = new Set<string>();
  for (const node of info.fieldNodes) collectFields(info, typeName, node.selectionSet, fields, seen);
  for (const field of fields) {
    const prefetch = prefetchers.get(field.name.value);
    const definition = type.getFields()[field.name.value];
    if (!prefetch || !definition) continue;
    try {
      const args = getArgumentValues(definition, field, info.variableValues);
      // The resolver receives the same promise and reports its failure on the right path.
      prefetch(parentId, args, ctx, { info, field })?.catch(() => undefined);
    } catch {
      // Invalid arguments: the field's own resolver reports them.
    }
  }
}

/**
 * Answers of `selectsField` by field nodes and variables: a list's items share both, so the
 * selection is walked once per list, not once per item.
 */
const selects = new WeakMap<readonly FieldNode[], WeakMap<object, Map<string, boolean>>>();
const NO_VARIABLES = {};

/** Whether `name` is selected anywhere within `depth` levels below the current field. */
export function selectsField(info: GraphQLResolveInfo, name: string, depth = 3): boolean {
  let byVariables = selects.get(info.fieldNodes);
  if (!byVariables) {
    byVariables = new WeakMap();
    selects.set(info.fieldNodes, byVariables);
  }
  const variables: object = info.variableValues ?? NO_VARIABLES;
  let answers = byVariables.get(variables);
  if (!answers) {
    answers = new Map();
    byVariables.set(variables, answers);
  }
  const key = `${depth}/${name}`;
  let answer = answers.get(key);
  if (answer === undefined) {
    answer = walkFor(info, name, depth);
    answers.set(key, answer);
  }
  return answer;
}

function walkFor(info: GraphQLResolveInfo, name: string, depth: number): boolean {
  const visit = (selectionSet: SelectionSetNode | undefined, level: number, seen: Set<string>): boolean => {
    if (!selectionSet || level > depth) return false;
    for (const selection of selectionSet.selections) {
      if (!included(info, selection)) continue;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name) return true;
        if (visit(selection.selectionSet, level + 1, seen)) return true;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (visit(selection.selectionSet, level, seen)) return true;
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        if (visit(info.fragments[selection.name.value]?.selectionSet, level, seen)) return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some((node) => visit(node.selectionSet, 1, new Set()));
}

/**
 * The fields named `path[0]`, then `path[1]` within them, and so on, selected under `fields`
 * (through fragments and honouring @skip/@include). Type conditions are not checked: at worst a
 * prefetch starts a load the resolvers then do not read.
 */
export function selectedPath(
  info: GraphQLResolveInfo,
  fields: readonly FieldNode[],
  path: readonly string[],
) {
  let level: FieldNode[] = [...fields];
  for (const name of path) {
    const next: FieldNode[] = [];
    const visit = (selectionSet: SelectionSetNode | undefined, seen: Set<string>) => {
      for (const selection of selectionSet?.selections ?? []) {
        if (!included(info, selection)) continue;
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value === name) next.push(selection);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, seen);
        else if (!seen.has(selection.name.value)) {
          seen.add(selection.name.value);
          visit(info.fragments[selection.name.value]?.selectionSet, seen);
        }
      }
    };
    for (const field of level) visit(field.selectionSet, new Set());
    if (next.length === 0) return next;
    level = next;
  }
  return level;
}

/** The items of a connection selected under `fields`: its `nodes` and its `edges { node }`. */
export function connectionNodes(info: GraphQLResolveInfo, fields: readonly FieldNode[]): FieldNode[] {
  return [...selectedPath(info, fields, ['nodes']), ...selectedPath(info, fields, ['edges', 'node'])];
}
