import { BadInputError, type FigureSource } from '@sanshe/domain-kit';
import { ACTIVITY_STATS_SOURCES } from './report-sources';

/**
 * Activity statistics come from precomputed buckets, one per community and month,
 * never from counting activities or attendances per request. History buckets are
 * written by the seed; live buckets by the statistics consumer, each event applied once.
 */
export type BucketSource = 'HISTORY' | 'LIVE';

export interface CategoryCounts {
  activities: number;
  participations: number;
}

export interface StatsBucket {
  _id: string;
  source: BucketSource;
  communityId: string;
  streetId: string;
  /** YYYY-MM in local time. */
  month: string;
  /** Counts by category code (codes hold no `.` or `$`, so they are safe keys). */
  categories: Record<string, CategoryCounts>;
}

export const bucketId = (source: BucketSource, communityId: string, month: string): string => `${source}|${communityId}|${month}`;

export interface StatsFilter {
  fromMonth: string | null;
  toMonth: string | null;
  streetId: string | null;
  communityId: string | null;
  category: string | null;
}

export interface StatsArgs {
  period?: { from?: string | null; to?: string | null } | null;
  streetId?: string | null;
  communityId?: string | null;
  category?: string | null;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** All time by default; `from`/`to` are inclusive months YYYY-MM. */
export function statsFilter(args: StatsArgs): StatsFilter {
  const fromMonth = args.period?.from ?? null;
  const toMonth = args.period?.to ?? null;
  for (const [field, value] of [
    ['period.from', fromMonth],
    ['period.to', toMonth],
  ] as const) {
    if (value !== null && !MONTH.test(value)) throw new BadInputError(field, `${field} must be a month YYYY-MM, e.g. 2025-06.`);
  }
  if (fromMonth && toMonth && fromMonth > toMonth) throw new BadInputError('period.to', 'period.to must not be before period.from.');
  return { fromMonth, toMonth, streetId: args.streetId ?? null, communityId: args.communityId ?? null, category: args.category ?? null };
}

export interface StatsLine extends CategoryCounts {
  key: string;
}

export interface ActivityStats extends CategoryCounts {
  byCategory: StatsLine[];
  byMonth: StatsLine[];
  byCommunity: StatsLine[];
}

function add(lines: Map<string, StatsLine>, key: string, counts: CategoryCounts): void {
  const line = lines.get(key) ?? { key, activities: 0, participations: 0 };
  line.activities += counts.activities;
  line.participations += counts.participations;
  lines.set(key, line);
}

const sorted = (lines: Map<string, StatsLine>) => [...lines.values()].sort((a, b) => a.key.localeCompare(b.key));

/** Sums buckets already filtered by period and territory; `category` narrows to one category. */
export function summarize(buckets: readonly StatsBucket[], category: string | null): ActivityStats {
  const byCategory = new Map<string, StatsLine>();
  const byMonth = new Map<string, StatsLine>();
  const byCommunity = new Map<string, StatsLine>();
  const total: CategoryCounts = { activities: 0, participations: 0 };
  for (const bucket of buckets) {
    for (const [name, counts] of Object.entries(bucket.categories ?? {})) {
      if (category !== null && name !== category) continue;
      add(byCategory, name, counts);
      add(byMonth, bucket.month, counts);
      add(byCommunity, bucket.communityId, counts);
      total.activities += counts.activities;
      total.participations += counts.participations;
    }
  }
  return { ...total, byCategory: sorted(byCategory), byMonth: sorted(byMonth), byCommunity: sorted(byCommunity) };
}

/** Where statistics buckets are read from: those of a period and territory. */
export interface StatsReader {
  buckets(filter: StatsFilter): Promise<StatsBucket[]>;
}

/** Activity statistics for a period and territory; district-wide figures name the report they come from. */
export async function activityStats(args: StatsArgs, reader: StatsReader): Promise<ActivityStats & { sources: readonly FigureSource[] }> {
  const filter = statsFilter(args);
  const districtWide = Object.values(filter).every((v) => v === null);
  return { ...summarize(await reader.buckets(filter), filter.category), sources: districtWide ? ACTIVITY_STATS_SOURCES : [] };
}
