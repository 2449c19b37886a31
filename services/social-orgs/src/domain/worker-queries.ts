import {
  allows,
  authorize,
  pageRequest,
  toConnection,
  type Connection,
  type FigureSource,
  type Identity,
  type PageArgs,
  type PageRequest,
  type Policy,
} from '@sanshe/domain-kit';
import type { KnownCommunity } from '@sanshe/community-directory';
import { parseDay, today } from './common';
import { authorizeOwnRecords, type Load } from './organization-queries';
import type { Organization } from './organization';
import { SOCIAL_WORKER_STATS_SOURCES } from './report-sources';
import { readWorkerPolicy, type Evaluation, type SocialWorker } from './social-worker';
import type { WorkerServiceYear } from './worker-service-record';
import { evaluatedWorkerStats, type SocialWorkerStats, type WorkerFacts } from './worker-stats';

export interface WorkerFilter {
  organizationId?: string | null;
  communityId?: string | null;
  streetId?: string | null;
  underTargetEvaluation?: boolean | null;
}

/** What the social-worker reads need of the store: batch reads, pages and the stats' facts. */
export interface WorkerReads {
  community(id: string): Promise<KnownCommunity | null>;
  byIds(ids: readonly string[]): Promise<SocialWorker[]>;
  search(filter: WorkerFilter, page: PageRequest): Promise<SocialWorker[]>;
  postedIn(communityIds: readonly string[]): Promise<SocialWorker[]>;
  employedBy(organizationIds: readonly string[]): Promise<SocialWorker[]>;
  statsFacts(filter: WorkerFilter): Promise<WorkerFacts[]>;
  evaluationsOf(workerIds: readonly string[]): Promise<Evaluation[]>;
  scoresOf(years: readonly number[]): Promise<Pick<Evaluation, 'year' | 'score'>[]>;
}

/** The served-order record read per worker (one query per batch). */
export interface WorkerServiceReads {
  ofWorkers(workerIds: readonly string[]): Promise<WorkerServiceYear[]>;
}

/** A worker the caller may read (the worker, their employer, their community, street or the district), or null when none. */
export function visibleWorker(identity: Identity, worker: SocialWorker | null): SocialWorker | null {
  if (worker) authorize(identity, readWorkerPolicy(worker));
  return worker;
}

/** Listing needs a scope the caller serves: an organization, a community or a street; the whole district is DISTRICT_ADMIN's. */
async function authorizeListing(identity: Identity, filter: WorkerFilter, reads: Pick<WorkerReads, 'community'>): Promise<void> {
  const policies: Policy[] = [];
  if (filter.organizationId) {
    policies.push({
      action: `list the social workers of organization ${filter.organizationId}`,
      roles: ['DISTRICT_ADMIN', 'ORG_STAFF'],
      scope: { orgId: filter.organizationId },
    });
  }
  if (filter.communityId) {
    const community = await reads.community(filter.communityId);
    policies.push({
      action: `list the social workers of community ${filter.communityId}`,
      roles: ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF'],
      scope: { communityId: filter.communityId, streetId: community?.streetId ?? null },
    });
  }
  if (filter.streetId) {
    policies.push({
      action: `list the social workers of street ${filter.streetId}`,
      roles: ['DISTRICT_ADMIN', 'STREET_STAFF'],
      scope: { streetId: filter.streetId },
    });
  }
  if (policies.length === 0) policies.push({ action: 'list the social workers of the whole district', roles: ['DISTRICT_ADMIN'] });
  if (policies.some((p) => allows(identity, p))) return;
  authorize(identity, policies[0]!);
}

export async function listWorkers(
  identity: Identity,
  args: PageArgs & { filter?: WorkerFilter | null },
  reads: Pick<WorkerReads, 'community' | 'search'>,
): Promise<Connection<SocialWorker>> {
  const filter = args.filter ?? {};
  await authorizeListing(identity, filter, reads);
  const page = pageRequest(args);
  return toConnection(await reads.search(filter, page), page.limit, (w) => w._id);
}

/** The district's worker statistics as of a day (the configured report day, else today); its sources only when district-wide. */
export async function workerStats(
  args: { filter?: WorkerFilter | null; asOf?: string | null },
  defaultAsOf: string | null | undefined,
  reads: Pick<WorkerReads, 'statsFacts'>,
): Promise<SocialWorkerStats & { sources: readonly FigureSource[] }> {
  const asOf = args.asOf ? parseDay('asOf', args.asOf) : (defaultAsOf ?? today());
  // The filter's own underTargetEvaluation is ignored: the stats always split evaluated from all.
  const stats = evaluatedWorkerStats(await reads.statsFacts({ ...args.filter, underTargetEvaluation: null }), asOf);
  const districtWide = !args.filter || Object.values(args.filter).every((v) => v === null || v === undefined);
  return { ...stats, sources: districtWide ? SOCIAL_WORKER_STATS_SOURCES : [] };
}

/** The workers posted in a community: the district, its street and its own staff. */
export async function workersPostedIn(
  identity: Identity,
  communityId: string,
  loads: { community: Load<KnownCommunity | null>; postedIn: Load<SocialWorker[]> },
): Promise<SocialWorker[]> {
  const community = await loads.community(communityId);
  authorize(identity, {
    action: `list the social workers of community ${communityId}`,
    roles: ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF'],
    scope: { communityId, streetId: community?.streetId ?? null },
  });
  return loads.postedIn(communityId);
}

export function workersEmployedBy(
  identity: Identity,
  organization: Organization,
  employedBy: Load<SocialWorker[]>,
): Promise<SocialWorker[]> {
  authorizeOwnRecords(identity, organization, `list the social workers of ${organization.name}`);
  return employedBy(organization._id);
}
