import type { PageArgs } from '@sanshe/service-kit';
import { today } from '../../domain/common';
import {
  monthlyAllowanceEligible,
  recordCertification,
  recordDeparture,
  recordEvaluation,
  recordTraining,
  registerSocialWorker,
  type CertificateLevel,
  type Evaluation,
  type RegisterWorkerInput,
  type SocialWorker,
} from '../../domain/social-worker';
import { listWorkers, visibleWorker, workerStats, workersPostedIn, type WorkerFilter } from '../../domain/worker-queries';
import { ageOn, isCollegeOrAbove } from '../../domain/worker-stats';
import { averageSatisfaction, type WorkerServiceYear } from '../../domain/worker-service-record';
import type { SocialOrgsContext, SocialOrgsDeps } from './context';

export function workerResolvers(deps: SocialOrgsDeps) {
  const workerDeps = { store: deps.workers, events: deps.events };
  return {
    Query: {
      socialWorker: async (_: unknown, args: { id: string }, ctx: SocialOrgsContext) =>
        visibleWorker(ctx.identity, await ctx.loaders.workers.load(args.id)),
      socialWorkers: (_: unknown, args: PageArgs & { filter?: WorkerFilter | null }, ctx: SocialOrgsContext) =>
        listWorkers(ctx.identity, args, deps.workers),
      socialWorkerStats: (_: unknown, args: { filter?: WorkerFilter | null; asOf?: string | null }) =>
        workerStats(args, deps.config.STATS_AS_OF, deps.workers),
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
      recordSocialWorkerDeparture: (_: unknown, args: { socialWorkerId: string; leftOn: string }, ctx: SocialOrgsContext) =>
        recordDeparture(args.socialWorkerId, { leftOn: args.leftOn }, ctx, workerDeps),
      recordEvaluation: (
        _: unknown,
        args: { socialWorkerId: string; input: { year: number; score: number; comment?: string | null } },
        ctx: SocialOrgsContext,
      ) => recordEvaluation(args.socialWorkerId, args.input, ctx, workerDeps),
    },
    Community: {
      socialWorkers: (c: { id: string }, _: unknown, ctx: SocialOrgsContext) =>
        workersPostedIn(ctx.identity, c.id, {
          community: (id) => ctx.loaders.knownCommunities.load(id),
          postedIn: (id) => ctx.loaders.workersPostedIn.load(id),
        }),
    },
    SocialWorker: {
      __resolveReference: async (r: { id: string }, ctx: SocialOrgsContext) =>
        visibleWorker(ctx.identity, await ctx.loaders.workers.load(r.id)),
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
