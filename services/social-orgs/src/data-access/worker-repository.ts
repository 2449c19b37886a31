import { OUTBOX_FIELD, type OutboxEntry, type PageRequest, uniqueWrite } from '@sanshe/service-kit';
import type { CommunityDirectory, KnownCommunity } from '@sanshe/community-directory';
import type { FilterQuery } from 'mongoose';
import type { Organization } from '../domain/organization';
import type { Certificate, CertificateLevel, Evaluation, SocialWorker, Training, WorkerStore } from '../domain/social-worker';
import type { WorkerFilter, WorkerReads } from '../domain/worker-queries';
import type { WorkerFacts } from '../domain/worker-stats';
import type { SocialOrgsModels } from './models';

function workerQuery(filter: WorkerFilter): FilterQuery<SocialWorker> {
  const query: FilterQuery<SocialWorker> = {};
  if (filter.organizationId) query.organizationId = filter.organizationId;
  if (filter.communityId) query.communityId = filter.communityId;
  if (filter.streetId) query.streetId = filter.streetId;
  // Workers stored before the flag existed were all under evaluation, hence $ne rather than true.
  if (filter.underTargetEvaluation === true) query.underTargetEvaluation = { $ne: false };
  if (filter.underTargetEvaluation === false) query.underTargetEvaluation = false;
  return query;
}

export class WorkerRepository implements WorkerStore, WorkerReads {
  constructor(
    private readonly models: SocialOrgsModels,
    private readonly directory: CommunityDirectory,
  ) {}

  worker(id: string): Promise<SocialWorker | null> {
    return this.models.SocialWorker.findById(id).lean<SocialWorker>();
  }

  organization(id: string): Promise<Organization | null> {
    return this.models.Organization.findById(id).lean<Organization>();
  }

  community(id: string): Promise<KnownCommunity | null> {
    return this.directory.get(id);
  }

  async insertWorker(worker: SocialWorker, events: OutboxEntry[]): Promise<void> {
    await uniqueWrite('SocialWorker', () => this.models.SocialWorker.create({ ...worker, [OUTBOX_FIELD]: events }));
  }

  certify(
    id: string,
    expectedLevel: CertificateLevel | null,
    certificate: Certificate,
    events: OutboxEntry[],
  ): Promise<SocialWorker | null> {
    const held = expectedLevel === null ? { certificate: null } : { 'certificate.level': expectedLevel };
    return this.models.SocialWorker.findOneAndUpdate(
      { _id: id, ...held },
      { $set: { certificate }, $push: { [OUTBOX_FIELD]: { $each: events } } },
      { new: true },
    ).lean<SocialWorker>();
  }

  addTraining(id: string, training: Training): Promise<SocialWorker | null> {
    return this.models.SocialWorker.findOneAndUpdate({ _id: id }, { $push: { trainings: training } }, { new: true }).lean<SocialWorker>();
  }

  recordDeparture(id: string, leftOn: string, events: OutboxEntry[]): Promise<SocialWorker | null> {
    return this.models.SocialWorker.findOneAndUpdate(
      { _id: id, status: 'ACTIVE' },
      { $set: { status: 'LEFT', leftOn }, $push: { [OUTBOX_FIELD]: { $each: events } } },
      { new: true },
    ).lean<SocialWorker>();
  }

  async insertEvaluation(evaluation: Evaluation, events: OutboxEntry[]): Promise<void> {
    await uniqueWrite('Evaluation', () => this.models.Evaluation.create({ ...evaluation, [OUTBOX_FIELD]: events }));
  }

  byIds(ids: readonly string[]): Promise<SocialWorker[]> {
    return this.models.SocialWorker.find({ _id: { $in: [...ids] } }).lean<SocialWorker[]>();
  }

  search(filter: WorkerFilter, page: PageRequest): Promise<SocialWorker[]> {
    const query = workerQuery(filter);
    if (page.afterKey) query._id = { $gt: page.afterKey };
    return this.models.SocialWorker.find(query)
      .sort({ _id: 1 })
      .limit(page.limit + 1)
      .lean<SocialWorker[]>();
  }

  postedIn(communityIds: readonly string[]): Promise<SocialWorker[]> {
    return this.models.SocialWorker.find({ communityId: { $in: [...communityIds] }, status: 'ACTIVE' })
      .sort({ _id: 1 })
      .lean<SocialWorker[]>();
  }

  employedBy(organizationIds: readonly string[]): Promise<SocialWorker[]> {
    return this.models.SocialWorker.find({ organizationId: { $in: [...organizationIds] }, status: 'ACTIVE' })
      .sort({ _id: 1 })
      .lean<SocialWorker[]>();
  }

  /** Social workers are a few hundred documents; statistics read four fields of the active ones. */
  statsFacts(filter: WorkerFilter): Promise<WorkerFacts[]> {
    return this.models.SocialWorker.find({ ...workerQuery(filter), status: 'ACTIVE' })
      .select({ birthDate: 1, education: 1, certificate: 1, underTargetEvaluation: 1 })
      .lean<WorkerFacts[]>();
  }

  evaluationsOf(workerIds: readonly string[]): Promise<Evaluation[]> {
    return this.models.Evaluation.find({ socialWorkerId: { $in: [...workerIds] } })
      .sort({ year: -1 })
      .lean<Evaluation[]>();
  }

  /** The scores of whole years, to rank evaluations district-wide. */
  scoresOf(years: readonly number[]): Promise<Pick<Evaluation, 'year' | 'score'>[]> {
    return this.models.Evaluation.find({ year: { $in: [...years] } })
      .select({ year: 1, score: 1 })
      .lean<Pick<Evaluation, 'year' | 'score'>[]>();
  }
}
