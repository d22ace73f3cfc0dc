import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Names of the fields selected at `path` below the current field (e.g. ['edges', 'node']),
 * through fragments and inline fragments. Lets a resolver read only the columns a client asked for.
 */
export function selectedFields(info: GraphQLResolveInfo, path: string[]): Set<string> {
  let sets: SelectionSetNode[] = info.fieldNodes.map((node) => node.selectionSet).filter((s): s is SelectionSetNode => !!s);
  for (const name of path) {
    sets = fieldsOf(sets, info)
      .filter((field) => field.name.value === name && field.selectionSet)
      .map((field) => field.selectionSet!);
  }
  return new Set(fieldsOf(sets, info).map((field) => field.name.value));
}

function fieldsOf(sets: SelectionSetNode[], info: GraphQLResolveInfo, seen = new Set<string>()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const set of sets) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...fieldsOf([selection.selectionSet], info, seen));
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = info.fragments[selection.name.value];
        if (fragment) fields.push(...fieldsOf([fragment.selectionSet], info, seen));
      }
    }
  }
  return fields;
}
