import { isDeepStrictEqual } from 'node:util';
import type { Model } from 'mongoose';
import type { CatalogueReader } from '../domain/catalogue-queries';
import type { Catalogue, ServiceCategory, ServiceItem } from '../domain/model';
import type { CatalogueStore } from '../domain/ports';
import type { ResidentServicesModels } from './models';

/** Equal as stored: compared through JSON, so absent and undefined fields agree. */
const sameContent = (a: object, b: object) => isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));

/** How long a snapshot of the catalogue serves reads before the next read reloads it. */
const SNAPSHOT_TTL_MS = 30_000;

interface Snapshot {
  at: number;
  categories: readonly ServiceCategory[];
  items: readonly ServiceItem[];
  itemsByCode: ReadonlyMap<string, ServiceItem>;
}

/**
 * The catalogue is reference data: 15 categories and 120 items, written only by a seed or a
 * release's catalogue job (`sync`), yet read by nearly every request that shows an order.
 * Reads are served from an in-memory snapshot of both collections, loaded with two queries and
 * kept for 30 s (frozen, so no reader can change it for the next). This process's own `sync`
 * drops it at once; a sync by another process is seen within the TTL.
 */
export class CatalogueRepository implements CatalogueStore, CatalogueReader {
  private snapshot: Snapshot | null = null;
  private loading: Promise<Snapshot> | null = null;
  /** Bumped by every sync, so a load that started before it is not kept. */
  private generation = 0;

  constructor(
    private readonly models: ResidentServicesModels,
    private readonly ttlMs = SNAPSHOT_TTL_MS,
  ) {}

  private async current(): Promise<Snapshot> {
    if (this.snapshot && Date.now() - this.snapshot.at < this.ttlMs) return this.snapshot;
    if (!this.loading) {
      const generation = this.generation;
      const at = Date.now();
      const loading = Promise.all([
        this.models.ServiceCategory.find().sort({ order: 1 }).lean<ServiceCategory[]>().exec(),
        this.models.ServiceItem.find().sort({ categoryCode: 1, order: 1 }).lean<ServiceItem[]>().exec(),
      ])
        .then(([categories, items]) => {
          const snapshot: Snapshot = deepFreeze({ at, categories, items, itemsByCode: new Map(items.map((i) => [i._id, i])) });
          if (generation === this.generation) this.snapshot = snapshot;
          return snapshot;
        })
        .finally(() => {
          if (this.loading === loading) this.loading = null;
        });
      this.loading = loading;
    }
    return this.loading;
  }

  /**
   * Makes the stored catalogue match `catalogue`, writing only what differs: the seed runs
   * this on every run, and a second run changes nothing.
   */
  async sync(catalogue: Catalogue): Promise<{ written: number }> {
    const [categories, items] = await Promise.all([
      this.mismatches(this.models.ServiceCategory as unknown as Model<{ _id: string }>, catalogue.categories),
      this.mismatches(this.models.ServiceItem as unknown as Model<{ _id: string }>, catalogue.items),
    ]);
    return { written: categories + items };
  }

  private async mismatches<T extends { _id: string }>(model: Model<{ _id: string }>, wanted: T[]): Promise<number> {
    const stored = new Map((await model.find().lean<{ _id: string }[]>().exec()).map((d) => [d._id, d]));
    const missing = wanted.filter((w) => !stored.has(w._id));
    const changed = wanted.filter((w) => stored.has(w._id) && !sameContent(stored.get(w._id)!, w));
    // Replicas starting together insert the same reference data: a duplicate is theirs, not a failure.
    if (missing.length > 0) await model.insertMany(missing, { ordered: false }).catch(unlessOnlyDuplicates);
    for (const doc of changed) await model.replaceOne({ _id: doc._id }, doc).exec();
    if (missing.length + changed.length > 0) {
      this.generation += 1;
      this.snapshot = null;
      this.loading = null;
    }
    return missing.length + changed.length;
  }

  async categories(): Promise<ServiceCategory[]> {
    return [...(await this.current()).categories];
  }

  async categoriesByCodes(codes: readonly string[]): Promise<ServiceCategory[]> {
    const wanted = new Set(codes);
    return (await this.current()).categories.filter((c) => wanted.has(c._id));
  }

  async item(code: string): Promise<ServiceItem | null> {
    return (await this.current()).itemsByCode.get(code) ?? null;
  }

  async itemsByCodes(codes: readonly string[]): Promise<ServiceItem[]> {
    const { itemsByCode } = await this.current();
    return codes.flatMap((code) => itemsByCode.get(code) ?? []);
  }

  /** In category order, then item order, as stored. */
  async itemsOfCategories(codes: readonly string[]): Promise<ServiceItem[]> {
    const wanted = new Set(codes);
    return (await this.current()).items.filter((i) => wanted.has(i.categoryCode));
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    const children = value instanceof Map ? [...value.values()] : Object.values(value);
    for (const child of children) deepFreeze(child);
  }
  return value;
}

/** Rethrows a bulk insert's error unless every write it refused was a duplicate `_id`. */
function unlessOnlyDuplicates(err: unknown): void {
  const writeErrors = (err as { writeErrors?: { code?: number; err?: { code?: number } }[] }).writeErrors;
  const duplicate = (e: { code?: number; err?: { code?: number } }) => (e.code ?? e.err?.code) === 11000;
  if (!Array.isArray(writeErrors) || writeErrors.length === 0 || !writeErrors.every(duplicate)) throw err;
}
