import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import type { GatewayConfig } from './config';
import { fieldCostRule, loadCostWeights } from './field-cost';

/** Names the limit a refused query hit, in `extensions.limit`, so clients can tell them apart. */
export type QueryLimit = 'MAX_DEPTH' | 'MAX_ALIASES' | 'MAX_COST' | 'MAX_DIRECTIVES' | 'MAX_FIELD_COST';

/**
 * armor prefixes every refusal with "Syntax Error:" even when the query is well-formed
 * and reports it without saying which limit; we report it ourselves, with the limit named.
 * Apollo then gives it the code GRAPHQL_VALIDATION_FAILED and HTTP 400.
 */
function reportLimit(limit: QueryLimit) {
  return {
    propagateOnRejection: false,
    onReject: [
      (ctx: ValidationContext | null, error: GraphQLError) => {
        const message = `${error.message.replace(/^Syntax Error:\s*/, '')} Simplify the query or split it into several.`;
        ctx?.reportError(new GraphQLError(message, { extensions: { limit } }));
      },
    ],
  };
}

/**
 * The query limits, enforced while parsing (tokens) and validating (the rest) —
 * before a query plan is made, so a refused query never reaches a subgraph.
 */
export function queryLimits(config: GatewayConfig): {
  plugins: ApolloServerPlugin<BaseContext>[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
} {
  const armor = new ApolloArmor({
    maxDepth: { n: config.MAX_DEPTH, ignoreIntrospection: true, ...reportLimit('MAX_DEPTH') },
    maxAliases: { n: config.MAX_ALIASES, ...reportLimit('MAX_ALIASES') },
    costLimit: { maxCost: config.MAX_COST, ignoreIntrospection: true, ...reportLimit('MAX_COST') },
    maxDirectives: { n: config.MAX_DIRECTIVES, ...reportLimit('MAX_DIRECTIVES') },
    // armor's token limit throws from a plugin hook, which Apollo turns into HTTP 500;
    // graphql-js's own parser limit (parseOptions below) refuses with a 400 instead.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: config.BLOCK_FIELD_SUGGESTIONS },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    plugins,
    validationRules: [...validationRules, fieldCostRule(loadCostWeights(), config.MAX_FIELD_COST)],
    parseOptions: { maxTokens: config.MAX_TOKENS },
  };
}

/**
 * armor hides "Did you mean" only on fields; graphql-js also suggests enum values, types and
 * arguments (in validation and while coercing variables), which would spell out the schema
 * with introspection off. Applied to every error the gateway sends.
 */
export function maskSuggestions<T extends { message: string }>(formatted: T): T {
  const message = formatted.message.replace(/\s*Did you mean [^?]*\?/g, '');
  return message === formatted.message ? formatted : { ...formatted, message };
}
