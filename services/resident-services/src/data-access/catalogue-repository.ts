import { isDeepStrictEqual } from 'node:util';
import { copies, Snapshot, withAll } from '@sanshe/service-kit';
import type { Model } from 'mongoose';
import type { CatalogueReader } from '../domain/catalogue-queries';
import type { Catalogue, ServiceCategory, ServiceItem } from '../domain/model';
import type { CatalogueStore } from '../domain/ports';
import type { ResidentServicesModels } from './models';

/** Equal as stored: compared through JSON, so absent and undefined fields agree. */
const sameContent = (a: object, b: object) => isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));

const hasItem = (catalogue: LoadedCatalogue, code: string) => catalogue.itemsByCode.has(code);

/** How long a snapshot of the catalogue serves reads before the next read reloads it. */
const SNAPSHOT_TTL_MS = 30_000;

interface LoadedCatalogue {
  categories: readonly ServiceCategory[];
  items: readonly ServiceItem[];
  itemsByCode: ReadonlyMap<string, ServiceItem>;
}

/**
 * The catalogue is reference data: 12 categories and 120 items, written only by a seed or a
 * release's catalogue job (`sync`), yet read by nearly every request that shows an order. Reads
 * are served from a snapshot of both collections kept 30 s; this process's own `sync` drops it.
 */
export class CatalogueRepository implements CatalogueStore, CatalogueReader {
  private readonly snapshot: Snapshot<LoadedCatalogue>;

  constructor(
    private readonly models: ResidentServicesModels,
    ttlMs = SNAPSHOT_TTL_MS,
  ) {
    this.snapshot = new Snapshot(async () => {
      const [categories, items] = await Promise.all([
        this.models.ServiceCategory.find().sort({ order: 1 }).lean<ServiceCategory[]>().exec(),
        this.models.ServiceItem.find().sort({ categoryCode: 1, order: 1 }).lean<ServiceItem[]>().exec(),
      ]);
      return { categories, items, itemsByCode: new Map(items.map((i) => [i._id, i])) };
    }, ttlMs);
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
    if (missing.length + changed.length > 0) this.snapshot.invalidate();
    return missing.length + changed.length;
  }

  async categories(): Promise<ServiceCategory[]> {
    return copies((await this.snapshot.get()).categories);
  }

  async categoriesByCodes(codes: readonly string[]): Promise<ServiceCategory[]> {
    const wanted = new Set(codes);
    return copies((await this.snapshot.get()).categories.filter((c) => wanted.has(c._id)));
  }

  async item(code: string): Promise<ServiceItem | null> {
    const found = (await withAll(this.snapshot, [code], hasItem)).itemsByCode.get(code);
    return found ? { ...found } : null;
  }

  async itemsByCodes(codes: readonly string[]): Promise<ServiceItem[]> {
    const { itemsByCode } = await withAll(this.snapshot, codes, hasItem);
    return copies(codes.flatMap((code) => itemsByCode.get(code) ?? []));
  }

  /** In category order, then item order, as stored. */
  async itemsOfCategories(codes: readonly string[]): Promise<ServiceItem[]> {
    const wanted = new Set(codes);
    return copies((await this.snapshot.get()).items.filter((i) => wanted.has(i.categoryCode)));
  }
}

/** Rethrows a bulk insert's error unless every write it refused was a duplicate `_id`. */
function unlessOnlyDuplicates(err: unknown): void {
  const writeErrors = (err as { writeErrors?: { code?: number; err?: { code?: number } }[] }).writeErrors;
  const duplicate = (e: { code?: number; err?: { code?: number } }) => (e.code ?? e.err?.code) === 11000;
  if (!Array.isArray(writeErrors) || writeErrors.length === 0 || !writeErrors.every(duplicate)) throw err;
}
