import type { CreditsApp } from '../../wiring';
import { accountResolvers } from './account-resolvers';
import { catalogueResolvers } from './catalogue-resolvers';

export function buildResolvers(app: CreditsApp) {
  const accounts = accountResolvers(app);
  const catalogue = catalogueResolvers(app);
  return {
    ...accounts,
    ...catalogue,
    Query: { ...accounts.Query, ...catalogue.Query },
    Mutation: { ...accounts.Mutation, ...catalogue.Mutation },
  };
}
