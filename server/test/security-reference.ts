/**
 * Reference measures for the query limits in src/security.ts, written the naive way (every
 * fragment spread expanded in place, no memo), and generators of documents to compare them on.
 */
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { QUERY_COSTS } from '../src/security.js';

/** Recursive types (any depth), an interface, a connection and a plain list with `first`, a filter with `search`. */
export const testSchema = buildSchema(`
  type Query { node: Node, entity: Entity, nodes: [Node!]!, leads(first: Int = 50, filter: Filter): Conn!, items(first: Int): [Node!]! }
  interface Entity { id: ID!, child: Entity, leads(first: Int = 10, filter: Filter): Conn! }
  type Node implements Entity { id: ID!, name: String, child: Node, children: [Node!]!, entity: Entity, leads(first: Int = 10, filter: Filter): Conn!, items(first: Int): [Node!]! }
  type Conn { totalCount: Int!, edges: [Edge!]!, pageInfo: PageInfo! }
  type Edge { cursor: String!, node: Node! }
  type PageInfo { hasNextPage: Boolean! }
  input Filter { search: String, minScore: Int }
`);

const fieldsOf = (type: GraphQLNamedType | undefined) => (isObjectType(type) || isInterfaceType(type) ? type.getFields() : {});

/** A field of the expanded document: fragments inlined, each field knowing its definition. */
interface Expanded {
  node: FieldNode;
  parent: GraphQLNamedType | undefined;
  children: Expanded[];
}

/** Thrown when the expansion grows past its budget: exponential documents are not compared. */
class TooLarge extends Error {}

function expand(schema: GraphQLSchema, set: SelectionSetNode, parent: GraphQLNamedType | undefined, fragments: Map<string, FragmentDefinitionNode>, budget: { left: number }): Expanded[] {
  const out: Expanded[] = [];
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      if (--budget.left < 0) throw new TooLarge();
      const fieldType = fieldsOf(parent)[s.name.value]?.type;
      out.push({ node: s, parent, children: s.selectionSet ? expand(schema, s.selectionSet, fieldType && getNamedType(fieldType), fragments, budget) : [] });
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      out.push(...expand(schema, s.selectionSet, s.typeCondition ? schema.getType(s.typeCondition.name.value) : parent, fragments, budget));
    } else {
      const fragment = fragments.get(s.name.value);
      if (fragment) out.push(...expand(schema, fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), fragments, budget));
    }
  }
  return out;
}

/** The operation's fields with every fragment inlined; undefined past `budget` fields. */
export function expandOperation(schema: GraphQLSchema, document: DocumentNode, budget = 20_000): Expanded[] | undefined {
  const definitions = document.definitions as Array<OperationDefinitionNode | FragmentDefinitionNode>;
  const fragments = new Map(definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const operation = definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  try {
    return expand(schema, operation.selectionSet, schema.getRootType(operation.operation) ?? undefined, fragments, { left: budget });
  } catch (error) {
    if (error instanceof TooLarge) return undefined;
    throw error;
  }
}

const depthOfFields = (fields: Expanded[]): number => Math.max(0, ...fields.map((f) => 1 + depthOfFields(f.children)));

/** Depth of the expanded operation. */
export const naiveDepth = (fields: Expanded[]) => depthOfFields(fields);

/**
 * Cost of one field, as QUERY_COSTS describes it: 1, a scan for totalCount and for a searched page,
 * plus each child's cost, times `first` when the field is a paged list or the child a list of a page.
 */
function costOfField(f: Expanded): bigint {
  const definition = fieldsOf(f.parent)[f.node.name.value];
  const isList = (t: typeof definition) => !!t && isListType(getNullableType(t.type));
  const firstArg = definition?.args.find((a) => a.name === 'first');
  const firstValue = f.node.arguments?.find((a) => a.name.value === 'first')?.value;
  let size: number | undefined;
  if (firstArg) {
    size = firstValue?.kind === Kind.INT ? Number(firstValue.value) : !firstValue && typeof firstArg.defaultValue === 'number' ? firstArg.defaultValue : QUERY_COSTS.maxPageSize;
    size = Math.min(Math.max(size, 0), QUERY_COSTS.maxPageSize);
  }
  const filter = f.node.arguments?.find((a) => a.name.value === 'filter')?.value;
  const search = filter?.kind === Kind.OBJECT ? filter.fields.find((x) => x.name.value === 'search')?.value : undefined;
  const searched = filter?.kind === Kind.VARIABLE || search?.kind === Kind.VARIABLE || (search?.kind === Kind.STRING && search.value.trim() !== '');
  let cost = BigInt(QUERY_COSTS.field + (f.node.name.value === 'totalCount' ? QUERY_COSTS.scan : 0) + (size !== undefined && searched ? QUERY_COSTS.scan : 0));
  for (const child of f.children) {
    const childDefinition = fieldsOf(child.parent)[child.node.name.value];
    const perRow = size !== undefined && (isList(definition) || isList(childDefinition));
    cost += costOfField(child) * BigInt(perRow ? size! : 1);
  }
  return cost;
}

/** Cost of the expanded operation, exact (bigint). */
export const naiveCost = (fields: Expanded[]) => fields.reduce((sum, f) => sum + costOfField(f), 0n);

/** Shape of a selection before it is fitted to a type: picks choose fields and fragments by index. */
export type Plan =
  | { kind: 'field'; pick: number; alias: boolean; first: number | null | 'var'; search: 'x' | '' | 'var' | null; children: Plan[] }
  | { kind: 'inline'; typed: boolean; children: Plan[] }
  | { kind: 'spread'; pick: number };

const planArb = fc.letrec<{ plan: Plan; plans: Plan[] }>((tie) => ({
  plan: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'plan' },
    fc.record({ kind: fc.constant('spread' as const), pick: fc.nat(20) }),
    fc.record({
      kind: fc.constant('field' as const),
      pick: fc.nat(20),
      alias: fc.boolean(),
      first: fc.oneof(fc.constant(null), fc.constant('var' as const), fc.integer({ min: -5, max: 300 })),
      search: fc.constantFrom('x' as const, '' as const, 'var' as const, null),
      children: tie('plans'),
    }),
    fc.record({ kind: fc.constant('inline' as const), typed: fc.boolean(), children: tie('plans') }),
  ),
  plans: fc.array(tie('plan'), { maxLength: 3, depthIdentifier: 'plan' }),
}));

/** Fragments (each may spread only later ones: no cycles) and an operation, as plans. */
export const documentPlanArb = fc.record({
  fragments: fc.array(fc.record({ type: fc.constantFrom('Query', 'Node', 'Entity', 'Conn', 'Edge'), body: fc.array(planArb.plan, { minLength: 1, maxLength: 4 }) }), { maxLength: 6 }),
  operation: fc.array(planArb.plan, { minLength: 1, maxLength: 4 }),
});

export interface DocumentPlan {
  fragments: Array<{ type: string; body: Plan[] }>;
  operation: Plan[];
}

/** The document text and how many aliases it writes; with `cycles`, a fragment may spread any fragment, itself included. */
export function renderDocument(schema: GraphQLSchema, plan: DocumentPlan, cycles: boolean) {
  let aliases = 0;
  const render = (plans: Plan[], type: GraphQLNamedType | undefined, from: number): string => {
    const parts: string[] = [];
    for (const p of plans) {
      if (p.kind === 'spread') {
        const candidates = plan.fragments.map((f, i) => ({ f, i })).filter(({ f, i }) => (cycles || i > from) && (f.type === type?.name || (isInterfaceType(type) && f.type === 'Node')));
        if (candidates.length) parts.push(`...F${candidates[p.pick % candidates.length].i}`);
      } else if (p.kind === 'inline') {
        // on an interface, a typed inline fragment narrows to the implementation, whose fields differ
        const narrowed = p.typed && isInterfaceType(type) ? schema.getType('Node') : type;
        const inner = render(p.children, narrowed, from);
        if (inner) parts.push(`... ${p.typed && narrowed ? `on ${narrowed.name} ` : ''}{ ${inner} }`);
      } else if (isObjectType(type) || isInterfaceType(type)) {
        const fields = Object.values(type.getFields());
        const field = fields[p.pick % fields.length];
        const args: string[] = [];
        if (field.args.some((a) => a.name === 'first') && p.first !== null) args.push(`first: ${p.first === 'var' ? '$n' : p.first}`);
        if (field.args.some((a) => a.name === 'filter') && p.search !== null) args.push(`filter: ${p.search === 'var' ? '$f' : `{ search: "${p.search}" }`}`);
        const named = getNamedType(field.type);
        const inner = isObjectType(named) || isInterfaceType(named) ? render(p.children, named, from) || '__typename' : '';
        if (p.alias) aliases++;
        parts.push(`${p.alias ? `a${aliases}: ` : ''}${field.name}${args.length ? `(${args.join(', ')})` : ''}${inner ? ` { ${inner} }` : ''}`);
      }
    }
    return parts.join(' ');
  };
  const fragments = plan.fragments.map((f, i) => `fragment F${i} on ${f.type} { ${render(f.body, schema.getType(f.type), i) || '__typename'} }`);
  const operation = `query Q($n: Int, $f: Filter) { ${render(plan.operation, schema.getQueryType() ?? undefined, -1) || '__typename'} }`;
  return { source: [operation, ...fragments].join('\n'), aliases };
}
