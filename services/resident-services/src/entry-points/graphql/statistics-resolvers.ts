import type { CatalogueReader } from '../../domain/catalogue-queries';
import { serviceStatistics, type StatisticsFilterArgs, type StatisticsReader } from '../../domain/statistics-queries';
import type { ResidentServicesContext as Ctx } from './context';

/** Aggregates are public: they name no one (the domain reads them from the counters). */
export function statisticsResolvers(deps: { statistics: StatisticsReader; catalogue: CatalogueReader }) {
  return {
    Query: {
      serviceStatistics: (_: unknown, args: { filter?: StatisticsFilterArgs | null }) => serviceStatistics(args.filter, deps),
    },
    CategoryCount: {
      category: (c: { categoryCode: string }, _: unknown, ctx: Ctx) => ctx.loaders.categories.load(c.categoryCode),
    },
    CommunityCount: {
      community: (c: { communityId: string }) => ({ __typename: 'Community', id: c.communityId }),
    },
  };
}
