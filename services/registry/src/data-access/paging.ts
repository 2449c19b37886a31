import { toConnection, type Connection, type PageRequest } from '@sanshe/service-kit';
import DataLoader from 'dataloader';
import type { FilterQuery, Model, ProjectionType } from 'mongoose';

/**
 * One page of a keyset-paginated list: rows after the cursor's `_id`, in `_id` order,
 * fetched with `limit + 1` so the extra row tells whether a next page exists.
 */
export async function keysetPage<T extends { _id: string }>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  model: Model<any>,
  filter: FilterQuery<T>,
  page: PageRequest,
  projection?: ProjectionType<T>,
): Promise<Connection<T>> {
  const query = page.afterKey === null ? filter : { ...filter, _id: { $gt: page.afterKey } };
  const rows = await model
    .find(query, projection ?? null)
    .sort({ _id: 1 })
    .limit(page.limit + 1)
    .lean<T[]>()
    .exec();
  return toConnection(rows, page.limit, (row) => row._id);
}

/** Drops the bookkeeping fields a write returns with the document. */
export function withoutBookkeeping<T extends object>(doc: T): T {
  const { _outbox: _o, statsApplied: _s, ...rest } = doc as T & { _outbox?: unknown; statsApplied?: unknown };
  return rest as T;
}

export interface GroupPageKey {
  group: string;
  page: PageRequest;
}

/**
 * Pages of a nested list (the members of each of many organizations) in one query per
 * batch: every row of the batch's groups, then each page cut from its group in memory.
 * For lists whose groups stay small, like the members of an organization.
 */
export function groupedPageLoader<T extends { _id: string }>(
  fetch: (groups: readonly string[]) => Promise<T[]>,
  groupOf: (row: T) => string,
): DataLoader<GroupPageKey, Connection<T>, string> {
  return new DataLoader<GroupPageKey, Connection<T>, string>(
    async (keys) => {
      const rows = await fetch([...new Set(keys.map((k) => k.group))]);
      const sorted = [...rows].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
      return keys.map(({ group, page }) => {
        const after = sorted.filter((r) => groupOf(r) === group && (page.afterKey === null || r._id > page.afterKey));
        return toConnection(after.slice(0, page.limit + 1), page.limit, (r) => r._id);
      });
    },
    { cacheKeyFn: (k) => JSON.stringify([k.group, k.page.afterKey, k.page.limit]) },
  );
}
