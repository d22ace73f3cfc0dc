import { GraphQLError, Kind, type ASTVisitor, type DefinitionNode, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

/** Limits shared by HTTP and WebSocket, so neither path can be used to get around the other. */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 30,
  /** parse stops past this many tokens (keeps huge documents cheap to refuse) */
  maxTokens: 5_000,
};

function depthOf(selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    let depth = 0;
    if (selection.kind === Kind.FIELD) {
      depth = selection.selectionSet ? 1 + depthOf(selection.selectionSet, fragments, seen) : 1;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      depth = depthOf(selection.selectionSet, fragments, seen);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (fragment && !seen.has(name)) depth = depthOf(fragment.selectionSet, fragments, new Set(seen).add(name));
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const definitions: readonly DefinitionNode[] = context.getDocument().definitions;
    const fragments = new Map(
      definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
    );
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, fragments, new Set());
        if (depth > maxDepth) {
          context.reportError(new GraphQLError(`Query is ${depth} levels deep; at most ${maxDepth} are allowed.`, { nodes: [node] }));
        }
      },
    };
  };
}

export function aliasLimitRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias && ++aliases === maxAliases + 1) {
          context.reportError(new GraphQLError(`Query uses more than ${maxAliases} aliases.`, { nodes: [node] }));
        }
      },
    };
  };
}

export const validationRules = [depthLimitRule(QUERY_LIMITS.maxDepth), aliasLimitRule(QUERY_LIMITS.maxAliases)];
