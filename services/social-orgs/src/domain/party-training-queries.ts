import { pageRequest, toConnection, type Connection, type Identity, type PageArgs, type PageRequest } from '@sanshe/domain-kit';
import { authorizeOwnRecords, type Load } from './organization-queries';
import type { Organization } from './organization';
import { trainingByPerson, type CourseAttendance, type PartyTrainingCourse, type PersonTraining } from './party-training';

/** What the party-training reads need of the store: pages and batch reads by course and organization. */
export interface PartyTrainingReads {
  coursesByIds(ids: readonly string[]): Promise<PartyTrainingCourse[]>;
  coursePage(filter: { streetId?: string | null }, page: PageRequest): Promise<PartyTrainingCourse[]>;
  attendanceOfOrganizations(organizationIds: readonly string[]): Promise<CourseAttendance[]>;
  attendanceOfCourses(courseIds: readonly string[]): Promise<CourseAttendance[]>;
}

/** Courses are public, by street. */
export async function listCourses(
  args: PageArgs & { streetId?: string | null },
  reads: Pick<PartyTrainingReads, 'coursePage'>,
): Promise<Connection<PartyTrainingCourse>> {
  const page = pageRequest(args);
  return toConnection(await reads.coursePage({ streetId: args.streetId }, page), page.limit, (c) => c._id);
}

export async function trainingByPersonOf(
  identity: Identity,
  organization: Organization,
  attendanceOf: Load<CourseAttendance[]>,
): Promise<PersonTraining[]> {
  authorizeOwnRecords(identity, organization, `read the training of ${organization.name}'s people`);
  return trainingByPerson(await attendanceOf(organization._id));
}
