import { byIdLoader, groupedLoader, type EventFactory, type RequestContext } from '@sanshe/service-kit';
import type { CommunityDirectory, KnownCommunity } from '@sanshe/community-directory';
import DataLoader from 'dataloader';
import type { SocialOrgsConfig } from '../../config';
import type { AnnualReview, AnnualReviewStore } from '../../domain/annual-review';
import type { ClaimRegistry, ContractStore, ServiceContract } from '../../domain/contract';
import type { ContractCounters, ContractReads, PerformanceReads } from '../../domain/contract-queries';
import type { Organization, OrganizationStore, ServiceCentre } from '../../domain/organization';
import type { OrganizationReads } from '../../domain/organization-queries';
import type { JointMeeting, OrganizationEvaluation, OrganizationSupport, PartyBuildingStore } from '../../domain/party-building';
import type { PartyBuildingReads } from '../../domain/party-building-queries';
import type { CourseAttendance, PartyTrainingCourse, PartyTrainingStore } from '../../domain/party-training';
import type { PartyTrainingReads } from '../../domain/party-training-queries';
import type { PerformanceStore } from '../../domain/performance';
import type { Evaluation, SocialWorker, WorkerStore } from '../../domain/social-worker';
import type { WorkerReads, WorkerServiceReads } from '../../domain/worker-queries';
import type { WorkerServiceStore, WorkerServiceYear } from '../../domain/worker-service-record';

/** Everything the resolvers and consumers reach, built once per service: the domain's ports, implemented in data-access. */
export interface SocialOrgsDeps {
  config: SocialOrgsConfig;
  events: EventFactory;
  directory: CommunityDirectory;
  organizations: OrganizationStore & AnnualReviewStore & OrganizationReads;
  workers: WorkerStore & WorkerReads;
  contracts: ContractStore & ContractReads;
  claims: ClaimRegistry;
  performance: PerformanceStore & PerformanceReads;
  workerService: WorkerServiceStore & WorkerServiceReads;
  partyBuilding: PartyBuildingStore & PartyBuildingReads;
  partyTraining: PartyTrainingStore & PartyTrainingReads;
}

/** Groups rows under every key they carry (an organization serves several communities). */
function multiGroupedLoader<T>(
  fetch: (keys: readonly string[]) => Promise<T[]>,
  keysOf: (row: T) => readonly string[],
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await fetch(keys);
    const wanted = new Set(keys);
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      for (const key of keysOf(row)) {
        if (!wanted.has(key)) continue;
        groups.set(key, [...(groups.get(key) ?? []), row]);
      }
    }
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/** One query per batch for every entity reference and list field. */
export function createLoaders(deps: SocialOrgsDeps) {
  return {
    organizations: byIdLoader<Organization>((ids) => deps.organizations.byIds(ids)),
    organizationsServing: multiGroupedLoader(
      (ids) => deps.organizations.serving(ids),
      (o: Organization) => o.communityIds,
    ),
    incubatedBy: groupedLoader(
      (ids) => deps.organizations.incubatedBy(ids),
      (o: Organization) => o.incubatingHubId ?? '',
    ),
    stationedAt: groupedLoader(
      (ids) => deps.organizations.stationedAt(ids),
      (o: Organization) => o.serviceCentreId ?? '',
    ),
    branchOf: groupedLoader(
      (ids) => deps.organizations.branchesOf(ids),
      (o: Organization) => o.partyCoverage?.partyOrganizationId ?? '',
    ),
    reviews: groupedLoader(
      (ids) => deps.organizations.reviewsOf(ids),
      (r: AnnualReview) => r.organizationId,
    ),
    centres: byIdLoader<ServiceCentre>((ids) => deps.organizations.centresByIds(ids)),
    communityCentres: groupedLoader(
      (ids) => deps.organizations.centresOfCommunities(ids),
      (c: ServiceCentre) => c.communityId ?? '',
    ),
    knownCommunities: byIdLoader<KnownCommunity>((ids) => deps.directory.getMany(ids)),
    workers: byIdLoader<SocialWorker>((ids) => deps.workers.byIds(ids)),
    workersPostedIn: groupedLoader(
      (ids) => deps.workers.postedIn(ids),
      (w: SocialWorker) => w.communityId,
    ),
    workersEmployedBy: groupedLoader(
      (ids) => deps.workers.employedBy(ids),
      (w: SocialWorker) => w.organizationId,
    ),
    serviceYears: groupedLoader(
      (ids) => deps.workerService.ofWorkers(ids),
      (y: WorkerServiceYear) => y.socialWorkerId,
    ),
    evaluations: groupedLoader(
      (ids) => deps.workers.evaluationsOf(ids),
      (e: Evaluation) => e.socialWorkerId,
    ),
    yearScores: new DataLoader<number, number[]>(async (years) => {
      const rows = await deps.workers.scoresOf(years);
      return years.map((y) => rows.filter((r) => r.year === y).map((r) => r.score));
    }),
    contracts: byIdLoader<ServiceContract>((ids) => deps.contracts.byIds(ids)),
    contractsOf: groupedLoader(
      (ids) => deps.contracts.providedBy(ids),
      (c: ServiceContract) => c.providerOrgId,
    ),
    meetingsOf: multiGroupedLoader(
      (ids) => deps.partyBuilding.meetingsOf(ids),
      (m: JointMeeting) => m.organizationIds,
    ),
    supportOf: groupedLoader(
      (ids) => deps.partyBuilding.supportOf(ids),
      (s: OrganizationSupport) => s.organizationId,
    ),
    orgEvaluationsOf: groupedLoader(
      (ids) => deps.partyBuilding.evaluationsOf(ids),
      (e: OrganizationEvaluation) => e.organizationId,
    ),
    trainingCourses: byIdLoader<PartyTrainingCourse>((ids) => deps.partyTraining.coursesByIds(ids)),
    attendanceOfOrganizations: groupedLoader(
      (ids) => deps.partyTraining.attendanceOfOrganizations(ids),
      (a: CourseAttendance) => a.organizationId,
    ),
    attendanceOfCourses: groupedLoader(
      (ids) => deps.partyTraining.attendanceOfCourses(ids),
      (a: CourseAttendance) => a.courseId,
    ),
    performance: new DataLoader<string, ContractCounters | null>(async (ids) => {
      const rows = await deps.performance.byContracts(ids);
      return ids.map((id) => rows.find((r) => r._id === id) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface SocialOrgsContext extends RequestContext {
  loaders: Loaders;
}

export const buildContext = (base: RequestContext, deps: SocialOrgsDeps): SocialOrgsContext => ({ ...base, loaders: createLoaders(deps) });
