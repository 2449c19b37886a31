import { isDeepStrictEqual } from 'node:util';
import type { Model } from 'mongoose';
import type { CatalogueReader } from '../domain/catalogue-queries';
import type { Catalogue, ServiceCategory, ServiceItem } from '../domain/model';
import type { CatalogueStore } from '../domain/ports';
import type { ResidentServicesModels } from './models';

/** Equal as stored: compared through JSON, so absent and undefined fields agree. */
const sameContent = (a: object, b: object) => isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));

export class CatalogueRepository implements CatalogueStore, CatalogueReader {
  constructor(private readonly models: ResidentServicesModels) {}

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
    return missing.length + changed.length;
  }

  categories(): Promise<ServiceCategory[]> {
    return this.models.ServiceCategory.find().sort({ order: 1 }).lean<ServiceCategory[]>().exec();
  }

  categoriesByCodes(codes: readonly string[]): Promise<ServiceCategory[]> {
    return this.models.ServiceCategory.find({ _id: { $in: [...codes] } })
      .lean<ServiceCategory[]>()
      .exec();
  }

  item(code: string): Promise<ServiceItem | null> {
    return this.models.ServiceItem.findById(code).lean<ServiceItem>().exec();
  }

  itemsByCodes(codes: readonly string[]): Promise<ServiceItem[]> {
    return this.models.ServiceItem.find({ _id: { $in: [...codes] } })
      .lean<ServiceItem[]>()
      .exec();
  }

  itemsOfCategories(codes: readonly string[]): Promise<ServiceItem[]> {
    return this.models.ServiceItem.find({ categoryCode: { $in: [...codes] } })
      .sort({ categoryCode: 1, order: 1 })
      .lean<ServiceItem[]>()
      .exec();
  }
}

/** Rethrows a bulk insert's error unless every write it refused was a duplicate `_id`. */
function unlessOnlyDuplicates(err: unknown): void {
  const writeErrors = (err as { writeErrors?: { code?: number; err?: { code?: number } }[] }).writeErrors;
  const duplicate = (e: { code?: number; err?: { code?: number } }) => (e.code ?? e.err?.code) === 11000;
  if (!Array.isArray(writeErrors) || writeErrors.length === 0 || !writeErrors.every(duplicate)) throw err;
}
