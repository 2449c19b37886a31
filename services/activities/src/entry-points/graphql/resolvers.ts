import { UnauthenticatedError, type ServiceParts } from '@sanshe/service-kit';
import { activityResolvers } from './activity-resolvers';
import { campaignResolvers } from './campaign-resolvers';
import type { ActivitiesContext, ResolverDeps } from './context';
import { entityResolvers } from './entity-resolvers';
import { venueResolvers } from './venue-resolvers';

export { buildContext, type ActivitiesContext, type ResolverDeps } from './context';

type Resolver = (parent: unknown, args: unknown, ctx: ActivitiesContext, info: unknown) => unknown;

/** Anonymous callers are told to sign in before any mutation looks at its input. */
function signedIn(name: string, resolve: Resolver): Resolver {
  return (parent, args, ctx, info) => {
    if (ctx.identity.userId === null) throw new UnauthenticatedError(`Sign in first: to run ${name} you need an authenticated caller.`);
    return resolve(parent, args, ctx, info);
  };
}

/** Merges the resolver maps of activities, venues and the entities this subgraph extends. */
export function buildResolvers(deps: ResolverDeps): ServiceParts<ActivitiesContext>['resolvers'] {
  const parts: Record<string, Record<string, unknown>>[] = [
    activityResolvers(deps),
    venueResolvers(deps),
    entityResolvers(deps),
    campaignResolvers(deps),
  ];
  const merged: Record<string, Record<string, unknown>> = {};
  for (const part of parts) {
    for (const [type, fields] of Object.entries(part)) merged[type] = { ...merged[type], ...fields };
  }
  merged.Mutation = Object.fromEntries(
    Object.entries(merged.Mutation ?? {}).map(([name, resolve]) => [name, signedIn(name, resolve as Resolver)]),
  );
  return merged as ServiceParts<ActivitiesContext>['resolvers'];
}
