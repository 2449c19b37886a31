import { toConnection, type Connection, type PageRequest } from '@sanshe/service-kit';
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
