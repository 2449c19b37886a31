import { allows, authorize, pageRequest, toConnection, type Identity, type PageArgs, type Policy } from '@sanshe/service-kit';
import type { WorkerFilter } from '../../data-access/worker-repository';
import { parseDay, today } from '../../domain/common';
import {
  monthlyAllowanceEligible,
  readWorkerPolicy,
  recordCertification,
  recordEvaluation,
  recordTraining,
  registerSocialWorker,
  type CertificateLevel,
  type Evaluation,
  type RegisterWorkerInput,
  type SocialWorker,
} from '../../domain/social-worker';
import { SOCIAL_WORKER_STATS_SOURCES } from '../../domain/report-sources';
import { ageOn, evaluatedWorkerStats, isCollegeOrAbove } from '../../domain/worker-stats';
import { averageSatisfaction, type WorkerServiceYear } from '../../domain/worker-service-record';
import type { SocialOrgsContext, SocialOrgsDeps } from './context';

/** Listing needs a scope the caller serves: an organization, a community or a street; the whole district is DISTRICT_ADMIN's. */
async function authorizeListing(identity: Identity, filter: WorkerFilter, deps: SocialOrgsDeps): Promise<void> {
  const policies: Policy[] = [];
  if (filter.organizationId) {
    policies.push({
      action: `list the social workers of organization ${filter.organizationId}`,
      roles: ['DISTRICT_ADMIN', 'ORG_STAFF'],
      scope: { orgId: filter.organizationId },
    });
  }
  if (filter.communityId) {
    const community = await deps.directory.get(filter.communityId);
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

function visible(worker: SocialWorker | null, ctx: SocialOrgsContext): SocialWorker | null {
  if (worker) authorize(ctx.identity, readWorkerPolicy(worker));
  return worker;
}

export function workerResolvers(deps: SocialOrgsDeps) {
  const workerDeps = { store: deps.workers, events: deps.events };
  return {
    Query: {
      socialWorker: async (_: unknown, args: { id: string }, ctx: SocialOrgsContext) =>
        visible(await ctx.loaders.workers.load(args.id), ctx),
      socialWorkers: async (_: unknown, args: PageArgs & { filter?: WorkerFilter | null }, ctx: SocialOrgsContext) => {
        const filter = args.filter ?? {};
        await authorizeListing(ctx.identity, filter, deps);
        const page = pageRequest(args);
        return toConnection(await deps.workers.search(filter, page), page.limit, (w) => w._id);
      },
      socialWorkerStats: async (_: unknown, args: { filter?: WorkerFilter | null; asOf?: string | null }) => {
        const asOf = args.asOf ? parseDay('asOf', args.asOf) : (deps.config.STATS_AS_OF ?? today());
        // The filter's own underTargetEvaluation is ignored: the stats always split evaluated from all.
        const stats = evaluatedWorkerStats(await deps.workers.statsFacts({ ...args.filter, underTargetEvaluation: null }), asOf);
        const districtWide = !args.filter || Object.values(args.filter).every((v) => v === null || v === undefined);
        return { ...stats, sources: districtWide ? SOCIAL_WORKER_STATS_SOURCES : [] };
      },
    },
    Mutation: {
      registerSocialWorker: (_: unknown, args: { input: RegisterWorkerInput }, ctx: SocialOrgsContext) =>
        registerSocialWorker(args.input, ctx, workerDeps),
      recordCertification: (
        _: unknown,
        args: { socialWorkerId: string; input: { level: CertificateLevel; certifiedOn: string; number?: string | null } },
        ctx: SocialOrgsContext,
      ) => recordCertification(args.socialWorkerId, args.input, ctx, workerDeps),
      recordTraining: (
        _: unknown,
        args: { socialWorkerId: string; input: { title: string; provider: string; hours: number; completedOn: string } },
        ctx: SocialOrgsContext,
      ) => recordTraining(args.socialWorkerId, args.input, ctx, workerDeps),
      recordEvaluation: (
        _: unknown,
        args: { socialWorkerId: string; input: { year: number; score: number; comment?: string | null } },
        ctx: SocialOrgsContext,
      ) => recordEvaluation(args.socialWorkerId, args.input, ctx, workerDeps),
    },
    Community: {
      socialWorkers: async (c: { id: string }, _: unknown, ctx: SocialOrgsContext) => {
        const community = await ctx.loaders.knownCommunities.load(c.id);
        authorize(ctx.identity, {
          action: `list the social workers of community ${c.id}`,
          roles: ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF'],
          scope: { communityId: c.id, streetId: community?.streetId ?? null },
        });
        return ctx.loaders.workersPostedIn.load(c.id);
      },
    },
    SocialWorker: {
      __resolveReference: async (r: { id: string }, ctx: SocialOrgsContext) => visible(await ctx.loaders.workers.load(r.id), ctx),
      id: (w: SocialWorker) => w._id,
      underTargetEvaluation: (w: SocialWorker) => w.underTargetEvaluation !== false,
      organization: (w: SocialWorker, _: unknown, ctx: SocialOrgsContext) => ctx.loaders.organizations.load(w.organizationId),
      community: (w: SocialWorker) => (w.communityId ? { __typename: 'Community', id: w.communityId } : null),
      age: (w: SocialWorker) => ageOn(w.birthDate, today()),
      collegeOrAbove: (w: SocialWorker) => isCollegeOrAbove(w.education),
      monthlyAllowanceEligible: (w: SocialWorker) => monthlyAllowanceEligible(w),
      trainingHours: (w: SocialWorker) => Math.round(w.trainings.reduce((sum, t) => sum + t.hours, 0) * 10) / 10,
      evaluations: (w: SocialWorker, _: unknown, ctx: SocialOrgsContext) => ctx.loaders.evaluations.load(w._id),
      serviceRecord: (w: SocialWorker, _: unknown, ctx: SocialOrgsContext) => ctx.loaders.serviceYears.load(w._id),
    },
    WorkerServiceYear: {
      averageSatisfaction: (y: WorkerServiceYear) => averageSatisfaction(y),
    },
    Evaluation: {
      rank: async (e: Evaluation, _: unknown, ctx: SocialOrgsContext) =>
        1 + (await ctx.loaders.yearScores.load(e.year)).filter((s) => s > e.score).length,
      evaluatedCount: async (e: Evaluation, _: unknown, ctx: SocialOrgsContext) => (await ctx.loaders.yearScores.load(e.year)).length,
      ordersServed: async (e: Evaluation, _: unknown, ctx: SocialOrgsContext) =>
        (await ctx.loaders.serviceYears.load(e.socialWorkerId)).find((y) => y.year === e.year)?.ordersServed ?? 0,
    },
  };
}
