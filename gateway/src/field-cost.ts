import fs from 'node:fs';
import {
  GraphQLError,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type GraphQLCompositeType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** `Type.field` → weight, from schemas/cost-weights.json (one map beside the SDL). */
export type CostWeights = Readonly<Record<string, number>>;

export function loadCostWeights(file = require.resolve('@sanshe/schemas/cost-weights.json')): CostWeights {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, number] => !e[0].startsWith('$') && typeof e[1] === 'number'));
}

/**
 * Adds up the weights of every field occurrence in the operation (aliases and each
 * spread of a fragment count again), so fifteen aliases of a statistics query cost
 * fifteen times one. A validation rule: a refused query never reaches a subgraph.
 */
export function fieldCostRule(weights: CostWeights, maxCost: number): ValidationRule {
  return (context: ValidationContext) => {
    const costOf = (set: SelectionSetNode, parent: GraphQLCompositeType, seen: ReadonlySet<string>): number => {
      let total = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const fields = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields() : {};
          const field = fields[selection.name.value];
          total += weights[`${parent.name}.${selection.name.value}`] ?? 0;
          const type = field && getNamedType(field.type);
          if (selection.selectionSet && type && isCompositeType(type)) total += costOf(selection.selectionSet, type, seen);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const type = selection.typeCondition ? context.getSchema().getType(selection.typeCondition.name.value) : parent;
          if (type && isCompositeType(type)) total += costOf(selection.selectionSet, type, seen);
        } else {
          const name = selection.name.value;
          const fragment = context.getFragment(name);
          const type = fragment && context.getSchema().getType(fragment.typeCondition.name.value);
          // A fragment cycle is refused by graphql-js's own rule; here it just stops the walk.
          if (fragment && type && isCompositeType(type) && !seen.has(name))
            total += costOf(fragment.selectionSet, type, new Set([...seen, name]));
        }
      }
      return total;
    };
    return {
      OperationDefinition(node) {
        const root = context.getSchema().getRootType(node.operation);
        if (!root) return;
        const cost = costOf(node.selectionSet, root, new Set());
        if (cost > maxCost) {
          context.reportError(
            new GraphQLError(
              `The query costs ${cost} by the field weights (statistics and rankings weigh most); the limit is ${maxCost}. Ask for fewer statistics at once, or split the query.`,
              { extensions: { limit: 'MAX_FIELD_COST', cost, maxCost } },
            ),
          );
        }
      },
    };
  };
}
