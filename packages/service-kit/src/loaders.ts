import DataLoader from 'dataloader';

/**
 * A DataLoader that fetches many entities by id in ONE query and hands them back in
 * the order asked, with null for unknown ids. Used for `__resolveReference`, so the
 * gateway's batched entity fetches cost one database query per batch.
 */
export function byIdLoader<T extends { _id: string }>(fetch: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const found = await fetch(ids);
    const byId = new Map(found.map((item) => [item._id, item]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Groups rows by a key for one-to-many batching (e.g. party organizations of many communities). */
export function groupedLoader<K extends string, T>(fetch: (keys: readonly K[]) => Promise<T[]>, keyOf: (item: T) => K): DataLoader<K, T[]> {
  return new DataLoader<K, T[]>(async (keys) => {
    const rows = await fetch(keys);
    const groups = new Map<K, T[]>();
    for (const row of rows) {
      const k = keyOf(row);
      const list = groups.get(k);
      if (list) list.push(row);
      else groups.set(k, [row]);
    }
    return keys.map((k) => groups.get(k) ?? []);
  });
}
