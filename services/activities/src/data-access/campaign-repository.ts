import { findByIds, OUTBOX_FIELD, toConnection, uniqueWrite, type Connection } from '@sanshe/service-kit';
import type { Campaign, CampaignPageKey, CampaignReader, CampaignStore } from '../domain/campaign';
import type { Activity } from '../domain/activity-model';
import type { ActivitiesModels, ActivityDoc } from './models';

const byIdOrder = (a: { _id: string }, b: { _id: string }) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

export class CampaignRepository implements CampaignStore, CampaignReader {
  constructor(private readonly models: ActivitiesModels) {}

  campaign(id: string): Promise<Campaign | null> {
    return this.models.Campaign.findById(id).lean<Campaign>().exec();
  }

  campaigns(): Promise<Campaign[]> {
    return this.models.Campaign.find().sort({ _id: 1 }).lean<Campaign[]>().exec();
  }

  async insertCampaign(campaign: Campaign): Promise<Campaign> {
    await uniqueWrite('Campaign', () => this.models.Campaign.create(campaign));
    return campaign;
  }

  async liveActivity(id: string): Promise<Activity | null> {
    return this.models.Activity.findById(id, { [OUTBOX_FIELD]: 0 })
      .lean<Activity>()
      .exec();
  }

  async isArchived(id: string): Promise<boolean> {
    return (await this.models.ActivityArchive.exists({ _id: id })) !== null;
  }

  /** A plain field write: membership of a campaign touches neither the roster nor its events. */
  async setActivityCampaign(activityId: string, campaignId: string | null): Promise<Activity | null> {
    return this.models.Activity.findOneAndUpdate(
      { _id: activityId },
      { $set: { campaignId } },
      { new: true, projection: { [OUTBOX_FIELD]: 0 } },
    )
      .lean<Activity>()
      .exec();
  }

  campaignsByIds(ids: readonly string[]): Promise<Campaign[]> {
    return findByIds<Campaign>(this.models.Campaign, ids);
  }

  /**
   * Pages of many campaigns' public activities (live and imported history, by id) in two
   * steps per batch, whatever the number of campaigns: the member ids of every campaign
   * asked (one id-only query per collection), then the documents of the pages cut from them.
   */
  async activityPages(keys: readonly CampaignPageKey[]): Promise<Connection<ActivityDoc>[]> {
    const campaignIds = [...new Set(keys.map((k) => k.campaignId))];
    const query = { campaignId: { $in: campaignIds }, status: { $ne: 'DRAFT' } };
    const idsOf = (model: ActivitiesModels['Activity']) =>
      model.find(query, { _id: 1, campaignId: 1 }).lean<{ _id: string; campaignId: string }[]>().exec();
    const members = (await Promise.all([idsOf(this.models.Activity), idsOf(this.models.ActivityArchive)])).flat().sort(byIdOrder);
    const pages = keys.map(({ campaignId, page }) =>
      members.filter((m) => m.campaignId === campaignId && (page.afterKey === null || m._id > page.afterKey)).slice(0, page.limit + 1),
    );
    const wanted = [...new Set(pages.flat().map((m) => m._id))];
    const live = await findByIds<ActivityDoc>(this.models.Activity, wanted);
    const liveIds = new Set(live.map((a) => a._id));
    const archived = await findByIds<ActivityDoc>(
      this.models.ActivityArchive,
      wanted.filter((id) => !liveIds.has(id)),
    );
    const docs = new Map([...live, ...archived].map((a) => [a._id, a]));
    return pages.map((rows, i) =>
      toConnection(
        rows.flatMap((m) => docs.get(m._id) ?? []),
        keys[i]!.page.limit,
        (a) => a._id,
      ),
    );
  }
}
