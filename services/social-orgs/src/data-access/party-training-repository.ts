import { OUTBOX_FIELD, uniqueWrite, type PageRequest } from '@sanshe/service-kit';
import type { FilterQuery } from 'mongoose';
import type { CourseAttendance, PartyTrainingCourse, PartyTrainingStore } from '../domain/party-training';
import type { PartyTrainingReads } from '../domain/party-training-queries';
import type { SocialWorker } from '../domain/social-worker';
import { ParticipantRepository } from './participant-repository';

export class PartyTrainingRepository extends ParticipantRepository implements PartyTrainingStore, PartyTrainingReads {
  socialWorker(id: string): Promise<SocialWorker | null> {
    return this.models.SocialWorker.findById(id, { [OUTBOX_FIELD]: 0 })
      .lean<SocialWorker>()
      .exec();
  }

  course(id: string): Promise<PartyTrainingCourse | null> {
    return this.models.PartyTrainingCourse.findById(id).lean<PartyTrainingCourse>().exec();
  }

  async insertCourse(course: PartyTrainingCourse): Promise<void> {
    await this.models.PartyTrainingCourse.create(course);
  }

  async insertAttendance(attendance: CourseAttendance): Promise<void> {
    await uniqueWrite('CourseAttendance', () => this.models.CourseAttendance.create(attendance));
  }

  coursesByIds(ids: readonly string[]): Promise<PartyTrainingCourse[]> {
    return this.models.PartyTrainingCourse.find({ _id: { $in: [...ids] } })
      .lean<PartyTrainingCourse[]>()
      .exec();
  }

  coursePage(filter: { streetId?: string | null }, page: PageRequest): Promise<PartyTrainingCourse[]> {
    const query: FilterQuery<PartyTrainingCourse> = {};
    if (filter.streetId) query.streetId = filter.streetId;
    if (page.afterKey) query._id = { $gt: page.afterKey };
    return this.models.PartyTrainingCourse.find(query)
      .sort({ _id: 1 })
      .limit(page.limit + 1)
      .lean<PartyTrainingCourse[]>()
      .exec();
  }

  attendanceOfOrganizations(organizationIds: readonly string[]): Promise<CourseAttendance[]> {
    return this.models.CourseAttendance.find({ organizationId: { $in: [...organizationIds] } })
      .sort({ heldOn: -1, _id: 1 })
      .lean<CourseAttendance[]>()
      .exec();
  }

  attendanceOfCourses(courseIds: readonly string[]): Promise<CourseAttendance[]> {
    return this.models.CourseAttendance.find({ courseId: { $in: [...courseIds] } }, { courseId: 1, kind: 1, personId: 1, hoursCredited: 1 })
      .lean<CourseAttendance[]>()
      .exec();
  }
}
