import { BadInputError } from '@sanshe/service-kit';
import type { CatalogueRepository } from '../../data-access/catalogue-repository';
import type { StatisticsRepository } from '../../data-access/statistics-repository';
import { MONTH } from '../../domain/calendar';
import { summarize } from '../../domain/statistics';
import type { ResidentServicesContext as Ctx } from './context';

interface StatisticsFilterArgs {
  communityId?: string | null;
  streetId?: string | null;
  fromMonth?: string | null;
  toMonth?: string | null;
}

function month(field: string, value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  if (!MONTH.test(value)) throw new BadInputError(`filter.${field}`, `${field} is a month written YYYY-MM, e.g. 2026-11.`);
  return value;
}

/** Aggregates are public: they name no one. Read from the counters, never from the orders. */
export function statisticsResolvers(deps: { statistics: StatisticsRepository; catalogue: CatalogueRepository }) {
  return {
    Query: {
      serviceStatistics: async (_: unknown, args: { filter?: StatisticsFilterArgs | null }) => {
        const f = args.filter ?? {};
        const fromMonth = month('fromMonth', f.fromMonth);
        const toMonth = month('toMonth', f.toMonth);
        if (fromMonth && toMonth && fromMonth > toMonth) throw new BadInputError('filter.toMonth', 'toMonth comes before fromMonth.');
        const [buckets, categories] = await Promise.all([
          deps.statistics.find({
            ...(f.communityId ? { communityId: f.communityId } : {}),
            ...(f.streetId ? { streetId: f.streetId } : {}),
            ...(fromMonth ? { fromMonth } : {}),
            ...(toMonth ? { toMonth } : {}),
          }),
          deps.catalogue.categories(),
        ]);
        return {
          fromMonth: fromMonth ?? null,
          toMonth: toMonth ?? null,
          ...summarize(
            buckets,
            categories.map((c) => c._id),
          ),
        };
      },
    },
    CategoryCount: {
      category: (c: { categoryCode: string }, _: unknown, ctx: Ctx) => ctx.loaders.categories.load(c.categoryCode),
    },
    CommunityCount: {
      community: (c: { communityId: string }) => ({ __typename: 'Community', id: c.communityId }),
    },
  };
}
