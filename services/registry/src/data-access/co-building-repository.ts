import { type Connection, findByIds, type OutboxEntry, type PageRequest, pushEvents } from '@sanshe/service-kit';
import type { CoBuildingStore, ProjectMatch, ProjectNeed, ResourceOffer } from '../domain/co-building';
import type { CoBuildingReader, ProjectNeedFilter, ResourceOfferFilter } from '../domain/co-building-queries';
import type { ProjectNeedDoc, RegistryModels, ResourceOfferDoc } from './models';
import { keysetPage, withoutBookkeeping } from './models/paging';

const defined = (filter: object) => Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== null && v !== undefined));

export class CoBuildingRepository implements CoBuildingStore, CoBuildingReader {
  constructor(private readonly models: RegistryModels) {}

  offer(id: string): Promise<ResourceOffer | null> {
    return this.models.ResourceOffer.findById(id, { _outbox: 0 }).lean<ResourceOfferDoc>().exec();
  }

  need(id: string): Promise<ProjectNeed | null> {
    return this.models.ProjectNeed.findById(id).lean<ProjectNeedDoc>().exec();
  }

  async insertOffer(offer: ResourceOffer): Promise<ResourceOffer> {
    await this.models.ResourceOffer.create(offer);
    return offer;
  }

  async insertNeed(need: ProjectNeed): Promise<ProjectNeed> {
    await this.models.ProjectNeed.create(need);
    return need;
  }

  async commitOffer(offerId: string, match: ProjectMatch, events: OutboxEntry[]): Promise<ResourceOffer | null> {
    const doc = await this.models.ResourceOffer.findOneAndUpdate(
      { _id: offerId, status: 'OPEN' },
      { $set: { status: 'MATCHED', match }, ...pushEvents(events) },
      { new: true },
    )
      .lean<ResourceOfferDoc>()
      .exec();
    return doc ? withoutBookkeeping(doc) : null;
  }

  offerPage(filter: ResourceOfferFilter, page: PageRequest): Promise<Connection<ResourceOffer>> {
    return keysetPage<ResourceOfferDoc>(this.models.ResourceOffer, defined(filter), page, { _outbox: 0 });
  }

  needPage(filter: ProjectNeedFilter, page: PageRequest): Promise<Connection<ProjectNeed>> {
    return keysetPage<ProjectNeedDoc>(this.models.ProjectNeed, defined(filter), page);
  }

  offersByIds(ids: readonly string[]): Promise<ResourceOffer[]> {
    return findByIds<ResourceOfferDoc>(this.models.ResourceOffer, ids, { _outbox: 0 });
  }

  needsByIds(ids: readonly string[]): Promise<ProjectNeed[]> {
    return findByIds<ProjectNeedDoc>(this.models.ProjectNeed, ids);
  }

  /** The offers pooled for many needs, in one query, oldest match first. */
  offersMatchedTo(needIds: readonly string[]): Promise<ResourceOffer[]> {
    return this.models.ResourceOffer.find({ 'match.needId': { $in: [...needIds] } }, { _outbox: 0 })
      .sort({ 'match.matchedAt': 1, _id: 1 })
      .lean<ResourceOfferDoc[]>()
      .exec();
  }
}
