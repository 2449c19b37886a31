import type { PageArgs } from '@sanshe/service-kit';
import { today } from '../../domain/common';
import type { Organization } from '../../domain/organization';
import {
  completeFollowUp,
  recordJointMeeting,
  recordOrganizationEvaluation,
  recordSupport,
  type FollowUp,
  type JointMeeting,
  type JointMeetingInput,
  type OrganizationEvaluationInput,
  type OrganizationSupport,
  type SupportInput,
} from '../../domain/party-building';
import { listJointMeetings, targetEvaluationsOf, type JointMeetingFilter } from '../../domain/party-building-queries';
import type { SocialOrgsContext, SocialOrgsDeps } from './context';

/** The 三三三 method's joint meetings, support and organization evaluations. */
export function partyBuildingResolvers(deps: SocialOrgsDeps) {
  const store = deps.partyBuilding;
  return {
    Query: {
      jointPartyMeetings: (_: unknown, args: PageArgs & JointMeetingFilter) => listJointMeetings(args, store),
    },
    Mutation: {
      recordJointPartyMeeting: (_: unknown, args: { input: JointMeetingInput }, ctx: SocialOrgsContext) =>
        recordJointMeeting(args.input, ctx, store, deps.events),
      completeMeetingFollowUp: (
        _: unknown,
        args: { meetingId: string; followUpId: string; doneOn?: string | null },
        ctx: SocialOrgsContext,
      ) => completeFollowUp(args.meetingId, args.followUpId, args.doneOn, ctx, store, deps.events),
      recordOrganizationSupport: (_: unknown, args: { input: SupportInput }, ctx: SocialOrgsContext) =>
        recordSupport(args.input, ctx, store, deps.events),
      recordOrganizationEvaluation: (_: unknown, args: { input: OrganizationEvaluationInput }, ctx: SocialOrgsContext) =>
        recordOrganizationEvaluation(args.input, ctx, store),
    },
    SocialOrganization: {
      jointPartyMeetings: (o: Organization, _: unknown, ctx: SocialOrgsContext) => ctx.loaders.meetingsOf.load(o._id),
      supportReceived: (o: Organization, _: unknown, ctx: SocialOrgsContext) => ctx.loaders.supportOf.load(o._id),
      targetEvaluations: (o: Organization, _: unknown, ctx: SocialOrgsContext) =>
        targetEvaluationsOf(ctx.identity, o, (id) => ctx.loaders.orgEvaluationsOf.load(id)),
    },
    JointPartyMeeting: {
      id: (m: JointMeeting) => m._id,
      organizations: async (m: JointMeeting, _: unknown, ctx: SocialOrgsContext) =>
        (await ctx.loaders.organizations.loadMany(m.organizationIds)).filter((o): o is Organization => !!o && !(o instanceof Error)),
      decisions: (m: JointMeeting) => m.decisions.map((text, i) => ({ text, followUps: m.followUps.filter((f) => f.decision === i) })),
    },
    MeetingFollowUp: {
      owner: (f: FollowUp, _: unknown, ctx: SocialOrgsContext) => ctx.loaders.organizations.load(f.ownerOrgId),
      overdue: (f: FollowUp) => !f.doneOn && f.dueOn < today(),
    },
    OrganizationSupport: {
      id: (s: OrganizationSupport) => s._id,
      organization: (s: OrganizationSupport, _: unknown, ctx: SocialOrgsContext) => ctx.loaders.organizations.load(s.organizationId),
    },
  };
}
