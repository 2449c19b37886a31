import { isDuplicateKeyError } from '@sanshe/service-kit';
import type { ClaimRegistry } from '../domain/contract';
import type { ContractClaim } from '../domain/contract-claims';
import type { SocialOrgsModels } from './models';

const BATCH = 5_000;

/** Claims in Mongo: the unique `_id` decides who holds a month; every write is by `_id`. */
export class ContractClaimRepository implements ClaimRegistry {
  constructor(private readonly models: SocialOrgsModels) {}

  async insertInOrder(claims: ContractClaim[]): Promise<{ inserted: number; stopped: boolean; holder: ContractClaim | null }> {
    for (let offset = 0; offset < claims.length; offset += BATCH) {
      const batch = claims.slice(offset, offset + BATCH);
      try {
        await this.models.ContractClaim.collection.insertMany(batch as never[], { ordered: true });
      } catch (err) {
        if (!isDuplicateKeyError(err) && !firstWriteErrorIsDuplicate(err)) throw err;
        const inserted = offset + firstFailedIndex(err);
        const holder = await this.models.ContractClaim.findById(claims[inserted]!._id).lean<ContractClaim>();
        return { inserted, stopped: true, holder };
      }
    }
    return { inserted: claims.length, stopped: false, holder: null };
  }

  /** Removes this signing's claims only (`signingId`), one `deleteMany` per batch of ids. */
  async remove(ids: readonly string[], signingId: string): Promise<void> {
    for (let offset = 0; offset < ids.length; offset += BATCH) {
      await this.models.ContractClaim.deleteMany({ _id: { $in: ids.slice(offset, offset + BATCH) }, signingId });
    }
  }
}

type WriteErrors = { writeErrors?: { index?: number; code?: number }[] | { index?: number; code?: number } };

function writeErrors(err: unknown): { index?: number; code?: number }[] {
  const found = (err as WriteErrors).writeErrors;
  return Array.isArray(found) ? found : found ? [found] : [];
}

const firstWriteErrorIsDuplicate = (err: unknown) => writeErrors(err)[0]?.code === 11000;

/** An ordered insert stops at its first failure; the driver reports where. */
function firstFailedIndex(err: unknown): number {
  const index = writeErrors(err)[0]?.index ?? (err as { index?: number }).index;
  if (typeof index !== 'number') throw err;
  return index;
}
