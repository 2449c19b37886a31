import type { CreditsPorts } from '../../domain/ports';
import { accountResolvers } from './account-resolvers';
import { catalogueResolvers } from './catalogue-resolvers';

export function buildResolvers(credits: CreditsPorts) {
  const accounts = accountResolvers(credits);
  const catalogue = catalogueResolvers(credits);
  return {
    ...accounts,
    ...catalogue,
    Query: { ...accounts.Query, ...catalogue.Query },
    Mutation: { ...accounts.Mutation, ...catalogue.Mutation },
  };
}
