import { isDuplicateKeyError, OUTBOX_FIELD, type OutboxEntry, type PageRequest } from '@sanshe/service-kit';
import {
  redemptionOf,
  stepId,
  type Redemption,
  type RedemptionRequest,
  type RedemptionStep,
  type RedemptionStore,
  type Reward,
  type RewardStore,
} from '../domain/redemption';
import { stockEntryId, type StockEntry, type StockState, type StockStore } from '../domain/stock';
import type { AppendResult, StreamHead } from '../domain/stream';
import type { CatalogueModels, LedgerModels, WorkMark } from './models';
import { StreamRepository } from './stream-repository';

type Raw = Record<string, unknown>;

const ignoreDuplicate = (err: unknown) => {
  if (!isDuplicateKeyError(err)) throw err;
};

/** The catalogue, and each reward's stock stream. */
export class RewardRepository implements RewardStore, StockStore {
  private readonly stock: StreamRepository<StockState, StockEntry>;

  constructor(private readonly models: CatalogueModels) {
    this.stock = new StreamRepository(models.StockEntry, models.StockHead, { stock: 0 }, stockEntryId);
  }

  reward(id: string): Promise<Reward | null> {
    return this.models.Reward.findOne({ _id: id }).lean<Reward>().exec();
  }

  rewards(ids: readonly string[]): Promise<Reward[]> {
    return this.models.Reward.find(ids.length === 1 ? { _id: ids[0] } : { _id: { $in: [...ids] } })
      .lean<Reward[]>()
      .exec();
  }

  /** Active rewards by id; with a community, its own and the district-wide ones. */
  page(communityId: string | null, page: PageRequest): Promise<Reward[]> {
    return this.models.Reward.find({
      active: true,
      ...(communityId ? { $or: [{ communityId }, { communityId: null }] } : {}),
      ...(page.afterKey ? { _id: { $gt: page.afterKey } } : {}),
    })
      .sort({ _id: 1 })
      .limit(page.limit + 1)
      .lean<Reward[]>()
      .exec();
  }

  /** Rewards of many campaigns, one query, by id. */
  ofCampaigns(campaignIds: readonly string[]): Promise<Reward[]> {
    return this.models.Reward.find({ campaignId: { $in: [...campaignIds] } })
      .sort({ _id: 1 })
      .lean<Reward[]>()
      .exec();
  }

  /** One field of one document; null when no such reward exists. */
  setCampaign(rewardId: string, campaignId: string | null): Promise<Reward | null> {
    return this.models.Reward.findOneAndUpdate({ _id: rewardId }, { $set: { campaignId } }, { new: true }).lean<Reward>().exec();
  }

  async insert(reward: Reward): Promise<Reward> {
    await this.models.Reward.collection.insertOne(reward as unknown as Raw as never);
    return reward;
  }

  async stockOf(rewardId: string): Promise<number> {
    return (await this.stock.head(rewardId)).state.stock;
  }

  async stocks(rewardIds: readonly string[]): Promise<Map<string, number>> {
    const heads = await this.stock.heads(rewardIds);
    return new Map([...heads].map(([id, head]) => [id, head.state.stock]));
  }

  head(rewardId: string): Promise<StreamHead<StockState>> {
    return this.stock.head(rewardId);
  }

  append(entry: StockEntry): Promise<AppendResult<StockEntry>> {
    return this.stock.append(entry);
  }

  rememberHead(rewardId: string, head: StreamHead<StockState>): Promise<void> {
    return this.stock.rememberHead(rewardId, head);
  }
}

/** Redemption requests and their steps, each written once. */
export class RedemptionRepository implements RedemptionStore {
  constructor(
    private readonly models: CatalogueModels,
    private readonly ledger: Pick<LedgerModels, 'Work'>,
  ) {}

  async insert(request: RedemptionRequest): Promise<void> {
    await this.markUnfinished(request._id);
    await this.models.Redemption.collection.insertOne(request as unknown as Raw as never);
  }

  async redemption(id: string): Promise<Redemption | null> {
    const [request, steps] = await Promise.all([
      this.models.Redemption.findOne({ _id: id }).lean<RedemptionRequest>().exec(),
      Promise.all(
        (['SETTLED', 'CANCEL_ASKED', 'CANCELLED'] as const).map((step) =>
          this.models.RedemptionStep.findOne({ _id: stepId(id, step) })
            .lean<RedemptionStep>()
            .exec(),
        ),
      ),
    ]);
    return request
      ? redemptionOf(
          request,
          steps.filter((s): s is RedemptionStep => s !== null),
        )
      : null;
  }

  async record(step: RedemptionStep, events: OutboxEntry[]): Promise<boolean> {
    try {
      await this.models.RedemptionStep.create({ ...step, ...(events.length > 0 ? { [OUTBOX_FIELD]: events } : {}) });
      return true;
    } catch (err) {
      ignoreDuplicate(err);
      return false;
    }
  }

  async markUnfinished(id: string): Promise<void> {
    const mark: WorkMark = { _id: `redemption:${id}`, kind: 'REDEMPTION', refId: id, accounts: [], createdAt: new Date() };
    await this.ledger.Work.collection.insertOne(mark as unknown as Raw as never).catch(ignoreDuplicate);
  }

  async finish(id: string): Promise<void> {
    await this.ledger.Work.deleteOne({ _id: `redemption:${id}` });
  }
}
