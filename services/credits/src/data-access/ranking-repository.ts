import { isDuplicateKeyError } from '@sanshe/service-kit';
import type { RankingBoard } from '../domain/posting';
import { recordOnRanking, removeFromRanking, type RankEntry } from '../domain/ranking';
import type { LedgerModels, RankingDoc } from './ledger-models';

/**
 * One small document per community, rewritten whole. Rankings are a view, not money: on
 * FerretDB two writes racing on one community can drop one resident's improvement, which
 * their next earning records again (earned points only grow). Writes are rare and, from
 * the earning consumer, one at a time.
 */
export class RankingRepository implements RankingBoard {
  constructor(private readonly models: Pick<LedgerModels, 'Ranking'>) {}

  private async change(communityId: string, merge: (top: RankEntry[]) => RankEntry[] | null): Promise<void> {
    const doc = await this.models.Ranking.findOne({ _id: communityId }).lean<RankingDoc>().exec();
    const next = merge(doc?.top ?? []);
    if (!next) return;
    await this.models.Ranking.collection.updateOne({ _id: communityId } as Record<string, unknown>, { $set: { top: next } }, { upsert: true }).catch((err: unknown) => {
      if (!isDuplicateKeyError(err)) throw err;
    });
  }

  recordEarned(communityId: string, residentId: string, earnedTotal: number): Promise<void> {
    return this.change(communityId, (top) => recordOnRanking(top, residentId, earnedTotal));
  }

  remove(communityId: string, residentId: string): Promise<void> {
    return this.change(communityId, (top) => removeFromRanking(top, residentId));
  }

  top(communityIds: readonly string[]): Promise<RankingDoc[]> {
    return this.models.Ranking.find(communityIds.length === 1 ? { _id: communityIds[0] } : { _id: { $in: [...communityIds] } }).lean<RankingDoc[]>().exec();
  }
}
