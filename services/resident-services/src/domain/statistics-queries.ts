import { BadInputError } from '@sanshe/domain-kit';
import { MONTH } from './calendar';
import type { CatalogueReader } from './catalogue-queries';
import { summarize, type StatisticsBucket, type StatisticsView } from './statistics';

export interface StatisticsQuery {
  communityId?: string;
  streetId?: string;
  fromMonth?: string;
  toMonth?: string;
}

export interface StatisticsReader {
  find(query: StatisticsQuery): Promise<StatisticsBucket[]>;
}

export interface StatisticsFilterArgs {
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
export async function serviceStatistics(
  filter: StatisticsFilterArgs | null | undefined,
  deps: { statistics: StatisticsReader; catalogue: Pick<CatalogueReader, 'categories'> },
): Promise<StatisticsView & { fromMonth: string | null; toMonth: string | null }> {
  const f = filter ?? {};
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
}
