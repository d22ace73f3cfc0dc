import { nulCharacterRule } from './graphql/input-guard.js';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type ASTNode,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { MAX_PAGE_SIZE } from './modules/leads/lead.rules.js';

/** Limits shared by HTTP and WebSocket, so neither path can be used to get around the other. */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 30,
  /** parse stops past this many tokens (keeps huge documents cheap to refuse) */
  maxTokens: 5_000,
  /**
   * Most an operation may cost (see QUERY_COSTS). The web app's lead list at its largest page
   * (200 rows, search, totalCount) costs about 9,000; a partner's full page with every field about
   * 10,000; 30 aliased `leads(first: 200) { totalCount edges { node { id } } }` cost about 78,000.
   */
  maxCost: 20_000,
};

/**
 * What an operation costs, estimated from the document alone: every field costs `field`; a field
 * with a `first` argument returns a page of that many rows, so the list fields in its selection
 * (`edges`) count once per row; a statement that may read every row of the tenant counts `scan`:
 * `totalCount` (count(*) over all matches) and a page filtered by `search` (ILIKE, no index).
 * Variables count at their worst (`first` = the largest page, a filter variable holds a search):
 * the request's variables replace any default, and validation does not see them. A fragment
 * counts each time it is spread (execution merges repeats; the estimate errs on the high side).
 */
export const QUERY_COSTS = {
  field: 1,
  scan: 2_000,
  maxPageSize: MAX_PAGE_SIZE,
};

/** Costs saturate here, so an adversarial document gives a large finite number, never Infinity or NaN. */
export const COST_CAP = 1e15;

export type QueryLimit = 'depth' | 'aliases' | 'cost';

/** Same code Apollo gives every validation error (HTTP 400); `limit` and the numbers say which limit and by how much. */
function limitError(message: string, node: ASTNode, limit: QueryLimit, numbers: Record<string, number>): GraphQLError {
  return new GraphQLError(message, { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, ...numbers } });
}

/**
 * One value per fragment of the document, each computed once and after the fragments it spreads,
 * so documents that spread fragments many times over cost linear time. The walk is iterative: a
 * long chain cannot overflow the stack. A fragment spread inside a cycle (refused by NoFragmentCycles)
 * or an unknown fragment reads as undefined.
 */
export function summariseFragments<T>(document: DocumentNode, summarise: (fragment: FragmentDefinitionNode, lookup: (name: string) => T | undefined) => T): Map<string, T> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION && !fragments.has(definition.name.value)) fragments.set(definition.name.value, definition);
  }
  const summaries = new Map<string, T>();
  const started = new Set<string>();
  const lookup = (name: string) => summaries.get(name);
  for (const root of fragments.keys()) {
    if (started.has(root)) continue;
    started.add(root);
    const stack = [{ fragment: fragments.get(root)!, spreads: spreadsIn(fragments.get(root)!.selectionSet), next: 0 }];
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.next < top.spreads.length) {
        const name = top.spreads[top.next++];
        const fragment = fragments.get(name);
        if (fragment && !started.has(name)) {
          started.add(name);
          stack.push({ fragment, spreads: spreadsIn(fragment.selectionSet), next: 0 });
        }
        continue;
      }
      stack.pop();
      summaries.set(top.fragment.name.value, summarise(top.fragment, lookup));
    }
  }
  return summaries;
}

/** Names of the fragments spread anywhere in a selection set (not inside those fragments). */
function spreadsIn(root: SelectionSetNode): string[] {
  const names: string[] = [];
  const pending: SelectionSetNode[] = [root];
  for (let set = pending.pop(); set; set = pending.pop()) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) names.push(selection.name.value);
      else if (selection.selectionSet) pending.push(selection.selectionSet);
    }
  }
  return names;
}

function depthOf(selectionSet: SelectionSetNode, fragmentDepth: (name: string) => number | undefined): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    const depth =
      selection.kind === Kind.FIELD ? 1 + (selection.selectionSet ? depthOf(selection.selectionSet, fragmentDepth) : 0)
      : selection.kind === Kind.INLINE_FRAGMENT ? depthOf(selection.selectionSet, fragmentDepth)
      : (fragmentDepth(selection.name.value) ?? 0);
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

/** Depth of each operation of the document (a field is one level; fragments add no level of their own). */
export function operationDepths(document: DocumentNode): Map<ASTNode, number> {
  const fragments = summariseFragments<number>(document, (fragment, lookup) => depthOf(fragment.selectionSet, lookup));
  const lookup = (name: string) => fragments.get(name);
  const depths = new Map<ASTNode, number>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) depths.set(definition, depthOf(definition.selectionSet, lookup));
  }
  return depths;
}

export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      for (const [operation, depth] of operationDepths(document)) {
        if (depth > maxDepth) {
          context.reportError(limitError(`Query is ${depth} levels deep; at most ${maxDepth} are allowed.`, operation, 'depth', { depth, maxDepth }));
        }
      }
    },
  });
}

/** Counts the aliases written in the document (each node once: linear), reported once with the total. */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    let first: FieldNode | undefined;
    return {
      Field(node) {
        if (node.alias && ++aliases === maxAliases + 1) first = node;
      },
      Document: {
        leave() {
          if (first) {
            context.reportError(limitError(`Query uses ${aliases} aliases; at most ${maxAliases} are allowed.`, first, 'aliases', { aliases, maxAliases }));
          }
        },
      },
    };
  };
}

/** Cost of a selection set: `rows` is what list fields cost, counted once per row of an enclosing page. */
interface Cost {
  once: number;
  rows: number;
}

const add = (a: number, b: number) => Math.min(a + b, COST_CAP);
const times = (a: number, b: number) => Math.min(a * b, COST_CAP);

function fieldDefinition(schema: GraphQLSchema, parent: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (parent && parent === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

/** Rows a paged field returns: a literal `first` as written, otherwise the schema's default, a variable at its worst. */
function pageSize(field: FieldNode, definition: GraphQLField<unknown, unknown>): number | undefined {
  const argument = definition.args.find((a) => a.name === 'first');
  if (!argument) return undefined;
  const value = field.arguments?.find((a) => a.name.value === 'first')?.value;
  let size: number = QUERY_COSTS.maxPageSize;
  if (value?.kind === Kind.INT) size = Number(value.value);
  else if (!value && typeof argument.defaultValue === 'number') size = argument.defaultValue;
  // out of range fails at execution with OUT_OF_RANGE, a clearer error than a cost
  return Math.min(Math.max(size, 0), QUERY_COSTS.maxPageSize);
}

/** Whether a page is filtered by a non-blank `search` (a variable may hold one). */
function searches(field: FieldNode): boolean {
  const filter = field.arguments?.find((a) => a.name.value === 'filter')?.value;
  if (filter?.kind === Kind.VARIABLE) return true;
  if (filter?.kind !== Kind.OBJECT) return false;
  const search = filter.fields.find((f) => f.name.value === 'search')?.value;
  return search?.kind === Kind.VARIABLE || (search?.kind === Kind.STRING && search.value.trim() !== '');
}

function costOf(schema: GraphQLSchema, selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined, fragmentCost: (name: string) => Cost | undefined): Cost {
  const total: Cost = { once: 0, rows: 0 };
  const include = (part: Cost) => {
    total.once = add(total.once, part.once);
    total.rows = add(total.rows, part.rows);
  };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      include(fragmentCost(selection.name.value) ?? { once: 0, rows: 0 });
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
      include(costOf(schema, selection.selectionSet, type, fragmentCost));
    } else {
      const definition = fieldDefinition(schema, parent, selection.name.value);
      const isList = !!definition && isListType(getNullableType(definition.type));
      const inner = selection.selectionSet ? costOf(schema, selection.selectionSet, definition && getNamedType(definition.type), fragmentCost) : { once: 0, rows: 0 };
      const size = definition && pageSize(selection, definition);
      let cost = QUERY_COSTS.field;
      if (selection.name.value === 'totalCount') cost = add(cost, QUERY_COSTS.scan);
      if (size === undefined) cost = add(cost, add(inner.once, inner.rows));
      else {
        // a paged list: every row costs its selection; a connection: only its lists (edges) count per row
        cost = add(cost, isList ? times(size, add(inner.once, inner.rows)) : add(inner.once, times(size, inner.rows)));
        if (searches(selection)) cost = add(cost, QUERY_COSTS.scan);
      }
      include(isList ? { once: 0, rows: cost } : { once: cost, rows: 0 });
    }
  }
  return total;
}

/** Cost of each operation of the document (see QUERY_COSTS), capped at a large finite number. */
export function operationCosts(schema: GraphQLSchema, document: DocumentNode): Map<ASTNode, number> {
  const fragments = summariseFragments<Cost>(document, (fragment, lookup) =>
    costOf(schema, fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), lookup),
  );
  const lookup = (name: string) => fragments.get(name);
  const costs = new Map<ASTNode, number>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const cost = costOf(schema, definition.selectionSet, schema.getRootType(definition.operation) ?? undefined, lookup);
    costs.set(definition, add(cost.once, cost.rows));
  }
  return costs;
}

const formatNumber = (n: number) => n.toLocaleString('en-US');

export function costLimitRule(maxCost: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      for (const [operation, cost] of operationCosts(context.getSchema(), document)) {
        if (cost > maxCost) {
          context.reportError(
            limitError(
              `Query cost ${formatNumber(cost)} exceeds the limit of ${formatNumber(maxCost)}; ask for fewer rows (first), fewer aliases, or leave out totalCount and search.`,
              operation,
              'cost',
              { cost, maxCost },
            ),
          );
        }
      }
    },
  });
}

export const validationRules = [depthLimitRule(QUERY_LIMITS.maxDepth), aliasLimitRule(QUERY_LIMITS.maxAliases), costLimitRule(QUERY_LIMITS.maxCost), nulCharacterRule];
