import { isDuplicateKeyError } from '@sanshe/service-kit';
import type { RankingBoard } from '../domain/posting';
import { recordOnRanking, removeFromRanking, type RankEntry } from '../domain/ranking';
import type { LedgerModels, RankingDoc } from './models';

/**
 * One small document per community, rewritten whole: a top-N list is merged in code, so
 * each rewrite is conditional on the version it read, and a writer that lost the race
 * merges again on the winner's list (two replicas' consumers may race on one community).
 */
type Raw = Record<string, unknown>;
const MAX_ATTEMPTS = 20;

export class RankingRepository implements RankingBoard {
  constructor(private readonly models: Pick<LedgerModels, 'Ranking'>) {}

  private async change(communityId: string, merge: (top: RankEntry[]) => RankEntry[] | null): Promise<void> {
    const rankings = this.models.Ranking.collection;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const doc = await this.models.Ranking.findOne({ _id: communityId }).lean<RankingDoc>().exec();
      const next = merge(doc?.top ?? []);
      if (!next) return;
      if (doc) {
        // `version: null` also matches a seeded ranking that has none yet.
        const res = await rankings.updateOne({ _id: communityId, version: doc.version ?? null } as Raw, {
          $set: { top: next, version: (doc.version ?? 0) + 1 },
        });
        if (res.modifiedCount === 1) return;
      } else {
        try {
          await rankings.insertOne({ _id: communityId, top: next, version: 1 } as Raw as never);
          return;
        } catch (err) {
          if (!isDuplicateKeyError(err)) throw err;
        }
      }
    }
    throw new Error(`the ranking of ${communityId} kept changing; the next earning will record it`);
  }

  recordEarned(communityId: string, residentId: string, earnedTotal: number): Promise<void> {
    return this.change(communityId, (top) => recordOnRanking(top, residentId, earnedTotal));
  }

  remove(communityId: string, residentId: string): Promise<void> {
    return this.change(communityId, (top) => removeFromRanking(top, residentId));
  }

  top(communityIds: readonly string[]): Promise<RankingDoc[]> {
    return this.models.Ranking.find(communityIds.length === 1 ? { _id: communityIds[0] } : { _id: { $in: [...communityIds] } })
      .lean<RankingDoc[]>()
      .exec();
  }
}
