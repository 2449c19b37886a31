/**
 * A small, rarely written collection held in memory: loaded whole with `load`, served until it is
 * `ttlMs` old, then loaded again on the next read. Reference data (the service catalogue, streets,
 * service centres) is read by nearly every request and written by a seed, a release job or an
 * occasional admin mutation; a query per request for it costs the store and the service far
 * more than the data is worth.
 *
 * The process's own writes call `invalidate()`, so it reads what it wrote at once; another
 * replica's writes are seen within the TTL, and at once by a lookup of ids the snapshot lacks
 * (`withAll`). Concurrent reads of an expired snapshot share one load, and a load that started
 * before an invalidation is not kept.
 *
 * The value is frozen, so a reader cannot change what the next reader gets; readers are handed
 * `copies` of its documents, since Apollo's entity resolution defines `__typename` on the object
 * a reference resolves to, which a frozen document refuses.
 */
export class Snapshot<T> {
  private current: { at: number; value: T } | null = null;
  private loading: Promise<T> | null = null;
  private generation = 0;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly ttlMs: number,
  ) {}

  /** The value, loaded again first when it is `ttlMs` old (the snapshot's own TTL unless given). */
  get(ttlMs = this.ttlMs): Promise<T> {
    if (this.current && Date.now() - this.current.at < ttlMs) return Promise.resolve(this.current.value);
    if (!this.loading) {
      const generation = this.generation;
      const at = Date.now();
      const loading = this.load()
        .then((loaded) => {
          const value = deepFreeze(loaded);
          if (generation === this.generation) this.current = { at, value };
          return value;
        })
        .finally(() => {
          if (this.loading === loading) this.loading = null;
        });
      this.loading = loading;
    }
    return this.loading;
  }

  /**
   * The snapshot, loaded again first if it is at least `minAgeMs` old: for a lookup that missed,
   * since data written by another process (a seed, a replica) may hold what was asked for. The
   * age floor keeps lookups of ids that do not exist from reloading on every request.
   */
  refreshed(minAgeMs: number): Promise<T> {
    if (this.current && Date.now() - this.current.at >= minAgeMs) this.invalidate();
    return this.get();
  }

  /** Drops the snapshot: the next read loads the collection again. */
  invalidate(): void {
    this.generation += 1;
    this.current = null;
    this.loading = null;
  }
}

/** How old a snapshot must be before a lookup that missed loads it again. */
export const MISS_REFRESH_MS = 1_000;

/**
 * The snapshot's value for a lookup of `ids` by `has`: loaded again (at most once a second) when
 * any id is missing, so reference data another process just wrote is found by id at once.
 */
export async function withAll<T>(snapshot: Snapshot<T>, ids: readonly string[], has: (value: T, id: string) => boolean): Promise<T> {
  const value = await snapshot.get();
  return ids.every((id) => has(value, id)) ? value : snapshot.refreshed(MISS_REFRESH_MS);
}

/**
 * The documents among a snapshot's that have one of `ids`, as copies, in snapshot order; a
 * missing id reloads the snapshot first (`withAll`).
 */
export async function documentsByIds<T extends { _id: string }>(snapshot: Snapshot<readonly T[]>, ids: readonly string[]): Promise<T[]> {
  const wanted = new Set(ids);
  const documents = await withAll(snapshot, ids, (all, id) => all.some((d) => d._id === id));
  return copies(documents.filter((d) => wanted.has(d._id)));
}

/** Shallow copies of snapshot documents, for callers that add fields (their nested values stay frozen). */
export const copies = <T extends object>(documents: readonly T[]): T[] => documents.map((d) => ({ ...d }));

/** Freezes objects, arrays and maps all the way down (Dates are left as they are). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !(value instanceof Date) && !Object.isFrozen(value)) {
    Object.freeze(value);
    const children = value instanceof Map ? [...value.values()] : Object.values(value);
    for (const child of children) deepFreeze(child);
  }
  return value;
}
