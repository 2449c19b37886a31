import type { PageArgs } from '@sanshe/service-kit';
import type { Organization } from '../../domain/organization';
import {
  recordAttendance,
  scheduleCourse,
  trainingTotals,
  type CourseAttendance,
  type PartyTrainingCourse,
  type PersonTraining,
  type RecordAttendanceInput,
  type ScheduleCourseInput,
} from '../../domain/party-training';
import { listCourses, trainingByPersonOf } from '../../domain/party-training-queries';
import type { SocialOrgsContext, SocialOrgsDeps } from './context';

/** The person an attendance or a total names, as the entity the graph resolves. */
const partyMemberOf = (p: { kind: string; personId: string }) =>
  p.kind === 'PARTY_MEMBER' ? { __typename: 'PartyMember', id: p.personId } : null;

/** 党员和骨干人才同步培养: courses, attendance, and totals per organization and person. */
export function partyTrainingResolvers(deps: SocialOrgsDeps) {
  const store = deps.partyTraining;
  const socialWorkerOf = (p: { kind: string; personId: string }, ctx: SocialOrgsContext) =>
    p.kind === 'KEY_STAFF' ? ctx.loaders.workers.load(p.personId) : null;
  return {
    Query: {
      partyTrainingCourses: (_: unknown, args: PageArgs & { streetId?: string | null }) => listCourses(args, store),
    },
    Mutation: {
      schedulePartyTrainingCourse: (_: unknown, args: { input: ScheduleCourseInput }, ctx: SocialOrgsContext) =>
        scheduleCourse(args.input, ctx, store),
      recordCourseAttendance: (_: unknown, args: { input: RecordAttendanceInput }, ctx: SocialOrgsContext) =>
        recordAttendance(args.input, ctx, store),
    },
    SocialOrganization: {
      partyTraining: async (o: Organization, _: unknown, ctx: SocialOrgsContext) =>
        trainingTotals(await ctx.loaders.attendanceOfOrganizations.load(o._id)),
      partyTrainingByPerson: (o: Organization, _: unknown, ctx: SocialOrgsContext) =>
        trainingByPersonOf(ctx.identity, o, (id) => ctx.loaders.attendanceOfOrganizations.load(id)),
    },
    PartyTrainingCourse: {
      id: (c: PartyTrainingCourse) => c._id,
      attendance: async (c: PartyTrainingCourse, _: unknown, ctx: SocialOrgsContext) =>
        trainingTotals(await ctx.loaders.attendanceOfCourses.load(c._id)),
    },
    PersonPartyTraining: {
      partyMember: (p: PersonTraining) => partyMemberOf(p),
      socialWorker: (p: PersonTraining, _: unknown, ctx: SocialOrgsContext) => socialWorkerOf(p, ctx),
    },
    CourseAttendance: {
      id: (a: CourseAttendance) => a._id,
      course: (a: CourseAttendance, _: unknown, ctx: SocialOrgsContext) => ctx.loaders.trainingCourses.load(a.courseId),
      organization: (a: CourseAttendance, _: unknown, ctx: SocialOrgsContext) => ctx.loaders.organizations.load(a.organizationId),
      partyMember: (a: CourseAttendance) => partyMemberOf(a),
      socialWorker: (a: CourseAttendance, _: unknown, ctx: SocialOrgsContext) => socialWorkerOf(a, ctx),
    },
  };
}
