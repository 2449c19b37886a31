import type { mongo } from 'mongoose';

/** What a seed step did: documents written, and those whose `_id` was already taken (left as they are). */
export interface SeedInsertResult<T> {
  inserted: number;
  existing: T[];
}

export interface SeedInsertOptions {
  /** Names the step in progress lines (`<label>: 5000/24000`). */
  label: string;
  log?: (line: string) => void;
  batchSize?: number;
  /**
   * Before each batch, look up its first and last `_id`; when both are there the batch went in
   * on an earlier run (inserts go in order) and is skipped with two key lookups. For large,
   * deterministic seeds run again and again.
   */
  skipBatchesAlreadyThere?: boolean;
}

type WriteError = { code?: number; index?: number; err?: { code?: number; index?: number } };

/**
 * The one way seeds write: unordered batch inserts of documents whose `_id` is not taken yet.
 * Existing documents are never overwritten, so a seed run twice changes nothing and keeps what
 * the service changed since. A duplicate key (the `_id`, or another unique index the seed's
 * deterministic data already satisfied) counts as already there; any other failure stops the seed.
 */
export async function insertMissing<T extends { _id: string }>(
  collection: Pick<mongo.Collection<mongo.Document>, 'insertMany' | 'findOne'>,
  docs: readonly T[],
  { label, log = () => undefined, batchSize = 5_000, skipBatchesAlreadyThere = false }: SeedInsertOptions,
): Promise<SeedInsertResult<T>> {
  const result: SeedInsertResult<T> = { inserted: 0, existing: [] };
  for (let i = 0; i < docs.length; i += batchSize) {
    const batch = docs.slice(i, i + batchSize);
    if (skipBatchesAlreadyThere && (await bothEndsPresent(collection, batch))) {
      result.existing.push(...batch);
    } else {
      try {
        result.inserted += (await collection.insertMany(batch as unknown as mongo.Document[], { ordered: false })).insertedCount;
      } catch (err) {
        const refused = duplicatesOnly(err);
        if (!refused) throw err;
        result.inserted += batch.length - refused.length;
        result.existing.push(...refused.map((index) => batch[index]!).filter(Boolean));
      }
    }
    if (docs.length > batchSize) log(`${label}: ${Math.min(i + batchSize, docs.length)}/${docs.length}`);
  }
  log(`${label}: ${docs.length} (${result.inserted} new)`);
  return result;
}

async function bothEndsPresent(
  collection: Pick<mongo.Collection<mongo.Document>, 'findOne'>,
  batch: readonly { _id: string }[],
): Promise<boolean> {
  const ends = [batch[0]!, batch.at(-1)!];
  const found = await Promise.all(
    ends.map((d) => collection.findOne({ _id: d._id } as unknown as mongo.Filter<mongo.Document>, { projection: { _id: 1 } })),
  );
  return found.every(Boolean);
}

/** The batch indexes refused for a duplicate key when those are the only failures; null otherwise. */
function duplicatesOnly(err: unknown): number[] | null {
  const raw = (err as { writeErrors?: WriteError | WriteError[] }).writeErrors;
  const errors = raw === undefined ? [] : [raw].flat();
  if (errors.length === 0) return (err as { code?: number }).code === 11000 ? [] : null;
  if (!errors.every((e) => (e.code ?? e.err?.code) === 11000)) return null;
  return errors.map((e) => e.index ?? e.err?.index ?? -1);
}
