import { toConnection, type Connection, type PageRequest } from '@sanshe/domain-kit';

/** A page of one group's rows in a nested list (the members of one organization, say). */
export interface GroupPageKey {
  group: string;
  page: PageRequest;
}

/**
 * Cuts each key's page from the rows of all the asked groups, in `_id` order: the nested
 * lists this serves (members of an organization, co-building members of a committee) stay
 * small, so one read of every row of a batch's groups answers all their pages.
 */
export function pagesOfGroups<T extends { _id: string }>(
  keys: readonly GroupPageKey[],
  rows: readonly T[],
  groupOf: (row: T) => string,
): Connection<T>[] {
  const sorted = [...rows].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
  return keys.map(({ group, page }) => {
    const after = sorted.filter((r) => groupOf(r) === group && (page.afterKey === null || r._id > page.afterKey));
    return toConnection(after.slice(0, page.limit + 1), page.limit, (r) => r._id);
  });
}

/** The distinct groups a batch of page keys asks for. */
export const groupsOf = (keys: readonly GroupPageKey[]): string[] => [...new Set(keys.map((k) => k.group))];
